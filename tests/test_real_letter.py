"""The real letter of 10 July 2025, exactly as extracted from its PDF: what a careful reader sees."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from agendadiff import read_letter
from agendadiff.model import Letter, SectionKind
from tests.conftest import SAMPLE
from tests.helpers import of_kind


@pytest.fixture(scope="module")
def letter() -> Letter:
    return read_letter(SAMPLE)


def test_metadata(letter: Letter) -> None:
    assert letter.date == dt.date(2025, 7, 10)
    assert letter.addressee == "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert letter.meeting is not None
    assert letter.meeting.formal is False
    assert letter.meeting.council == "Raad Justitie en Binnenlandse Zaken"
    assert letter.meeting.dates == (dt.date(2025, 7, 22), dt.date(2025, 7, 23))
    assert letter.meeting.place == "Kopenhagen"
    assert letter.warnings == ()


def test_the_cut_letterhead_is_no_section(letter: Letter) -> None:
    first = letter.sections[0]
    assert first.kind is SectionKind.INTRO and first.title == ""
    assert first.paragraphs[0].text.startswith("Hierbij bieden wij uw Kamer")
    assert all("ministers van Asiel en Migratie Aan" not in p.text for s in letter.sections for p in s.paragraphs)


def test_outline(letter: Letter) -> None:
    outline = [(s.kind.value, s.number, s.title) for s in letter.sections]
    assert outline == [
        ("intro", None, ""),
        ("topic", None, "Ministeriële bijeenkomst – Europese Havenalliantie"),
        ("topic", None, "Raadsaanbeveling lange termijnstrategie ontheemden uit Oekraïne"),
        ("topic", None, "Vervolg samenwerking EVRM-brief"),
        ("topic", None, "Kopgroep Dublin"),
        ("signatures", None, ""),
        (
            "agenda",
            None,
            "Geannoteerde agenda van de informele bijeenkomst van de Raad Justitie en Binnenlandse Zaken, 22 en 23 juli 2025 te Kopenhagen",
        ),
        ("part", "I", "Binnenlandse Zaken"),
        (
            "item",
            "1",
            "Werksessie I: De strategie voor een Europese paraatheidsunie – hoe de civiele paraatheid, weerbaarheid en crisispreventie van de EU en haar lidstaten kan worden versterkt in het licht van een veranderend dreigingslandschap",
        ),
        ("item", "2", "Werksessie II: Stappen naar een effectief terugkeersysteem"),
        ("item", "3", "Werklunch: Operationalisering van innovatieve vormen van migratiesamenwerking"),
        (
            "item",
            "4",
            "Werksessie III: Presentatie van de Deense Nationale Politie: de strijd tegen georganiseerde criminaliteit en drugshandel, waaronder de aanpak van georganiseerde cannabishandel in de Vrijstad Christiania",
        ),
        ("part", None, "Justitie"),
        (
            "item",
            "1",
            "Werksessie I: Lastenverlichting en vereenvoudiging, waaronder inzake de Algemene Verordening Gegevensbescherming (AVG)",
        ),
        ("item", "2", "Werksessie II: Aanpak georganiseerde criminaliteit en onder andere multi-criminele families"),
        ("item", "3", "Werklunch: Bescherming van kinderrechten"),
    ]


def test_items_belong_to_their_part(letter: Letter) -> None:
    parents = [s.parent for s in of_kind(letter, SectionKind.ITEM)]
    assert parents == ["part:binnenlandse-zaken"] * 4 + ["part:justitie"] * 3


def test_ids_are_unique(letter: Letter) -> None:
    ids = [s.id for s in letter.sections]
    assert len(ids) == len(set(ids))


def test_signatories_are_a_list_not_prose(letter: Letter) -> None:
    assert [(s.function, s.name) for s in letter.signatories] == [
        ("De minister van Justitie en Veiligheid", "D.M. van Weel"),
        ("De staatssecretaris van Justitie en Veiligheid", "T.H.D. Struycken"),
        ("De minister van Asiel en Migratie", "D.M. van Weel"),
        ("De minister voor Asiel en Migratie", "Y.J. van Hijum"),  # a footnote block stood between these two lines
        ("De minister voor Asiel en Migratie", "M.C.G. Keijzer"),
    ]


def test_footnotes_go_with_the_section_that_refers_to_them(letter: Letter) -> None:
    placed = {s.id: [n.number for n in s.footnotes] for s in letter.sections if s.footnotes}
    assert placed == {
        "topic:ministeriele-bijeenkomst-europese-havenalliantie": [1],
        "topic:raadsaanbeveling-lange-termijnstrategie-ontheemden-uit": [2],
        "topic:kopgroep-dublin": [3],
        "item:werksessie-i-de-strategie-voor-een-europese-paraatheidsunie": [4, 5, 6],
        "item:werksessie-i-lastenverlichting-en-vereenvoudiging-waaronder": [7, 8, 9, 10],
    }


def test_footnote_texts_are_whole(letter: Letter) -> None:
    notes = {n.number: n for s in letter.sections for n in s.footnotes}
    assert notes[3].text == "Motie van het lid Diederik van Dijk, Kamerstukken 2024-2025, 36 410 VI, nr. 87."
    assert notes[4].text == "BNC-fiche Mededeling Paraatheidsuniestrategie, Kamerstukken II, 2024-25, 22 112 nr. 4054."
    assert (
        notes[6].text
        == "Kamerstukken II 2024-2025, 30 821, nr. 249, Kamerbrief maatschappelijke weerbaarheid militaire en hybride dreigingen."
    )
    # The URL stands on a line of its own after footnote 6, so it belongs to footnote 6.
    assert notes[6].url == "https://www.consilium.europa.eu/media/qvid3gtz/20250626-european-council-conclusions-nl.pdf"
    assert notes[8].text == notes[10].text == "Idem."


def test_no_footnote_text_or_marker_left_in_any_body(letter: Letter) -> None:
    text = " ".join(p.text for s in letter.sections for p in s.paragraphs) + " ".join(s.title for s in letter.sections)
    for fragment in (
        "Non-paper van de coalitie",
        "Idem.",
        "Motie van het lid",
        "consilium",
        "Raadsconclusies Europese Raad, Juni",
    ):
        assert fragment not in text
    for glued in (
        "gedeeld1",
        "kabinetsappreciatie2",
        "Dijk3",
        "geïnformeerd.4",
        "benadrukt5",
        "20246",
        "BNC-fiche.8",
        "activiteiten.9",
        "nemen.10",
    ):
        assert glued not in text
    assert re.search(r"[^\W\d_]{2}\d{1,2}\b", text) is None  # no digit glued to a word anywhere


def test_markers_are_kept_as_references(letter: Letter) -> None:
    refs = [(r.number, p.text[: r.offset].split()[-1]) for s in letter.sections for p in s.paragraphs for r in p.refs]
    assert refs == [
        (1, "gedeeld"),
        (2, "kabinetsappreciatie"),
        (3, "Dijk"),
        (4, "geïnformeerd."),
        (5, "benadrukt"),
        (6, "2024"),
        (7, "geïnformeerd."),
        (8, "BNC-fiche."),
        (9, "verwerkingsactiviteiten."),
        (10, "nemen."),
    ]


@pytest.mark.parametrize(
    "rejoined",
    [
        "De Nederlandse inzet voor de toekomst van de Europese Havenalliantie is vervat in het non-paper dat",
        "(Kamerstuk 21 501-20, nr. 2266) heeft de minister-president aangegeven",
        "het versterken van de weerbaarheid van de samenleving",
        "efficiënter wordt en er meer ruimte komt voor innovatieve partnerschappen",
        "het mandaat van Frontex en het Europees Asielagentschap",
        "voor organisaties die slechts beperkte risico’s lopen",
        "optimale groei- en ontwikkelkansen van kinderen faciliteren, zodat ieder kind",
        "kwartaal 2025 van de JBZ-wetsvoorstellen.",
        "(JBZ-Raad) van 22-23 juli a.s. in Kopenhagen.",
        "een maatschappij-brede aanpak",
        "de EU-NAVO samenwerking",
    ],
)
def test_sentences_cut_by_page_breaks_and_footnotes_are_rejoined(letter: Letter, rejoined: str) -> None:
    assert any(rejoined in p.text for s in letter.sections for p in s.paragraphs)


def test_paragraphs(letter: Letter) -> None:
    counts = {s.id: len(s.paragraphs) for s in letter.sections}
    assert counts["intro"] == 2
    assert counts["topic:ministeriele-bijeenkomst-europese-havenalliantie"] == 2
    assert counts["item:werklunch-bescherming-van-kinderrechten"] == 3
    assert counts["part:binnenlandse-zaken"] == 0
