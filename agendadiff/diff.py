"""Diff: what changed inside each aligned pair, word by word, with moved text seen as moved.

Texts are cut into tokens (words, spaces, punctuation); each distinct token becomes one character, as
diff-match-patch's `diff_linesToChars` does for lines, so its diff and semantic cleanup work on whole
words. Word counts come from a second, minimal diff over the words alone, so that matching a space or a
comma never hides a changed word.
"""

from __future__ import annotations

import functools
import itertools
import math
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from agendadiff.lang.sentences import sentence_spans
from agendadiff.lang.typography import canonical, fold
from agendadiff.lang.words import WORD, word_count
from agendadiff.model import (
    Alignment,
    Chunk,
    Comparison,
    Flag,
    Footnote,
    Letter,
    Match,
    Move,
    NoteChange,
    NoteStatus,
    Op,
    Pair,
    Place,
    Section,
    Status,
    WordCounts,
)

_TOKEN = re.compile(r"\w+(?:[-'/]\w+)*|\s+|[^\w\s]")
MOVE_SIMILARITY = 0.8  # a deleted and an inserted sentence this alike are one moved sentence
MOVE_MIN_WORDS = 4  # shorter runs reappear by chance ("Het kabinet steunt dit.")
MOVE_MOSTLY = 0.85  # share of a sentence's characters that must be deleted (or inserted) to count
NOTE_SIMILARITY = 0.5  # a footnote this alike to one in the other letter is that footnote, changed


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


class _Codec:
    """Tokens to single characters. Spaces and punctuation stand for themselves, so that semantic
    cleanup still sees word boundaries; each word gets a private-use character, shared by the forms of
    the word that differ only in case."""

    def __init__(self) -> None:
        self._chars: dict[str, str] = {}
        self._tokens: dict[str, str] = {}

    def encode(self, text: str) -> str:
        tokens = _TOKEN.findall(text)
        return "".join(map(self._char, tokens, _keys(tokens)))

    def encode_words(self, words: Iterable[tuple[str, str]]) -> str:
        """Words only (with their keys), each as one character; for the minimal edit, where spacing plays
        no part."""
        return "".join(self._char(word, key) for word, key in words)

    def _char(self, token: str, key: str) -> str:
        char = self._chars.get(key)
        if char is None:
            char = token if len(token) == 1 and not token.isalnum() else _private(len(self._tokens))
            self._chars[key] = char
            self._tokens[char] = token
        return char


def _keys(tokens: Sequence[str]) -> list[str]:
    """The key each token is compared by. Words that differ only in case are one word (a publisher's
    "Minister" is the letter's "minister"), except a sentence's first word: "Het" opening a sentence is not
    the "het" inside one, and matching the two would pull the diff out of line."""
    keys = []
    opening = True
    for token in tokens:
        if token.isspace():
            keys.append(token)
            continue
        # A token is a word, a run of spaces or one other character (_TOKEN): its first character tells.
        if opening and _is_word(token):
            keys.append(token)
        else:
            lowered = token.lower()
            keys.append(lowered if len(lowered) == len(token) else fold(token))
        opening = token in ".!?:;"
    return keys


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_"


def _words(text: str) -> list[tuple[int, str, str]]:
    """The words of a text with where each starts and the key it is compared by."""
    tokens = _TOKEN.findall(text)
    out = []
    start = 0
    for token, key in zip(tokens, _keys(tokens), strict=True):
        if _is_word(token):
            out.append((start, token, key))
        start += len(token)
    return out


def _private(index: int) -> str:
    """The index-th private-use character: 6,400 in the BMP, then the supplementary planes."""
    return chr(0xE000 + index) if index < 0x1900 else chr(0xF0000 + index - 0x1900)


ENGINE_VARIABLE = "AGENDADIFF_DIFF_ENGINE"  # "python" to use diff-match-patch even when the compiled one is there


