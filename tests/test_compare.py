"""Compare: layout never counts, every pair is the intended one, and the diffs rebuild both texts."""

from __future__ import annotations

import re

import pytest

from agendadiff import compare_letters, read_letter
from agendadiff.lang.typography import canonical
from agendadiff.model import Comparison, Flag, Op, Status
from agendadiff.render.comparison import comparison_data
from tests.conftest import ROOT, SAMPLE
from tests.helpers import letter_of
from tests.relayout import KAMERSTUK_HEAD, hard_breaks, relayout

SAMPLES = ROOT / "samples"
OCTOBER = SAMPLES / "jbz-2025-10-02-constructed.txt"
NOVEMBER = SAMPLES / "jbz-2025-11-27-constructed.txt"


def assert_nothing_changed(comparison: Comparison) -> None:
    for pair in comparison.pairs:
        assert pair.old is not None and pair.new is not None, pair.id
        assert pair.old.id == pair.new.id
        assert pair.status is Status.UNCHANGED, (pair.id, [c for c in pair.diff if c.op is not Op.EQUAL])
        assert pair.flags == ()
        assert pair.counts.changed == 0
    assert comparison.moves == ()
    assert not comparison.changed


def test_a_letter_against_itself_changes_nothing() -> None:
    letter = read_letter(SAMPLE)
    assert_nothing_changed(compare_letters(letter, letter))


@pytest.mark.parametrize(
    ("width", "breaks", "shift", "blank_in_titles"),
    [
        (58, [40, 95, 170, 260, 330], 0, True),
        (80, [25, 60, 150], 4, False),
        (104, [10, 200], 17, True),
        (44, [33, 66, 99, 132, 165, 198, 231, 264, 297, 330, 363, 396, 429], 9, False),
    ],
)
def test_the_real_letter_relaid_out_changes_nothing(
    width: int, breaks: list[int], shift: int, blank_in_titles: bool
) -> None:
    """Other wrapping, other page breaks (and with them the footnote blocks), renumbered footnotes."""
    original = read_letter(SAMPLE)
    relaid = letter_of(relayout(width, breaks, shift, blank_in_titles))
    assert_nothing_changed(compare_letters(original, relaid))


def test_the_real_letter_with_hard_line_breaks_changes_nothing() -> None:
    original = read_letter(SAMPLE)
    assert_nothing_changed(compare_letters(original, letter_of(hard_breaks(90, 4, KAMERSTUK_HEAD))))


# What the samples were written to show, pair by pair: old id, new id, status, flags.
# Written from the manuscripts (samples/manuscripts), not from agendadiff's output.
JULY_TO_OCTOBER = [
    ("intro", "intro", "changed", []),
    ("topic:ministeriele-bijeenkomst-europese-havenalliantie", None, "removed", []),
    ("topic:raadsaanbeveling-lange-termijnstrategie-ontheemden-uit", "topic:raadsaanbeveling-lange-termijnstrategie-ontheemden-uit", "changed", []),
    ("topic:vervolg-samenwerking-evrm-brief", "topic:vervolg-samenwerking-evrm-brief", "unchanged", []),
    (None, "topic:schengenevaluatie-nederland", "added", []),
    ("topic:kopgroep-dublin", "item:implementatie-asiel-en-migratiepact-kopgroep-dublin", "changed", ["retitled", "moved"]),
    ("signatures", "signatures", "changed", []),
    ("agenda", "agenda", "changed", ["retitled"]),
    ("part:binnenlandse-zaken", "part:binnenlandse-zaken", "unchanged", []),
    ("item:werksessie-ii-stappen-naar-een-effectief-terugkeersysteem", "item:terugkeerverordening", "changed", ["retitled"]),
    ("item:werksessie-i-de-strategie-voor-een-europese-paraatheidsunie", "item:strategie-voor-een-europese-paraatheidsunie", "changed", ["retitled", "moved"]),
    ("item:werklunch-operationalisering-van-innovatieve-vormen-van", "item:operationalisering-van-innovatieve-vormen-van", "changed", ["retitled"]),
    ("item:werksessie-iii-presentatie-van-de-deense-nationale-politie", None, "removed", []),
    ("part:justitie", "part:justitie", "unchanged", []),
    (None, "item:verordening-ter-voorkoming-en-bestrijding-van-seksueel", "added", []),
    ("item:werksessie-ii-aanpak-georganiseerde-criminaliteit-en-onder", "item:aanpak-georganiseerde-criminaliteit-en-criminele-families", "changed", ["retitled"]),
    ("item:werksessie-i-lastenverlichting-en-vereenvoudiging-waaronder", "item:lastenverlichting-en-vereenvoudiging-waaronder-inzake-de", "changed", ["retitled", "moved"]),
    ("item:werklunch-bescherming-van-kinderrechten", "item:werklunch-bescherming-van-kinderrechten", "unchanged", []),
]  # fmt: skip
OCTOBER_TO_NOVEMBER = [
    ("intro", "intro", "changed", []),
    ("topic:raadsaanbeveling-lange-termijnstrategie-ontheemden-uit", None, "removed", []),
    ("topic:vervolg-samenwerking-evrm-brief", "topic:verklaring-over-het-evrm-en-migratie", "changed", ["retitled"]),
    ("topic:schengenevaluatie-nederland", "topic:schengenevaluatie-nederland", "unchanged", []),
    ("signatures", "signatures", "unchanged", []),
    ("agenda", "agenda", "changed", ["retitled"]),
    ("part:binnenlandse-zaken", "part:binnenlandse-zaken", "unchanged", []),
    ("item:terugkeerverordening", "item:terugkeerverordening", "changed", []),
    ("item:strategie-voor-een-europese-paraatheidsunie", "item:strategie-voor-een-europese-paraatheidsunie", "changed", []),
    (None, "item:ministeriele-weerbaarheidscoalitie", "added", ["split"]),
    ("item:implementatie-asiel-en-migratiepact-kopgroep-dublin", "item:implementatie-asiel-en-migratiepact-kopgroep-dublin", "unchanged", []),
    ("item:operationalisering-van-innovatieve-vormen-van", "item:operationalisering-van-innovatieve-vormen-van", "changed", []),
    ("part:justitie", "part:justitie", "unchanged", []),
    ("item:verordening-ter-voorkoming-en-bestrijding-van-seksueel", "item:verordening-ter-voorkoming-en-bestrijding-van-seksueel", "changed", []),
    ("item:aanpak-georganiseerde-criminaliteit-en-criminele-families", "item:aanpak-georganiseerde-criminaliteit-en-criminele-families", "unchanged", []),
    ("item:lastenverlichting-en-vereenvoudiging-waaronder-inzake-de", "item:lastenverlichting-en-vereenvoudiging-waaronder-inzake-de", "changed", []),
    ("item:werklunch-bescherming-van-kinderrechten", None, "removed", []),
    (None, "item:bewaren-van-gegevens-voor-rechtshandhaving", "added", []),
]  # fmt: skip


