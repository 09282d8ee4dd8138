"""Layout must never look like content. Each quirk is tested on a real excerpt of the sample letter."""

from __future__ import annotations

import pytest

from agendadiff.model import Line
from agendadiff.normalize import join_lines
from tests.helpers import body, excerpt, layout_of, letter_of


def _joined(*lines: str) -> str:
    return join_lines([Line(n, text) for n, text in enumerate(lines, 1)])[0]


def test_wrapped_lines_with_trailing_spaces_become_one_paragraph() -> None:
    layout = layout_of(excerpt(8, 17))
    paragraphs = [join_lines(block)[0] for block in layout.blocks]
    assert paragraphs == [
        "Hierbij bieden wij uw Kamer de geannoteerde agenda aan van de informele Raad Justitie en Binnenlandse Zaken "
        "(JBZ-Raad) van 22-23 juli a.s. in Kopenhagen. De minister van Justitie en Veiligheid, de minister van Asiel "
        "en Migratie, de staatssecretaris van Rechtsbescherming en de minister voor Asiel en Migratie-Van Hijum "
        "zullen hier aan deelnemen.",
        "Conform afspraak krijgen de Kamers hierbij ook de kwartaalrapportage van het tweede kwartaal 2025 van de "
        "JBZ-wetsvoorstellen.",
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("kwartaalrapportage van het tweede kwartaal 2025 van de JBZ-", "wetsvoorstellen. "), "JBZ-wetsvoorstellen."),
        (("Binnenlandse Zaken (JBZ-Raad) van 22-", "23 juli a.s. in Kopenhagen."), "van 22-23 juli a.s."),
        (
            ("hybride dreigingen en introduceert het kabinet een maatschappij-", "brede aanpak die zowel"),
            "een maatschappij-brede aanpak",
        ),
        (("het vergroten van de EU-", "NAVO samenwerking"), "de EU-NAVO samenwerking"),
        (("(Kamerstuk 21 501-", "20, nr. 2266)"), "(Kamerstuk 21 501-20, nr. 2266)"),
        # A suspended hyphen keeps its space, whether or not the extraction kept the trailing one.
        (("van de wetgeving van het Asiel- ", "en Migratiepact"), "het Asiel- en Migratiepact"),
        (("van de wetgeving van het Asiel-", "en Migratiepact"), "het Asiel- en Migratiepact"),
        (
            ("de belangen van de lidstaten goed in de beleids-", "en wetgevingsvoorstellen"),
            "beleids- en wetgevingsvoorstellen",
        ),
        # A dash between spaces is punctuation, not a hyphen.
        (("kunnen ondersteunen -", "ook in het kader"), "ondersteunen - ook in"),
        (("paraatheidsunie –", "hoe de civiele paraatheid"), "paraatheidsunie – hoe de"),
    ],
)
def test_line_end_hyphens(lines: tuple[str, str], expected: str) -> None:
    assert expected in _joined(*lines)


def test_a_page_break_in_mid_sentence_is_closed() -> None:
    text = body(excerpt(38, 55).replace("gedeeld1.", "gedeeld."))
    assert "De Nederlandse inzet voor de toekomst van de Europese Havenalliantie is vervat in het non-paper dat" in text
    assert "  " not in text


def test_a_footnote_block_inside_a_parenthesis_is_taken_out_and_the_sentence_rejoined() -> None:
    # Lines 38-106: footnotes 1 and 2 interrupt "(Kamerstuk 21 501-" ... "20, nr. 2266)".
    letter = letter_of(excerpt(19, 106))
    text = " ".join(p.text for s in letter.sections for p in s.paragraphs)
    assert "Europese Raad van 26 juni jl. (Kamerstuk 21 501-20, nr. 2266) heeft de minister-president" in text
    assert "Non-paper" not in text and "19 637" not in text
    notes = {n.number: (n.text, s.title) for s in letter.sections for n in s.footnotes}
    assert notes[1] == (
        "Non-paper van de coalitie van zeven landen (C7) voor de European Ports Alliance, 25 april 2025, "
        "Kamerstukken II, 2024-25, 22 112, nr. 4042.",
        "Ministeriële bijeenkomst – Europese Havenalliantie",
    )
    assert notes[2] == (
        "Kamerstukken 2024 – 2025, 19 637, nr. 3451.",
        "Raadsaanbeveling lange termijnstrategie ontheemden uit Oekraïne",
    )


def test_a_url_on_a_line_of_its_own_belongs_to_the_footnote_before_it() -> None:
    layout = layout_of(excerpt(183, 232))
    notes = {n.number: n for n in layout.footnotes}
    assert sorted(notes) == [4, 5, 6]
    assert notes[5].url is None
    assert notes[6].url == "https://www.consilium.europa.eu/media/qvid3gtz/20250626-european-council-conclusions-nl.pdf"
    assert "consilium" not in notes[6].text


