"""Metadata real letters get wrong or leave to the rendering: the meeting, the letter's kind, its Kamerstuk."""

from __future__ import annotations

import json
from pathlib import Path

from agendadiff import read_letter
from agendadiff.meeting import MEETING_CONFLICT
from agendadiff.model import LetterKind
from tests.helpers import letter_of

# A cover letter copied from the one before: its opening still names the October meeting (after a November
# date, "13 en 14 oktober a.s." reads as next October).
COVER = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Den Haag, 27 november 2025

Hierbij bieden wij uw Kamer de geannoteerde agenda aan van de formele Raad Justitie en Binnenlandse
Zaken (JBZ-Raad) van 13 en 14 oktober a.s. in Luxemburg.

De minister van Justitie en Veiligheid,
D.M. van Weel
"""
ANNEX = """Geannoteerde agenda van de formele bijeenkomst van de Raad Justitie en Binnenlandse Zaken,
8 en 9 december 2025 te Brussel

I. Binnenlandse Zaken

1. Terugkeerverordening
Algemene oriëntatie

Het kabinet kan instemmen met de algemene oriëntatie.
"""


def test_the_agendas_title_names_the_meeting_when_the_opening_disagrees() -> None:
    letter = letter_of(COVER.replace("D.M. van Weel\n", "D.M. van Weel\n\n" + ANNEX))
    assert letter.meeting is not None
    assert (letter.meeting.dates[0].isoformat(), letter.meeting.place) == ("2025-12-08", "Brussel")
    expected = MEETING_CONFLICT.format(opening="2026-10-13 to 2026-10-14", title="2025-12-08 to 2025-12-09")
    assert expected in letter.warnings


def test_an_opening_that_agrees_with_the_title_gives_no_warning() -> None:
    letter = letter_of(COVER.replace("13 en 14 oktober", "8 en 9 december") + "\n" + ANNEX)
    assert not any("opening names the meeting" in w for w in letter.warnings)


def test_in_a_bundle_the_annex_title_wins_over_the_cover_letter(tmp_path: Path) -> None:
    bundle = tmp_path / "2025D50000"
    bundle.mkdir()
    (bundle / "cover.txt").write_text(COVER, encoding="utf-8")
    (bundle / "annex.txt").write_text(ANNEX, encoding="utf-8")
    (bundle / "document.json").write_text(
        json.dumps({"files": [{"name": "cover.txt"}, {"name": "annex.txt"}]}), encoding="utf-8"
    )
    letter = read_letter(bundle)
    assert letter.meeting is not None and letter.meeting.dates[0].isoformat() == "2025-12-08"
    assert any(w.startswith("the opening names the meeting of 2026-10-13") for w in letter.warnings)
    assert letter.kind is LetterKind.AGENDA


def test_the_kind_of_a_letter() -> None:
    assert letter_of(COVER + "\n" + ANNEX).kind is LetterKind.AGENDA
    verslag = COVER.replace("de geannoteerde agenda aan van", "het verslag aan van").replace("a.s.", "jl.")
    assert letter_of(verslag).kind is LetterKind.REPORT
    other = COVER.replace("de geannoteerde agenda aan van", "een brief over").replace("a.s.", "jl.")
    assert letter_of(other).kind is LetterKind.OTHER
    report_title = ANNEX.replace("Geannoteerde agenda van", "Verslag van")
    assert letter_of(other + "\n" + report_title).kind is LetterKind.REPORT


def test_the_kamerstuk_header_of_page_text() -> None:
    head = "32 317 JBZ-Raad\nNr. 948 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID\n"
    assert letter_of(head + COVER).kamerstuk == "32 317, nr. 948"


def test_text_after_the_signatures_is_no_part_of_them() -> None:
    """An annex whose title a rendering lost: its text is an untitled annex, not the last signatory's."""
    letter = letter_of(
        COVER + "\nDe Europese Commissie heeft op 22 november een voorstel gedaan. Het kabinet steunt het.\n"
    )
    [signatures] = [s for s in letter.sections if s.kind.value == "signatures"]
    assert [p.text for p in signatures.paragraphs] == ["De minister van Justitie en Veiligheid, D.M. van Weel"]
    assert letter.sections[-1].kind.value == "agenda" and letter.sections[-1].title == ""
    assert letter.sections[-1].paragraphs[0].text.startswith("De Europese Commissie heeft")


def test_a_footnote_marker_glued_to_the_place_is_no_part_of_it() -> None:
    """Without its footnote (a page that left the notes out) the marker stays in the text, not in the place."""
    letter = letter_of(COVER.replace("13 en 14 oktober a.s. in Luxemburg.", "8 en 9 december 2025 in Luxemburg1."))
    assert letter.meeting is not None and letter.meeting.place == "Luxemburg"
