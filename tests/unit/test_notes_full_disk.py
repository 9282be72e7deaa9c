"""A save that fails for lack of space (a real file-system refusal, not a mock) leaves the notes
file AND its backups as they were: `.1`, `.2`, `.3` stay three distinct earlier versions.

Two real conditions are used: a per-process file-size limit (RLIMIT_FSIZE: the kernel refuses
writes past it with EFBIG; works for any user) and, where the test may mount one, a 64 KB tmpfs
that fills up (ENOSPC)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from tui.notes import NotesStore, safefile

REPO = Path(__file__).resolve().parents[2]

ADD_BIG = textwrap.dedent(
    """
    import resource, signal, sys
    from tui.notes import NotesError, NotesStore
    path, limit, tries = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    store = NotesStore(path)
    store.load()
    failed = 0
    for i in range(tries):
        try:
            store.add("article", "x" * limit)  # the new file is larger than any file may be
        except NotesError:
            failed += 1
    print(failed)
    """
)


def _history(path: Path, versions: int) -> list[bytes]:
    """Write `versions` saves, so that `.1` `.2` `.3` hold distinct earlier files."""
    store = NotesStore(path)
    store.load()
    for i in range(versions):
        store.add("article", f"version {i}")
    return [safefile.backup_path(path, n).read_bytes() for n in (1, 2, 3)]


def _state(path: Path) -> tuple[bytes, list[bytes]]:
    return path.read_bytes(), [safefile.backup_path(path, n).read_bytes() for n in (1, 2, 3)]


def test_saves_refused_by_a_file_size_limit_keep_the_file_and_all_three_backups(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.toml"
    backups = _history(path, 5)
    assert len(set(backups)) == 3
    before = _state(path)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    limit = len(path.read_bytes()) + 4096  # old file and backups fit; the new file does not
    proc = subprocess.run(
        [sys.executable, "-c", ADD_BIG, str(path), str(limit), "3"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "3"  # every add failed, and said so
    assert _state(path) == before  # the backups are still three distinct earlier versions
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert [n.text for n in NotesStore(path).load()] == [f"version {i}" for i in range(5)]


@pytest.fixture
def tiny_tmpfs(tmp_path: Path):
    """A real 64 KB tmpfs (needs root and mount); skipped where it cannot be mounted."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mnt = tmp_path / f"tmpfs-{uuid.uuid4().hex[:8]}"
    mnt.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def test_saves_on_a_full_tmpfs_keep_the_file_and_all_three_backups(tiny_tmpfs: Path) -> None:
    path = tiny_tmpfs / "notes.toml"
    backups = _history(path, 5)
    assert len(set(backups)) == 3
    # fill the disk, leaving less room than one more copy of the notes file
    filler = tiny_tmpfs / "filler"
    with open(filler, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 1024)
        except OSError:
            pass
    before = _state(path)
    store = NotesStore(path)
    store.load()
    failures = 0
    for i in range(3):
        try:
            store.add("article", "lost for now " + "y" * 2000 + str(i))
        except Exception as exc:  # NotesError
            failures += 1
            assert "cannot save" in str(exc)
    assert failures == 3
    assert _state(path) == before
    assert store.pending  # the notes are kept in memory for a later save
    filler.unlink()  # space again: the next save writes everything and rotates once
    store.save()
    texts = [n.text for n in NotesStore(path).load()]
    assert len(texts) == 8
    assert safefile.backup_path(path, 1).read_bytes() == before[0]
    assert safefile.backup_path(path, 2).read_bytes() == before[1][0]
    assert safefile.backup_path(path, 3).read_bytes() == before[1][1]


HOLD_LOCK = textwrap.dedent(
    """
    import fcntl, os, sys, time
    fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    print("held", flush=True)
    sys.stdin.read()  # until the test closes our stdin
    """
)


class _Clock:
    """A clock the lock's waiting loop reads: each sleep moves it on, nothing really waits."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept = 0.0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds

    def time(self) -> float:
        return self.now


def test_a_held_lock_is_waited_for_once_per_add_not_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.toml"
    NotesStore(path).load()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path.with_name("notes.toml.lock"))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        clock = _Clock()
        monkeypatch.setattr(safefile, "time", clock)
        store = NotesStore(path)
        store.load()
        assert clock.slept == 0  # reading does not wait for the lock (it waited the full 10 s)
        with pytest.raises(Exception, match="locked by another Sverka"):
            store.add("article", "waits once")
        assert safefile.LOCK_TIMEOUT <= clock.slept < safefile.LOCK_TIMEOUT + 1
        assert store.pending  # kept in memory
    finally:
        holder.communicate(timeout=30)
