"""Crash- and concurrency-safe file primitives for the notes file.

- `FileLock`: an exclusive advisory lock on `<file>.lock` (fcntl.flock). Where fcntl is missing the
  lock degrades to a no-op (`FileLock.real` is False) and safety rests on the atomic replace and the
  re-read-and-merge alone.
- `atomic_write`: temp file in the same folder, fsync, `os.replace`, fsync of the folder.
- `replace_keeping_backups`: the new file written first, then the backups rotated (`<file>.1` the
  previous content, `.2` the one before, up to `BACKUPS`), then the rename: a full disk changes
  neither the file nor its backups.
- `clean_stale_temps`: removes temp files left by a writer that died before its rename.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path
from types import TracebackType

from tui.notes.model import NotesError

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux
    fcntl = None  # type: ignore[assignment]

BACKUPS = 3
"""How many previous versions are kept (`notes.toml.1` newest … `notes.toml.3` oldest)."""

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another instance to finish saving before giving up."""

STALE_TEMP_AGE = 600.0
"""Without a real lock, temp files younger than this may belong to a live writer and are kept."""


def temp_prefix(path: Path) -> str:
    """Name prefix of this file's temp files (`.notes.toml.` for `notes.toml`)."""
    return f".{path.name}."


TEMP_SUFFIX = ".tmp"


class FileLock:
    """Exclusive lock on `<path>.lock`, held across read-merge-write. Use as a context manager."""

    def __init__(self, path: Path, timeout: float = LOCK_TIMEOUT) -> None:
        self.lock_path = path.with_name(path.name + ".lock")
        self.timeout = timeout
        self.real = fcntl is not None
        self._fd: int | None = None

    def __enter__(self) -> FileLock:
        if fcntl is None:
            return self
        try:
            self._fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise NotesError(f"cannot create lock file {self.lock_path}: {exc.strerror}") from None
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(self._fd)
                    self._fd = None
                    raise NotesError(
                        f"the notes file is locked by another Sverka ({self.lock_path}); try again"
                    ) from None
                time.sleep(0.02)
            except OSError:  # e.g. a file system without flock: degrade, do not fail
                self.real = False
                return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                if fcntl is not None and self.real:
                    fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes, or None if it does not exist. Raises NotesError if it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise NotesError(f"{path}: is a folder, not a notes file") from None
    except OSError as exc:
        raise NotesError(f"{path}: cannot read ({exc.strerror})") from None


def write_temp(path: Path, data: bytes) -> Path:
    """`data` in a new, fsynced temp file beside `path` (with `path`'s permissions), not yet in
    place. On any failure (a full disk) the temp file is removed and the error raised."""
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):  # keep the user's permissions on the file
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file, whole."""
    tmp = write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def replace_keeping_backups(path: Path, data: bytes, previous: bytes | None) -> None:
    """Put `data` in place of `path`, keeping the file it replaces (`previous`) as `.1`.

    Order matters on a full disk: the new file is written and fsynced first, and the copy of
    the current file for `.1` made next (a hard link: no space needed; a copy where links are
    not possible); only when both exist are the backups shifted (renames, which need no space)
    and the new file renamed into place. A failure before that leaves the file and every backup
    as they were; a crash after the shift leaves the old file in place with `.1` a copy of it.
    """
    tmp = write_temp(path, data)
    try:
        if previous is not None:
            rotate_backups(path, previous)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def backup_path(path: Path, n: int) -> Path:
    """`notes.toml.<n>`."""
    return path.with_name(f"{path.name}.{n}")


def rotate_backups(path: Path, previous: bytes, keep: int = BACKUPS) -> None:
    """Shift `.1`..`.{keep-1}` up by one and make `previous` (the current content of `path`) the
    new `.1`. The new `.1` is prepared before anything is shifted, so a failure (no space for a
    copy) changes no backup."""
    if keep < 1:
        return
    fresh = _backup_copy(path, previous)
    try:
        for n in range(keep - 1, 0, -1):
            src = backup_path(path, n)
            if src.exists():
                os.replace(src, backup_path(path, n + 1))
        os.replace(fresh, backup_path(path, 1))
    except BaseException:
        with contextlib.suppress(OSError):
            fresh.unlink()
        raise


def _backup_copy(path: Path, previous: bytes) -> Path:
    """A temp file beside `path` holding `previous`: a hard link to `path` when it still holds
    exactly that (no disk space needed), else a written copy."""
    tmp = path.with_name(f"{temp_prefix(path)}{os.getpid()}-{time.monotonic_ns()}{TEMP_SUFFIX}")
    try:
        os.link(path, tmp)
    except OSError:
        pass
    else:
        try:
            if tmp.read_bytes() == previous:
                return tmp
        except OSError:
            pass
        with contextlib.suppress(OSError):
            tmp.unlink()
    return write_temp(path, previous)


def clean_stale_temps(path: Path, any_age: bool) -> list[Path]:
    """Remove temp files a dead writer left beside `path`; with `any_age` False only old ones."""
    removed: list[Path] = []
    folder = path.parent
    if not folder.is_dir():
        return removed
    now = time.time()
    prefix = temp_prefix(path)
    for tmp in folder.iterdir():
        if not (tmp.name.startswith(prefix) and tmp.name.endswith(TEMP_SUFFIX)):
            continue
        try:
            if any_age or now - tmp.stat().st_mtime > STALE_TEMP_AGE:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue
    return removed
