"""Other letters of the genre differ from the sample: the parser must serve the genre, not one file.

The letter in tests/data/jbz-2016-12-08-constructed.txt was written for these tests in the
genre's older style; it is no real letter.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from agendadiff import read_letter
from agendadiff.model import Letter, SectionKind
from agendadiff.segment import NO_STRUCTURE
from tests.helpers import letter_of, of_kind

CONSTRUCTED = Path(__file__).parent / "data" / "jbz-2016-12-08-constructed.txt"


@pytest.fixture(scope="module")
def letter() -> Letter:
    return read_letter(CONSTRUCTED)


def test_outline_of_an_older_style_letter(letter: Letter) -> None:
    assert [(s.kind.value, s.number, s.title, s.parent) for s in letter.sections] == [
        ("intro", None, "", None),
        ("group", None, "Asiel- en migratie thema's:", None),
        ("topic", None, "Terugkeer", "group:asiel-en-migratie-thema-s"),
        ("topic", None, "Kopgroep Dublin", "group:asiel-en-migratie-thema-s"),
        ("topic", None, "Overig", "group:asiel-en-migratie-thema-s"),
        ("signatures", None, "", None),
        ("agenda", None, "Geannoteerde agenda formele JBZ-Raad 8 en 9 december 2016", None),
        ("part", "I", "Immigratie en asiel", None),
        ("item", "1", "Terugkeerverordening", "part:immigratie-en-asiel"),
        ("item", "2", "Dublinverordening", "part:immigratie-en-asiel"),
        ("part", "II", "Justitie", None),
        ("item", None, "Raadsconclusies over de toegang tot justitie", "part:justitie"),
        ("item", None, "Gegevensbescherming", "part:justitie"),
    ]


def test_decision_lines_are_decisions_not_body(letter: Letter) -> None:
    decisions = {s.title: s.decision for s in of_kind(letter, SectionKind.ITEM)}
    assert decisions == {
        "Terugkeerverordening": "(Gedeeltelijke) algemene oriëntatie",
        "Dublinverordening": "Algemene oriëntatie",
        "Raadsconclusies over de toegang tot justitie": "beleidsdebat",
        "Gegevensbescherming": "Aanneming",
    }
    for item in of_kind(letter, SectionKind.ITEM):
        assert not any("oriëntatie" in p.text.split(".")[0] and p.text.startswith(("=", "(")) for p in item.paragraphs)


def test_the_formal_title_of_a_proposal_is_kept_apart(letter: Letter) -> None:
    item = of_kind(letter, SectionKind.ITEM)[0]
    assert item.formal_title == (
        "Voorstel voor een verordening van het Europees Parlement en de Raad tot vaststelling van een "
        "gemeenschappelijk systeem voor de terugkeer van onderdanen van derde landen (COM(2016) 101)"
    )
    assert [p.text for p in item.paragraphs] == [
        "Het voorzitterschap streeft naar een algemene oriëntatie. Het kabinet steunt dit."
    ]


def test_a_name_with_initials_is_a_signatory_not_a_part(letter: Letter) -> None:
    assert [(s.function, s.name) for s in letter.signatories] == [
        ("De Minister van Veiligheid en Justitie", "I.W. Opstelten")
    ]


def test_kamerstukken_ii_inside_a_paragraph_is_not_a_part(letter: Letter) -> None:
    topic = next(s for s in letter.sections if s.title == "Terugkeer")
    assert topic.paragraphs[0].text == (
        "Het kabinet heeft uw Kamer eerder geïnformeerd over de inzet op terugkeer (Kamerstukken II 2016-17, "
        "32 317, nr. 440). Het kabinet blijft zich inzetten voor effectieve terugkeer."
    )


def test_kamerstuk_page_footer_is_not_content_but_says_which_kamerstuk(letter: Letter) -> None:
    assert all("vergaderjaar" not in p.text for s in letter.sections for p in s.paragraphs)
    assert letter.kamerstuk == "32 317, nr. 441"


def test_meeting_from_title_and_opening(letter: Letter) -> None:
    assert letter.date == dt.date(2016, 11, 28)
    assert letter.meeting is not None
    assert (letter.meeting.council, letter.meeting.formal, letter.meeting.place) == ("JBZ-Raad", True, "Brussel")
    assert letter.meeting.dates == (dt.date(2016, 12, 8), dt.date(2016, 12, 9))


def test_text_without_structure_is_one_section_with_a_warning() -> None:
    letter = letter_of(
        "Dit is geen brief.\nHet is een korte tekst die\nover twee regels loopt.\n\nEn een tweede alinea."
    )
    assert [s.kind for s in letter.sections] == [SectionKind.TEXT]
    assert len(letter.sections[0].paragraphs) == 2
    assert NO_STRUCTURE in letter.warnings


def test_a_decision_marked_with_equals_under_a_numbered_item() -> None:
    letter = letter_of(
        "I. Binnenlandse Zaken\n\n1. Verordening over de paraatheidsunie\n= beleidsdebat\n\n"
        "Het kabinet verwelkomt het debat.\n"
    )
    item = of_kind(letter, SectionKind.ITEM)[0]
    assert (item.title, item.decision, [p.text for p in item.paragraphs]) == (
        "Verordening over de paraatheidsunie",
        "beleidsdebat",
        ["Het kabinet verwelkomt het debat."],
    )


def test_a_numbered_list_inside_a_body_is_not_an_item() -> None:
    letter = letter_of(
        "I. Justitie\n\n1. Terugkeerverordening\n\nHet kabinet zet in op drie punten.\n"
        "2. Het kabinet wil snellere procedures.\n3. Het kabinet wil terugkeerhubs.\n\n"
        "2. Dublinverordening\n\nHet kabinet steunt het voorstel.\n"
    )
    items = of_kind(letter, SectionKind.ITEM)
    assert [(i.number, i.title) for i in items] == [("1", "Terugkeerverordening"), ("2", "Dublinverordening")]


OLDER = Path(__file__).parent / "data" / "jbz-2018-10-11-constructed.txt"
OLDER_OUTLINE = [
    ("intro", None, "", None, None),
    ("signatures", None, "", None, None),
    (
        "agenda",
        None,
        "Geannoteerde agenda van de bijeenkomst van de Raad Justitie en Binnenlandse Zaken, 11-12 oktober 2018 te Luxemburg",
        None,
        None,
    ),
    ("part", "I", "Veiligheid en Justitie, Grondrechten en Burgerschap", None, None),
    ("group", None, "Raad wetgevende besprekingen", "part:veiligheid-en-justitie-grondrechten-en-burgerschap", None),
    ("item", None, "Insolventie", "group:raad-wetgevende-besprekingen", "Algemene oriëntatie"),
    (
        "group",
        None,
        "Raad niet-wetgevende besprekingen",
        "part:veiligheid-en-justitie-grondrechten-en-burgerschap",
        None,
    ),
    (
        "item",
        None,
        "Europees Openbaar Ministerie",
        "group:raad-niet-wetgevende-besprekingen",
        "Informatie van het voorzitterschap",
    ),
    ("part", "II", "Binnenlandse Zaken", None, None),
    ("item", None, "Terugkeer", "part:binnenlandse-zaken", "Beleidsdebat"),
]


def _older_outline(letter: Letter) -> list[tuple[object, ...]]:
    return [(s.kind.value, s.number, s.title, s.parent, s.decision) for s in letter.sections]


def test_item_heading_with_formal_title_and_decision_under_groups_of_a_part() -> None:
    letter = read_letter(OLDER)
    assert _older_outline(letter) == OLDER_OUTLINE
    insolventie = of_kind(letter, SectionKind.ITEM)[0]
    assert insolventie.formal_title == (
        "Richtlijn betreffende preventieve herstructureringsstelsels en een tweede kans voor ondernemers."
    )
    assert [p.text for p in insolventie.paragraphs] == [
        "De Commissie deed in 2016 een voorstel voor een richtlijn over herstructurering. "
        "Het kabinet kan instemmen met de algemene oriëntatie."
    ]
    assert [(s.function, s.name) for s in letter.signatories] == [
        ("De Minister van Justitie en Veiligheid", "F.B.J. Grapperhaus"),
        ("De Minister voor Rechtsbescherming", "S. Dekker"),
    ]
    assert letter.meeting is not None and letter.meeting.place == "Luxemburg"
    assert letter.meeting.dates == (dt.date(2018, 10, 11), dt.date(2018, 10, 12))


def test_hard_line_breaks_without_blank_lines_give_the_same_outline() -> None:
    """The tweedekamer.nl text of a letter has no blank lines between paragraphs and headings."""
    text = "\n".join(
        "    " + line if line and line[0].islower() else line
        for line in OLDER.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )
    letter = letter_of(text)
    assert _older_outline(letter) == OLDER_OUTLINE
    assert (
        of_kind(letter, SectionKind.ITEM)[2].paragraphs[0].text.startswith("De Raad spreekt over snellere terugkeer.")
    )


def test_signatures_on_one_line_each_and_a_closing() -> None:
    letter = letter_of(
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 2 oktober 2018\n\n"
        "Hierbij bieden wij u de geannoteerde agenda aan.\n\nHoogachtend,\n\n"
        "De Minister van Justitie en Veiligheid, F.B.J. Grapperhaus\n"
        "De Minister voor Rechtsbescherming, S. Dekker\n"
        "De Staatssecretaris van Justitie en Veiligheid, M.G.J. Harbers\n"
    )
    assert [(s.function, s.name) for s in letter.signatories] == [
        ("De Minister van Justitie en Veiligheid", "F.B.J. Grapperhaus"),
        ("De Minister voor Rechtsbescherming", "S. Dekker"),
        ("De Staatssecretaris van Justitie en Veiligheid", "M.G.J. Harbers"),
    ]
    assert [s.kind for s in letter.sections] == [SectionKind.INTRO, SectionKind.SIGNATURES]


def test_items_past_99_are_items_of_their_own() -> None:
    """A part with 120 items: item 100 and on are not taken into item 99's text."""
    from tests.helpers import letter_of

    items = "\n\n".join(f"{n}. Onderwerp nummer {n}\n\nHet kabinet steunt voorstel {n}." for n in range(1, 121))
    text = (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 10 juli 2025\n\n"
        "Hierbij bieden wij uw Kamer de geannoteerde agenda aan.\n\n"
        "Geannoteerde agenda van de Raad Justitie en Binnenlandse Zaken, 22 en 23 juli 2025\n\n"
        "I. Binnenlandse Zaken\n\n" + items + "\n"
    )
    numbered = [s for s in letter_of(text).sections if s.kind.value == "item"]
    assert [s.number for s in numbered] == [str(n) for n in range(1, 121)]
    assert numbered[-1].text == "Het kabinet steunt voorstel 120."
