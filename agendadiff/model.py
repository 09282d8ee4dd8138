"""The data passed between the pipeline stages: frozen dataclasses only, no behaviour beyond views."""

from __future__ import annotations

import datetime as dt
import re
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


# -- Comparing two letters ------------------------------------------------------------------------


class Reason(StrEnum):
    """Why two sections were paired."""

    SAME_TITLE = "same title"
    SIMILAR_TITLE = "similar title"
    SIMILAR_TEXT = "similar text"
    PINNED = "pinned"


@dataclass(frozen=True)
class Match:
    """One pairing found by align: `old` and `new` are section ids, None for an added or removed section.

    A split is one old section matched twice: its main match, and a secondary one with `old` None and
    `split_from` naming it. A merge is the mirror image, with `merged_into`.
    """

    old: str | None
    new: str | None
    score: float = 0.0
    reasons: tuple[Reason, ...] = ()
    split_from: str | None = None
    merged_into: str | None = None


@dataclass(frozen=True)
class Alignment:
    matches: tuple[Match, ...]


class Op(StrEnum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True)
class Chunk:
    """A run of text that both versions share, or that only the old or only the new one has.

    `move` is the id of the move the text belongs to, when deleted text reappears elsewhere.
    """

    op: Op
    text: str
    move: int | None = None


@dataclass(frozen=True)
class Place:
    """Characters start..end of a section's compared text."""

    section: str
    start: int
    end: int


@dataclass(frozen=True)
class Move:
    """A sentence or run of sentences deleted in one place and inserted, identical or nearly so, in another."""

    id: int
    source: Place  # in the old letter
    target: Place  # in the new letter
    words: int
    similarity: float
    inner: tuple[Chunk, ...] = ()  # the small differences between the two, when not identical


class Status(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


class Flag(StrEnum):
    RETITLED = "retitled"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"


class NoteStatus(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class NoteChange:
    """A footnote compared as a reference: renumbering alone is no change."""

    status: NoteStatus
    old: Footnote | None
    new: Footnote | None


@dataclass(frozen=True)
class WordCounts:
    deleted: int = 0
    inserted: int = 0
    moved: int = 0

    @property
    def changed(self) -> int:
        return self.deleted + self.inserted + self.moved


@dataclass(frozen=True)
class Pair:
    """An old section and its new counterpart (either may be None), with what changed between them."""

    old: Section | None
    new: Section | None
    status: Status
    score: float
    reasons: tuple[Reason, ...]
    flags: tuple[Flag, ...]
    title_diff: tuple[Chunk, ...]
    decision_diff: tuple[Chunk, ...]
    diff: tuple[Chunk, ...]
    notes: tuple[NoteChange, ...]
    counts: WordCounts
    related: tuple[str, ...] = ()  # for a split or merge: the other sections involved

    @property
    def id(self) -> str:
        """A stable name for the pair: the ids of its two sections."""
        return f"{self.old.id if self.old else '-'}>{self.new.id if self.new else '-'}"

    @property
    def anchor(self) -> str:
        """A name for links to the pair: the new section's id, or the old one's for a dropped section
        (an added section may take the id a dropped one had)."""
        section_id = self.new.id if self.new else f"dropped-{self.old.id if self.old else ''}"
        return "t-" + re.sub(r"[^a-z0-9-]+", "-", section_id.lower()).strip("-")


class ChangeKind(StrEnum):
    """What a changed sentence changed: the cabinet's position, the facts, or only the words."""

    POSITION = "position"
    FACTUAL = "factual"
    WORDING = "wording"


class Signal(StrEnum):
    """A kind of word whose change decides a sentence's ChangeKind."""

    STANCE = "stance"
    NEGATION = "negation"
    MODAL = "modal"
    CONDITION = "condition"
    DATE = "date"
    NUMBER = "number"
    REFERENCE = "reference"
    NAME = "name"
    REWRITTEN = "rewritten"  # most of the words changed; `removed` and `added` stay empty


@dataclass(frozen=True)
class Cue:
    """One reason for a classification: the words of one signal that the old text had and the new one lacks,
    and the other way round."""

    signal: Signal
    removed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence of a section's text, and the stances in it when it is a position statement."""

    start: int
    end: int
    text: str
    stances: tuple[str, ...]  # stance ids from the lexicon, in reading order
    position: bool  # an actor (the cabinet, Nederland, wij) takes one of those stances


@dataclass(frozen=True)
class SentenceChange:
    """A sentence (or a few sentences joined or cut differently) that changed between the letters.

    `status` is CHANGED, ADDED or REMOVED; a sentence moved with edits is CHANGED with `move` set, placed
    where it went. Places are in the sections' compared text.
    """

    id: str
    pair: str  # the Pair.id this change belongs to
    status: Status
    old: Place | None
    new: Place | None
    old_text: str
    new_text: str
    position: bool  # the old or the new text is a position statement
    kind: ChangeKind
    cues: tuple[Cue, ...]
    diff: tuple[Chunk, ...]
    move: int | None = None


@dataclass(frozen=True)
class Comparison:
    old: Letter
    new: Letter
    pairs: tuple[Pair, ...]
    moves: tuple[Move, ...]
    changes: tuple[SentenceChange, ...] = ()  # filled by positions.classify

    def changes_of(self, pair: Pair) -> tuple[SentenceChange, ...]:
        return tuple(c for c in self.changes if c.pair == pair.id)

    @property
    def position_changes(self) -> tuple[SentenceChange, ...]:
        """Changed cabinet positions, in reading order: those of topics that go on or are new, not of
        dropped topics (the topic list says those are gone)."""
        removed = {p.id for p in self.pairs if p.status is Status.REMOVED}
        return tuple(c for c in self.changes if c.kind is ChangeKind.POSITION and c.pair not in removed)

    @property
    def changed(self) -> bool:
        return any(pair.status is not Status.UNCHANGED or pair.flags for pair in self.pairs)