@pytest.fixture(scope="module")
def july_to_october() -> Comparison:
    return compare_letters(read_letter(SAMPLE), read_letter(OCTOBER))


@pytest.fixture(scope="module")
def october_to_november() -> Comparison:
    return compare_letters(read_letter(OCTOBER), read_letter(NOVEMBER))


def _pairs(comparison: Comparison) -> list[tuple[str | None, str | None, str, list[str]]]:
    return [
        (p.old.id if p.old else None, p.new.id if p.new else None, p.status.value, [f.value for f in p.flags])
        for p in comparison.pairs
    ]


def test_the_samples_pair_as_intended(july_to_october: Comparison, october_to_november: Comparison) -> None:
    assert sorted(_pairs(july_to_october), key=str) == sorted(JULY_TO_OCTOBER, key=str)
    assert sorted(_pairs(october_to_november), key=str) == sorted(OCTOBER_TO_NOVEMBER, key=str)


def test_a_split_names_its_source(october_to_november: Comparison) -> None:
    split = next(p for p in october_to_november.pairs if Flag.SPLIT in p.flags)
    assert split.related == ("item:strategie-voor-een-europese-paraatheidsunie",)
    # The coalition paragraph came from the old paraatheid item: moved, not inserted.
    assert split.counts.moved > 80 and split.counts.inserted < 40


def test_a_paragraph_moved_to_another_section_is_one_move(july_to_october: Comparison) -> None:
    [move] = july_to_october.moves
    assert move.source.section == "item:werklunch-operationalisering-van-innovatieve-vormen-van"
    assert move.target.section == "item:terugkeerverordening"
    assert move.similarity == 1.0 and move.words == word_total("Tot slot vindt het kabinet het van belang dat, zoals ook eerder met uw Kamer gedeeld in de kamerbrief over de Nederlandse inzet voor het MFK van 2028 en verder, in de nieuwe Europese meerjarenbegroting onder andere voldoende aandacht is voor de financiering van innovatieve partnerschappen.")  # fmt: skip


WORD = re.compile(r"\w+(?:[-'/]\w+)*")


def word_total(text: str) -> int:
    return len(WORD.findall(text))


def compared_words(text: str) -> list[str]:
    """Words as compare compares them: in lower case, but for a sentence's first word, kept as written."""
    return [
        m.group() if re.fullmatch(r"\s*|.*[.!?:;]\s*", text[: m.start()], re.S) else m.group().lower()
        for m in WORD.finditer(text)
    ]


def minimal_edit(old: str, new: str) -> tuple[int, int]:
    """Words deleted and inserted by a minimal word edit: an LCS table, independent of diff-match-patch."""
    a, b = compared_words(old), compared_words(new)
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return len(a) - previous[-1], len(b) - previous[-1]


