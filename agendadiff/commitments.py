"""Commitments: the toezeggingen of a series of letters, each followed through the letters after it.

A commitment is a sentence that promises the Kamer something ("Het kabinet zal uw Kamer voor de zomer van 2026
informeren over ...", "De minister heeft toegezegd ..."), found by the patterns of data/commitments.toml. A
later letter *repeats* it when it makes an alike commitment, and *fulfils* it when a passage reports on it in
the words of delivery ("Zoals toegezegd informeren wij uw Kamer hierbij over ...") and shares most of what was
promised. What a commitment is about is its sentence's content words and its section's title, and, when the
sentence points back ("daarover", "hierover"), the sentence before it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import Any, NamedTuple

from agendadiff.diff import WordCodes, codes_in_common
from agendadiff.errors import AgendadiffError
from agendadiff.kept import Kept
from agendadiff.lang.dutch import MONTH, MONTHS
from agendadiff.lang.sentences import sentence_spans
from agendadiff.lang.stems import stems
from agendadiff.lang.typography import canonical
from agendadiff.lang.words import WORD, content_words
from agendadiff.model import (
    Commitment,
    CommitmentStatus,
    CommitmentTrack,
    Letter,
    Quote,
    Register,
    Section,
    SectionKind,
)

SAME = 0.5  # a later commitment this alike (content words in order) makes the same promise again
KEPT_LETTERS_BACK = 6  # a register takes up where an earlier run stopped this many letters back at most
FULFILS = 0.5  # a delivery passage that holds this share of what was promised reports on it
DROPPED_AFTER = 2  # letters after its last mention that say nothing of it: the commitment was dropped
_ANAPHOR = re.compile(r"\b(?:daar|hier|er)(?:over|van|op|naar|mee|bij)\b", re.IGNORECASE)
# Words of every promise, which say nothing of what is promised.
_PROMISE_WORDS = frozenset(
    [
        "zal",
        "zullen",
        "kamer",
        "informeren",
        "informeer",
        "informeren",
        "inlichten",
        "berichten",
        "toesturen",
        "sturen",
        "toezenden",
        "zenden",
        "hoogte",
        "houden",
        "stellen",
        "nader",
        "toegezegd",
        "toezegging",
        "toezeggen",
        "ontvangt",
        "kabinet",
        "minister",
        "staatssecretaris",
        "nederland",
        "wij",
        "ik",
        "regering",
        "hierbij",
        "hiermee",
        "daarover",
        "hierover",
        "zoals",
    ]
)


class CommitmentsError(AgendadiffError):
    """A commitments lexicon that cannot be read."""


@dataclass(frozen=True)
class CommitmentLexicon:
    actors: re.Pattern[str]
    promise: re.Pattern[str]
    delivery: re.Pattern[str]


@cache
def shipped_lexicon() -> CommitmentLexicon:
    path = Path(__file__).parent / "data" / "commitments.toml"
    return _lexicon(tomllib.loads(path.read_text("utf-8")))


def _lexicon(data: dict[str, Any]) -> CommitmentLexicon:
    def joined(key: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in data[key]), re.IGNORECASE)

    return CommitmentLexicon(joined("actors"), joined("promise"), joined("delivery"))


@dataclass(frozen=True)
class _Delivery:
    """A sentence in the words of delivery, with the stems of what its passage is about (its section's title
    and the sentences around it)."""

    quote: Quote
    about: frozenset[str]


@dataclass(frozen=True)
class _Read:
    """What one pass over a letter's sentences finds: its promises and its deliveries."""

    commitments: list[Commitment]
    deliveries: list[_Delivery]
    # by commitment id: the stems of what it is about, and a delivery right after it that keeps it
    subjects: dict[str, list[str]] = field(default_factory=dict)
    kept_here: dict[str, Quote | None] = field(default_factory=dict)


def _read(letter: Letter, index: int, lexicon: CommitmentLexicon) -> _Read:
    commitments, deliveries = [], []
    for section in _readable(letter):
        spans = sentence_spans(section.text)
        for k, (start, end) in enumerate(spans):
            sentence = section.text[start:end]
            if lexicon.promise.search(sentence):
                actor = lexicon.actors.search(sentence)
                due, due_text = due_date(sentence, letter.date)
                commitments.append(
                    Commitment(
                        id=_stable_id(letter, sentence),
                        letter=index,
                        section=section.id,
                        text=sentence,
                        who=actor.group(0) if actor else "",
                        due=due,
                        due_text=due_text,
                    )
                )
            elif lexicon.delivery.search(sentence):
                around = " ".join(section.text[a:b] for a, b in spans[max(0, k - 1) : k + 2])
                about = frozenset(stems(_content(f"{section.title} {around}")))
                deliveries.append(_Delivery(Quote(section.id, sentence, start, end), about))
    return _Read(commitments, deliveries)


