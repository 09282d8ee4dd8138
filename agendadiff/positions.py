"""Positions: which sentences state the cabinet's position, and what each changed sentence changed.

A sentence is a position statement when it names an actor (the cabinet, Nederland, wij) and a stance
(steunt, is voornemens in te stemmen, pleit voor ...). A changed sentence changed a position when it is
a position statement on either side and a stance, a negation, a modal verb or a condition came or went;
it is a factual update when dates, numbers, document references or names changed, or when a sentence
that takes no stance changed its modal verbs or negations; otherwise only its wording changed. The
words are in a data file (data/positions.toml), so that they can be read and extended without code.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from agendadiff.diff import section_diff, similarity, word_diff
from agendadiff.errors import AgendadiffError
from agendadiff.lang.dutch import MONTH_NAMES
from agendadiff.lang.sentences import sentence_spans
from agendadiff.lang.words import WORD, word_count
from agendadiff.model import (
    ChangeKind,
    ChunkOwners,
    Comparison,
    Cue,
    Letter,
    MarkedSection,
    Move,
    Op,
    Pair,
    Place,
    Section,
    Sentence,
    SentenceChange,
    Signal,
    Status,
)

REWRITTEN_BELOW = 0.5  # a sentence keeping less than half of its words was rewritten, not edited


class LexiconError(AgendadiffError):
    """A positions lexicon that cannot be read."""


@dataclass(frozen=True)
class Stance:
    id: str
    patterns: tuple[re.Pattern[str], ...]
    prefixes: tuple[str, ...]  # per pattern, the letters every match starts with ("" when unknown)
    vote: str | None = None  # "for", "against" or "abstain": a stance that says how the Netherlands votes


@dataclass(frozen=True)
class Lexicon:
    actors: re.Pattern[str]
    negations: re.Pattern[str]
    modals: re.Pattern[str]
    conditions: re.Pattern[str]
    numbers: re.Pattern[str]
    stances: tuple[Stance, ...]
    # text -> stances found, remembered; not shared by a lexicon made from this one, whose stances may differ
    found: dict[str, list[_Found]] = field(default_factory=dict, init=False, compare=False, repr=False)


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The lexicon in `path`, or the one shipped with agendadiff."""
    if path is None:
        return _default_lexicon()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"{path}: cannot be read ({error.__class__.__name__})") from None
    try:
        return _lexicon(tomllib.loads(text))
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{path}: not a positions lexicon (TOML: {error})") from None
    except KeyError as error:
        raise LexiconError(f"{path}: not a positions lexicon (it has no {error})") from None
    except (TypeError, AttributeError, re.error) as error:
        raise LexiconError(f"{path}: not a positions lexicon ({error})") from None


@cache
def _default_lexicon() -> Lexicon:
    # next to this module, as the package installs it (importlib.resources would cost 70 ms of imports)
    return _lexicon(tomllib.loads((Path(__file__).parent / "data" / "positions.toml").read_text("utf-8")))


def _lexicon(data: dict[str, Any]) -> Lexicon:
    def words(patterns: Sequence[str]) -> re.Pattern[str]:
        return re.compile("|".join(_whole(p) for p in patterns), re.IGNORECASE)

    stances = tuple(
        Stance(
            id=stance_id,
            patterns=tuple(re.compile(_whole(p), re.IGNORECASE) for p in entry["patterns"]),
            prefixes=tuple(_literal_prefix(p) for p in entry["patterns"]),
            vote=_vote(entry.get("vote"), stance_id),
        )
        for stance_id, entry in data["stances"].items()
    )
    return Lexicon(
        actors=words(data["actors"]),
        negations=words(data["negations"]),
        modals=words(data["modals"]),
        conditions=words(data["conditions"]),
        numbers=words(data["numbers"]),
        stances=stances,
    )


VOTES = ("for", "against", "abstain")


