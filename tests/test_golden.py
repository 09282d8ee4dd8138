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


def test_output_does_not_depend_on_the_hash_seed() -> None:
    """Set and dict order must never leak into an output: the sections and a comparison, as JSON, are the
    same bytes in processes with other hash seeds."""
    import os
    import subprocess
    import sys

    script = (
        "import sys; from agendadiff import compare_files, read_letter; "
        "from agendadiff.render.letter import letter_json; from agendadiff.render.comparison import comparison_json; "
        "sys.stdout.write(letter_json(read_letter(sys.argv[1])) + comparison_json(compare_files(sys.argv[1], sys.argv[2])))"
    )
    old, new = "samples/jbz-2025-07-10.txt", "samples/jbz-2025-10-02-constructed.txt"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script, old, new],
            cwd=ROOT,
            env=os.environ | {"PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
            text=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and len(next(iter(outputs))) > 10_000