def needs_sections(kept: Kept, sha256: str) -> bool:
    """Whether the register reads the sections of the letter `sha256`: only when it was not read before
    (into `kept`); of a letter read before it needs the head (date, meeting, source) and the reading."""
    return _reading_key(sha256) not in kept.known


def _reading_key(sha256: str) -> str:
    return f"reading {sha256}"


def _reading(letter: Letter, lexicon: CommitmentLexicon) -> dict[str, Any]:
    """A letter's reading as plain data, to keep; the register puts in the letter's place when taking it:
    its promises and deliveries, and what the register asks of each promise's own section."""
    found = _read(letter, 0, lexicon)
    kept_here = {c.id: _kept_in_place(letter, c, lexicon) for c in found.commitments}
    return {
        "commitments": [
            [c.id, c.section, c.text, c.who, c.due.isoformat() if c.due else None, c.due_text]
            for c in found.commitments
        ],
        "deliveries": [
            [d.quote.section, d.quote.text, d.quote.start, d.quote.end, sorted(d.about)] for d in found.deliveries
        ],
        "subjects": {c.id: stems(_subject(letter, c)) for c in found.commitments},
        "kept_here": {
            key: [quote.section, quote.text, quote.start, quote.end] if quote else None
            for key, quote in kept_here.items()
        },
    }


def _read_from(data: dict[str, Any], index: int) -> _Read:
    commitments = [
        Commitment(id_, index, section, text, who, dt.date.fromisoformat(due) if due else None, due_text)
        for id_, section, text, who, due, due_text in data["commitments"]
    ]
    deliveries = [
        _Delivery(Quote(section, text, start, end), frozenset(about))
        for section, text, start, end, about in data["deliveries"]
    ]
    kept_here = {key: Quote(*quote) if quote else None for key, quote in data["kept_here"].items()}
    return _Read(commitments, deliveries, dict(data["subjects"]), kept_here)


def commitments_of(letter: Letter, index: int = 0, lexicon: CommitmentLexicon | None = None) -> list[Commitment]:
    """The commitments a letter makes, in reading order."""
    return _read(letter, index, lexicon or shipped_lexicon()).commitments


def register(letters: Sequence[Letter], lexicon: CommitmentLexicon | None = None, kept: Kept | None = None) -> Register:
    """Every commitment of `letters` (put in date order), followed to the latest letter. Each letter is read
    once (or taken from `kept`, by its sha256: read before with the same lexicon); a commitment is then held only against the
    later letters' promises and delivery sentences."""
    ordered = tuple(sorted(letters, key=lambda letter: (letter.date or dt.date.min, letter.source.path)))
    lexicon = lexicon or shipped_lexicon()
    kept = kept or Kept()
    read = [
        _read_from(kept.get(_reading_key(letter.source.sha256), partial(_reading, letter, lexicon)), k)
        for k, letter in enumerate(ordered)
    ]
    subjects = _subjects(read)
    # Letter by letter: the promises still open meet the letter's promises and deliveries, then its own
    # promises (those not made before) open. What an update kept of the letters before it is taken up
    # where it stopped, so that a new letter costs the promises still open, not the whole series again.
    shas = [letter.source.sha256 for letter in ordered]
    start, followed = _followed_before(kept, shas)
    for later in range(start, len(ordered)):
        _follow(followed, read[later], later, subjects)
    kept.get(_followed_key(shas), followed.data)  # for the next update to take up
    commitments = {c.id: c for r in read for c in r.commitments}
    tracks = []
    for track in followed.tracks:
        commitment = commitments[track.commitment]
        status = _status(commitment, track.repeated, track.fulfilled, ordered)
        tracks.append(CommitmentTrack(commitment, status, tuple(track.repeated), track.fulfilled))
    return Register(ordered, tuple(tracks))


@dataclass
class _Track:
    """A promise followed so far: where it was made again, and where it was kept."""

    commitment: str  # its id
    repeated: list[tuple[int, Quote]]
    fulfilled: tuple[int, Quote] | None


