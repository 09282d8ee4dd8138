"""A `Letter` as plain JSON data and back, for `--format json`, golden files and the archive."""

from __future__ import annotations

import datetime as dt
from typing import Any

from agendadiff._version import __version__
from agendadiff.model import (
    Footnote,
    Letter,
    LetterKind,
    Meeting,
    NoteRef,
    Paragraph,
    Rendering,
    Section,
    SectionKind,
    Signatory,
    Source,
    Span,
)

FORMAT_VERSION = 1


def letter_to_data(letter: Letter) -> dict[str, Any]:
    return {
        "agendadiff": FORMAT_VERSION,
        "version": __version__,
        "source": source_data(letter.source),
        "date": _date(letter.date),
        "kamerstuk": letter.kamerstuk,
        "kind": letter.kind.value if letter.kind else None,
        "rendering": {
            "profile": letter.rendering.profile,
            "label": letter.rendering.label,
            "reasons": list(letter.rendering.reasons),
        }
        if letter.rendering
        else None,
        "meeting": meeting_data(letter.meeting),
        "addressee": letter.addressee,
        "signatories": [{"function": s.function, "name": s.name} for s in letter.signatories],
        "sections": [_section(section) for section in letter.sections],
        "warnings": list(letter.warnings),
    }


def source_data(source: Source) -> dict[str, Any]:
    """Where a letter came from, in the one shape every JSON output gives it."""
    return {
        "path": source.path,
        "sha256": source.sha256,
        "encoding": source.encoding,
        "repairs": list(source.repairs),
    }


def letter_from_data(data: dict[str, Any]) -> Letter:
    source = data["source"]
    meeting = data["meeting"]
    return Letter(
        source=Source(source["path"], source["sha256"], source["encoding"], tuple(source["repairs"])),
        date=_parse_date(data["date"]),
        meeting=Meeting(
            council=meeting["council"],
            formal=meeting["formal"],
            dates=tuple(dt.date.fromisoformat(d) for d in meeting["dates"]),
            place=meeting["place"],
        )
        if meeting
        else None,
        addressee=data["addressee"],
        signatories=tuple(Signatory(s["function"], s["name"]) for s in data["signatories"]),
        sections=tuple(_parse_section(s) for s in data["sections"]),
        warnings=tuple(data["warnings"]),
        kamerstuk=data.get("kamerstuk"),
        kind=LetterKind(data["kind"]) if data.get("kind") else None,
        rendering=_rendering(data.get("rendering")),
    )


def _rendering(data: dict[str, Any] | None) -> Rendering | None:
    return Rendering(data["profile"], data["label"], tuple(data["reasons"])) if data else None


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def meeting_data(meeting: Meeting | None) -> dict[str, Any] | None:
    if meeting is None:
        return None
    return {
        "council": meeting.council,
        "formal": meeting.formal,
        "dates": [d.isoformat() for d in meeting.dates],
        "place": meeting.place,
    }


def _span(span: Span) -> list[int]:
    return [span.first, span.last]


def _section(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "kind": section.kind.value,
        "number": section.number,
        "title": section.title,
        "parent": section.parent,
        "decision": section.decision,
        "formal_title": section.formal_title,
        "span": _span(section.span),
        "paragraphs": [
            {
                "text": p.text,
                "normalized": p.normalized,
                "span": _span(p.span),
                "refs": [{"number": r.number, "offset": r.offset} for r in p.refs],
                "subheading": p.subheading,
            }
            for p in section.paragraphs
        ],
        "footnotes": [_footnote(note) for note in section.footnotes],
    }


def _footnote(note: Footnote) -> dict[str, Any]:
    return {"number": note.number, "text": note.text, "url": note.url, "span": _span(note.span)}


def _parse_section(data: dict[str, Any]) -> Section:
    return Section(
        id=data["id"],
        kind=SectionKind(data["kind"]),
        title=data["title"],
        span=Span(*data["span"]),
        number=data["number"],
        parent=data["parent"],
        decision=data["decision"],
        formal_title=data["formal_title"],
        paragraphs=tuple(
            Paragraph(
                text=p["text"],
                normalized=p["normalized"],
                span=Span(*p["span"]),
                refs=tuple(NoteRef(r["number"], r["offset"]) for r in p["refs"]),
                subheading=p.get("subheading", False),
            )
            for p in data["paragraphs"]
        ),
        footnotes=tuple(Footnote(f["number"], f["text"], f["url"], Span(*f["span"])) for f in data["footnotes"]),
    )
