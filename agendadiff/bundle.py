"""A letter published as more than one file: the cover letter and its annexes (often the agenda itself as a
separate DOCX), kept together in one folder with a `document.json` that lists them in reading order.

`agendadiff fetch` writes such folders, and `read_letter` reads one as one letter: each file is read,
normalized and segmented on its own (an annex numbers its footnotes from 1 again and has no date line of its
own), then the annexes' sections follow the cover letter's, and what the cover letter lacks (the meeting,
say) is taken from the annexes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from agendadiff.errors import InputError
from agendadiff.lang.words import unique_name
from agendadiff.meeting import disagreement
from agendadiff.model import Letter, LetterKind, Section, SectionKind

BUNDLE_FILE = "document.json"
_OWN_DATE_MISSING = "no letter date found"


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


def read_bundle(path: Path, format_in: str | None = None) -> Letter:
    from agendadiff.normalize import normalize
    from agendadiff.readers import read_document
    from agendadiff.segment import segment

    letters = [segment(normalize(read_document(file, format_in))) for file in bundle_files(path)]
    main, annexes = letters[0], letters[1:]
    sections = list(main.sections)
    taken = {s.id for s in sections}
    for annex in annexes:
        for section in annex.sections:
            if section.kind is SectionKind.INTRO and not section.text.strip():
                continue  # an annex's empty opening (its address block, left out by the segmenter)
            sections.append(_unique(section, taken))
    # The annex's agenda title names the meeting more reliably than a cover letter copied from the last one.
    first = next((a for a in annexes if a.meeting), None)
    meeting = first.meeting if first else main.meeting
    conflict = disagreement(main.meeting, first.meeting) if first else None
    warnings = list(main.warnings) + [
        f"{file.name}: {w}"
        for file, a in zip(bundle_files(path)[1:], annexes, strict=True)
        for w in a.warnings
        if not w.startswith(_OWN_DATE_MISSING)
    ]
    if conflict is not None and conflict not in warnings:
        warnings.append(conflict)
    source = replace(
        main.source,
        path=str(path),
        sha256=bundle_digest(path),
        repairs=tuple(dict.fromkeys(r for letter in letters for r in letter.source.repairs)),
    )
    return replace(
        main,
        source=source,
        sections=tuple(sections),
        meeting=meeting,
        kind=main.kind if main.kind is not LetterKind.OTHER else next((a.kind for a in annexes), main.kind),
        date=main.date or next((a.date for a in annexes if a.date), None),
        kamerstuk=main.kamerstuk or next((a.kamerstuk for a in annexes if a.kamerstuk), None),
        warnings=tuple(warnings),
    )


def _unique(section: Section, taken: set[str]) -> Section:
    """The annex's section, renamed if the cover letter has a section of that id already."""
    name = unique_name(section.id, taken)
    taken.add(name)
    return section if name == section.id else replace(section, id=name)
