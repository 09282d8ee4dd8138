"""`archive log`: the archive's letters, oldest first, with what each one's report says changed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from agendadiff.jsontext import json_text
from agendadiff.serialize import meeting_data

if TYPE_CHECKING:
    from agendadiff.archive.layout import LogEntry

FORMAT_VERSION = 1


def log_text(entries: Sequence[LogEntry]) -> str:
    return "".join(f"{line}\n" for line in _lines(entries))


def _lines(entries: Sequence[LogEntry]) -> Iterator[str]:
    for entry in entries:
        letter, report = entry.letter, entry.report
        verslag = letter.kind == "verslag"
        yield f"{letter.date or 'undated'}  {letter.meeting_line or letter.name}" + ("  (verslag)" if verslag else "")
        if report is None:
            yield f"    first {'verslag' if verslag else 'letter'}"
        else:
            yield (
                f"    {report.changed} changed, {report.added} new, {report.removed} dropped topics; "
                f"{report.positions} position change(s)  (reports/{report.name}.html)"
            )
        yield from (f"    - {line}" for line in entry.topics)


def log_json(entries: Sequence[LogEntry]) -> str:
    return json_text(log_data(entries)) + "\n"


def log_data(entries: Sequence[LogEntry]) -> dict[str, Any]:
    from agendadiff._version import __version__

    return {
        "agendadiff": FORMAT_VERSION,
        "version": __version__,
        "kind": "log",
        "letters": [_entry(entry) for entry in entries],
    }


def _entry(entry: LogEntry) -> dict[str, Any]:
    letter, report = entry.letter, entry.report
    return {
        "name": letter.name,
        "original": letter.original,  # the letter as received, relative to the archive
        "received_as": letter.source_name,
        "sha256": letter.sha256,
        "date": letter.date.isoformat() if letter.date else None,
        "kind": letter.kind,
        "meeting": (meeting_data(letter.meeting) or {}) | {"label": letter.meeting_line} if letter.meeting else None,
        "report": {
            "name": report.name,
            "html": f"reports/{report.name}.html",
            "json": f"reports/{report.name}.json",
            "topics": {"changed": report.changed, "added": report.added, "removed": report.removed},
            "positions": report.positions,
        }
        if report
        else None,
        "topics": list(entry.topics),
    }