def _raw_diff(old: str, new: str, minimal: bool, semantic: bool = False) -> list[tuple[int, str]]:
    """diff-match-patch's diff of two strings, as (op, text) with op -1, 0, 1. Never a deadline, so that
    the result is the same on every machine. A minimal diff (for counting words) has no time limit at all;
    any other lets the engine split a long diff at a long common stretch first ("half match"), much faster
    on rewritten sections and as good to read. `semantic`: with semantic cleanup, for a reader.
    The compiled engine (the `fast` extra, fast-diff-match-patch) gives the same diffs, byte for byte
    (tests/test_diff_engines.py replays both), several times faster."""
    fast = _fast_engine()
    if fast is not None:
        cleanup = "Semantic" if semantic else "No"
        ops = fast.diff(
            old, new, timelimit=0 if minimal else 10**9, checklines=False, cleanup=cleanup, counts_only=False
        )
        return [(_FAST_OPS[op], text) for op, text in ops]
    from diff_match_patch import diff_match_patch

    engine = diff_match_patch()
    engine.Diff_Timeout = 0 if minimal else 10**9
    raw: list[tuple[int, str]] = engine.diff_main(old, new, False)
    if semantic:
        engine.diff_cleanupSemantic(raw)
    return raw


_FAST_OPS = {"=": 0, "-": -1, "+": 1}


@functools.cache
def _fast_engine() -> Any:
    """fast-diff-match-patch when it is installed (and not turned off), else None."""
    if os.environ.get(ENGINE_VARIABLE, "") == "python":
        return None
    try:
        import fast_diff_match_patch
    except ImportError:
        return None
    return fast_diff_match_patch


def word_diff(old: str, new: str) -> list[Chunk]:
    """The token diff of two texts after semantic cleanup: what a reader sees."""
    codec = _Codec()
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    raw = _raw_diff(codec.encode(old), codec.encode(new), minimal=False, semantic=True)
    # Each character stands for one token: read the tokens back from the side they came from, so that
    # text equal but for case shows as the new letter writes it, and deleted text as the old one did.
    chunks = []
    a = b = 0
    for op, chars in raw:
        n = len(chars)
        if op == 0:
            chunks.append(Chunk(Op.EQUAL, "".join(new_tokens[b : b + n])))
            a, b = a + n, b + n
        elif op < 0:
            chunks.append(Chunk(Op.DELETE, "".join(old_tokens[a : a + n])))
            a += n
        else:
            chunks.append(Chunk(Op.INSERT, "".join(new_tokens[b : b + n])))
            b += n
    return _folded(chunks)


def _folded(chunks: Sequence[Chunk]) -> list[Chunk]:
    """Semantic cleanup weighs characters; a reader weighs words. One or two words left standing
    between rewritten passages ("het", "voor de") are folded into the change around them."""
    out = list(chunks)
    k = 1
    while k < len(out) - 1:
        chunk = out[k]
        if chunk.op is Op.EQUAL and "\n\n" not in chunk.text:
            kept = word_count(chunk.text)
            before, after = _changed_words(out, k, -1), _changed_words(out, k, 1)
            if kept <= 2 and before and after and before + after >= 4 * max(kept, 1):
                out[k : k + 1] = [Chunk(Op.DELETE, chunk.text), Chunk(Op.INSERT, chunk.text)]
        k += 1
    return _regrouped(out) if len(out) != len(chunks) else out


def _changed_words(chunks: Sequence[Chunk], k: int, step: int) -> int:
    """Words deleted or inserted in the run of changes next to chunk k, on the side `step` points to."""
    total = 0
    k += step
    while 0 <= k < len(chunks) and chunks[k].op is not Op.EQUAL:
        total += word_count(chunks[k].text)
        k += step
    return total


@dataclass(frozen=True)
class WordEdit:
    """A minimal word edit: where each deleted word starts in the old text, each inserted one in the new."""

    deleted: tuple[int, ...]
    inserted: tuple[int, ...]
    common: int


