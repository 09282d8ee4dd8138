"""Align: pair the sections of two letters by topic, whatever their titles, order or place.

Each candidate pair gets a score from title similarity and text similarity (tf-idf cosine over words and
word pairs, idf taken over both letters). The best one-to-one assignment over the whole letter is solved
exactly (Hungarian method), so one good pair never steals another's partner because it came first.
Sections left over are checked for splits and merges before they count as added or removed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from agendadiff.dutch import FUNCTION_WORDS
from agendadiff.errors import AgendadiffError
from agendadiff.model import Alignment, Letter, Match, Reason, Section, SectionKind
from agendadiff.typography import canonical

THRESHOLD = 0.3  # below this a pairing is a guess; the sections count as removed and added
SAME_TITLE_FLOOR = 0.75  # an identical title is strong evidence even when the text was rewritten
SIMILAR_TITLE = 0.5
SIMILAR_TEXT = 0.35
# A split: the new piece takes at least this share of its text from the old section, and the two new
# sections together hold at least COVERED of the old section's text.
SPLIT_SOURCE = 0.5
SPLIT_SHARE = 0.15
COVERED = 0.6

# Which kinds of section may stand for the same topic in two letters.
_FAMILY = {
    SectionKind.INTRO: "intro",
    SectionKind.SIGNATURES: "signatures",
    SectionKind.AGENDA: "agenda",
    SectionKind.PART: "part",
    SectionKind.GROUP: "group",
    SectionKind.TOPIC: "topic",  # a cover-letter topic can come back as an agenda item
    SectionKind.ITEM: "topic",
    SectionKind.TEXT: "topic",
}
# The session label before a title says when a topic is discussed, not what it is.
_SESSION_LABEL = re.compile(
    r"^(?:werk)?(?:sessie|lunch|diner|ontbijt)\s*(?:[ivx]+|\d+)?\s*[:.-]\s*", re.IGNORECASE
)
_WORD = re.compile(r"\w+(?:-\w+)*")


class PairingError(AgendadiffError):
    """A pin or forbid that names no section, or more than one."""


@dataclass(frozen=True)
class Pairing:
    """The user's corrections: pairs to make whatever the scores say, and pairs never to make."""

    pin: tuple[tuple[str, str], ...] = ()
    forbid: tuple[tuple[str, str], ...] = ()


def align(old: Letter, new: Letter, pairing: Pairing = Pairing()) -> Alignment:
    olds, news = old.sections, new.sections
    scorer = _Scorer(olds, news)
    pinned = [(_find(olds, a, "old"), _find(news, b, "new")) for a, b in pairing.pin]
    forbidden = {(_find(olds, a, "old"), _find(news, b, "new")) for a, b in pairing.forbid}
    taken_old = {i for i, _ in pinned}
    taken_new = {j for _, j in pinned}
    if len(taken_old) < len(pinned) or len(taken_new) < len(pinned):
        raise PairingError("a section is pinned to two others; pin each section once")

    rows = [i for i in range(len(olds)) if i not in taken_old]
    cols = [j for j in range(len(news)) if j not in taken_new]
    scores = [[0.0 if (i, j) in forbidden else scorer.preference(i, j) for j in cols] for i in rows]
    chosen = [(rows[r], cols[c]) for r, c in assign(scores) if scores[r][c] >= THRESHOLD]
    matches = {i: Match(olds[i].id, news[j].id, 1.0, (Reason.PINNED,)) for i, j in pinned}
    for i, j in chosen:
        matches[i] = Match(olds[i].id, news[j].id, round(scorer.score(i, j), 3), scorer.reasons(i, j))
    result = [matches[i] for i in sorted(matches)]
    result += _splits_and_merges(olds, news, matches, scorer)
    return Alignment(tuple(result))


def _splits_and_merges(
    olds: Sequence[Section],
    news: Sequence[Section],
    matches: dict[int, Match],
    scorer: _Scorer,
) -> list[Match]:
    """Left-over sections whose text mostly sits in a paired section of the other letter."""
    new_index = {s.id: j for j, s in enumerate(news)}
    partner = {new_index[m.new]: i for i, m in matches.items() if m.new}  # new index -> old index
    found: list[Match] = []
    for j, section in enumerate(news):
        if j in partner or not scorer.new_shingles[j]:
            continue
        i = _best_source(scorer.new_shingles[j], scorer.old_shingles, set(matches))
        if i is None:
            continue
        main = new_index[matches[i].new or ""]
        whole = scorer.old_shingles[i]
        kept, taken = whole & scorer.new_shingles[main], whole & scorer.new_shingles[j]
        if _share(taken, whole) >= SPLIT_SHARE and _share(kept | taken, whole) >= COVERED:
            found.append(Match(None, section.id, round(_share(taken, scorer.new_shingles[j]), 3),
                               (Reason.SIMILAR_TEXT,), split_from=olds[i].id))
    for i, section in enumerate(olds):
        if i in matches or not scorer.old_shingles[i]:
            continue
        j = _best_source(scorer.old_shingles[i], scorer.new_shingles, set(partner))
        if j is None:
            continue
        main = partner[j]
        whole = scorer.new_shingles[j]
        kept, given = whole & scorer.old_shingles[main], whole & scorer.old_shingles[i]
        if _share(given, whole) >= SPLIT_SHARE and _share(kept | given, whole) >= COVERED:
            found.append(Match(section.id, None, round(_share(given, scorer.old_shingles[i]), 3),
                               (Reason.SIMILAR_TEXT,), merged_into=news[j].id))
    return found


