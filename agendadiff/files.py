"""Writing files so that a reader, or a run killed half-way, never sees half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".agendadiff-", ".tmp"


def write_atomically(path: str | Path, data: str | bytes) -> None:
    """Write next to the target, flush to disk, then rename over it. Raises OSError."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
            out.flush()
            os.fsync(out.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as open() would have made it, not mkstemp's owner-only mode
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def remove_leftovers(root: Path) -> list[Path]:
    """The temporary files a killed write left below `root` (its .git left alone), removed: they are ours."""
    found = [
        path
        for path in root.rglob(f"{TEMPORARY_PREFIX}*{TEMPORARY_SUFFIX}")
        if ".git" not in path.relative_to(root).parts and path.is_file()
    ]
    for path in found:
        path.unlink(missing_ok=True)
    return found
