"""Align: pairs by topic, not by place or exact title; splits, merges, pins and forbids."""

from __future__ import annotations

import pytest

from agendadiff import compare_letters, read_letter
from agendadiff.align import Pairing, PairingError, align, parse_pair, parse_pairings
from agendadiff.errors import InputError
from agendadiff.lang.typography import slug
from agendadiff.model import Flag, Letter, Paragraph, Reason, Section, SectionKind, Source, Span, Status
from tests.conftest import SAMPLE

REAL = read_letter(SAMPLE)
TEXT = {s.id: s.text for s in REAL.sections}
PARAGRAPHS = {s.id: [p.normalized for p in s.paragraphs] for s in REAL.sections}
RETURN = "item:werksessie-ii-stappen-naar-een-effectief-terugkeersysteem"
PREPAREDNESS = "item:werksessie-i-de-strategie-voor-een-europese-paraatheidsunie"
DUBLIN = "topic:kopgroep-dublin"
CHILDREN = "item:werklunch-bescherming-van-kinderrechten"
CRIME = "item:werksessie-ii-aanpak-georganiseerde-criminaliteit-en-onder"


def section(kind: SectionKind, title: str, *paragraphs: str) -> Section:
    return Section(
        id=f"{kind.value}:{slug(title)}",
        kind=kind,
        title=title,
        span=Span(1, 1),
        paragraphs=tuple(Paragraph(p, p, Span(1, 1)) for p in paragraphs),
    )


def letter(*sections: Section) -> Letter:
    return Letter(Source("x.txt", "", "utf-8"), None, None, None, (), tuple(sections))


def matches(old: Letter, new: Letter, pairing: Pairing | None = None) -> dict[str | None, str | None]:
    return {m.old: m.new for m in align(old, new, pairing or Pairing()).matches if m.old}


def test_a_retitled_item_with_its_text_is_paired_by_text() -> None:
    old = letter(
        section(SectionKind.ITEM, "Werksessie II: Stappen naar een effectief terugkeersysteem", TEXT[RETURN]),
        section(SectionKind.ITEM, "Werklunch: Bescherming van kinderrechten", TEXT[CHILDREN]),
    )
    new = letter(
        section(SectionKind.ITEM, "Werklunch: Bescherming van kinderrechten", TEXT[CHILDREN]),
        section(SectionKind.ITEM, "Terugkeerverordening", *PARAGRAPHS[RETURN][:1]),
    )
    found = align(old, new).matches
    by_old = {m.old: m for m in found}
    assert by_old["item:werksessie-ii-stappen-naar-een-effectief-terugkeersysteem"].new == "item:terugkeerverordening"
    assert Reason.SIMILAR_TEXT in by_old["item:werksessie-ii-stappen-naar-een-effectief-terugkeersysteem"].reasons
    assert by_old["item:werklunch-bescherming-van-kinderrechten"].reasons[0] is Reason.SAME_TITLE


def test_a_cover_topic_can_come_back_as_an_agenda_item() -> None:
    old = letter(section(SectionKind.TOPIC, "Kopgroep Dublin", TEXT[DUBLIN]))
    new = letter(section(SectionKind.ITEM, "Implementatie Migratiepact: Kopgroep Dublin", TEXT[DUBLIN]))
    assert matches(old, new) == {"topic:kopgroep-dublin": "item:implementatie-migratiepact-kopgroep-dublin"}


def test_the_assignment_is_global_not_greedy() -> None:
    """Old A fits new X a little better than new Y, but old B fits only X: A must take Y."""
    a_text = TEXT[RETURN] + " " + TEXT[DUBLIN]
    old = letter(
        section(SectionKind.ITEM, "Terugkeer en Dublin", a_text),
        section(SectionKind.ITEM, "Dublin", TEXT[DUBLIN]),
    )
    new = letter(
        section(SectionKind.ITEM, "Samenwerking Dublin", TEXT[DUBLIN] + " " + PARAGRAPHS[RETURN][0][:300]),
        section(SectionKind.ITEM, "Terugkeer", TEXT[RETURN]),
    )
    assert matches(old, new) == {
        "item:terugkeer-en-dublin": "item:terugkeer",
        "item:dublin": "item:samenwerking-dublin",
    }