@dataclass
class _Followed:
    """Promises followed through the letters so far, in the order they were made, and the later promises
    taken as repetitions of earlier ones; as plain data to keep, and back."""

    tracks: list[_Track] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)

    def data(self) -> dict[str, Any]:
        def place(k: int, q: Quote) -> list[Any]:
            return [k, [q.section, q.text, q.start, q.end]]

        tracks = [
            [t.commitment, [place(*r) for r in t.repeated], place(*t.fulfilled) if t.fulfilled else None]
            for t in self.tracks
        ]
        return {"taken": sorted(self.taken), "tracks": tracks}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> _Followed:
        def place(k: int, q: list[Any]) -> tuple[int, Quote]:
            return k, Quote(*q)

        tracks = [
            _Track(cid, [place(*r) for r in repeated], place(*done) if done else None)
            for cid, repeated, done in data["tracks"]
        ]
        return cls(tracks, set(data["taken"]))


def _followed_key(shas: Sequence[str]) -> str:
    return "followed " + hashlib.sha256("\0".join(shas).encode()).hexdigest()


def _followed_before(kept: Kept, shas: Sequence[str]) -> tuple[int, _Followed]:
    """How many of the letters an earlier run followed the promises through (the longest such start of
    `shas`, within the last few letters), and where it stopped; else none."""
    for count in range(len(shas), max(0, len(shas) - KEPT_LETTERS_BACK) - 1, -1):
        data = kept.known.get(_followed_key(shas[:count])) if count else None
        if data is not None:
            return count, _Followed.from_data(data)
    return 0, _Followed()


def _follow(followed: _Followed, here: _Read, later: int, subjects: dict[str, _Subject]) -> None:
    """Letter `later` (`here`) against the promises still open, then its own promises that open."""
    # A promise is made again, or delivered, only in a letter that shares a word with it: most open promises
    # are passed by on their words alone.
    words = frozenset().union(*(subjects[c.id].words for c in here.commitments), *(d.about for d in here.deliveries))
    for track in followed.tracks:
        subject = subjects[track.commitment]
        if track.fulfilled is not None or subject.words.isdisjoint(words):
            continue
        again = next(
            (c for c in here.commitments if c.id not in followed.taken and _same(subject, subjects[c.id])), None
        )
        if again is not None:
            followed.taken.add(again.id)
            track.repeated.append((later, Quote(again.section, again.text)))
        passage = _delivery(here.deliveries, subject)
        if passage is not None:
            track.fulfilled = (later, passage)
    for commitment in here.commitments:
        if commitment.id not in followed.taken:
            kept_here = here.kept_here[commitment.id]
            followed.tracks.append(_Track(commitment.id, [], (later, kept_here) if kept_here else None))


def _status(
    commitment: Commitment,
    repeated: Sequence[tuple[int, Quote]],
    fulfilled: tuple[int, Quote] | None,
    letters: Sequence[Letter],
) -> CommitmentStatus:
    if fulfilled is not None:
        return CommitmentStatus.FULFILLED
    latest = letters[-1].date
    if commitment.due is not None and latest is not None and commitment.due < latest:
        return CommitmentStatus.OVERDUE
    last_mention = repeated[-1][0] if repeated else commitment.letter
    silent_after = len(letters) - 1 - last_mention
    if commitment.due is None and silent_after >= DROPPED_AFTER:
        return CommitmentStatus.DROPPED
    return CommitmentStatus.REPEATED if repeated else CommitmentStatus.OPEN


def _readable(letter: Letter) -> list[Section]:
    kinds = (SectionKind.TOPIC, SectionKind.ITEM, SectionKind.TEXT, SectionKind.INTRO)
    return [s for s in letter.sections if s.kind in kinds]


def _content(text: str) -> list[str]:
    return [w for w in content_words(text) if w not in _PROMISE_WORDS]


def _subject(letter: Letter, commitment: Commitment) -> list[str]:
    """What a commitment is about: its content words, its section's title, the sentence before a pointer back."""
    section = next(s for s in letter.sections if s.id == commitment.section)
    words = _content(section.title) + _content(commitment.text)
    if _ANAPHOR.search(commitment.text):
        spans = sentence_spans(section.text)
        here = next((k for k, (a, b) in enumerate(spans) if section.text[a:b] == commitment.text), 0)
        if here:
            a, b = spans[here - 1]
            words = _content(section.text[a:b]) + words
    return words


class _Subject(NamedTuple):
    """What a promise is about: its stems in order, as a set, counted, and encoded for the diff."""

    stems: Sequence[str]
    words: frozenset[str]
    counts: Counter[str]
    code: str


def _subjects(read: Sequence[_Read]) -> dict[str, _Subject]:
    """Every commitment's subject, by commitment id, its stems encoded once for the whole register."""
    codes = WordCodes()
    return {c.id: _encoded(r.subjects[c.id], codes) for r in read for c in r.commitments}


def _encoded(stems: Sequence[str], codes: WordCodes) -> _Subject:
    return _Subject(stems, frozenset(stems), Counter(stems), codes.encode(stems))


