"""Small helpers shared by the tests."""

from __future__ import annotations

from agendadiff.model import Document, Layout, Letter, Section, SectionKind, Source
from agendadiff.normalize import normalize
from agendadiff.segment import segment


def document(text: str) -> Document:
    return Document(Source(path="excerpt.txt", sha256="", encoding="utf-8"), tuple(text.split("\n")))


def layout_of(text: str) -> Layout:
    return normalize(document(text))


def letter_of(text: str) -> Letter:
    return segment(layout_of(text))


def body(text: str) -> str:
    """All paragraphs of an excerpt, joined: what a reader of the body sees."""
    return " ".join(paragraph.text for section in letter_of(text).sections for paragraph in section.paragraphs)


def of_kind(letter: Letter, kind: SectionKind) -> list[Section]:
    return [section for section in letter.sections if section.kind is kind]


def comparable(letter: Letter, shift: int = 0) -> list[tuple[object, ...]]:
    """What must not change when only the layout does: structure, titles, compared text, footnotes."""
    return [
        (
            s.id,
            s.kind,
            s.number,
            s.title,
            s.decision,
            s.formal_title,
            s.parent,
            " ".join(p.normalized for p in s.paragraphs),
            tuple((note.number - shift, note.text, note.url) for note in s.footnotes),
        )
        for s in letter.sections
    ]


def excerpt(first: int, last: int) -> str:
    """Lines first..last (1-based, inclusive) of the real letter, exactly as extracted."""
    from tests.conftest import SAMPLE

    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[first - 1 : last])