def test_unrelated_sections_stay_unpaired() -> None:
    old = letter(section(SectionKind.ITEM, "Bescherming van kinderrechten", TEXT[CHILDREN]))
    new = letter(section(SectionKind.ITEM, "Aanpak georganiseerde criminaliteit", TEXT[CRIME]))
    comparison = compare_letters(old, new)
    assert sorted(p.status.value for p in comparison.pairs) == ["added", "removed"]


def test_a_split_and_a_merge_are_reported_as_such() -> None:
    first, *rest = PARAGRAPHS[PREPAREDNESS]
    whole = section(SectionKind.ITEM, "Paraatheid", *PARAGRAPHS[PREPAREDNESS])
    head = section(SectionKind.ITEM, "Paraatheid", first, *rest[:2])
    tail = section(SectionKind.ITEM, "Weerbaarheidscoalitie", rest[2])
    split = compare_letters(letter(whole), letter(head, tail))
    [piece] = [p for p in split.pairs if Flag.SPLIT in p.flags]
    assert piece.new and piece.new.id == "item:weerbaarheidscoalitie"
    assert piece.related == ("item:paraatheid",)
    assert piece.counts.inserted == 0 and piece.counts.moved > 50
    merged = compare_letters(letter(head, tail), letter(whole))
    [gone] = [p for p in merged.pairs if Flag.MERGED in p.flags]
    assert gone.old and gone.old.id == "item:weerbaarheidscoalitie" and gone.status is Status.REMOVED
    assert gone.related == ("item:paraatheid",)
    assert gone.counts.deleted == 0 and gone.counts.moved > 50


def test_pin_and_forbid_override_the_scores() -> None:
    old = letter(
        section(SectionKind.ITEM, "Terugkeer", TEXT[RETURN]),
        section(SectionKind.ITEM, "Kinderrechten", TEXT[CHILDREN]),
    )
    new = letter(
        section(SectionKind.ITEM, "Terugkeer", TEXT[RETURN]),
        section(SectionKind.ITEM, "Kinderrechten", TEXT[CHILDREN]),
    )
    assert "item:terugkeer" not in matches(old, new, Pairing(forbid=(("item:terugkeer", "item:terugkeer"),)))
    assert matches(old, new)["item:terugkeer"] == "item:terugkeer"
    pinned = align(old, new, Pairing(pin=(("Terugkeer", "Kinderrechten"),))).matches
    assert {(m.old, m.new) for m in pinned if m.old == "item:terugkeer"} == {("item:terugkeer", "item:kinderrechten")}
    assert next(m for m in pinned if m.old == "item:terugkeer").reasons == (Reason.PINNED,)


def test_pins_name_one_section() -> None:
    old = letter(section(SectionKind.ITEM, "Terugkeer", "a b c"), section(SectionKind.ITEM, "Terugkeerhubs", "d e f"))
    new = letter(section(SectionKind.ITEM, "Terugkeer", "a b c"))
    with pytest.raises(PairingError, match="fits 2 sections"):
        align(old, new, Pairing(pin=(("terugkeer", "item:terugkeer"),)))
    with pytest.raises(PairingError, match="no section of the new letter"):
        align(old, new, Pairing(pin=(("item:terugkeer", "Dublin"),)))
    with pytest.raises(PairingError, match="pinned to two"):
        align(old, new, Pairing(pin=(("item:terugkeer", "item:terugkeer"), ("item:terugkeerhubs", "item:terugkeer"))))


def test_pairings_file() -> None:
    pairing = parse_pairings("# fixes\npin Werksessie II = Terugkeerverordening\n\nforbid a = b  # never\n", "p.txt")
    assert pairing == Pairing(pin=(("Werksessie II", "Terugkeerverordening"),), forbid=(("a", "b"),))
    with pytest.raises(InputError, match=r"p.txt: line 2: expected 'pin OLD = NEW'"):
        parse_pairings("pin a = b\npair a b\n", "p.txt")
    assert parse_pair(" a = b ") == ("a", "b")
    with pytest.raises(PairingError):
        parse_pair("a")
