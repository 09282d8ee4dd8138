"""Render: what a person or another program reads: a letter's outline, Markdown, JSON and plain text."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator

from agendadiff.jsontext import json_text
from agendadiff.lang import dutch
from agendadiff.model import Letter, NoteRef, Section, SectionKind
from agendadiff.render.common import meeting_line
from agendadiff.serialize import letter_to_data

_TITLE_WIDTH = 60
_UNTITLED = {
    SectionKind.INTRO: "(opening)",
    SectionKind.SIGNATURES: "(signatures)",
    SectionKind.TEXT: "(whole text)",
    SectionKind.AGENDA: "(annex without a title)",
}


def letter_json(letter: Letter) -> str:
    return json_text(letter_to_data(letter)) + "\n"


def outline_text(letter: Letter) -> str:
    """Metadata, then one row per section: kind, number, title, words, footnotes."""
    return "\n".join(_outline_lines(letter)) + "\n"


def _outline_lines(letter: Letter) -> Iterator[str]:
    yield f"Letter       {letter.source.path}"
    yield f"Date         {letter.date.isoformat() if letter.date else '-'}"
    if letter.kind:
        yield f"Kind         {letter.kind.value}"
    if letter.rendering:
        yield f"Read as      {letter.rendering.label} (profile {letter.rendering.profile})"
        yield f"             because: {'; '.join(letter.rendering.reasons)}"
    if letter.kamerstuk:
        yield f"Kamerstuk    {letter.kamerstuk}"
    yield f"Meeting      {meeting_line(letter.meeting)}"
    yield f"Addressee    {letter.addressee or '-'}"
    for index, signatory in enumerate(letter.signatories):
        label = "Signed by" if index == 0 else ""
        yield f"{label:<12} {signatory.name} ({signatory.function})"
    if letter.source.repairs:
        yield f"Repaired     {', '.join(letter.source.repairs)}"
    yield ""
    yield f"{'kind':<11} {'no':>4}  {'title':<{_TITLE_WIDTH}} {'words':>5}  notes"
    depth = section_depths(letter)
    for section in letter.sections:
        yield from _section_rows(section, depth[section.id])


def section_depths(letter: Letter) -> dict[str, int]:
    """How deep each section sits: 0 at the top, 1 under a part or group, 2 under a group in a part."""
    depth: dict[str, int] = {}
    for section in letter.sections:
        depth[section.id] = depth.get(section.parent, -1) + 1 if section.parent else 0
    return depth


def _section_rows(section: Section, depth: int) -> Iterator[str]:
    """One row, indented by depth, with a long title wrapped onto rows of its own rather than cut."""
    indent = "  " * depth
    title = section.title or _UNTITLED.get(section.kind, "")
    if section.decision:
        title += f" [{section.decision}]"
    lines = textwrap.wrap(title, _TITLE_WIDTH - len(indent)) or [""]
    notes = ",".join(str(note.number) for note in section.footnotes)
    first = f"{section.kind.value:<11} {section.number or '':>4}  {indent + lines[0]:<{_TITLE_WIDTH}} {section.words:>5}  {notes}"
    yield first.rstrip()
    for more in lines[1:]:
        yield f"{'':<11} {'':>4}  {indent}{more}"
    for paragraph in section.paragraphs:
        if paragraph.subheading:  # the structure inside a topic: "Aanleiding", "Essentie voorstel"
            yield f"{'':<11} {'':>4}  {indent}  · {paragraph.text}"


def plain_text(letter: Letter) -> str:
    """The letter as clean plain text: one line a paragraph, markers glued, footnotes at the end.

    Reading this text back gives the same sections: normalizing a normalized letter changes nothing.
    """
    out: list[str] = []
    head = [line for line in (letter.addressee, _dated(letter)) if line]
    if head:
        out += [*head, ""]
    for section in letter.sections:
        out += list(_plain_section(section))
    notes = [note for section in letter.sections for note in section.footnotes]
    if notes:
        out += ["", ""]
        for note in sorted(notes, key=lambda n: n.number):
            out.append(f"{note.number} {note.text}")
            if note.url and note.url not in note.text:
                out.append(note.url)
    return "\n".join(out).rstrip("\n") + "\n"


def _dated(letter: Letter) -> str | None:
    if letter.date is None:
        return None
    month = dutch.MONTH_NAMES[letter.date.month - 1]
    return f"Den Haag, {letter.date.day} {month} {letter.date.year}"


def _plain_section(section: Section) -> Iterator[str]:
    paragraphs = [_with_markers(p.text, p.refs) for p in section.paragraphs]
    if section.kind is SectionKind.SIGNATURES:
        for paragraph in section.paragraphs:
            function, _, name = paragraph.text.rpartition(", ")
            yield from (f"{function},", name, "")
        return
    if section.kind is SectionKind.PART:
        yield f"{section.number}. {section.title}" if section.number else section.title
        yield ""
        yield from _spaced(paragraphs)
        return
    if section.kind is SectionKind.ITEM:
        yield f"{section.number}. {section.title}" if section.number else section.title
        if section.decision:
            yield section.decision if section.decision[:1] in "(" else f"= {section.decision}"
        if section.formal_title:
            yield section.formal_title
        yield ""
        yield from _spaced(paragraphs)
        return
    if section.title:
        yield section.title
        if section.kind in (SectionKind.AGENDA, SectionKind.GROUP):
            yield ""
    yield from _spaced(paragraphs)


def _spaced(paragraphs: list[str]) -> Iterator[str]:
    for paragraph in paragraphs:
        yield paragraph
        yield ""


def _with_markers(text: str, refs: tuple[NoteRef, ...]) -> str:
    for ref in sorted(refs, key=lambda r: r.offset, reverse=True):
        text = text[: ref.offset] + str(ref.number) + text[ref.offset :]
    return text


# -- Markdown -------------------------------------------------------------------------------------

_SAFE_URL = re.compile(r"https?://[^\s<>\\`]+")
_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def letter_markdown(letter: Letter) -> str:
    """The letter as Markdown to read: a heading per section, footnotes as Markdown footnotes."""
    out = [f"# {_md(_letter_heading(letter))}", ""]
    facts = [
        ("Meeting", meeting_line(letter.meeting)),
        ("Addressee", letter.addressee or "-"),
        ("Source", letter.source.path),
    ]
    out += [f"- **{label}:** {_md(value)}" for label, value in facts] + [""]
    depth = section_depths(letter)
    for section in letter.sections:
        out += list(_markdown_section(section, depth[section.id]))
    notes = [note for section in letter.sections for note in section.footnotes]
    for note in notes:
        url = ""
        if note.url and note.url not in note.text:
            url = f" <{note.url}>" if _SAFE_URL.fullmatch(note.url) else f" {_md(note.url)}"
        out.append(f"[^{note.number}]: {_md(note.text)}{url}")
    return "\n".join(out).rstrip("\n") + "\n"


def _letter_heading(letter: Letter) -> str:
    when = f" of {letter.date.isoformat()}" if letter.date else ""
    return f"Geannoteerde agenda{when}"


def _markdown_section(section: Section, depth: int) -> Iterator[str]:
    level = "#" * min(6, 2 + depth)
    number = f"{section.number}. " if section.number else ""
    title = section.title or _UNTITLED.get(section.kind, "").strip("()").capitalize()
    yield f"{level} {_md(number + title)}"
    yield ""
    if section.decision:
        yield f"*Decision: {_md(section.decision)}*"
        yield ""
    if section.formal_title:
        yield f"> {_md(section.formal_title)}"
        yield ""
    for paragraph in section.paragraphs:
        text = _md_with_notes(paragraph.text, paragraph.refs)
        yield f"**{text}**" if paragraph.subheading else text
        yield ""


def _md(text: str) -> str:
    return text.translate(_MARKDOWN_SPECIAL)


def _md_with_notes(text: str, refs: tuple[NoteRef, ...]) -> str:
    pieces, cursor = [], 0
    for ref in sorted(refs, key=lambda r: r.offset):
        pieces += [_md(text[cursor : ref.offset]), f"[^{ref.number}]"]
        cursor = ref.offset
    return "".join([*pieces, _md(text[cursor:])])
