"""Every JSON output follows the schema agendadiff ships for it, as `agendadiff schema NAME` prints it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from agendadiff.cli import main
from agendadiff.render import OUTPUTS
from agendadiff.schemas import OUTPUTS as SCHEMAS
from tests.conftest import ROOT

SAMPLES = ROOT / "samples"
REPORTS = ROOT / "reports"
LETTERS = sorted(SAMPLES.glob("jbz-*.txt")) + sorted((SAMPLES / "verslagen").glob("*.txt"))


def printed(name: str) -> dict[str, Any]:
    """The schema as a user gets it: from the command, one document standing alone."""
    result = CliRunner().invoke(main, ["schema", name])
    assert result.exit_code == 0, result.output
    schema: dict[str, Any] = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def check(name: str, data: object) -> None:
    jsonschema.validate(data, printed(name), format_checker=jsonschema.FormatChecker())


def output(*args: str) -> Any:
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("schemas") / "archief"
    with pytest.MonkeyPatch.context() as patch:
        for role in ("AUTHOR", "COMMITTER"):
            patch.setenv(f"GIT_{role}_NAME", "Archivaris")
            patch.setenv(f"GIT_{role}_EMAIL", "archief@example.org")
        runner = CliRunner()
        assert runner.invoke(main, ["archive", "init", str(folder)]).exit_code == 0
        inbox = folder / "inbox"
        inbox.mkdir()
        agendas = sorted(SAMPLES.glob("jbz-*.txt"))[-3:]
        for letter in [*agendas, SAMPLES / "verslagen" / "jbz-verslag-2025-10-24-constructed.txt"]:
            shutil.copy(letter, inbox / letter.name)
        result = runner.invoke(main, ["archive", "update", "--archive", str(folder)])
        assert result.exit_code == 0, result.output
        yield folder


def test_every_json_output_has_a_schema() -> None:
    with_json = {kind for kind, formats in OUTPUTS.items() if "json" in formats}
    assert {"commitments" if kind == "register" else kind for kind in with_json} == set(SCHEMAS)


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: p.name)
def test_letters(path: Path) -> None:
    check("letter", output("sections", str(path)))


def test_the_committed_reports() -> None:
    for path in sorted(REPORTS.glob("jbz-*.json")):
        check("comparison", json.loads(path.read_text(encoding="utf-8")))
    check("timeline", json.loads((REPORTS / "timeline.json").read_text(encoding="utf-8")))
    for path in sorted(REPORTS.glob("outcome-*.json")):
        check("outcome", json.loads(path.read_text(encoding="utf-8")))
    check("commitments", json.loads((REPORTS / "commitments.json").read_text(encoding="utf-8")))


def test_a_comparison_with_moves_splits_footnotes_and_warnings(tmp_path: Path) -> None:
    bare = tmp_path / "bare.txt"
    bare.write_text("Een korte tekst zonder kopjes.\n", encoding="utf-8")
    data = output("compare", str(LETTERS[2]), str(bare))
    assert data["new"]["warnings"], "the letter's warnings are in the JSON"
    check("comparison", data)
    data = output(
        "compare", str(SAMPLES / "jbz-2025-10-02-constructed.txt"), str(SAMPLES / "jbz-2025-11-27-constructed.txt")
    )
    assert data["moves"] and any(p["flags"] for p in data["pairs"]) and any(p["footnotes"] for p in data["pairs"])
    check("comparison", data)


def test_the_archive_outputs(archive: Path) -> None:
    check("log", output("archive", "log", "--archive", str(archive)))
    with_topic = output("archive", "log", "--archive", str(archive), "--topic", "terugkeer")
    assert any(entry["topics"] for entry in with_topic["letters"])
    check("log", with_topic)
    check("timeline", json.loads((archive / "timeline.json").read_text(encoding="utf-8")))
    for path in sorted((archive / "letters").glob("*/letter.json")):
        check("letter", json.loads(path.read_text(encoding="utf-8")))
    for path in sorted((archive / "reports").glob("*_*.json")):
        check("comparison", json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("name", "path", "spoil"),
    [
        ("comparison", REPORTS / "jbz-2025-10-02_jbz-2025-11-27.json", lambda d: d["pairs"][0].update(status="fine")),
        ("comparison", REPORTS / "jbz-2025-10-02_jbz-2025-11-27.json", lambda d: d["old"].update(sha256="x")),
        ("timeline", REPORTS / "timeline.json", lambda d: d["threads"][0]["appearances"][0].update(step="later")),
        ("timeline", REPORTS / "timeline.json", lambda d: d["letters"][0]["source"].pop("sha256")),
        (
            "letter",
            ROOT / "tests" / "golden" / "jbz-2025-07-10.sections.json",
            lambda d: d["sections"][0].update(kind="x"),
        ),
        ("outcome", REPORTS / "outcome-2025-10-24.json", lambda d: d["agenda"]["source"].update(path=3)),
    ],
)
def test_a_schema_refuses_what_its_output_never_holds(name: str, path: Path, spoil: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    check(name, data)
    spoil(data)
    with pytest.raises(jsonschema.ValidationError):
        check(name, data)


def test_an_unknown_schema_is_one_line() -> None:
    result = CliRunner().invoke(main, ["schema", "report"])
    assert result.exit_code == 2 and result.stderr.startswith(
        "agendadiff: report: no such schema; the schemas are letter"
    )
