"""The data passed between the pipeline stages: frozen dataclasses only, no behaviour beyond views."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Span:
    """An inclusive range of 1-based line numbers in the source text."""

    first: int
    last: int


@dataclass(frozen=True)
class Source:
    """Where a letter came from and what reading it took."""

    path: str
    sha256: str
    encoding: str
    repairs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """A letter as read: its lines, with nothing interpreted yet."""

    source: Source
    lines: tuple[str, ...]


@dataclass(frozen=True)
class NoteRef:
    """A footnote marker that was glued to the text: its number and where it stood."""

    number: int
    offset: int


@dataclass(frozen=True)
class Line:
    """One line of body text, footnote markers taken out, with its source line number."""

    number: int
    text: str
    refs: tuple[NoteRef, ...] = ()


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    url: str | None
    span: Span


@dataclass(frozen=True)
class Layout:
    """The body as blocks of lines, with page breaks, page furniture and footnote blocks taken out.

    A block is what a reader sees as one chunk: a paragraph, or a heading together with the
    paragraph glued under it. `width` is the wrap width the body lines were set at.
    """

    source: Source
    blocks: tuple[tuple[Line, ...], ...]
    footnotes: tuple[Footnote, ...]
    width: int
    furniture: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    """A paragraph as displayed (original characters) and as compared (canonical form)."""

    text: str
    normalized: str
    span: Span
    refs: tuple[NoteRef, ...] = ()


class SectionKind(StrEnum):
    INTRO = "intro"
    GROUP = "group"
    TOPIC = "topic"
    SIGNATURES = "signatures"
    AGENDA = "agenda"
    PART = "part"
    ITEM = "item"
    TEXT = "text"


@dataclass(frozen=True)
class Section:
    id: str
    kind: SectionKind
    title: str
    span: Span
    number: str | None = None
    parent: str | None = None
    decision: str | None = None
    formal_title: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    footnotes: tuple[Footnote, ...] = ()

    @property
    def text(self) -> str:
        """The normalized body text that later stages compare."""
        return "\n\n".join(p.normalized for p in self.paragraphs)

    @property
    def words(self) -> int:
        return sum(len(p.normalized.split()) for p in self.paragraphs)


@dataclass(frozen=True)
class Signatory:
    function: str
    name: str


@dataclass(frozen=True)
class Meeting:
    council: str
    formal: bool | None = None
    dates: tuple[dt.date, ...] = ()
    place: str | None = None


@dataclass(frozen=True)
class Letter:
    source: Source
    date: dt.date | None
    meeting: Meeting | None
    addressee: str | None
    signatories: tuple[Signatory, ...]
    sections: tuple[Section, ...]
    warnings: tuple[str, ...] = field(default=())
    kamerstuk: str | None = None  # "32 317, nr. 967" when the text says which Kamerstuk it is