def word_edit(old: str, new: str) -> WordEdit:
    old_words, new_words = _words(old), _words(new)
    codec = _Codec()
    raw = _raw_diff(
        codec.encode_words((w, key) for _, w, key in old_words),
        codec.encode_words((w, key) for _, w, key in new_words),
        minimal=True,
    )
    deleted: list[int] = []
    inserted: list[int] = []
    common = a = b = 0
    for op, chars in raw:
        if op == 0:
            common += len(chars)
            a += len(chars)
            b += len(chars)
        elif op < 0:
            deleted += [start for start, _, _ in old_words[a : a + len(chars)]]
            a += len(chars)
        else:
            inserted += [start for start, _, _ in new_words[b : b + len(chars)]]
            b += len(chars)
    return WordEdit(tuple(deleted), tuple(inserted), common)


def similarity(old: str, new: str) -> float:
    """Share of words two texts have in common, in order (2 * common / total): how much of a sentence
    another sentence kept. The one measure of "this is that sentence, edited"; `words_alike` is the same
    measure over words already cut and keyed."""
    total = word_count(old) + word_count(new)
    return 2 * word_edit(old, new).common / total if total else 1.0


def words_alike(old: Sequence[str], new: Sequence[str]) -> float:
    """`similarity` of two sequences of word keys."""
    total = len(old) + len(new)
    return 2 * words_in_common(old, new) / total if total else 1.0


def words_in_common(old: Sequence[str], new: Sequence[str]) -> int:
    """How many of the words two sequences of word keys have in common, in order (a minimal edit)."""
    codes = WordCodes()
    return codes_in_common(codes.encode(old), codes.encode(new))


class WordCodes:
    """Sequences of word keys as strings of one character a word, the same character for a key in every
    sequence encoded here: for comparing many sequences with each other, each encoded once."""

    def __init__(self) -> None:
        self._codec = _Codec()

    def encode(self, words: Sequence[str]) -> str:
        return self._codec.encode_words((w, w) for w in words)


def codes_in_common(old: str, new: str) -> int:
    """`words_in_common` of two sequences that one WordCodes encoded."""
    return sum(len(chars) for op, chars in _raw_diff(old, new, minimal=True) if op == 0)


def compare(old: Letter, new: Letter, alignment: Alignment) -> Comparison:
    """Each aligned pair diffed word by word (and each unpaired section as added or removed), with the
    sentences that moved between sections found as moves."""
    old_by_id = {s.id: s for s in old.sections}
    new_by_id = {s.id: s for s in new.sections}
    drafts = [_draft(m, old_by_id.get(m.old or ""), new_by_id.get(m.new or "")) for m in alignment.matches]
    matched_old = {m.old for m in alignment.matches}
    matched_new = {m.new for m in alignment.matches}
    drafts += [_draft(Match(s.id, None), s, None) for s in old.sections if s.id not in matched_old]
    drafts += [_draft(Match(None, s.id), None, s) for s in new.sections if s.id not in matched_new]
    moves = _find_moves(drafts)
    reordered = _reordered(old, new, alignment)
    pairs = [_pair(d, moves, reordered) for d in _in_reading_order(drafts, old, new)]
    return Comparison(old, new, tuple(pairs), tuple(moves))


def section_diff(old: Section, new: Section) -> Pair:
    """One section against another, diffed as `compare` diffs a pair (without the moves that only a whole
    comparison finds), for the timeline, which follows one topic at a time and wants its changed sentences:
    its word counts are not computed (zero), the minimal edit behind them being half the cost."""
    draft = _Draft(Match(old.id, new.id), old, new, WordEdit((), (), 0), word_diff(old.text, new.text))
    return _pair(draft, [], set())


@dataclass(frozen=True)
class _Draft:
    match: Match
    old: Section | None
    new: Section | None
    edit: WordEdit
    readable: list[Chunk]


