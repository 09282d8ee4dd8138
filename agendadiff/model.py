"""The data passed between the pipeline stages: frozen dataclasses only, no behaviour beyond views."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


@dataclass(frozen=True)
class Span:
    """An inclusive range of 1-based line numbers in the source text."""

    first: int
    last: int


STDIN = "<stdin>"  # the path of a letter read from standard input, in messages and reports


@dataclass(frozen=True)
class Source:
    """Where a letter came from and what reading it took."""

    path: str  # as given, or STDIN
    sha256: str
    encoding: str
    repairs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rendering:
    """How a letter was laid out where it came from (a PDF extraction, a web page's text, ...), and why
    agendadiff thinks so: the profile that normalize read it with."""

    profile: str
    label: str
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """A letter as read: its lines, with nothing interpreted yet.

    A reader that knows the layout it wrote (a structured format) names it in `rendering`; otherwise
    normalize tells it from the text. `origins` gives each line's number in the source when the lines
    were rebuilt (wrapped page text joined into paragraphs); empty means line i is source line i + 1.
    """

    source: Source
    lines: tuple[str, ...]
    rendering: Rendering | None = None
    origins: tuple[int, ...] = ()

    def line_number(self, index: int) -> int:
        return self.origins[index] if self.origins else index + 1


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
    rendering: Rendering | None = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph as displayed (original characters) and as compared (canonical form)."""

    text: str
    normalized: str
    span: Span
    refs: tuple[NoteRef, ...] = ()
    subheading: bool = False  # "Aanleiding", "Essentie voorstel": structure inside a topic or item


class SectionKind(StrEnum):
    INTRO = "intro"
    GROUP = "group"
    TOPIC = "topic"
    SIGNATURES = "signatures"
    AGENDA = "agenda"
    PART = "part"
    ITEM = "item"
    TEXT = "text"


class LetterKind(StrEnum):
    """What a letter is: the annotated agenda before a Council meeting, the report after it, or another letter."""

    AGENDA = "geannoteerde agenda"
    REPORT = "verslag"
    OTHER = "brief"


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
    kind: LetterKind | None = None
    rendering: Rendering | None = None


# -- Comparing two letters ------------------------------------------------------------------------


class Reason(StrEnum):
    """Why two sections were paired."""

    SAME_TITLE = "same title"
    SIMILAR_TITLE = "similar title"
    SIMILAR_TEXT = "similar text"
    SAME_DOSSIER = "same dossier"  # both are about one dossier (Match.dossier names it)
    SAME_TOPIC = "same topic"  # ... and their topics agree (Match.topic)
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
    dossier: str | None = None  # the dossier that made the pair, when its words did not
    topic: str | None = None  # the topic both are about, beside that dossier


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

    @property
    def is_change(self) -> bool:
        """A deletion or insertion of more than whitespace: a paragraph joined or split is layout."""
        return self.op is not Op.EQUAL and not self.text.isspace()


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
    diff: tuple[Chunk, ...] = ()  # a changed note's text (and address), word by word


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
    dossier: str | None = None  # as in Match
    topic: str | None = None

    @property
    def id(self) -> str:
        """A stable name for the pair: the ids of its two sections."""
        return f"{self.old.id if self.old else '-'}>{self.new.id if self.new else '-'}"

    @property
    def anchor(self) -> str:
        """A name for links to the pair: the new section's id, or the old one's for a dropped section
        (an added section may take the id a dropped one had)."""
        section_id = self.new.id if self.new else f"dropped-{self.old.id if self.old else ''}"
        return topic_anchor(section_id)


def topic_anchor(section_id: str) -> str:
    """The name of a topic's place in a comparison report (see Pair.anchor)."""
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
    replaced_by: tuple[str, ...] = ()  # removed words with none of their kind added: what took their place


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
class MarkedSection:
    """A section's sentences as the positions lexicon marks them, in the old or the new letter."""

    side: str  # "old" or "new"
    section: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class ChunkOwners:
    """For each chunk of a pair's diff, the id of the sentence change it is part of (None for none)."""

    pair: str
    changes: tuple[str | None, ...]


@dataclass(frozen=True)
class Comparison:
    old: Letter
    new: Letter
    pairs: tuple[Pair, ...]
    moves: tuple[Move, ...]
    # Filled by positions.with_sentence_changes, with the lexicon the comparison was made with:
    changes: tuple[SentenceChange, ...] = ()
    marked: tuple[MarkedSection, ...] = ()
    owners: tuple[ChunkOwners, ...] = ()

    # The lookups below are asked once per pair or section: indexed once, or a long letter's report would
    # scan every change for every pair.
    def changes_of(self, pair: Pair) -> tuple[SentenceChange, ...]:
        return self._changes_by_pair.get(pair.id, ())

    def sentences_of(self, side: str, section: str) -> tuple[Sentence, ...]:
        return self._sentences_by_section.get((side, section), ())

    def owners_of(self, pair: Pair) -> list[SentenceChange | None]:
        by_id = self._change_by_id
        ids = self._owners_by_pair.get(pair.id, ())
        return [by_id.get(change) if change else None for change in ids] or [None] * len(pair.diff)

    def pair_of(self, change: SentenceChange) -> Pair:
        return self._pair_by_id[change.pair]

    @cached_property
    def position_changes(self) -> tuple[SentenceChange, ...]:
        """Changed cabinet positions, in reading order, those of a dropped topic too: a position that is no
        longer stated is a change of position. The one definition: a sentence change of kind POSITION."""
        return tuple(c for c in self.changes if c.kind is ChangeKind.POSITION)

    @cached_property
    def _changes_by_pair(self) -> dict[str, tuple[SentenceChange, ...]]:
        found: dict[str, list[SentenceChange]] = {}
        for change in self.changes:
            found.setdefault(change.pair, []).append(change)
        return {pair: tuple(changes) for pair, changes in found.items()}

    @cached_property
    def _change_by_id(self) -> dict[str, SentenceChange]:
        return {change.id: change for change in self.changes}

    @cached_property
    def _owners_by_pair(self) -> dict[str, tuple[str | None, ...]]:
        return {owners.pair: owners.changes for owners in reversed(self.owners)}

    @cached_property
    def _sentences_by_section(self) -> dict[tuple[str, str], tuple[Sentence, ...]]:
        return {(m.side, m.section): m.sentences for m in reversed(self.marked)}

    @cached_property
    def _pair_by_id(self) -> dict[str, Pair]:
        return {pair.id: pair for pair in reversed(self.pairs)}

    @property
    def changed(self) -> bool:
        return any(pair.status is not Status.UNCHANGED or pair.flags for pair in self.pairs)


# -- Following topics over many letters -------------------------------------------------------------


@dataclass(frozen=True)
class TopicLabel:
    """A topic from the topic lexicon that a section is about, with how strongly (0..1)."""

    topic: str
    score: float


class Step(StrEnum):
    """How a thread's section in one letter stands to the thread's previous appearance."""

    NEW = "new"
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    RETURNED = "returned"  # back after one or more letters without it


class Turn(StrEnum):
    """A notable turn in a thread at one appearance."""

    RETITLED = "retitled"
    TO_AGENDA = "to agenda"  # was a cover-letter topic, is now an agenda item
    TO_COVER = "to cover letter"
    SPLIT = "split off"  # this thread began as part of another one's section
    MERGED = "merged"  # another thread's section was merged into this one here


@dataclass(frozen=True)
class PositionStep:
    """A position statement of a thread at one appearance, against the appearance before.

    `status` is UNCHANGED, CHANGED (edited: `kind`, `cues` and `diff` say how), ADDED or REMOVED."""

    status: Status
    old_text: str
    new_text: str
    kind: ChangeKind | None = None
    cues: tuple[Cue, ...] = ()
    diff: tuple[Chunk, ...] = ()
    origin: str | None = None  # for an ADDED statement taken from another topic: that topic's thread

    @property
    def changes_position(self) -> bool:
        """A change of position as a comparison counts one: a position statement added or dropped, or edited
        in a way that changes what it says (kind POSITION), not a rewording."""
        return self.status in (Status.ADDED, Status.REMOVED) or self.kind is ChangeKind.POSITION


@dataclass(frozen=True)
class Appearance:
    """A thread's section in one letter. `letter` indexes Timeline.letters; word counts are against
    the thread's previous appearance (all inserted for a new thread)."""

    letter: int
    section: str
    title: str
    kind: SectionKind
    step: Step
    turns: tuple[Turn, ...]
    words: int
    deleted: int
    inserted: int
    share: float  # changed words / words of both versions, 0..1
    topics: tuple[TopicLabel, ...]
    positions: tuple[PositionStep, ...]
    related: tuple[str, ...] = ()  # threads it split from or that merged into it here
    decision: str | None = None


@dataclass(frozen=True)
class SentenceHistory:
    """One sentence's life in a thread, like a line in `git blame`: the letter that introduced it (small
    edits keep a sentence's age), the letters that edited it, and the one that dropped it, if any.

    `start`/`end` place it in the text of the thread's last section that had it."""

    text: str
    introduced: int
    edited: tuple[int, ...]
    position: bool
    start: int
    end: int
    dropped: int | None = None
    origin: str | None = None  # the thread it came from, when it moved in from another topic

    @property
    def changes(self) -> int:
        return len(self.edited)


@dataclass(frozen=True)
class Thread:
    """One topic line through the letters: its sections, whatever their titles or places."""

    id: str
    topics: tuple[TopicLabel, ...]
    appearances: tuple[Appearance, ...]
    sentences: tuple[SentenceHistory, ...]  # the latest appearance's, in reading order
    dropped: tuple[SentenceHistory, ...]  # every sentence the thread lost, in the order it lost them
    split_from: str | None = None
    merged_into: str | None = None

    @property
    def latest(self) -> Appearance:
        return self.appearances[-1]


@dataclass(frozen=True)
class TopicName:
    """A topic of the topic lexicon as people read it."""

    id: str
    nl: str
    en: str

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True)
class Timeline:
    """Letters in date order and the threads that run through them."""

    letters: tuple[Letter, ...]
    threads: tuple[Thread, ...]
    topics: tuple[str, ...]  # the topic ids of the lexicon, in its order
    topic_names: tuple[TopicName, ...] = ()  # the same topics, named