def _best_source(piece: frozenset[str], others: Sequence[frozenset[str]], allowed: set[int]) -> int | None:
    """The section among `allowed` that holds most of `piece`, if one holds at least SPLIT_SOURCE of it."""
    best, best_share = None, SPLIT_SOURCE
    for k in allowed:
        share = _share(piece & others[k], piece)
        if share >= best_share:
            best, best_share = k, share
    return best


def _share(part: frozenset[str], whole: frozenset[str]) -> float:
    return len(part) / len(whole) if whole else 0.0


class _Scorer:
    """Similarities between every old and every new section, computed once."""

    def __init__(self, olds: Sequence[Section], news: Sequence[Section]) -> None:
        self.olds, self.news = olds, news
        old_terms = [_terms(s.text) for s in olds]
        new_terms = [_terms(s.text) for s in news]
        idf = _idf(old_terms + new_terms)
        self.old_vectors = [_unit(t, idf) for t in old_terms]
        self.new_vectors = [_unit(t, idf) for t in new_terms]
        old_titles = [_title_terms(s) for s in olds]
        new_titles = [_title_terms(s) for s in news]
        title_idf = _idf(old_titles + new_titles)
        self.old_title_vectors = [_unit(t, title_idf) for t in old_titles]
        self.new_title_vectors = [_unit(t, title_idf) for t in new_titles]
        self.old_shingles = [_shingles(s.text) for s in olds]
        self.new_shingles = [_shingles(s.text) for s in news]
        self._cache: dict[tuple[int, int], tuple[float, float, float]] = {}

    def parts(self, i: int, j: int) -> tuple[float, float, float]:
        """(title similarity, text similarity, score) of old section i and new section j."""
        if (i, j) not in self._cache:
            self._cache[i, j] = self._parts(i, j)
        return self._cache[i, j]

    def _parts(self, i: int, j: int) -> tuple[float, float, float]:
        old, new = self.olds[i], self.news[j]
        if _FAMILY[old.kind] != _FAMILY[new.kind]:
            return 0.0, 0.0, 0.0
        same_title = _same_title(old, new)
        title = 1.0 if same_title else _cosine(self.old_title_vectors[i], self.new_title_vectors[j])
        if not old.title and not new.title:
            title = 1.0 if old.kind == new.kind else 0.0  # the opening, the signatures
        if self.old_vectors[i] and self.new_vectors[j]:
            text = _cosine(self.old_vectors[i], self.new_vectors[j])
            score = 0.3 * title + 0.7 * text
        else:
            text = 0.0
            score = title if not self.old_vectors[i] and not self.new_vectors[j] else 0.8 * title
        if same_title:
            score = max(score, SAME_TITLE_FLOOR + (1 - SAME_TITLE_FLOOR) * text)
        # A faint preference for the same place breaks ties between otherwise equal candidates.
        return title, text, min(1.0, score)

    def score(self, i: int, j: int) -> float:
        return self.parts(i, j)[2]

    def preference(self, i: int, j: int) -> float:
        """The score with a faint preference for the same place, to break ties between equal candidates."""
        place = abs(i / max(1, len(self.olds)) - j / max(1, len(self.news)))
        return self.score(i, j) + 0.001 * (1 - place)

    def reasons(self, i: int, j: int) -> tuple[Reason, ...]:
        title, text, _ = self.parts(i, j)
        reasons = []
        old, new = self.olds[i], self.news[j]
        if _same_title(old, new):
            reasons.append(Reason.SAME_TITLE)
        elif title >= SIMILAR_TITLE:
            reasons.append(Reason.SIMILAR_TITLE)
        if text >= SIMILAR_TEXT:
            reasons.append(Reason.SIMILAR_TEXT)
        return tuple(reasons)


def _same_title(old: Section, new: Section) -> bool:
    return bool(old.title) and canonical(old.title).lower() == canonical(new.title).lower()


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(canonical(text).lower()) if w not in FUNCTION_WORDS]