def _vote(value: object, stance_id: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and value in VOTES:
        return value
    raise TypeError(f"stance {stance_id!r}: vote must be one of {', '.join(VOTES)}, not {value!r}")


def _literal_prefix(pattern: str) -> str:
    """The plain letters a pattern starts with: a text without them cannot match, and looking for a word in
    a text is far cheaper than running the pattern over it."""
    depth = 0
    for k, char in enumerate(pattern):
        if char == "\\" or pattern[k - 1 : k] == "\\":
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            return ""  # "a|b": either may match, neither is required
    prefix = re.match(r"[a-zà-ÿ]*", pattern)
    letters = prefix.group() if prefix else ""
    rest = pattern[len(letters) :]
    if rest[:1] in ("?", "*", "{") and letters:  # the last letter is optional: "pleit(?:en)?" still needs "plei"
        letters = letters[:-1]
    return letters


def _whole(pattern: str) -> str:
    return rf"(?<!\w)(?:{pattern})(?!\w)"


# -- Marking sentences ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    stance: str
    text: str


def _stances(text: str, lexicon: Lexicon) -> list[_Found]:
    """The stances in `text`, the longest first where two overlap, in reading order. Remembered per text:
    in an archive each letter is compared twice, and a sentence is looked at again when it changed."""
    if text not in lexicon.found:
        if len(lexicon.found) > 50_000:
            lexicon.found.clear()
        lexicon.found[text] = _find_stances(text, lexicon)
    return lexicon.found[text]


def _find_stances(text: str, lexicon: Lexicon) -> list[_Found]:
    lower = text.lower()
    found = [
        _Found(match.start(), match.end(), stance.id, _squeezed(match.group()))
        for stance in lexicon.stances
        for pattern, prefix in zip(stance.patterns, stance.prefixes, strict=True)
        if prefix in lower
        for match in pattern.finditer(text)
    ]
    found.sort(key=lambda f: (f.start - f.end, f.start))
    kept: list[_Found] = []
    for candidate in found:
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda f: f.start)


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def mark_sentences(text: str, lexicon: Lexicon | None = None) -> tuple[Sentence, ...]:
    """The sentences of a section's text, each with its stances and whether it is a position statement."""
    lexicon = lexicon or load_lexicon()
    marked = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        stances = _stances(sentence, lexicon)
        marked.append(
            Sentence(
                start=start,
                end=end,
                text=sentence,
                stances=tuple(f.stance for f in stances),
                position=bool(stances) and lexicon.actors.search(sentence) is not None,
            )
        )
    return tuple(marked)


# -- Classifying a change ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Features:
    position: bool
    stances: Counter[str]  # stance id
    stance_text: dict[str, list[str]]  # stance id -> the words that expressed it
    negations: Counter[str]
    modals: Counter[str]
    conditions: Counter[str]
    facts: Counter[tuple[Signal | None, str]]
    fact_text: dict[tuple[Signal | None, str], str]  # a fact as the letter wrote it


def _features(text: str, lexicon: Lexicon) -> _Features:
    # Only the stances of the cabinet count: "andere lidstaten zullen aandacht vragen" takes none.
    stances = [
        replace(found, start=found.start + start, end=found.end + start)
        for start, end in sentence_spans(text)
        if lexicon.actors.search(text[start:end])
        for found in _stances(text[start:end], lexicon)
    ]
    # Words inside a stance belong to it: the "kan" of "kan instemmen" is not a modal of its own.
    outside = list(text)
    for found in stances:
        outside[found.start : found.end] = " " * (found.end - found.start)
    rest = "".join(outside)
    stance_text: dict[str, list[str]] = {}
    for found in stances:
        stance_text.setdefault(found.stance, []).append(found.text)

    def words(pattern: re.Pattern[str]) -> Counter[str]:
        return Counter(_squeezed(m.group()).lower() for m in pattern.finditer(rest))

    facts, fact_text = _facts(text, lexicon)
    return _Features(
        position=bool(stances),
        stances=Counter(f.stance for f in stances),
        stance_text=stance_text,
        negations=words(lexicon.negations),
        modals=words(lexicon.modals),
        conditions=words(lexicon.conditions),
        facts=facts,
        fact_text=fact_text,
    )