@pytest.mark.parametrize(
    ("first", "last", "glued", "clean", "number"),
    [
        (38, 99, "gedeeld1.", "gedeeld.", 1),
        (38, 99, "kabinetsappreciatie2 acht", "kabinetsappreciatie acht", 2),
        (108, 151, "Dijk3.", "Dijk.", 3),
        (183, 223, "geïnformeerd.4 De", "geïnformeerd. De", 4),
        (183, 223, "benadrukt5.", "benadrukt.", 5),
        (183, 223, "december 20246 benadrukt", "december 2024 benadrukt", 6),
        (381, 432, "geïnformeerd.7 In", "geïnformeerd. In", 7),
        (381, 432, "BNC-fiche.8 Het", "BNC-fiche. Het", 8),
        (433, 477, "verwerkingsactiviteiten.9 In", "verwerkingsactiviteiten. In", 9),
        (433, 477, "weg te nemen.10", "weg te nemen.", 10),
    ],
)
def test_glued_footnote_markers_are_stripped_and_kept_as_references(
    first: int, last: int, glued: str, clean: str, number: int
) -> None:
    source = excerpt(first, last)
    assert glued in source
    if first == 433:  # the footnotes of this page stand below it in the letter; bring them along
        source = excerpt(433, 441) + "\n" + excerpt(471, 477) + "\n\n\n"
    layout = layout_of(source)
    lines = [line for block in layout.blocks for line in block]
    text = " ".join(line.text.strip() for line in lines)
    assert clean in text and glued not in text
    assert number in {ref.number for line in lines for ref in line.refs}


def test_only_numbers_of_existing_footnotes_are_markers() -> None:
    # Without its footnote block, "20246" is just a number, and "2026." is never a marker.
    text = body(excerpt(199, 207))
    assert "december 20246 benadrukt" in text
    with_notes = layout_of(excerpt(183, 232))
    words = " ".join(line.text for block in with_notes.blocks for line in block)
    assert "december 2024 benadrukt" in words
    assert "aangekondigd voor 2026." in body(excerpt(20, 36))


def test_a_cut_letterhead_gives_no_title_and_no_crash() -> None:
    letter = letter_of(excerpt(1, 17))
    assert [s.kind.value for s in letter.sections] == ["intro"]
    assert letter.sections[0].title == ""
    assert letter.sections[0].paragraphs[0].text.startswith("Hierbij bieden wij")


def test_kamerstuk_headers_and_footers_are_not_content() -> None:
    text = (
        excerpt(38, 40)
        + "\n\n\nTweede Kamer, vergaderjaar 2024–2025, 32 317, nr. 966 3\n\n\n"
        + excerpt(48, 55).replace("gedeeld1.", "gedeeld.")
    )
    result = body(text)
    assert "vergaderjaar" not in result
    assert "De Nederlandse inzet voor de toekomst" in result
    assert layout_of(text).furniture == ("Tweede Kamer, vergaderjaar 2024–2025, 32 317, nr. 966 3",)


def test_lines_repeated_at_every_page_edge_are_furniture() -> None:
    pages = [excerpt(20, 36), excerpt(59, 79).replace("kabinetsappreciatie2", "kabinetsappreciatie"), excerpt(109, 125)]
    text = "\n\n\n".join(f"Pagina {n} van 3\n\n\nDatum 10 juli 2025\n{page}" for n, page in enumerate(pages, 1))
    result = body(text)
    assert "Datum 10 juli" not in result and "Pagina" not in result
    assert (
        "Voorafgaand aan de informele JBZ-Raad" in result and "Op 4 juni jl." in result and "Met het oog op" in result
    )
    assert letter_of(text).date is not None  # the date is still read from the repeated line


def test_a_form_feed_is_a_page_break() -> None:
    text = "Nederland speelt vanwege haar expertise op het gebied van\n\fhavenveiligheid een waardevolle rol."
    assert (
        body(text) == "Nederland speelt vanwege haar expertise op het gebied van havenveiligheid een waardevolle rol."
    )


def test_a_footnote_whose_marker_is_lost_still_belongs_somewhere_and_is_reported() -> None:
    # Footnote 2's marker is gone from the text (an extraction that dropped the superscript).
    text = excerpt(1, 106).replace("kabinetsappreciatie2", "kabinetsappreciatie")
    letter = letter_of(text)
    notes = {n.number: s.title for s in letter.sections for n in s.footnotes}
    assert notes[1] == "Ministeriële bijeenkomst – Europese Havenalliantie"
    assert 2 in notes
    assert any("footnote 2" in warning for warning in letter.warnings)


def _pages(page: list[str], count: int = 3) -> str:
    """`count` pages, each `page` (with {n} for its number) followed by a page break."""
    lines = []
    for number in range(1, count + 1):
        lines += [line.format(n=number) for line in page] + ["", "", "", " ", "", " ", ""]
    return "\n".join(lines)


def test_footnotes_alike_but_for_their_number_are_not_page_furniture() -> None:
    """'11 Idem.' at the bottom of three pages looks like a footer with a page number; it is not."""
    layout = layout_of(
        _pages(
            [
                "Het kabinet steunt het voorstel van de Commissie over onderwerp {n} en zal dit ",
                "op de Raad uitdragen, zoals eerder met uw Kamer gedeeld{n}. ",
                "",
                " ",
                "{n} Idem.",
            ]
        )
    )
    assert [(note.number, note.text) for note in layout.footnotes] == [(1, "Idem."), (2, "Idem."), (3, "Idem.")]
    assert layout.furniture == ()


def test_a_footnote_cited_on_several_pages_keeps_its_repeated_second_line() -> None:
    """'VI, nr. 87.' ends the same footnote at three page bottoms: it is the footnote's, not a footer."""
    layout = layout_of(
        _pages(
            [
                "Het kabinet handelt hiermee in lijn met de motie Van Dijk over onderwerp {n} en zal ",
                "dit op de Raad uitdragen, zoals gevraagd in de motie{n}. ",
                "",
                " ",
                "{n} Motie van het lid Diederik van Dijk, Kamerstukken 2024-2025, 36 410 ",
                "VI, nr. 87.",
            ]
        )
    )
    assert [note.text for note in layout.footnotes] == [
        "Motie van het lid Diederik van Dijk, Kamerstukken 2024-2025, 36 410 VI, nr. 87."
    ] * 3
    assert layout.furniture == ()