def _draft(match: Match, old: Section | None, new: Section | None) -> _Draft:
    old_text = old.text if old else ""
    new_text = new.text if new else ""
    return _Draft(match, old, new, word_edit(old_text, new_text), word_diff(old_text, new_text))


# -- Moves ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Piece:
    """A sentence that one side of a pair lost or gained almost entirely."""

    place: Place
    text: str


def _find_moves(drafts: Sequence[_Draft]) -> list[Move]:
    """Pair sentences deleted in one place with sentences inserted, nearly the same, in another."""
    lost = [p for d in drafts if d.old for p in _pieces(d.old.id, d.readable, Op.DELETE)]
    gained = [p for d in drafts if d.new for p in _pieces(d.new.id, d.readable, Op.INSERT)]
    candidates = []
    gained_words = [frozenset(WORD.findall(p.text.lower())) for p in gained]
    postings: dict[str, list[int]] = {}
    for b, words in enumerate(gained_words):
        for word in words:
            postings.setdefault(word, []).append(b)
    for a, piece in enumerate(lost):
        words = frozenset(WORD.findall(piece.text.lower()))
        for b in _sharing(words, postings):
            overlap = len(words & gained_words[b]) / max(len(words), len(gained_words[b]))
            if overlap < _OVERLAP:
                continue
            score = similarity(piece.text, gained[b].text)
            if score >= MOVE_SIMILARITY:
                candidates.append((score, a, b))
    moves: list[Move] = []
    used_lost: set[int] = set()
    used_gained: set[int] = set()
    for score, a, b in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if a in used_lost or b in used_gained:
            continue
        used_lost.add(a)
        used_gained.add(b)
        source, target = lost[a], gained[b]
        inner: tuple[Chunk, ...] = ()
        if fold(canonical(source.text)) != fold(canonical(target.text)):
            inner = tuple(word_diff(source.text, target.text))
        moves.append(Move(0, source.place, target.place, word_count(source.text), round(score, 3), inner))
    moves = _joined(sorted(moves, key=lambda m: (m.source.section, m.source.start)), drafts)
    return [Move(k + 1, m.source, m.target, m.words, m.similarity, m.inner) for k, m in enumerate(moves)]


_OVERLAP = MOVE_SIMILARITY - 0.1  # share of distinct words two sentences must have in common to be compared


def _sharing(words: frozenset[str], postings: dict[str, list[int]]) -> set[int]:
    """Inserted sentences that could share _OVERLAP of `words`: any such sentence holds at least one of
    the rarest len(words) - needed + 1 of them, so only their postings need looking at."""
    needed = math.ceil(_OVERLAP * len(words))
    rarest = sorted(words, key=lambda w: len(postings.get(w, ())))[: len(words) - needed + 1]
    return {b for word in rarest for b in postings.get(word, ())}


def _pieces(section_id: str, chunks: Sequence[Chunk], side: Op) -> list[_Piece]:
    """Sentences of one side's text that are (almost) all `side` chunks."""
    if not any(chunk.op is side for chunk in chunks):
        return []
    text, marked = _side_text(chunks, side)
    found = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if word_count(sentence) < MOVE_MIN_WORDS:
            continue
        solid = len(sentence) - sum(map(str.isspace, sentence))
        hit = sum(1 for k in range(start, end) if marked[k] and not text[k].isspace())
        if solid and hit / solid >= MOVE_MOSTLY:
            found.append(_Piece(Place(section_id, start, end), sentence))
    return found


def _side_text(chunks: Sequence[Chunk], side: Op) -> tuple[str, list[bool]]:
    """One side's text, with a flag per character for whether it is in a `side` chunk."""
    parts, marked = [], []
    for chunk in chunks:
        if chunk.op is Op.EQUAL or chunk.op is side:
            parts.append(chunk.text)
            marked += [chunk.op is side] * len(chunk.text)
    return "".join(parts), marked


