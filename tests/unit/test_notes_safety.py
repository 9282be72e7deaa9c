"""Crash and concurrency safety: other processes adding at once, a writer killed before its rename."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tui.notes import NotesStore

REPO = Path(__file__).resolve().parents[2]

ADDER = textwrap.dedent(
    """
    import sys
    from tui.notes import NotesStore
    path, who, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = NotesStore(path)
    store.load()
    for i in range(count):
        store.add("article", f"{who}-{i}", tags=[who])
    """
)


def run_py(code: str, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, stderr=subprocess.PIPE)


def test_processes_adding_at_the_same_time_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    seed = NotesStore(path)
    seed.load()
    seed.add("article", "before")
    procs = [run_py(ADDER, str(path), who, "15") for who in ("one", "two", "three")]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    store = NotesStore(path)
    store.load()
    texts = sorted(n.text for n in store.list())
    expected = sorted(
        ["before"] + [f"{who}-{i}" for who in ("one", "two", "three") for i in range(15)]
    )
    assert texts == expected
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


CRASHER = textwrap.dedent(
    """
    import os, sys
    from tui.notes import NotesStore, safefile
    path = sys.argv[1]
    real_replace = os.replace
    def crash(src, dst):
        if str(dst) == path:
            os._exit(9)  # killed after the temp file is written and fsynced, before the rename
        real_replace(src, dst)
    os.replace = crash
    store = NotesStore(path)
    store.load()
    store.add("article", "never committed")
    """
)


def test_writer_killed_before_rename_leaves_old_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "notes.toml"
    store = NotesStore(path)
    store.load()
    store.add("article", "safe")
    before = path.read_bytes()
    proc = run_py(CRASHER, str(path))
    proc.communicate(timeout=60)
    assert proc.returncode == 9
    assert path.read_bytes() == before
    assert (tmp_path / "notes.toml.1").exists()  # the crash came after the backup, at the main file
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers, "the simulated crash should leave a temp file behind"
    again = NotesStore(path)
    assert [n.text for n in again.load()] == ["safe"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
