"""Align: pair the sections of two letters by topic, whatever their titles, order or place.

Each candidate pair gets a score from title similarity and text similarity (tf-idf cosine over word stems,
compound parts and stem pairs, idf taken over both letters). Two sections about the same dossier (the
Terugkeerverordening, a COM number; see data/dossiers.toml) whose topics agree are candidates whatever their
words: a topic that comes back with a new title and new text is still the same topic. The best one-to-one
assignment over the whole letter is solved exactly (Hungarian method), so one good pair never steals
another's partner because it came first. Sections left over are checked for splits and merges before they
count as added or removed.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import KeysView, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from agendadiff.errors import AgendadiffError
from agendadiff.lang.dutch import FUNCTION_WORDS
from agendadiff.lang.stems import first_part, stems, vocabulary
from agendadiff.lang.typography import canonical
from agendadiff.lang.words import SESSION_LABEL, WORD
from agendadiff.model import Alignment, Letter, Match, Reason, Section, SectionKind

if TYPE_CHECKING:
    from agendadiff.topics import Topic, TopicLexicon

THRESHOLD = 0.3  # below this a pairing is a guess; the sections count as removed and added
SAME_TITLE_FLOOR = 0.75  # an identical title is strong evidence even when the text was rewritten
SIMILAR_TITLE = 0.5
SIMILAR_TEXT = 0.35
# A split: the new piece takes at least this share of its text from the old section, and the two new
# sections together hold at least COVERED of the old section's text.
SPLIT_SOURCE = 0.5
SPLIT_SHARE = 0.15
COVERED = 0.6
# Two sections about one dossier whose topic labels agree are a candidate pair even below THRESHOLD: one
# of them about it (a mention score of DOSSIER_FOCUS or more, as when it is in the title), the other at
# least naming it more than in passing (DOSSIER_MENTION). They score from THRESHOLD up to THRESHOLD +
# DOSSIER_MARGIN, in the order of their own score, so that any pair their words make comes first.
DOSSIER_FOCUS = 0.5
DOSSIER_MENTION = 0.3
DOSSIER_MARGIN = 0.05
REFERENCE_SPREAD = 2  # a COM number or Kamerstuk cited by more sections of a letter says nothing about one
# A COM number or a Kamerstuk reference is a dossier without being listed.
_REFERENCE = re.compile(
    r"\bCOM\s*\(\s*(?P<year>\d{4})\s*\)\s*(?P<com>\d{1,4})\b"
    r"|\bKamerstuk(?:ken)?\s+(?P<dossier>\d{2}\s?\d{3})(?:-(?P<suffix>[A-Z]+))?,?\s*nr\.?\s*(?P<nr>\d+)",
    re.IGNORECASE,
)

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


class PairingError(AgendadiffError):
    """A pin or forbid that names no section, or more than one."""


@dataclass(frozen=True)
class Pairing:
    """What the user tells align: pairs to make whatever the scores say, pairs never to make, and their own
    dossiers and topics (None: those agendadiff ships)."""

    pin: tuple[tuple[str, str], ...] = ()
    forbid: tuple[tuple[str, str], ...] = ()
    dossiers: TopicLexicon | None = None
    topics: TopicLexicon | None = None


def align(old: Letter, new: Letter, pairing: Pairing = Pairing()) -> Alignment:
    """Pair the sections of two letters by topic: the best one-to-one assignment by title and text, then
    splits and merges; the user's pins and forbids first."""
    olds, news = old.sections, new.sections
    scorer = _Scorer(olds, news, _Evidence(olds, news, pairing))
    pinned = [(_find(olds, a, "old"), _find(news, b, "new")) for a, b in pairing.pin]
    forbidden = {(_find(olds, a, "old"), _find(news, b, "new")) for a, b in pairing.forbid}
    taken_old = {i for i, _ in pinned}
    taken_new = {j for _, j in pinned}
    if len(taken_old) < len(pinned) or len(taken_new) < len(pinned):
        raise PairingError("a section is pinned to two others; pin each section once")

    edges = {}
    for i, j in scorer.candidates:
        if i not in taken_old and j not in taken_new and (i, j) not in forbidden:
            score = scorer.score(i, j)
            if score >= THRESHOLD:
                edges[i, j] = scorer.preference(i, j, score)
    matches = {i: Match(olds[i].id, news[j].id, 1.0, (Reason.PINNED,)) for i, j in pinned}
    for i, j in _best_matching(edges):
        dossier, topic = scorer.evidence_labels(i, j)
        matches[i] = Match(
            olds[i].id, news[j].id, round(scorer.score(i, j), 3), scorer.reasons(i, j), dossier=dossier, topic=topic
        )
    result = [matches[i] for i in sorted(matches)]
    result += _splits_and_merges(olds, news, matches, scorer)
    return Alignment(tuple(result))