_MONTHS = frozenset(MONTH_NAMES)
_RELATIVE_DATES = frozenset({"jl", "a.s", "jongstleden", "aanstaande"})
# Kamerstukken II, 2024-25, 22 112, nr. 4042 / Kamerstuk 21 501-20, nr. 2266 / COM(2025) 101 / kst-32317-736
_REFERENCE = re.compile(
    r"(?:Kamerstuk(?:ken)?(?:\s+II)?,?\s+)?(?:\d{4}\s*[-–]\s*\d{2,4},?\s+)?\d+(?:\s\d{3})*(?:-[\dA-Z]+)?,?\s+nr\.\s*\d+"
    r"|\bnr\.\s*\d+|\bCOM\s*\(\d{4}\)\s*\d+|\bkst-[\d-]+"
)
_MAYBE_NAME = None  # the kind of a capitalised word that opens a sentence: a name, or not
_FACT_TOKEN = re.compile(r"\w+(?:[-'’./]\w+)*\.?")


def _facts(
    text: str, lexicon: Lexicon
) -> tuple[Counter[tuple[Signal | None, str]], dict[tuple[Signal | None, str], str]]:
    """Dates, numbers, document references and names, as (signal, words) with the words in lower case
    ("JBZ-raad" and "JBZ-Raad" are one name), and each as the text wrote it."""
    facts: Counter[tuple[Signal | None, str]] = Counter()
    written: dict[tuple[Signal | None, str], str] = {}

    def add(signal: Signal | None, words: str) -> None:
        facts[signal, words.lower()] += 1
        written.setdefault((signal, words.lower()), words)

    for match in _REFERENCE.finditer(text):
        add(Signal.REFERENCE, _squeezed(match.group()))
    rest = _REFERENCE.sub(" ", text)
    tokens = [m.group() for m in _FACT_TOKEN.finditer(rest)]
    for k, token in enumerate(tokens):
        bare = token.rstrip(".")
        lower = bare.lower()
        following = tokens[k + 1].rstrip(".").lower() if k + 1 < len(tokens) else ""
        if following in ("en", "tot", "t/m") and k + 3 < len(tokens) and tokens[k + 2][:1].isdigit():
            following = tokens[k + 3].rstrip(".").lower()  # "13 en 14 oktober": the 13th is a date too
        if lower in _MONTHS or lower in _RELATIVE_DATES:
            add(Signal.DATE, bare)
        elif bare[:1].isdigit():
            is_date = following in _MONTHS or re.fullmatch(r"(?:19|20)\d\d(?:[-–]\d\d)?", bare)
            add(Signal.DATE if is_date else Signal.NUMBER, bare)
        elif lexicon.numbers.fullmatch(bare):
            add(Signal.NUMBER, bare)
        elif bare[:1].isupper():
            # A sentence's first word is capitalised anyway: it may be a name ("Nederland heeft ...").
            first = k == 0 or tokens[k - 1].endswith(".")
            add(_MAYBE_NAME if first else Signal.NAME, bare)
    return facts, written


def classify(old_text: str, new_text: str, lexicon: Lexicon | None = None) -> tuple[bool, ChangeKind, tuple[Cue, ...]]:
    """Whether the old or new text is a position statement, what kind of change it is, and why.

    An empty `old_text` is a sentence added, an empty `new_text` one dropped.
    """
    lexicon = lexicon or load_lexicon()
    old, new = _features(old_text, lexicon), _features(new_text, lexicon)
    position = old.position or new.position
    if not old_text.strip() or not new_text.strip():
        # A sentence added or dropped: a position taken or given up, or else information given or gone.
        if position:
            return True, ChangeKind.POSITION, _stance_cues(old, new)
        return False, ChangeKind.FACTUAL, _fact_cues(old, new)
    stance = _stance_cues(old, new)
    grammar = tuple(
        Cue(signal, tuple(sorted((a - b).elements())), tuple(sorted((b - a).elements())))
        for signal, a, b in (
            (Signal.NEGATION, old.negations, new.negations),
            (Signal.MODAL, old.modals, new.modals),
            (Signal.CONDITION, old.conditions, new.conditions),
        )
        if a != b
    )
    grammar = tuple(_with_replacement(cue, old_text, new_text) for cue in grammar)
    facts = _fact_cues(old, new)
    # "rewritten" only where no single kind of word explains the change
    unexplained = not (stance or grammar or facts)
    rewritten = (Cue(Signal.REWRITTEN),) if unexplained and similarity(old_text, new_text) < REWRITTEN_BELOW else ()
    if position and (stance or grammar or rewritten):
        return True, ChangeKind.POSITION, stance + grammar + rewritten
    if facts or grammar or rewritten:
        return position, ChangeKind.FACTUAL, facts + grammar + rewritten
    return position, ChangeKind.WORDING, ()


