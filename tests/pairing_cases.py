"""The constructed rewritten-topic cases (tests/data/pairing/rewritten.toml) as letters, and how align did on them.

Shared by tests/test_pairing.py and bench/pairing_eval.py.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agendadiff.model import Alignment, Letter

CASES = Path(__file__).parent / "data" / "pairing" / "rewritten.toml"
_DATES = ("Den Haag, 2 oktober 2025", "Den Haag, 27 november 2025")
_MEETINGS = ("13 en 14 oktober 2025", "8 en 9 december 2025")


@dataclass(frozen=True)
class Case:
    name: str
    old: tuple[dict[str, str], ...]
    new: tuple[dict[str, str], ...]
    expect: dict[str, str]


@dataclass(frozen=True)
class Score:
    made: int  # pairs align made between the case's sections
    correct: int  # of those, the ones the case expects
    expected: int  # pairs the case expects


def load_cases() -> list[Case]:
    data: dict[str, Any] = tomllib.loads(CASES.read_text(encoding="utf-8"))
    return [Case(c["name"], tuple(c["old"]), tuple(c["new"]), dict(c["expect"])) for c in data["case"]]


def letter_text(sections: tuple[dict[str, str], ...], side: int) -> str:
    """A letter in the layout officielebekendmakingen gives its text: a paragraph a line."""
    lines = [
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        _DATES[side],
        f"Hierbij bieden wij uw Kamer de geannoteerde agenda aan van de JBZ-Raad van {_MEETINGS[side]}.",
    ]
    for section in sections:
        if section["place"] == "cover":
            lines += [section["title"], *_paragraphs(section["text"])]
    lines += [
        "De minister van Justitie en Veiligheid, D.M. van Weel",
        "Geannoteerde agenda van de formele bijeenkomst van de Raad Justitie en Binnenlandse Zaken, "
        f"{_MEETINGS[side]} te Brussel",
        "I. Binnenlandse Zaken",
    ]
    items = [s for s in sections if s["place"] == "item"]
    for number, section in enumerate(items, 1):
        lines += [f"{number}. {section['title']}", f"= {section['decision']}", *_paragraphs(section["text"])]
    return "\n\n".join(lines) + "\n"


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.strip().split("\n\n")]


def letters_of(case: Case, folder: Path) -> tuple[Letter, Letter]:
    from agendadiff.pipeline import read_letter

    paths = []
    for side, sections in enumerate((case.old, case.new)):
        path = folder / f"{'old' if side == 0 else 'new'}.txt"
        path.write_text(letter_text(sections, side), encoding="utf-8")
        paths.append(path)
    return read_letter(paths[0]), read_letter(paths[1])


def keys_by_id(case: Case, old: Letter, new: Letter) -> tuple[dict[str, str], dict[str, str]]:
    """Section id -> the case's key, for the sections the case wrote (found by title)."""

    def keyed(sections: tuple[dict[str, str], ...], letter: Letter) -> dict[str, str]:
        found = {}
        for section in sections:
            ids = [s.id for s in letter.sections if s.title == section["title"]]
            assert len(ids) == 1, f"{section['title']!r} is {len(ids)} sections of the letter"
            found[ids[0]] = section["key"]
        return found

    return keyed(case.old, old), keyed(case.new, new)


def score(case: Case, old: Letter, new: Letter, alignment: Alignment) -> tuple[Score, dict[str, str]]:
    """How align did on the case, and what it paired each old key with ("" for nothing)."""
    old_keys, new_keys = keys_by_id(case, old, new)
    paired = {old_keys[m.old]: new_keys.get(m.new or "", "") for m in alignment.matches if m.old in old_keys}
    paired = {key: paired.get(key, "") for key in old_keys.values()}
    made = sum(1 for partner in paired.values() if partner)
    correct = sum(1 for key, partner in paired.items() if partner and partner in case.expect.get(key, "").split("|"))
    expected = sum(1 for want in case.expect.values() if want)
    return Score(made, correct, expected), paired