def _same(earlier: _Subject, later: _Subject) -> bool:
    """Whether two promises' subjects are alike enough to be one promise made again; the shared words bound
    the in-order likeness, so most pairs are settled without a diff."""
    total = len(earlier.stems) + len(later.stems)
    shared = earlier.words & later.words
    if not total or 2 * len(shared) < SAME * total * 0.5:
        return False
    # No order of the words has more in common than each shared word as often as the one with fewer has it.
    if 2 * sum(min(earlier.counts[word], later.counts[word]) for word in shared) < SAME * total:
        return False
    return 2 * codes_in_common(earlier.code, later.code) / total >= SAME


def _kept_in_place(letter: Letter, commitment: Commitment, lexicon: CommitmentLexicon) -> Quote | None:
    """A promise a letter recounts and keeps in the same breath ("heeft toegezegd in dit verslag in te gaan op
    ... Hierbij wordt deze toezegging gestand gedaan"): the delivery sentence after it in its section."""
    section = next(s for s in letter.sections if s.id == commitment.section)
    after = False
    for start, end in sentence_spans(section.text):
        sentence = section.text[start:end]
        if after and lexicon.delivery.search(sentence) and not lexicon.promise.search(sentence):
            return Quote(section.id, sentence, start, end)
        after = after or sentence == commitment.text
    return None


def _delivery(deliveries: Sequence[_Delivery], subject: _Subject) -> Quote | None:
    """The delivery passage of a letter that holds most of what `subject` promised, if one holds at least
    FULFILS of it."""
    wanted = subject.words
    if not wanted:
        return None
    shares = [(len(wanted & d.about) / len(wanted), -k, d.quote) for k, d in enumerate(deliveries)]
    best = max(shares, default=None, key=lambda s: (s[0], s[1]))
    return best[2] if best and best[0] >= FULFILS else None


def _stable_id(letter: Letter, sentence: str) -> str:
    """The letter's date and a digest of the sentence's words: the same in every run and on every machine."""
    words = " ".join(w.lower() for w in WORD.findall(canonical(sentence)))
    digest = hashlib.sha256(words.encode()).hexdigest()[:6]
    return f"{letter.date.isoformat() if letter.date else 'undated'}-{digest}"


# -- Due dates --------------------------------------------------------------------------------------------

_YEAR = r"(?P<year>20\d\d)"
_DUE = [
    (re.compile(rf"\bvoor\s+(?P<day>\d{{1,2}})\s+(?P<month>{MONTH})(?:\s+{_YEAR})?", re.I), "date"),
    (re.compile(rf"\b(?:voor|vóór)\s+de\s+zomer(?:\s+van\s+{_YEAR})?", re.I), "summer"),
    (re.compile(rf"\b(?:in\s+het|voor\s+het)\s+voorjaar(?:\s+van\s+{_YEAR})?", re.I), "spring"),
    (re.compile(rf"\b(?:in\s+het|voor\s+het)\s+najaar(?:\s+van\s+{_YEAR})?", re.I), "autumn"),
    (re.compile(rf"\b(?:voor\s+)?(?:het\s+)?einde?\s+(?:van\s+)?(?:het\s+jaar|dit\s+jaar|{_YEAR})", re.I), "year"),
    (re.compile(r"\bvoor\s+het\s+(?:kerst|zomer)reces\b", re.I), "recess"),
    (re.compile(rf"\bvoor\s+(?P<month>{MONTH})(?:\s+{_YEAR})?", re.I), "month"),
]
_SEASON_END = {"summer": (6, 21), "spring": (6, 20), "autumn": (12, 20), "year": (12, 31)}


def due_date(sentence: str, written: dt.date | None) -> tuple[dt.date | None, str]:
    """The date a commitment is due by, read from its sentence ("voor de zomer van 2026" -> 2026-06-21), and
    the words that say it; a year left out is the letter's year, or the next when that date has passed."""
    for pattern, kind in _DUE:
        found = pattern.search(sentence)
        if not found:
            continue
        groups = found.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        if kind == "recess":
            month, day = (12, 19) if "kerst" in found.group(0).lower() else (7, 3)
        elif kind == "date":
            month, day = MONTHS[groups["month"].lower().rstrip(".")], int(groups["day"])
        elif kind == "month":
            month, day = MONTHS[groups["month"].lower().rstrip(".")], 1
        else:
            month, day = _SEASON_END[kind]
        if year is None:
            if written is None:
                return None, found.group(0)
            year = written.year + (1 if (month, day) < (written.month, written.day) else 0)
        try:
            return dt.date(year, month, day), found.group(0)
        except ValueError:
            return None, found.group(0)
    return None, ""
