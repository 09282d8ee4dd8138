"""The small predicates the parser decides with, on lines of the genre."""

from __future__ import annotations

import datetime as dt

import pytest

from agendadiff.lang import dutch
from agendadiff.model import SectionKind
from tests.helpers import letter_of, of_kind


@pytest.mark.parametrize(
    ("line", "goes_on"),
    [
        ("De minister van Justitie en Veiligheid, de", True),  # function word
        ("daarbij horende eerste asiel- en migratierapportagecyclus in het", True),
        ("paraatheid, weerbaarheid en crisispreventie,", True),  # comma
        ("de toekomst van de Europese Havenalliantie is vervat in het non-", True),  # hyphen
        ("paraatheidsunie –", True),  # dash
        ("eerder geïnformeerd over de inzet op terugkeer (Kamerstukken", True),  # open parenthesis
        ("Kopgroep Dublin", False),
        ("Gegevensbescherming (AVG)", False),
        ("veranderend dreigingslandschap", False),
    ],
)
def test_ends_mid_phrase(line: str, goes_on: bool) -> None:
    assert dutch.ends_mid_phrase(line) is goes_on


def test_an_open_parenthesis_can_be_ignored_for_citations() -> None:
    assert not dutch.ends_mid_phrase("(COM(2024) 357 final, 25 juli 2024.", open_parenthesis=False)


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        ("gedeeld. Dit ziet onder", True),
        ("verder brengen van innovatieve oplossingen.", True),
        ("23 juli a.s. Het kabinet is voornemens in te stemmen. In de", True),
        ("Op 25 maart jl. is de strategie voor een Europese paraatheidsunie", False),  # "jl. is": no new sentence
        ("Werksessie III: Presentatie van de Deense Nationale Politie:", False),
        ("(Kamerstuk 32 317, nr. 964)", False),
    ],
)
def test_has_sentence(line: str, sentence: bool) -> None:
    assert dutch.has_sentence(line) is sentence


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("10 juli 2025", dt.date(2025, 7, 10)),
        ("1 mrt. 2024", dt.date(2024, 3, 1)),
        ("31 februari 2024", None),
        ("10 juli", None),
    ],
)
def test_parse_date(text: str, date: dt.date | None) -> None:
    assert dutch.parse_date(text) == date


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("I. Binnenlandse Zaken", "part"),
        ("IV. Immigratie en asiel", "part"),
        ("I.W. Opstelten", None),
        ("II 2016-17, 32 317, nr. 440). Het kabinet", None),
        ("1. Werksessie I: De strategie voor een Europese", "item"),
        ("2. het kabinet wil snellere procedures", None),
        ("= Algemene oriëntatie", "decision"),
        ("(Gedeeltelijke) algemene oriëntatie", "decision"),
        ("Voorstel voor een verordening van het Europees Parlement en de Raad", "formal"),
        ("Richtlijn betreffende preventieve herstructureringsstelsels", "formal"),
        ("Richtlijnen voor de Raad", None),
    ],
)
def test_line_patterns(line: str, kind: str | None) -> None:
    found = [
        name
        for name, pattern in (
            ("part", dutch.PART),
            ("item", dutch.ITEM),
            ("decision", dutch.DECISION),
            ("formal", dutch.FORMAL_TITLE),
        )
        if pattern.match(line)
    ]
    assert found == ([kind] if kind else [])


def test_an_item_title_goes_on_after_its_colon() -> None:
    letter = letter_of(
        "I. Justitie\n\n3. Werklunch:\nBescherming van kinderrechten\n\nTijdens deze werklunch staat de bescherming "
        "van kinderen centraal.\n"
    )
    assert [s.title for s in of_kind(letter, SectionKind.ITEM)] == ["Werklunch: Bescherming van kinderrechten"]