def _joined(moves: list[Move], drafts: Sequence[_Draft]) -> list[Move]:
    """Consecutive moved sentences that go to consecutive places become one move: a moved paragraph."""
    out: list[Move] = []
    for move in moves:
        last = out[-1] if out else None
        if (
            last
            and last.source.section == move.source.section
            and last.target.section == move.target.section
            and not _text_between(drafts, last.source, move.source, Op.DELETE).strip()
            and not _text_between(drafts, last.target, move.target, Op.INSERT).strip()
            and last.target.end <= move.target.start
        ):
            out[-1] = Move(
                0,
                Place(last.source.section, last.source.start, move.source.end),
                Place(last.target.section, last.target.start, move.target.end),
                last.words + move.words,
                round(min(last.similarity, move.similarity), 3),
                last.inner + move.inner,
            )
        else:
            out.append(move)
    return out


def _text_between(drafts: Sequence[_Draft], first: Place, second: Place, side: Op) -> str:
    for draft in drafts:
        section = draft.old if side is Op.DELETE else draft.new
        if section and section.id == first.section:
            return _side_text(draft.readable, side)[0][first.end : second.start]
    return ""


# -- Pairs ------------------------------------------------------------------------------------------


def _pair(draft: _Draft, moves: Sequence[Move], reordered: set[str]) -> Pair:
    match, old, new = draft.match, draft.old, draft.new
    sources = [m for m in moves if old and m.source.section == old.id]
    targets = [m for m in moves if new and m.target.section == new.id]
    diff = _with_moves(draft.readable, sources, targets)
    counts = _counts(draft.edit, sources, targets)
    title_diff = _title_diff(old.title if old else "", new.title if new else "")
    decision_diff = _title_diff(old.decision or "" if old else "", new.decision or "" if new else "")
    notes = _notes(old.footnotes if old else (), new.footnotes if new else ())
    flags: list[Flag] = []
    if old and new and fold(canonical(old.title)) != fold(canonical(new.title)):
        flags.append(Flag.RETITLED)
    if match.old and match.new and match.new in reordered:
        flags.append(Flag.MOVED)
    related: tuple[str, ...] = ()
    if match.split_from:
        flags.append(Flag.SPLIT)
        related = (match.split_from,)
    if match.merged_into:
        flags.append(Flag.MERGED)
        related = (match.merged_into,)
    if old is None:
        status = Status.ADDED
    elif new is None:
        status = Status.REMOVED
    elif (
        any(c.is_change for c in (*diff, *title_diff, *decision_diff))
        or notes
        or fold(canonical(old.formal_title or "")) != fold(canonical(new.formal_title or ""))
    ):
        status = Status.CHANGED
    else:
        status = Status.UNCHANGED
    return Pair(
        old=old,
        new=new,
        status=status,
        score=match.score,
        reasons=match.reasons,
        flags=tuple(flags),
        title_diff=tuple(title_diff),
        decision_diff=tuple(decision_diff),
        diff=tuple(diff),
        notes=tuple(notes),
        counts=counts,
        related=related,
        dossier=match.dossier,
        topic=match.topic,
    )


def _title_diff(old: str, new: str) -> list[Chunk]:
    return word_diff(canonical(old), canonical(new))


def _with_moves(chunks: Sequence[Chunk], sources: Sequence[Move], targets: Sequence[Move]) -> list[Chunk]:
    """The chunks, cut where moved text starts and ends, with the moved text's chunks marked."""
    old_ranges = [(m.source.start, m.source.end, m.id) for m in sources]
    new_ranges = [(m.target.start, m.target.end, m.id) for m in targets]
    if old_ranges or new_ranges:
        chunks = _isolated(chunks, old_ranges, new_ranges)
    out: list[Chunk] = []
    old_at = new_at = 0
    for chunk in chunks:
        if chunk.op is Op.EQUAL:
            out.append(chunk)
            old_at += len(chunk.text)
            new_at += len(chunk.text)
            continue
        at, ranges = (old_at, old_ranges) if chunk.op is Op.DELETE else (new_at, new_ranges)
        out += _cut(chunk, at, ranges)
        if chunk.op is Op.DELETE:
            old_at += len(chunk.text)
        else:
            new_at += len(chunk.text)
    return out


