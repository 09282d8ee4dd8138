"""A letter published as more than one file: the cover letter and its annexes (often the agenda itself as a
separate DOCX), kept together in one folder with a `document.json` that lists them in reading order.

`agendadiff fetch` writes such folders; this module knows the folder (which files, in which order, their
digest). `pipeline.read_bundle` reads one as one letter.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from agendadiff.errors import InputError

BUNDLE_FILE = "document.json"


def is_bundle(path: Path) -> bool:
    return path.is_dir() and (path / BUNDLE_FILE).is_file()


def bundle_files(path: Path) -> list[Path]:
    """The bundle's files in reading order, as its document.json lists them."""
    name = str(path)
    try:
        data: Any = json.loads((path / BUNDLE_FILE).read_text(encoding="utf-8"))
        names = [str(entry["name"]) for entry in data["files"]]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise InputError(name, f"{BUNDLE_FILE} does not list the letter's files ({error.__class__.__name__})") from None
    if not names:
        raise InputError(name, f"{BUNDLE_FILE} lists no files")
    files = []
    for entry in names:
        file = path / entry
        if Path(entry).name != entry or not file.is_file():
            raise InputError(name, f"{BUNDLE_FILE} lists {entry!r}, which is not a file in the folder")
        files.append(file)
    return files


def bundle_digest(path: Path) -> str:
    """sha256 over the bundle's files (names and bytes) in reading order: the same letter fetched again
    gives the same digest, whatever its document.json says besides."""
    total = hashlib.sha256()
    for file in bundle_files(path):
        total.update(f"{file.name}\0{hashlib.sha256(file.read_bytes()).hexdigest()}\n".encode())
    return total.hexdigest()