# -- Follow-through: what an agenda announced, what its verslag reports, what letters promise ---------------


class Verdict(StrEnum):
    """How the account of an agenda item in the verslag compares with what the agenda announced."""

    AS_ANNOUNCED = "as announced"
    DIVERGED = "diverged"  # another vote, or a condition the account does not mention
    NOT_REPORTED = "not reported"  # no account of the item, or none of how the Netherlands acted
    NOT_ANNOUNCED = "not announced"  # the verslag reports a Dutch act the agenda did not announce
    NO_POSITION = "no position"  # nothing announced and nothing of the Netherlands reported


@dataclass(frozen=True)
class Quote:
    """A sentence of a letter, where it stands."""

    section: str
    text: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class ItemOutcome:
    """One agenda item (or a verslag item without one) against its account."""

    agenda: Section | None
    verslag: Section | None
    verdict: Verdict
    said: Quote | None  # the announced sentence the verdict rests on
    done: Quote | None  # the reported sentence it rests on
    announced: tuple[Quote, ...] = ()  # the agenda's position statements on the item
    reported: tuple[Quote, ...] = ()  # the verslag's sentences on what the Netherlands did
    announced_vote: str | None = None  # for / against / abstain
    reported_vote: str | None = None
    conditions: tuple[str, ...] = ()  # the conditions the announced vote was given on ("mits ...")
    missing_conditions: tuple[str, ...] = ()  # those the account does not mention

    @property
    def section(self) -> Section:
        """The agenda item, or the verslag's item when the agenda had none."""
        shown = self.agenda or self.verslag
        assert shown is not None, "an item outcome has an agenda item, a verslag item or both"
        return shown


