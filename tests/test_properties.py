"""Invariants, checked with hypothesis: layout never changes what a letter says."""

from __future__ import annotations

import re
import textwrap

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from agendadiff import read_letter
from agendadiff.lang.typography import canonical, display
from agendadiff.model import Line
from agendadiff.normalize import join_lines
from agendadiff.render.letter import plain_text
from agendadiff.serialize import letter_from_data, letter_to_data
from agendadiff.topics import load_dossiers, load_topics, lowered
from tests import relayout
from tests.conftest import SAMPLE
from tests.helpers import comparable, letter_of

ORIGINAL = read_letter(SAMPLE)
WORDS = sorted({w for p in (p for s in ORIGINAL.sections for p in s.paragraphs) for w in p.text.split()})


@given(st.text())
def test_canonical_is_idempotent(text: str) -> None:
    assert canonical(canonical(text)) == canonical(text)


@given(st.text())
def test_display_is_idempotent(text: str) -> None:
    assert display(display(text)) == display(text)


@given(st.text())
def test_canonical_ignores_display_spacing(text: str) -> None:
    assert canonical(display(text)) == canonical(text)


@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=80), width=st.integers(20, 120))
def test_wrapped_paragraph_text_joins_back(words: list[str], width: int) -> None:
    # A word the letter writes with a suspended hyphen ("asiel-") is followed by "en" there too.
    text = " ".join(f"{w} en" if w.endswith("-") else w for w in words)
    lines = textwrap.wrap(text, width, break_on_hyphens=True, break_long_words=False)
    joined, _ = join_lines([Line(n, line) for n, line in enumerate(lines, 1)])
    assert joined == text


def test_normalizing_a_normalized_letter_changes_nothing() -> None:
    again = letter_of(plain_text(ORIGINAL))
    assert comparable(again) == comparable(ORIGINAL)
    assert (again.date, again.meeting, again.signatories, again.addressee) == (
        ORIGINAL.date,
        ORIGINAL.meeting,
        ORIGINAL.signatories,
        ORIGINAL.addressee,
    )


def test_json_round_trip() -> None:
    assert letter_from_data(letter_to_data(ORIGINAL)) == ORIGINAL


# Layouts that once broke the parser (found by larger runs of this property), kept as fixed examples.
@example(width=71, breaks=[], shift=23, blank_in_titles=False)  # "…Ports Alliance," / "25 april 2025" in a footnote
@example(width=116, breaks=[189], shift=0, blank_in_titles=True)  # "Justitie" / page break / "1. Werksessie"
@example(width=68, breaks=[101], shift=0, blank_in_titles=False)  # a footnote's last line "87."
@example(width=97, breaks=[], shift=0, blank_in_titles=False)  # "whole-" / "of society"
@example(width=40, breaks=[7], shift=0, blank_in_titles=False)  # "geannoteerde agenda" inside a sentence
@example(width=41, breaks=[], shift=0, blank_in_titles=False)  # "De minister van Justitie en Veiligheid," mid-sentence
@example(width=50, breaks=[36, 57, 86, 93, 162, 173, 217, 257, 315, 369, 402, 441, 595], shift=6, blank_in_titles=False)
@example(width=55, breaks=[29, 53, 115, 160, 255, 261, 367, 476, 542], shift=15, blank_in_titles=True)
@example(width=63, breaks=[0, 22, 37, 82, 149, 267, 279, 327, 382, 481, 496, 587], shift=18, blank_in_titles=False)
@example(width=47, breaks=[29, 53, 115, 160, 255, 261, 367, 476, 542], shift=15, blank_in_titles=True)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    width=st.integers(40, 120),
    breaks=st.lists(st.integers(0, 700), max_size=20),
    shift=st.integers(0, 40),
    blank_in_titles=st.booleans(),
)
def test_relayout_gives_the_same_sections(width: int, breaks: list[int], shift: int, blank_in_titles: bool) -> None:
    """Re-wrap at any width, move page breaks (and with them the footnote blocks), renumber footnotes."""
    text = relayout.relayout(width, breaks, shift, blank_in_titles)
    letter = letter_of(text)
    assert comparable(letter, shift) == comparable(ORIGINAL)
    assert (letter.date, letter.meeting, letter.signatories) == (ORIGINAL.date, ORIGINAL.meeting, ORIGINAL.signatories)
    glued = re.compile(r"[^\W\d_]{2}\d{1,2}\b")
    assert not any(glued.search(p.text) for s in letter.sections for p in s.paragraphs)


@example(width=63, indent=0, kamerstuk=False)  # "... Nationale Politie:" / "de strijd tegen ..."
@example(width=60, indent=0, kamerstuk=True)  # "Ministeriële bijeenkomst – Europese Havenalliantie" / "Voorafgaand ..."
@settings(max_examples=40, deadline=None)
@given(width=st.integers(60, 120), indent=st.integers(0, 8), kamerstuk=st.booleans())
def test_hard_line_breaks_without_blank_lines_give_the_same_sections(width: int, indent: int, kamerstuk: bool) -> None:
    """The Tweede Kamer's text variant: no blank lines between paragraphs, headings or items."""
    letter = letter_of(relayout.hard_breaks(width, indent, relayout.KAMERSTUK_HEAD if kamerstuk else None))
    assert comparable(letter) == comparable(ORIGINAL)
    assert letter.kamerstuk == ("32 317, nr. 967" if kamerstuk else None)