@pytest.mark.parametrize("which", ["july_to_october", "october_to_november"])
def test_changed_words_are_the_words_really_changed(which: str, request: pytest.FixtureRequest) -> None:
    comparison: Comparison = request.getfixturevalue(which)
    for pair in comparison.pairs:
        old = pair.old.text if pair.old and Flag.SPLIT not in pair.flags else ""
        new = pair.new.text if pair.new and Flag.MERGED not in pair.flags else ""
        deleted, inserted = minimal_edit(old, new)
        moved_out = sum(m.words for m in comparison.moves if pair.old and m.source.section == pair.old.id)
        moved_in = sum(m.words for m in comparison.moves if pair.new and m.target.section == pair.new.id)
        if not moved_out and not moved_in:
            assert (pair.counts.deleted, pair.counts.inserted) == (deleted, inserted), pair.id
        else:
            # Moved words are counted as moved, not as deleted or inserted; the rest must add up.
            assert pair.counts.deleted <= deleted and pair.counts.inserted <= inserted, pair.id
            assert deleted - pair.counts.deleted <= moved_out + 3, pair.id
            assert inserted - pair.counts.inserted <= moved_in + 3, pair.id


# The words each position edit of the manuscripts changed, counted by hand.
HAND_COUNTED = {
    # "staat over het algemeen positief tegenover" -> "kan instemmen met"; "informele" dropped
    ("july_to_october", "item:lastenverlichting-en-vereenvoudiging-waaronder-inzake-de"): (7, 3),
    # "zal" -> "blijft"
    ("october_to_november", "item:operationalisering-van-innovatieve-vormen-van"): (1, 1),
    # "jl." -> "2025": the abbreviation is one word
    ("october_to_november", "item:lastenverlichting-en-vereenvoudiging-waaronder-inzake-de"): (1, 1),
}


@pytest.mark.parametrize(("key", "expected"), HAND_COUNTED.items())
def test_hand_counted_edits(key: tuple[str, str], expected: tuple[int, int], request: pytest.FixtureRequest) -> None:
    which, new_id = key
    comparison: Comparison = request.getfixturevalue(which)
    pair = next(p for p in comparison.pairs if p.new and p.new.id == new_id)
    assert (pair.counts.deleted, pair.counts.inserted) == expected


@pytest.mark.parametrize("which", ["july_to_october", "october_to_november"])
def test_ops_rebuild_both_texts(which: str, request: pytest.FixtureRequest) -> None:
    comparison: Comparison = request.getfixturevalue(which)
    data = comparison_data(comparison)
    old_text = {s["id"]: s["text"] for s in data["old"]["sections"]}
    new_text = {s["id"]: s["text"] for s in data["new"]["sections"]}
    old_title = {s["id"]: s["title"] for s in data["old"]["sections"]}
    new_title = {s["id"]: s["title"] for s in data["new"]["sections"]}
    for pair in data["pairs"]:
        old = "".join(text for op, text in pair["diff"] if op != "insert")
        new = "".join(text for op, text in pair["diff"] if op != "delete")
        assert old == (old_text[pair["old"]] if pair["old"] else "")
        assert new == (new_text[pair["new"]] if pair["new"] else "")
        if pair["old"] and pair["new"]:
            assert "".join(t for op, t in pair["title_diff"] if op != "insert") == canonical(old_title[pair["old"]])
            assert "".join(t for op, t in pair["title_diff"] if op != "delete") == canonical(new_title[pair["new"]])
    for move in data["moves"]:
        assert old_text[move["from"]["section"]][move["from"]["start"] : move["from"]["end"]] == move["from"]["text"]


def test_renumbered_footnotes_are_no_change(october_to_november: Comparison) -> None:
    """The AVG item's footnotes are 8-11 in October and 7-10 in November: same references."""
    pair = next(p for p in october_to_november.pairs if p.new and p.new.id.startswith("item:lastenverlichting"))
    assert pair.old and pair.new
    assert [n.number for n in pair.old.footnotes] != [n.number for n in pair.new.footnotes]
    assert pair.notes == ()


def test_cabinet_positions_show_in_the_diff(october_to_november: Comparison) -> None:
    pair = next(p for p in october_to_november.pairs if p.new and p.new.id == "item:terugkeerverordening")
    deleted = "".join(c.text for c in pair.diff if c.op is Op.DELETE)
    inserted = "".join(c.text for c in pair.diff if c.op is Op.INSERT)
    assert "is voornemens in te stemmen" in deleted
    assert "kan instemmen" in inserted and "mits" in inserted
    assert [c.text for c in pair.decision_diff if c.op is Op.DELETE] == ["(Gedeeltelijke) algemene"]


def test_the_samples_are_what_their_manuscripts_give() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("typeset", SAMPLES / "typeset.py")
    assert spec and spec.loader
    typeset = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(typeset)
    manuscripts = sorted((SAMPLES / "manuscripts").glob("**/*.letter"))
    assert any(m.parent.name == "verslagen" for m in manuscripts)
    for manuscript in manuscripts:
        folder = manuscript.parent.relative_to(SAMPLES / "manuscripts")
        target = SAMPLES / folder / f"{manuscript.stem}-constructed.txt"
        assert typeset.typeset(manuscript.read_text(encoding="utf-8")) == target.read_text(encoding="utf-8"), (
            f"{target.name} is stale: run python samples/typeset.py"
        )


def test_samples_readme_marks_the_constructed_letters() -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    for path in SAMPLES.glob("**/*-constructed.txt"):
        assert path.name in readme
    assert "constructed for demonstration" in readme
