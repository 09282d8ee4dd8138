"""Writing files so that a reader, or a run killed half-way, never sees half a file."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".agendadiff-", ".tmp"
_LOG: ContextVar[Path | None] = ContextVar("agendadiff_written_log", default=None)
_UNSYNCED: ContextVar[list[str] | None] = ContextVar("agendadiff_unsynced", default=None)


@contextmanager
def recording(log: Path) -> Iterator[None]:
    """While it lasts, every write_atomically first notes in `log` the file it is about to write and the sha256
    of what it writes: what a killed run leaves can then be told from what a person edited. Its files go to
    disk together, at sync_written, instead of one by one: the run that records them has a journal to redo
    them from after a crash."""
    token, unsynced = _LOG.set(log), _UNSYNCED.set([])
    try:
        yield
    finally:
        _LOG.reset(token)
        _UNSYNCED.reset(unsynced)


def sync_written() -> None:
    """Put on disk every file this recording wrote: in one call per file system where the system has one
    (Linux's syncfs), else file by file. A commit that follows finds them all there after a power cut."""
    written = _UNSYNCED.get()
    if not written:
        return
    by_device: dict[int, list[str]] = {}
    for path in dict.fromkeys(written):
        try:
            by_device.setdefault(os.stat(path).st_dev, []).append(path)
        except FileNotFoundError:  # written, then removed in the same run
            continue
    syncfs = _syncfs()
    for paths in by_device.values():
        if syncfs is None or not _synced(paths[0], syncfs):
            for path in paths:
                _synced(path, os.fsync)
    written.clear()


def _synced(path: str, sync: Callable[[int], object]) -> bool:
    """`sync` (fsync, or syncfs for the file's whole file system) on the file at `path`: whether it went."""
    try:
        handle = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        return sync(handle) in (None, 0)
    finally:
        os.close(handle)


def _syncfs() -> Callable[[int], int] | None:
    """Linux's syncfs(fd), or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        function: Callable[[int], int] = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    return function


def recorded(log: Path) -> dict[str, set[str]]:
    """The files a `recording` noted (absolute paths) and the sha256 of each content written to them."""
    written: dict[str, set[str]] = {}
    try:
        lines = log.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return written
    for line in lines:
        digest, _, path = line.partition(" ")
        if path:
            written.setdefault(path, set()).add(digest)
    return written


def write_atomically(path: str | Path, data: str | bytes) -> None:
    """Write next to the target, flush to disk (within a `recording`: at sync_written), then rename over it.
    Raises OSError.
    A symbolic link is written through (its target changes, the link stays); a file that exists keeps its
    permissions, a new one gets what open() would give it."""
    path = os.path.realpath(path) if os.path.islink(path) else path
    folder = os.path.dirname(os.path.abspath(path))
    content = data.encode("utf-8") if isinstance(data, str) else data
    log, unsynced = _LOG.get(), _UNSYNCED.get()
    if log is not None:  # noted before the file changes: a kill after it leaves a file the log vouches for
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{hashlib.sha256(content).hexdigest()} {os.path.abspath(path)}\n")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            if unsynced is None:
                os.fsync(out.fileno())
        os.chmod(temporary, _mode_for(path))  # not mkstemp's owner-only mode
        os.replace(temporary, path)
        if unsynced is not None:
            unsynced.append(os.path.abspath(path))
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _mode_for(path: str | Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def remove_leftovers(root: Path) -> list[Path]:
    """The temporary files a killed write left below `root` (its .git left alone), removed: they are ours."""
    found = []
    for folder, folders, names in os.walk(root):
        folders[:] = [name for name in folders if name != ".git"]  # not walked: git's objects grow with history
        found += [
            Path(folder, name)
            for name in names
            if name.startswith(TEMPORARY_PREFIX) and name.endswith(TEMPORARY_SUFFIX) and Path(folder, name).is_file()
        ]
    for path in found:
        path.unlink(missing_ok=True)
    return found
