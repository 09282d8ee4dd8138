"""The compiled diff engine (the `fast` extra, fast-diff-match-patch) gives exactly the diffs of
diff-match-patch: every diff the samples' comparisons and timeline ask for, and random texts, replayed on both."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import agendadiff.diff as diff
from agendadiff import compare_files
from agendadiff.timeline import timeline_of_files
from tests.conftest import ROOT

SAMPLES = sorted((ROOT / "samples").glob("jbz-*.txt"))


def both(old: str, new: str, minimal: bool, semantic: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    monkeypatch.setenv(diff.ENGINE_VARIABLE, "python")
    diff._fast_engine.cache_clear()
    slow = diff._raw_diff(old, new, minimal, semantic)
    monkeypatch.delenv(diff.ENGINE_VARIABLE)
    diff._fast_engine.cache_clear()
    assert diff._fast_engine() is not None, "fast-diff-match-patch is in the test extra"
    fast = diff._raw_diff(old, new, minimal, semantic)
    return [tuple(x) for x in slow], [tuple(x) for x in fast]


def test_every_diff_of_the_samples_is_the_same_on_both_engines(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str, bool, bool]] = []
    real = diff._raw_diff

    def recorded(old: str, new: str, minimal: bool, semantic: bool = False) -> Any:
        calls.append((old, new, minimal, semantic))
        return real(old, new, minimal, semantic)

    monkeypatch.setattr(diff, "_raw_diff", recorded)
    for older, newer in pairwise(SAMPLES):
        compare_files(older, newer)
    timeline_of_files(SAMPLES)
    monkeypatch.setattr(diff, "_raw_diff", real)
    assert len(calls) > 500 and any(c[3] for c in calls) and any(c[2] for c in calls)
    for old, new, minimal, semantic in calls:
        slow, fast = both(old, new, minimal, semantic, monkeypatch)
        assert slow == fast


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["het", "kabinet", "steunt", "de", "Raad", " ", ", ", ". ", "\n\n", "\U000f0001", "é"]),
        max_size=80,
    ),
    st.lists(
        st.sampled_from(["het", "kabinet", "steunt", "niet", "de", "Raad", " ", ". ", "\n\n", "\U000f0002"]),
        max_size=80,
    ),
    st.booleans(),
)
def test_random_texts_diff_the_same_on_both_engines(old: list[str], new: list[str], minimal: bool) -> None:
    with pytest.MonkeyPatch.context() as patch:
        slow, fast = both("".join(old), "".join(new), minimal, not minimal, patch)
    assert slow == fast