REPLACED_WORDS = 3  # at most this many words in the place of as many: a replacement worth naming


def _with_replacement(cue: Cue, old_text: str, new_text: str) -> Cue:
    """A cue whose words went with none of their kind in their place, with the words that did take it: "zal"
    that became "blijft" is no dropped commitment, and the reader is told so."""
    if not cue.removed or cue.added:
        return cue
    chunks = word_diff(old_text, new_text)
    gone = {word.lower() for word in cue.removed}
    replaced = []
    for this, after in pairwise(chunks):
        words = WORD.findall(this.text)
        came = after.text.split()
        # a word or two in the place of a word or two; a rewritten passage says nothing of the kind
        deleted_here = this.op is Op.DELETE and gone & {w.lower() for w in words}
        if deleted_here and after.op is Op.INSERT and len(words) <= REPLACED_WORDS and len(came) <= REPLACED_WORDS:
            replaced.append(" ".join(came))
    return replace(cue, replaced_by=tuple(dict.fromkeys(r for r in replaced if r)))


def _stance_cues(old: _Features, new: _Features) -> tuple[Cue, ...]:
    if old.stances == new.stances:
        return ()
    gone = old.stances - new.stances
    came = new.stances - old.stances
    removed = [text for stance in gone for text in old.stance_text[stance][: gone[stance]]]
    added = [text for stance in came for text in new.stance_text[stance][: came[stance]]]
    return (Cue(Signal.STANCE, tuple(removed), tuple(added)),)


def _fact_cues(old: _Features, new: _Features) -> tuple[Cue, ...]:
    def sure(facts: Counter[tuple[Signal | None, str]]) -> Counter[tuple[Signal | None, str]]:
        return Counter({key: n for key, n in facts.items() if key[0] is not _MAYBE_NAME})

    def any_name(facts: Counter[tuple[Signal | None, str]]) -> Counter[tuple[Signal | None, str]]:
        # a word that opens a sentence on one side cancels the same name on the other
        out = sure(facts)
        for (signal, words), n in facts.items():
            if signal is _MAYBE_NAME:
                out[Signal.NAME, words] += n
        return out

    cues = []
    for signal in (Signal.DATE, Signal.NUMBER, Signal.REFERENCE, Signal.NAME):
        removed = tuple(
            old.fact_text[key] for key in (sure(old.facts) - any_name(new.facts)).elements() if key[0] is signal
        )
        added = tuple(
            new.fact_text[key] for key in (sure(new.facts) - any_name(old.facts)).elements() if key[0] is signal
        )
        if removed or added:
            cues.append(Cue(signal, removed, added))
    return tuple(cues)


# -- The changed sentences of a comparison ----------------------------------------------------------


def with_sentence_changes(comparison: Comparison, lexicon: Lexicon | None = None) -> Comparison:
    """The comparison with every changed sentence of every pair found and classified."""
    lexicon = lexicon or load_lexicon()
    changes: list[SentenceChange] = []
    for pair in comparison.pairs:
        found = _edited(pair, lexicon)
        found += [_moved_change(pair, move, comparison, lexicon) for move in comparison.moves if _arrives(move, pair)]
        found.sort(key=_reading_position)
        changes += [replace(change, id=f"{pair.anchor}-s{k}") for k, change in enumerate(found, 1)]
    marked = tuple(
        MarkedSection(side, section.id, mark_sentences(section.text, lexicon))
        for side, letter in (("old", comparison.old), ("new", comparison.new))
        for section in letter.sections
    )
    by_pair: dict[str, list[SentenceChange]] = {}
    for change in changes:
        by_pair.setdefault(change.pair, []).append(change)
    owners = tuple(
        ChunkOwners(pair.id, tuple(c.id if c else None for c in chunk_owners(pair, by_pair.get(pair.id, []))))
        for pair in comparison.pairs
    )
    return replace(comparison, changes=tuple(changes), marked=marked, owners=owners)


def section_changes(old: Section, new: Section, lexicon: Lexicon | None = None) -> list[SentenceChange]:
    """The changed sentences of one section against another, found and classified as a comparison finds
    them: the timeline counts a topic's position changes as `compare` does."""

    return _edited(section_diff(old, new), lexicon or load_lexicon())


