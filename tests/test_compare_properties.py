"""Properties of compare on the real letter: random word edits plus a new layout give exactly those edits."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from agendadiff import compare_letters, read_letter
from agendadiff.align import assign
from agendadiff.model import Op, Status
from agendadiff.positions import chunk_owners
from tests.conftest import SAMPLE
from tests.helpers import letter_of
from tests.relayout import MARKERS, Unit, relayout, units

ORIGINAL = read_letter(SAMPLE)
UNITS = units()
PROSE = [k for k, unit in enumerate(UNITS) if unit.kind == "prose" and len(unit.text.split()) > 20]
GLUED = {token for _, token in MARKERS.values()}
PLAIN_WORD = re.compile(r"[a-zà-ÿ]{3,}")  # lowercase words only: no capitals, numbers or punctuation to trip on

# An edit: (unit, word position, what): delete the word, replace it, or insert a new word before it.
edits = st.lists(
    st.tuples(st.sampled_from(PROSE), st.integers(1, 10_000), st.sampled_from(["delete", "replace", "insert"])),
    min_size=1,
    max_size=6,
)


def apply(edit_list: list[tuple[int, int, str]]) -> tuple[list[Unit], int, int]:
    """The letter's units with the edits made; and how many words were deleted and inserted."""
    pieces = list(UNITS)
    deleted = inserted = 0
    fresh = 0
    touched: dict[int, set[int]] = {}
    for unit_index, position, what in edit_list:
        words = pieces[unit_index].text.split(" ")
        # Never the first word (it may open a heading-like line) nor the last (it carries the full stop).
        candidates = [
            k
            for k in range(1, len(words) - 1)
            if PLAIN_WORD.fullmatch(words[k]) and words[k] not in GLUED and k not in touched.get(unit_index, set())
        ]
        if not candidates:
            continue
        k = candidates[position % len(candidates)]
        fresh += 1
        new_word = f"qzx{fresh}wv"  # in no letter: it cannot match anything by chance
        if what == "delete":
            del words[k]
            deleted += 1
        elif what == "replace":
            words[k] = new_word
            deleted += 1
            inserted += 1
        else:
            words.insert(k, new_word)
            inserted += 1
        # Positions after an edit shift; mark the neighbourhood so no later edit lands on the same word.
        touched.setdefault(unit_index, set()).update(range(k - 1, k + 3))
        pieces[unit_index] = replace(pieces[unit_index], text=" ".join(words))
    return pieces, deleted, inserted


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edit_list=edits, width=st.integers(50, 110), breaks=st.lists(st.integers(5, 420), max_size=8))
@example(edit_list=[(PROSE[0], 3, "replace")], width=70, breaks=[])
@example(edit_list=[(PROSE[-1], 7, "delete"), (PROSE[3], 2, "insert")], width=52, breaks=[100, 200, 300])
def test_random_word_edits_are_reported_exactly(
    edit_list: list[tuple[int, int, str]], width: int, breaks: list[int]
) -> None:
    pieces, deleted, inserted = apply(edit_list)
    edited = letter_of(relayout(width, breaks, 0, True, pieces))
    comparison = compare_letters(ORIGINAL, edited)
    # The right pairs: every section with its own counterpart.
    assert [(p.old.id if p.old else None, p.new.id if p.new else None) for p in comparison.pairs] == [
        (s.id, s.id) for s in ORIGINAL.sections
    ]
    assert comparison.moves == ()
    # Exactly the edited words.
    assert sum(p.counts.deleted for p in comparison.pairs) == deleted
    assert sum(p.counts.inserted for p in comparison.pairs) == inserted
    new_by_id = {s.id: s for s in edited.sections}
    for pair in comparison.pairs:
        assert pair.old and pair.new
        changed = pair.old.text.split() != new_by_id[pair.new.id].text.split()
        assert (pair.status is Status.CHANGED) == changed, pair.id
        # The ops rebuild both texts.
        assert "".join(c.text for c in pair.diff if c.op is not Op.INSERT) == pair.old.text
        assert "".join(c.text for c in pair.diff if c.op is not Op.DELETE) == pair.new.text
        inserted_text = " ".join(c.text for c in pair.diff if c.op is Op.INSERT)
        assert len(re.findall(r"qzx\d+wv", inserted_text)) == len(re.findall(r"qzx\d+wv", pair.new.text))
        # Every edit belongs to a changed sentence whose old and new text hold it, and nothing else is one.
        changes = comparison.changes_of(pair)
        assert bool(changes) == changed, pair.id
        for chunk, owner in zip(pair.diff, chunk_owners(pair, changes), strict=True):
            if chunk.is_change:
                assert owner is not None, (pair.id, chunk.text)
                side = owner.old_text if chunk.op is Op.DELETE else owner.new_text
                assert chunk.text.strip() in side
        for change in changes:
            assert change.old_text.split() != change.new_text.split()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.floats(0, 1), min_size=1, max_size=5), min_size=1, max_size=5).filter(
        lambda rows: len({len(r) for r in rows}) == 1
    )
)
def test_assignment_is_the_best_one_to_one(scores: list[list[float]]) -> None:
    """The Hungarian method against trying every assignment."""
    from itertools import permutations

    rows, cols = len(scores), len(scores[0])
    chosen = assign(scores)
    assert len(chosen) == min(rows, cols)
    assert len({r for r, _ in chosen}) == len(chosen) == len({c for _, c in chosen})
    total = sum(scores[r][c] for r, c in chosen)
    if rows <= cols:
        best = max(sum(scores[r][c] for r, c in enumerate(p)) for p in permutations(range(cols), rows))
    else:
        best = max(sum(scores[r][c] for c, r in enumerate(p)) for p in permutations(range(rows), cols))
    assert abs(total - best) < 1e-9


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.integers(0, 5), st.integers(0, 5)), st.floats(0.3, 1), max_size=14
    )  # sparse candidate pairs: several groups, joined in any order
)
def test_the_best_matching_over_groups_of_candidates_is_the_best_over_all_of_them(
    edges: dict[tuple[int, int], float],
) -> None:
    """Each connected group of candidate pairs assigned on its own gives the best one-to-one matching of all."""
    from itertools import permutations

    from agendadiff.align import _best_matching

    chosen = _best_matching(edges)
    assert all(pair in edges for pair in chosen) and chosen == sorted(chosen)
    assert len({i for i, _ in chosen}) == len(chosen) == len({j for _, j in chosen})
    matrix = [[edges.get((i, j), 0.0) for j in range(6)] for i in range(6)]
    best = max(sum(matrix[i][j] for i, j in enumerate(p)) for p in permutations(range(6)))
    assert abs(sum(edges[pair] for pair in chosen) - best) < 1e-9