def _best_matching(edges: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """The one-to-one pairing with the largest total score, over the candidate pairs only.

    Sections that share no candidate pair cannot affect each other's partners, so each connected group
    of candidates is assigned on its own: a long letter costs little more than its parts.
    """
    # The connected groups, old i as node 2i and new j as 2j + 1: each node's group, the smaller of two
    # groups an edge joins relabelled into the larger (a letter of alike sections has every pair an edge).
    group_of: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    for i, j in edges:
        old, new = 2 * i, 2 * j + 1
        a, b = group_of.get(old), group_of.get(new)
        if a is None and b is None:
            group_of[old] = group_of[new] = old
            members[old] = [old, new]
        elif a is None or b is None:
            label = a if a is not None else b
            assert label is not None
            joining = new if a is not None else old
            group_of[joining] = label
            members[label].append(joining)
        elif a != b:
            if len(members[a]) < len(members[b]):
                a, b = b, a
            for node in members[b]:
                group_of[node] = a
            members[a] += members.pop(b)
    groups: dict[int, list[tuple[int, int]]] = {}
    for i, j in edges:
        groups.setdefault(group_of[2 * i], []).append((i, j))
    chosen = []
    for group in groups.values():
        rows = sorted({i for i, _ in group})
        cols = sorted({j for _, j in group})
        matrix = [[edges.get((i, j), 0.0) for j in cols] for i in rows]
        chosen += [(rows[r], cols[c]) for r, c in assign(matrix) if matrix[r][c] > 0]
    return sorted(chosen)


def _splits_and_merges(
    olds: Sequence[Section],
    news: Sequence[Section],
    matches: dict[int, Match],
    scorer: _Scorer,
) -> list[Match]:
    """Left-over sections whose text mostly sits in a paired section of the other letter.

    A split and a merge are the same finding seen from the two letters, so one search serves both.
    """
    new_index = {s.id: j for j, s in enumerate(news)}
    old_to_new = {i: new_index[m.new] for i, m in matches.items() if m.new}
    new_to_old = {j: i for i, j in old_to_new.items()}
    found: list[Match] = []
    for piece, source, share in _pieces(scorer.new_shingles, scorer.old_shingles, old_to_new):
        found.append(Match(None, news[piece].id, share, (Reason.SIMILAR_TEXT,), split_from=olds[source].id))
    for piece, target, share in _pieces(scorer.old_shingles, scorer.new_shingles, new_to_old):
        found.append(Match(olds[piece].id, None, share, (Reason.SIMILAR_TEXT,), merged_into=news[target].id))
    return found


def _pieces(
    mine: Sequence[frozenset[str]], theirs: Sequence[frozenset[str]], partner: dict[int, int]
) -> list[tuple[int, int, float]]:
    """Unpaired sections on my side that took most of their text from a paired section W on the other
    side, where W's text is mostly covered by the piece and W's own partner together.

    `partner` maps the other side's paired sections to their partners on my side. Returns
    (piece, W, share of the piece's text that came from W).
    """
    paired = set(partner.values())
    found = []
    for piece, shingles in enumerate(mine):
        if piece in paired or not shingles:
            continue
        whole_index = _best_source(shingles, theirs, set(partner))
        if whole_index is None:
            continue
        whole = theirs[whole_index]
        kept, taken = whole & mine[partner[whole_index]], whole & shingles
        if _share(taken, whole) >= SPLIT_SHARE and _share(kept | taken, whole) >= COVERED:
            found.append((piece, whole_index, round(_share(taken, shingles), 3)))
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


@dataclass(frozen=True)
class _About:
    """What one section is about: its dossiers and its topics, each id with (score, label)."""

    dossiers: dict[str, tuple[float, str]]
    topics: dict[str, tuple[float, str]]


class _Evidence:
    """The dossiers and topics of each section, and which pairs of sections share a dossier."""

    def __init__(self, olds: Sequence[Section], news: Sequence[Section], pairing: Pairing) -> None:
        from agendadiff.topics import label_section, load_dossiers, load_topics

        dossiers = pairing.dossiers or load_dossiers()
        topics = pairing.topics or load_topics()
        self._dossiers, self._topics = dossiers, topics
        self._label = label_section
        self.old = _distinctive([self._about(s) for s in olds])
        self.new = _distinctive([self._about(s) for s in news])

    def _about(self, section: Section) -> _About:
        if _FAMILY[section.kind] != "topic":
            return _About({}, {})
        found = {
            label.topic: (label.score, self._dossier(label.topic).nl) for label in self._label(section, self._dossiers)
        }
        for dossier_id, (score, _) in list(found.items()):
            for whole in self._wholes(dossier_id):  # about the Dublin rules is about the Pact too
                if found.get(whole, (0.0, ""))[0] < score:
                    found[whole] = (score, self._dossier(whole).nl)
        found.update(_references(section))
        topics = {
            label.topic: (label.score, self._topic_name(label.topic)) for label in self._label(section, self._topics)
        }
        return _About({k: v for k, v in found.items() if v[0] >= DOSSIER_MENTION}, topics)

    def _dossier(self, dossier_id: str) -> Topic:
        dossier = self._dossiers.get(dossier_id)
        assert dossier is not None  # part_of is checked when the file is read
        return dossier

    def _topic_name(self, topic_id: str) -> str:
        topic = self._topics.get(topic_id)
        return topic.nl if topic else topic_id

    def shared(self, i: int, j: int) -> tuple[str, str] | None:
        """(dossier label, topic label or "") when old section i and new section j are both about one
        dossier and their topics agree (both about a topic, or either about none); else None."""
        old, new = self.old[i], self.new[j]
        # Two different parts of one whole (the Dublin rules and the solidarity pool, both in the Pact) are
        # not one dossier; a part and its whole are. So a shared dossier counts when one side names no part
        # of it.
        common = {
            k
            for k in old.dossiers.keys() & new.dossiers.keys()
            if max(old.dossiers[k][0], new.dossiers[k][0]) >= DOSSIER_FOCUS
            and self._leading(old, k)
            and self._leading(new, k)
            and (not self._parts(old, k) or not self._parts(new, k))
        }
        if not common:
            return None
        topics = old.topics.keys() & new.topics.keys()
        if old.topics and new.topics and not topics:
            return None
        # The dossier both are most about; a part (Dublin) before the whole (the Pact) it shares a score with.
        best = max(sorted(common), key=lambda k: (min(old.dossiers[k][0], new.dossiers[k][0]), self._depth(k)))
        topic = max(sorted(topics), key=lambda k: min(old.topics[k][0], new.topics[k][0]), default=None)
        return old.dossiers[best][1], new.topics[topic][1] if topic else ""

    def _leading(self, about: _About, dossier_id: str) -> bool:
        """Whether a section about a dossier (or naming it, below DOSSIER_FOCUS, and naming no other dossier
        as much: not a summary of the meeting that names every file once) is about that dossier."""
        score = about.dossiers[dossier_id][0]
        if score >= DOSSIER_FOCUS:
            return True
        related = {dossier_id, *self._wholes(dossier_id), *self._parts(about, dossier_id)}
        return all(v < score for k, (v, _) in about.dossiers.items() if k not in related)

    def _parts(self, about: _About, dossier_id: str) -> set[str]:
        """The dossiers of `about` that are parts of `dossier_id`."""
        return {k for k in about.dossiers if k != dossier_id and dossier_id in self._wholes(k)}

    def _wholes(self, dossier_id: str) -> list[str]:
        entry = self._dossiers.get(dossier_id)
        return [] if entry is None or entry.part_of is None else [entry.part_of, *self._wholes(entry.part_of)]

    def _depth(self, dossier_id: str) -> int:
        return len(self._wholes(dossier_id))

    def pairs(self) -> set[tuple[int, int]]:
        """The pairs of sections that share a dossier (whether their topics agree is for `shared`)."""
        holders: dict[str, list[int]] = {}
        for j, about in enumerate(self.new):
            for key in about.dossiers:
                holders.setdefault(key, []).append(j)
        return {(i, j) for i, about in enumerate(self.old) for key in about.dossiers for j in holders.get(key, ())}


def _distinctive(abouts: list[_About]) -> list[_About]:
    """The letter's sections' dossiers, without the references cited all over it (the last verslag)."""
    spread = Counter(k for about in abouts for k in about.dossiers if k.startswith(_REFERENCE_KINDS))
    common = {k for k, n in spread.items() if n > REFERENCE_SPREAD}
    if not common:
        return abouts
    return [_About({k: v for k, v in a.dossiers.items() if k not in common}, a.topics) for a in abouts]


_REFERENCE_KINDS = ("COM(", "Kamerstuk ")


def _references(section: Section) -> dict[str, tuple[float, str]]:
    """The COM numbers and Kamerstuk references a section cites (in its text or its footnotes): an
    identifier, so one mention makes the section about it."""
    text = " ".join([section.text, *(note.text for note in section.footnotes)])
    counts: Counter[str] = Counter()
    for found in _REFERENCE.finditer(canonical(text)):
        if found["com"]:
            counts[f"COM({found['year']}) {int(found['com'])}"] += 1
        else:
            dossier = found["dossier"].replace(" ", "") + (f"-{found['suffix'].upper()}" if found["suffix"] else "")
            counts[f"Kamerstuk {dossier}, nr. {int(found['nr'])}"] += 1
    return {key: (1.0, key) for key in counts}


class _Scorer:
    """Similarities between the old and the new sections, computed once for the pairs that share a term."""

    def __init__(self, olds: Sequence[Section], news: Sequence[Section], evidence: _Evidence) -> None:
        self.olds, self.news = olds, news
        self.evidence = evidence
        old_terms = [_terms(s.text) for s in olds]
        new_terms = [_terms(s.text) for s in news]
        idf = _idf(old_terms + new_terms)
        known = vocabulary(w for s in (*olds, *news) for w in _words(f"{s.title} {s.text}"))
        old_titles = [_title_terms(s, known) for s in olds]
        new_titles = [_title_terms(s, known) for s in news]
        title_idf = _idf(old_titles + new_titles)
        self.has_text = ([bool(t) for t in old_terms], [bool(t) for t in new_terms])
        # A pair whose title and text similarities both stay under THRESHOLD scores under it (0.3 title +
        # 0.7 text, or 0.8 title without a text): only pairs reaching it in one of them are looked at.
        self.text = _Cosines([_unit(t, idf) for t in old_terms], [_unit(t, idf) for t in new_terms], THRESHOLD)
        self.title = _Cosines(
            [_unit(t, title_idf) for t in old_titles], [_unit(t, title_idf) for t in new_titles], THRESHOLD
        )
        old_keys = [canonical(s.title).lower() for s in olds]
        new_keys = [canonical(s.title).lower() for s in news]
        by_title: dict[str, list[int]] = {}
        for j, key in enumerate(new_keys):
            by_title.setdefault(key, []).append(j)
        self.same_title = {(i, j) for i, key in enumerate(old_keys) if key for j in by_title.get(key, ())}
        # The opening and the signatures have no title: any two of the same kind are candidates.
        untitled = {
            (i, j)
            for i, o in enumerate(olds)
            if not o.title
            for j, n in enumerate(news)
            if not n.title and n.kind == o.kind
        }
        self.candidates = sorted(
            pair
            for pair in self.text.candidates | self.title.candidates | self.same_title | untitled | evidence.pairs()
            if self._compatible(*pair)
        )
        self.old_shingles = [_shingles(s.text) for s in olds]
        self.new_shingles = [_shingles(s.text) for s in news]
        self._cache: dict[tuple[int, int], tuple[float, float, float]] = {}
        self.lifted: set[tuple[int, int]] = set()  # pairs whose score their shared dossier made

    def _compatible(self, i: int, j: int) -> bool:
        return _FAMILY[self.olds[i].kind] == _FAMILY[self.news[j].kind]

    def parts(self, i: int, j: int) -> tuple[float, float, float]:
        """(title similarity, text similarity, score) of old section i and new section j."""
        if (i, j) not in self._cache:
            self._cache[i, j] = self._parts(i, j)
        return self._cache[i, j]

    def _parts(self, i: int, j: int) -> tuple[float, float, float]:
        old, new = self.olds[i], self.news[j]
        if not self._compatible(i, j):
            return 0.0, 0.0, 0.0
        same_title = (i, j) in self.same_title
        title = 1.0 if same_title else self.title.get(i, j)
        if not old.title and not new.title:
            title = 1.0 if old.kind == new.kind else 0.0  # the opening, the signatures
        old_text, new_text = self.has_text[0][i], self.has_text[1][j]
        if old_text and new_text:
            text = self.text.get(i, j)
            score = 0.3 * title + 0.7 * text
        else:
            text = 0.0
            score = title if not old_text and not new_text else 0.8 * title
        if same_title:
            score = max(score, SAME_TITLE_FLOOR + (1 - SAME_TITLE_FLOOR) * text)
        if score < THRESHOLD and self.evidence.shared(i, j):
            # Words too different to pair them, but one dossier and one topic: a pair, ranked below every
            # pair their words make, so that it never takes a section's better partner.
            score = THRESHOLD + DOSSIER_MARGIN * score / THRESHOLD
            self.lifted.add((i, j))
        return title, text, min(1.0, score)

    def score(self, i: int, j: int) -> float:
        return self.parts(i, j)[2]

    def preference(self, i: int, j: int, score: float) -> float:
        """The pair's `score` with a faint preference for the same place, to break ties between equal
        candidates."""
        place = abs(i / max(1, len(self.olds)) - j / max(1, len(self.news)))
        return score + 0.001 * (1 - place)

    def reasons(self, i: int, j: int) -> tuple[Reason, ...]:
        title, text, _ = self.parts(i, j)
        reasons = []
        if (i, j) in self.same_title:
            reasons.append(Reason.SAME_TITLE)
        elif title >= SIMILAR_TITLE and self.olds[i].title and self.news[j].title:
            reasons.append(Reason.SIMILAR_TITLE)
        if text >= SIMILAR_TEXT:
            reasons.append(Reason.SIMILAR_TEXT)
        if (i, j) in self.lifted:
            reasons.append(Reason.SAME_DOSSIER)
            if self.evidence_labels(i, j)[1]:
                reasons.append(Reason.SAME_TOPIC)
        return tuple(reasons)

    def evidence_labels(self, i: int, j: int) -> tuple[str | None, str | None]:
        """The dossier and topic that made the pair, for its reasons; None when its words made it."""
        self.parts(i, j)
        shared = self.evidence.shared(i, j) if (i, j) in self.lifted else None
        return (shared[0], shared[1] or None) if shared else (None, None)


class _Cosines:
    """Cosine similarities of old and new unit vectors: `candidates`, every pair that reaches `floor`, found
    without summing each pair that shares a term, and any pair's value on demand.

    A pair can only reach the floor through the terms of the old vector outside any set of its terms whose
    norm stays below the floor (Cauchy-Schwarz: those terms give less than their norm to a unit vector).
    So each old vector leaves its terms common among the new sections, as many as that bound allows, out of
    the search; work grows with the pairs that can match, not with every pair that shares a common word.
    When most pairs may match (a letter of near-identical sections), a row is summed whole instead.
    """

    def __init__(self, olds: Sequence[dict[str, float]], news: Sequence[dict[str, float]], floor: float) -> None:
        self.olds, self.news = olds, news
        self._orders: dict[int, dict[str, int]] = {}
        self._rows: dict[int, dict[int, float]] = {}  # rows summed whole: each new vector's cosine above 1e-9
        postings: dict[str, list[tuple[int, float]]] = {}
        for j, vector in enumerate(news):
            for term, weight in vector.items():
                postings.setdefault(term, []).append((j, weight))
        heaviest = {term: max(weight for _, weight in found) for term, found in postings.items()}
        twins: dict[tuple[tuple[str, float], ...], dict[int, float]] = {}  # old vectors alike: one sum
        self.values: dict[tuple[int, int], float] = {}
        for i, vector in enumerate(olds):
            whole = sum(len(postings.get(term, ())) for term in vector)  # the work of summing the row
            maybe = self._search(vector, postings, heaviest, floor, whole)
            if maybe is None or len(maybe) * len(vector) >= whole:  # most pairs may match: the row is cheaper
                twin = tuple(vector.items())
                if twin not in twins:
                    twins[twin] = _row(vector, postings)
                row = self._rows[i] = twins[twin]
                self.values.update(((i, j), value) for j, value in row.items() if value >= floor - _MARGIN)
                continue
            for j in maybe:
                if (value := self.get(i, j)) >= floor - _MARGIN:
                    self.values[i, j] = value

    @property
    def candidates(self) -> KeysView[tuple[int, int]]:
        return self.values.keys()

    @staticmethod
    def _search(
        vector: dict[str, float],
        postings: dict[str, list[tuple[int, float]]],
        heaviest: dict[str, float],
        floor: float,
        whole: int,
    ) -> list[int] | None:
        """The new vectors that may reach `floor` with `vector`, or None when the search would sum most of the
        row anyway. The terms most new sections share are left out while what they can add to a cosine (at
        most their norm, and at most each weight times the term's heaviest new weight) stays under half the
        floor; a pair must reach the rest through the searched terms."""
        common_first = sorted(vector, key=lambda term: -len(postings.get(term, ())))
        left_out, squares, products = 0, 0.0, 0.0
        for term in common_first:
            weight = vector[term]
            more = squares + weight * weight, products + weight * heaviest.get(term, 0.0)
            if min(math.sqrt(more[0]), more[1]) >= floor / 2:
                break
            squares, products = more
            left_out += 1
        searched = common_first[left_out:]
        if 2 * sum(len(postings.get(term, ())) for term in searched) >= whole:
            return None
        partial: dict[int, float] = {}
        for term in searched:
            weight = vector[term]
            for j, other in postings.get(term, ()):
                partial[j] = partial.get(j, 0.0) + weight * other
        most = min(math.sqrt(squares), products) + _MARGIN
        return sorted(j for j, value in partial.items() if value + most >= floor - _MARGIN)

    def get(self, i: int, j: int) -> float:
        """The cosine of old vector i and new vector j (0.0 below 1e-9), summed in the old vector's order."""
        if (i, j) in self.values:
            return self.values[i, j]
        if i in self._rows:
            return self._rows[i].get(j, 0.0)
        old, new = self.olds[i], self.news[j]
        order = self._order(i)
        total = 0.0
        for term in sorted(old.keys() & new.keys(), key=order.__getitem__):
            total += old[term] * new[term]
        return total if total > 1e-9 else 0.0

    def _order(self, i: int) -> dict[str, int]:
        if i not in self._orders:
            self._orders[i] = {term: k for k, term in enumerate(self.olds[i])}
        return self._orders[i]


_MARGIN = 1e-6  # below a floor by rounding is not below it


def _row(vector: dict[str, float], postings: dict[str, list[tuple[int, float]]]) -> dict[int, float]:
    """`vector`'s cosine with every new vector it shares a term with (above 1e-9), summed in its order."""
    row: dict[int, float] = {}
    for term, weight in vector.items():
        for j, other in postings.get(term, ()):
            row[j] = row.get(j, 0.0) + weight * other
    return {j: value for j, value in row.items() if value > 1e-9}


def _words(text: str) -> list[str]:
    return [w for w in WORD.findall(canonical(text).lower()) if w not in FUNCTION_WORDS]


def _terms(text: str) -> Counter[str]:
    words = _words(text)
    return Counter(words) + Counter(f"{a} {b}" for a, b in itertools.pairwise(words))


def _title_terms(section: Section, known: frozenset[str]) -> Counter[str]:
    """The stems of the title's words and of their compound parts ("terugkeersysteem" and
    "Terugkeerverordening" share "terugkeer" when the letters use that word on its own), and the words'
    character trigrams, so that a short title sharing one long word with another still counts as alike."""
    title = SESSION_LABEL.sub("", canonical(section.title).lower())
    words = _words(title)
    parts = []
    for word in words:
        head = first_part(word, known)
        if head is not None:
            parts += [head, word[len(head) :].lstrip("-")]
    grams = Counter(f"#{w[k : k + 3]}" for w in words for k in range(max(1, len(w) - 2)))
    return Counter(stems(words + parts)) + grams


def _shingles(text: str) -> frozenset[str]:
    """Word trigrams, function words included: the unit for 'this text reappears there'."""
    words = WORD.findall(canonical(text).lower())
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


def load_pairings(path: str | Path) -> Pairing:
    """Read a pairings file; a missing, unreadable or malformed one is one InputError naming it."""
    from agendadiff.errors import UNREADABLE, InputError

    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(name, UNREADABLE.format(reason=error.__class__.__name__)) from None
    return parse_pairings(text, name)


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
            raise InputError(
                path, f"line {number}: expected 'pin OLD = NEW' or 'forbid OLD = NEW', got {raw.strip()!r}"
            )
        (pin if verb == "pin" else forbid).append((old.strip(), new.strip()))
    return Pairing(tuple(pin), tuple(forbid))


def parse_pair(text: str) -> tuple[str, str]:
    """An OLD=NEW option value."""
    old, equals, new = text.partition("=")
    if not equals or not old.strip() or not new.strip():
        raise PairingError(f"expected OLD=NEW (section ids or title words), got {text!r}")
    return old.strip(), new.strip()
