"""Golden files: the whole Letter as JSON and the outline as text, for the real letter.

Run `pytest --update-golden` to rewrite them after a deliberate change, then read the diff.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from agendadiff import read_letter
from agendadiff.render.letter import letter_json, letter_markdown, outline_text
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
CASES = [
    ("samples/jbz-2025-07-10.txt", "jbz-2025-07-10"),
    ("tests/data/jbz-2016-12-08-constructed.txt", "jbz-2016-12-08-constructed"),
    ("tests/data/jbz-2018-10-11-constructed.txt", "jbz-2018-10-11-constructed"),
]


def _check(actual: str, path: Path, update: bool) -> None:
    if update:
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(path), "actual"))
        pytest.fail(f"output differs from {path.name}:\n{diff}")


@pytest.mark.parametrize(("source", "name"), CASES)
def test_sections_json(source: str, name: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the JSON names the file as it was given
    _check(letter_json(read_letter(source)), GOLDEN / f"{name}.sections.json", update_golden)


@pytest.mark.parametrize(("source", "name"), CASES)
def test_sections_outline(source: str, name: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    _check(outline_text(read_letter(source)), GOLDEN / f"{name}.sections.txt", update_golden)


@pytest.mark.parametrize(("source", "name"), CASES)
def test_sections_markdown(source: str, name: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    _check(letter_markdown(read_letter(source)), GOLDEN / f"{name}.sections.md", update_golden)


@pytest.mark.parametrize(("source", "name"), CASES)
def test_output_is_stable(source: str, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert letter_json(read_letter(source)) == letter_json(read_letter(source))