def _isolated(
    chunks: Sequence[Chunk], old_ranges: Sequence[tuple[int, int, int]], new_ranges: Sequence[tuple[int, int, int]]
) -> list[Chunk]:
    """The diff with moved text whole: cleanup may have matched a few common words ("de", "het") inside a
    moved sentence with words elsewhere; those become a deletion and an insertion, and each run of
    changes between two unchanged stretches is regrouped as one deletion then one insertion."""
    pieces: list[Chunk] = []
    old_at = new_at = 0
    for chunk in chunks:
        if chunk.op is not Op.EQUAL:
            pieces.append(chunk)
            if chunk.op is Op.DELETE:
                old_at += len(chunk.text)
            else:
                new_at += len(chunk.text)
            continue
        size = len(chunk.text)
        cuts = {0, size}
        cuts |= {b - old_at for s, e, _ in old_ranges for b in (s, e) if old_at < b < old_at + size}
        cuts |= {b - new_at for s, e, _ in new_ranges for b in (s, e) if new_at < b < new_at + size}
        ordered = sorted(cuts)
        for start, stop in itertools.pairwise(ordered):
            text = chunk.text[start:stop]
            moved = any(s <= old_at + start < e for s, e, _ in old_ranges) or any(
                s <= new_at + start < e for s, e, _ in new_ranges
            )
            pieces += [Chunk(Op.DELETE, text), Chunk(Op.INSERT, text)] if moved else [Chunk(Op.EQUAL, text)]
        old_at += size
        new_at += size
    return _regrouped(pieces)


def _regrouped(pieces: Sequence[Chunk]) -> list[Chunk]:
    """Each run of changes between two unchanged stretches as one deletion, then one insertion."""
    regrouped: list[Chunk] = []
    run: list[Chunk] = []
    for piece in [*pieces, Chunk(Op.EQUAL, "")]:
        if piece.op is not Op.EQUAL:
            run.append(piece)
            continue
        for op in (Op.DELETE, Op.INSERT):
            text = "".join(c.text for c in run if c.op is op)
            if text:
                regrouped.append(Chunk(op, text))
        run = []
        if regrouped and regrouped[-1].op is Op.EQUAL:
            regrouped[-1] = Chunk(Op.EQUAL, regrouped[-1].text + piece.text)
        elif piece.text:
            regrouped.append(piece)
    return regrouped


def _cut(chunk: Chunk, at: int, ranges: Sequence[tuple[int, int, int]]) -> list[Chunk]:
    """One changed chunk, starting at offset `at`, cut into pieces inside and outside moved ranges."""
    end = at + len(chunk.text)
    bounds = sorted({at, end, *(b for s, e, _ in ranges for b in (s, e) if at < b < end)})
    pieces: list[Chunk] = []
    for start, stop in itertools.pairwise(bounds):
        move = next((i for s, e, i in ranges if s <= start and stop <= e), None)
        text = chunk.text[start - at : stop - at]
        if pieces and pieces[-1].move == move:
            pieces[-1] = Chunk(chunk.op, pieces[-1].text + text, move)
        else:
            pieces.append(Chunk(chunk.op, text, move))
    return pieces


def _counts(edit: WordEdit, sources: Sequence[Move], targets: Sequence[Move]) -> WordCounts:
    """Words the minimal edit deleted and inserted, less those that moved; and the words moved."""

    def outside(starts: Sequence[int], places: Sequence[Place]) -> int:
        return sum(1 for start in starts if not any(p.start <= start < p.end for p in places))

    deleted = outside(edit.deleted, [m.source for m in sources])
    inserted = outside(edit.inserted, [m.target for m in targets])
    return WordCounts(deleted, inserted, sum(m.words for m in {*sources, *targets}))