def _edited(pair: Pair, lexicon: Lexicon) -> list[SentenceChange]:
    edited = (_change(pair, old, new, lexicon) for old, new in _changed_groups(pair))
    # an edit that only moved a sentence boundary leaves the sentences' words as they were: no change
    return [change for change in edited if _squeezed(change.old_text) != _squeezed(change.new_text)]


def _reading_position(change: SentenceChange) -> tuple[int, int]:
    place = change.new or change.old
    assert place is not None
    return (place.start, 0 if change.new else 1)


def _arrives(move: Move, pair: Pair) -> bool:
    return bool(move.inner) and pair.new is not None and move.target.section == pair.new.id


Group = tuple[list[tuple[int, int]], list[tuple[int, int]]]  # old sentence spans, new sentence spans
LINK_SHARE = 0.3  # an old and a new sentence sharing this share of the shorter one's words are one sentence


def _changed_groups(pair: Pair) -> list[Group]:
    """The changed sentences of a pair, grouped: an old sentence with the new one it became (or the two it
    was cut into, or the one two were joined into), and sentences replaced wholesale in one stretch of the
    diff with what replaced them. Groups whose only change is a move are left out (moves are reported
    where they arrive)."""
    old_text = pair.old.text if pair.old else ""
    new_text = pair.new.text if pair.new else ""
    old_spans, new_spans = sentence_spans(old_text), sentence_spans(new_text)
    old_starts, new_starts = [s for s, _ in old_spans], [s for s, _ in new_spans]
    shared: Counter[tuple[int, int]] = Counter()
    changed: set[int] = set()  # node ids: old sentences 0.., new sentences after them
    runs: dict[int, set[int]] = {}  # node -> the stretches of change between unchanged words that touch it
    run = at_old = at_new = 0
    for chunk in pair.diff:
        size = len(chunk.text)
        if chunk.op is Op.EQUAL:
            if re.search(r"\w", chunk.text):
                run += 1
            for i in _overlapping(old_spans, old_starts, at_old, at_old + size):
                start = max(at_old, old_spans[i][0]) - at_old + at_new
                end = min(at_old + size, old_spans[i][1]) - at_old + at_new
                for j in _overlapping(new_spans, new_starts, start, end):
                    shared[i, j] += word_count(new_text[max(start, new_spans[j][0]) : min(end, new_spans[j][1])])
            at_old += size
            at_new += size
            continue
        if chunk.op is Op.DELETE:
            nodes = list(_overlapping(old_spans, old_starts, at_old, at_old + size))
            at_old += size
        else:
            nodes = [len(old_spans) + j for j in _overlapping(new_spans, new_starts, at_new, at_new + size)]
            at_new += size
        if chunk.is_change and chunk.move is None:
            changed.update(nodes)
            for node in nodes:
                runs.setdefault(node, set()).add(run)

    parent = list(range(len(old_spans) + len(new_spans)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    old_words = [word_count(old_text[a:b]) for a, b in old_spans]
    new_words = [word_count(new_text[a:b]) for a, b in new_spans]
    linked: set[int] = set()
    for (i, j), count in shared.items():
        if count and count >= LINK_SHARE * min(old_words[i], new_words[j]):
            parent[root(len(old_spans) + j)] = root(i)
            linked.update((i, len(old_spans) + j))
    by_run: dict[int, list[int]] = {}
    for node in sorted(changed - linked):
        for r in runs[node]:
            by_run.setdefault(r, []).append(node)
    for nodes in by_run.values():
        # old sentences replaced by new ones in one stretch are one change; sentences only added (or
        # only dropped) stay one change each
        if nodes[0] < len(old_spans) <= nodes[-1]:
            for node in nodes[1:]:
                parent[root(node)] = root(nodes[0])

    groups: dict[int, Group] = {}
    for k in range(len(parent)):
        old_side, new_side = groups.setdefault(root(k), ([], []))
        if k < len(old_spans):
            old_side.append(old_spans[k])
        else:
            new_side.append(new_spans[k - len(old_spans)])
    changed_roots = {root(k) for k in changed}
    return [group for r, group in groups.items() if r in changed_roots]


def _overlapping(spans: Sequence[tuple[int, int]], starts: Sequence[int], start: int, end: int) -> range:
    """Indexes of the spans that share at least one character with start..end."""
    if end <= start:
        return range(0)
    first = max(bisect_right(starts, start) - 1, 0)
    while first < len(spans) and spans[first][1] <= start:
        first += 1
    return range(first, bisect_left(starts, end))


def _change(pair: Pair, old: list[tuple[int, int]], new: list[tuple[int, int]], lexicon: Lexicon) -> SentenceChange:
    old_text, new_text = _text(pair.old, old), _text(pair.new, new)
    status = Status.CHANGED if old and new else Status.ADDED if new else Status.REMOVED
    return _classified(pair, status, (_place(pair.old, old), _place(pair.new, new)), (old_text, new_text), lexicon)


def _moved_change(pair: Pair, move: Move, comparison: Comparison, lexicon: Lexicon) -> SentenceChange:
    texts = (_text_at(comparison.old, move.source), _text_at(comparison.new, move.target))
    return _classified(pair, Status.CHANGED, (move.source, move.target), texts, lexicon, move)


def _classified(
    pair: Pair,
    status: Status,
    places: tuple[Place | None, Place | None],
    texts: tuple[str, str],
    lexicon: Lexicon,
    move: Move | None = None,
) -> SentenceChange:
    position, kind, cues = classify(*texts, lexicon)
    return SentenceChange(
        id="",  # numbered once the pair's changes are in reading order
        pair=pair.id,
        status=status,
        old=places[0],
        new=places[1],
        old_text=texts[0],
        new_text=texts[1],
        position=position,
        kind=kind,
        cues=cues,
        diff=move.inner if move else tuple(word_diff(*texts)),
        move=move.id if move else None,
    )


def _place(section: Section | None, spans: list[tuple[int, int]]) -> Place | None:
    if section is None or not spans:
        return None
    return Place(section.id, spans[0][0], spans[-1][1])


def _text(section: Section | None, spans: list[tuple[int, int]]) -> str:
    return " ".join(section.text[start:end] for start, end in spans) if section else ""


def _text_at(letter: Letter, place: Place) -> str:
    section = next(s for s in letter.sections if s.id == place.section)
    return section.text[place.start : place.end]


def chunk_owners(pair: Pair, changes: Sequence[SentenceChange]) -> list[SentenceChange | None]:
    """For each chunk of the pair's diff, the sentence change it is part of, if any (for the report): the
    first of `changes` whose place on the chunk's side overlaps it."""
    sides = {
        Op.DELETE: _Places([c.old for c in changes], pair.old),
        Op.INSERT: _Places([c.new for c in changes], pair.new),
    }
    out: list[SentenceChange | None] = []
    at_old = at_new = 0
    for chunk in pair.diff:
        size = len(chunk.text)
        owner: SentenceChange | None = None
        if chunk.op is not Op.EQUAL and chunk.is_change:
            start = at_old if chunk.op is Op.DELETE else at_new
            first = sides[chunk.op].first_overlapping(start, start + size)
            owner = changes[first] if first is not None else None
        out.append(owner)
        if chunk.op is not Op.INSERT:
            at_old += size
        if chunk.op is not Op.DELETE:
            at_new += size
    return out


class _Places:
    """The places of a list of changes in one section, to ask which of them overlaps a stretch of it without
    going through all of them for every chunk (a long letter has thousands of each)."""

    def __init__(self, places: Sequence[Place | None], section: Section | None) -> None:
        found = sorted(
            (place.start, place.end, k)
            for k, place in enumerate(places)
            if place and section and place.section == section.id
        )
        self.found = found
        self.reach: list[int] = []  # the furthest end among the places up to each one
        for _, end, _ in found:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def first_overlapping(self, start: int, end: int) -> int | None:
        """The lowest index of a place that overlaps [start, end), if any."""
        best = None
        k = bisect_left(self.found, end, key=lambda place: place[0]) - 1  # places starting before it ends
        while k >= 0 and self.reach[k] > start:  # further back, no place reaches into the stretch
            _, place_end, index = self.found[k]
            if place_end > start and (best is None or index < best):
                best = index
            k -= 1
        return best