def _terms(text: str) -> Counter[str]:
    words = _words(text)
    return Counter(words) + Counter(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))


def _title_terms(section: Section) -> Counter[str]:
    """Title words and their character trigrams: `terugkeersysteem` and `Terugkeerverordening` share a stem."""
    title = _SESSION_LABEL.sub("", canonical(section.title).lower())
    words = _words(title)
    grams = Counter(f"#{w[k:k + 3]}" for w in words for k in range(max(1, len(w) - 2)))
    return Counter(words) + grams


def _shingles(text: str) -> frozenset[str]:
    """Word trigrams, function words included: the unit for 'this text reappears there'."""
    words = _WORD.findall(canonical(text).lower())
    return frozenset(" ".join(words[k : k + 3]) for k in range(len(words) - 2))


def _idf(documents: Sequence[Counter[str]]) -> dict[str, float]:
    seen: Counter[str] = Counter()
    for terms in documents:
        seen.update(terms.keys())
    n = len(documents)
    return {term: math.log((1 + n) / (1 + count)) + 1 for term, count in seen.items()}


def _unit(terms: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    vector = {term: (1 + math.log(count)) * idf[term] for term, count in terms.items()}
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {term: v / norm for term, v in vector.items()} if norm else {}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(term, 0.0) for term, value in a.items())


def assign(scores: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The one-to-one assignment of rows to columns with the largest total score (Hungarian method).

    Works on rectangular matrices; returns (row, column) pairs, one for each row or column, whichever
    is fewer.
    """
    rows = len(scores)
    cols = len(scores[0]) if rows else 0
    if not rows or not cols:
        return []
    transposed = rows > cols
    matrix = [list(r) for r in zip(*scores, strict=True)] if transposed else [list(r) for r in scores]
    n, m = len(matrix), len(matrix[0])
    top = max(max(r) for r in matrix)
    cost = [[top - v for v in r] for r in matrix]  # minimise cost = maximise score
    # Potentials and augmenting paths (Kuhn-Munkres in the O(n^2 m) shortest-path form), 1-based.
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    owner, way = [0] * (m + 1), [0] * (m + 1)
    for row in range(1, n + 1):
        owner[0] = row
        col0 = 0
        least = [math.inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[col0] = True
            r0, delta, col1 = owner[col0], math.inf, 0
            for col in range(1, m + 1):
                if not used[col]:
                    reduced = cost[r0 - 1][col - 1] - u[r0] - v[col]
                    if reduced < least[col]:
                        least[col], way[col] = reduced, col0
                    if least[col] < delta:
                        delta, col1 = least[col], col
            for col in range(m + 1):
                if used[col]:
                    u[owner[col]] += delta
                    v[col] -= delta
                else:
                    least[col] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:
            previous = way[col0]
            owner[col0] = owner[previous]
            col0 = previous
    pairs = [(owner[col] - 1, col - 1) for col in range(1, m + 1) if owner[col]]
    return sorted((c, r) if transposed else (r, c) for r, c in pairs)


def _find(sections: Sequence[Section], name: str, side: str) -> int:
    """The index of the section a user named: by id, or by a piece of its title that fits one section."""
    wanted = name.strip()
    for index, section in enumerate(sections):
        if section.id == wanted:
            return index
    folded = canonical(wanted).lower()
    hits = [k for k, s in enumerate(sections) if folded and folded in canonical(s.title).lower()]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise PairingError(f"no section of the {side} letter is called {name!r}")
    names = ", ".join(sections[k].id for k in hits[:4])
    raise PairingError(f"{name!r} fits {len(hits)} sections of the {side} letter ({names}); give its id")


def parse_pairings(text: str, path: str) -> Pairing:
    """Read a pairings file: one `pin OLD = NEW` or `forbid OLD = NEW` a line, `#` starts a comment.

    OLD and NEW are section ids or pieces of title that fit one section.
    """
    from agendadiff.errors import InputError

    pin: list[tuple[str, str]] = []
    forbid: list[tuple[str, str]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        verb, _, rest = line.partition(" ")
        old, equals, new = rest.partition("=")
        if verb not in ("pin", "forbid") or not equals or not old.strip() or not new.strip():
            raise InputError(path, f"line {number}: expected 'pin OLD = NEW' or 'forbid OLD = NEW', got {raw.strip()!r}")
        (pin if verb == "pin" else forbid).append((old.strip(), new.strip()))
    return Pairing(tuple(pin), tuple(forbid))


def parse_pair(text: str) -> tuple[str, str]:
    """An OLD=NEW option value."""
    old, equals, new = text.partition("=")
    if not equals or not old.strip() or not new.strip():
        raise PairingError(f"expected OLD=NEW (section ids or title words), got {text!r}")
    return old.strip(), new.strip()