@dataclass(frozen=True)
class Outcome:
    """A meeting's geannoteerde agenda against its verslag."""

    agenda: Letter
    verslag: Letter
    items: tuple[ItemOutcome, ...]


class CommitmentStatus(StrEnum):
    OPEN = "open"  # no later letter yet, or its date is still ahead
    REPEATED = "repeated"  # a later letter makes it again, not yet kept
    FULFILLED = "fulfilled"  # a later letter reports on it
    OVERDUE = "overdue"  # its date passed before the latest letter, and no letter reports on it
    DROPPED = "dropped"  # later letters say nothing of it any more


@dataclass(frozen=True)
class Commitment:
    """A toezegging: a promise to the Kamer in one letter."""

    id: str  # stable: the letter's date and a digest of what is promised
    letter: int  # index into the register's letters
    section: str
    text: str  # the sentence: what is promised, as it says it
    who: str  # who promises: het kabinet, de minister van ..., Nederland
    due: dt.date | None  # the date it is due by, when the sentence gives one
    due_text: str  # the words that give it ("voor de zomer van 2026")


@dataclass(frozen=True)
class CommitmentTrack:
    """A commitment through the letters after it."""

    commitment: Commitment
    status: CommitmentStatus
    repeated: tuple[tuple[int, Quote], ...]  # (letter index, the sentence that makes it again)
    fulfilled: tuple[int, Quote] | None  # the letter and passage that report on it


@dataclass(frozen=True)
class Register:
    """The commitments of a series of letters, in date order, each followed to the latest letter."""

    letters: tuple[Letter, ...]
    tracks: tuple[CommitmentTrack, ...]

    @property
    def open(self) -> tuple[CommitmentTrack, ...]:
        kept = (CommitmentStatus.FULFILLED, CommitmentStatus.DROPPED)
        return tuple(t for t in self.tracks if t.status not in kept)