def _note_text(note: Footnote) -> str:
    return f"{note.text} {note.url or ''}".strip()


def _notes(old: Sequence[Footnote], new: Sequence[Footnote]) -> list[NoteChange]:
    """Footnotes compared by what they say: same text under another number is no change."""

    def key(note: Footnote) -> str:
        return fold(canonical(f"{note.text} {note.url or ''}"))

    left = list(old)
    right = list(new)
    for note in list(left):
        twin = next((other for other in right if key(other) == key(note)), None)
        if twin is not None:
            left.remove(note)
            right.remove(twin)
    changes = []
    scored = sorted(
        ((similarity(key(a), key(b)), x, y) for x, a in enumerate(left) for y, b in enumerate(right)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    done_left: set[int] = set()
    done_right: set[int] = set()
    for score, x, y in scored:
        if score >= NOTE_SIMILARITY and x not in done_left and y not in done_right:
            done_left.add(x)
            done_right.add(y)
            diff = tuple(word_diff(_note_text(left[x]), _note_text(right[y])))
            changes.append(NoteChange(NoteStatus.CHANGED, left[x], right[y], diff))
    changes += [NoteChange(NoteStatus.REMOVED, n, None) for x, n in enumerate(left) if x not in done_left]
    changes += [NoteChange(NoteStatus.ADDED, None, n) for y, n in enumerate(right) if y not in done_right]
    return changes


# -- Order ------------------------------------------------------------------------------------------


def _reordered(old: Letter, new: Letter, alignment: Alignment) -> set[str]:
    """New ids of paired sections that changed place: those outside the longest run kept in order."""
    old_rank = {s.id: k for k, s in enumerate(old.sections)}
    new_rank = {s.id: k for k, s in enumerate(new.sections)}
    main = sorted(
        ((old_rank[m.old], new_rank[m.new], m.new) for m in alignment.matches if m.old and m.new),
    )
    kept = _longest_increasing([rank for _, rank, _ in main])
    return {new_id for k, (_, _, new_id) in enumerate(main) if k not in kept}


def _longest_increasing(values: Sequence[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting)."""
    import bisect

    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for k, value in enumerate(values):
        slot = bisect.bisect_left(tails, value)
        if slot == len(tails):
            tails.append(value)
            tail_index.append(k)
        else:
            tails[slot] = value
            tail_index[slot] = k
        previous[k] = tail_index[slot - 1] if slot else -1
    kept, k = set(), tail_index[-1] if tail_index else -1
    while k >= 0:
        kept.add(k)
        k = previous[k]
    return kept


def _in_reading_order(drafts: Iterable[_Draft], old: Letter, new: Letter) -> list[_Draft]:
    """Pairs in the new letter's order; a removed section goes after the partner of the section before it."""
    new_rank = {s.id: k for k, s in enumerate(new.sections)}
    old_rank = {s.id: k for k, s in enumerate(old.sections)}
    drafts = list(drafts)
    partner_rank = {d.old.id: new_rank[d.new.id] for d in drafts if d.old and d.new}
    # For each old section, the furthest place in the new letter that a section before it went to.
    latest_partner, latest = [], -1
    for section in old.sections:
        latest_partner.append(latest)
        latest = max(latest, partner_rank.get(section.id, -1))

    def key(draft: _Draft) -> tuple[float, int]:
        if draft.new is not None:
            return new_rank[draft.new.id], 1
        assert draft.old is not None
        if draft.match.merged_into:
            return new_rank[draft.match.merged_into] + 0.5, old_rank[draft.old.id]
        return latest_partner[old_rank[draft.old.id]] + 0.5, old_rank[draft.old.id]

    return sorted(drafts, key=key)