def test_the_relayout_helper_really_moves_things() -> None:
    """Guard the property above against a generator that changes nothing."""
    original = SAMPLE.read_text(encoding="utf-8")
    text = relayout.relayout(45, [30, 200, 400], 7, True)
    assert text != original
    assert max(len(line) for line in text.splitlines() if not line.startswith(("http", "1", "2", "3", "4"))) <= 60
    assert "gedeeld8." in text and "\n8 Non-paper" in text
    assert text.count("\n \n\n") >= 3


SAMPLE_LINES = SAMPLE.read_text(encoding="utf-8").split("\n")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(SAMPLE_LINES), st.text(max_size=80), st.sampled_from(["", " ", "\f", "1.", "I.", "= x"])
        ),
        max_size=120,
    )
)
def test_any_text_gives_a_letter_with_unique_ids_and_spans_inside_it(lines: list[str]) -> None:
    """Cut, shuffled and garbled letters never crash the parser, and what it returns is coherent."""
    text = "\n".join(lines)
    letter = letter_of(text)
    ids = [section.id for section in letter.sections]
    assert len(ids) == len(set(ids))
    count = len(text.split("\n"))
    for section in letter.sections:
        assert 0 <= section.span.first <= section.span.last <= count
        for paragraph in section.paragraphs:
            assert paragraph.normalized == canonical(paragraph.text)
            assert all(0 <= ref.offset <= len(paragraph.text) for ref in paragraph.refs)


_TOPIC_TERMS = [t for lexicon in (load_topics(), load_dossiers()) for topic in lexicon.topics for t in topic.terms]
_TOPIC_PIECES = st.one_of(
    st.sampled_from([t.rstrip("*") for t in _TOPIC_TERMS]),
    st.sampled_from([t.rstrip("*").upper() for t in _TOPIC_TERMS]),
    st.sampled_from([" ", "-", "s", "en", "\n", "\u0131", "\u017f", "\u0130", "\u212a", "é", "EU-", "(", "ß"]),
    st.text(max_size=4),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TOPIC_PIECES, max_size=12).map("".join))
@example("Terugkeerverordening")
@example("T\u0130NE")  # the capital I with a dot matches an i, although its lower case is two letters
@example("a\u017fiel")  # the long s matches an s
def test_a_topic_counts_the_same_hits_with_needles_as_its_regex_alone(text: str) -> None:
    for lexicon in (load_topics(), load_dossiers()):
        for topic in lexicon.topics:
            assert topic.hits(text, lowered(text)) == len(topic.pattern.findall(text)), topic.id


def _brute_cosines(olds: list[dict[str, float]], news: list[dict[str, float]]) -> dict[tuple[int, int], float]:
    """Every pair's cosine, summed in the old vector's order: what align computed before it searched."""
    found = {}
    for i, old in enumerate(olds):
        for j, new in enumerate(news):
            total = 0.0
            for term, weight in old.items():
                if term in new:
                    total += weight * new[term]
            if total > 1e-9:
                found[i, j] = total
    return found


_VECTORS = st.lists(
    st.dictionaries(st.sampled_from([f"w{k}" for k in range(30)]), st.integers(1, 6), max_size=12), max_size=10
)


@settings(max_examples=300, deadline=None)
@given(_VECTORS, _VECTORS, st.sampled_from([0.05, 0.3, 0.5, 0.9]))
def test_the_cosine_search_finds_every_pair_reaching_its_floor_with_the_same_value(
    old_counts: list[dict[str, int]], new_counts: list[dict[str, int]], floor: float
) -> None:
    from collections import Counter

    from agendadiff.align import _Cosines, _idf, _unit

    old_terms, new_terms = [Counter(c) for c in old_counts], [Counter(c) for c in new_counts]
    idf = _idf(old_terms + new_terms)
    olds, news = [_unit(t, idf) for t in old_terms], [_unit(t, idf) for t in new_terms]
    cosines = _Cosines(olds, news, floor)
    brute = _brute_cosines(olds, news)
    assert {pair for pair, value in brute.items() if value >= floor} <= cosines.candidates
    for i in range(len(olds)):
        for j in range(len(news)):
            assert cosines.get(i, j) == brute.get((i, j), 0.0)  # the same float, bit for bit


word_lists = st.lists(st.sampled_from([f"w{k}" for k in range(12)]), max_size=16)


@given(word_lists, word_lists, st.lists(word_lists, max_size=4))
def test_word_codes_shared_by_many_sequences_count_what_a_pair_has_in_common(
    old: list[str], new: list[str], others: list[list[str]]
) -> None:
    """Encoding many sequences with one WordCodes (the register encodes every promise's subject once) gives
    the in-order common words of a pair encoded on its own, whatever else was encoded first."""
    from agendadiff.diff import WordCodes, codes_in_common, words_in_common

    codes = WordCodes()
    for other in others:
        codes.encode(other)
    assert codes_in_common(codes.encode(old), codes.encode(new)) == words_in_common(old, new)


@given(word_lists, word_lists)
def test_a_promise_made_again_is_told_as_by_its_definition(earlier: list[str], later: list[str]) -> None:
    """The register's test of two promises' subjects (with its bound on the common words, which spares most
    diffs) says what its definition says: the shared words' rule, then the words in order."""
    from agendadiff.commitments import SAME, _encoded, _same
    from agendadiff.diff import WordCodes, words_alike

    total = len(earlier) + len(later)
    defined = bool(total) and 2 * len(set(earlier) & set(later)) >= SAME * total * 0.5
    defined = defined and words_alike(earlier, later) >= SAME
    codes = WordCodes()
    assert _same(_encoded(earlier, codes), _encoded(later, codes)) == defined
