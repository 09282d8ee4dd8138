"""The command line: exit codes, output formats, and a README that documents every command and option."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import click
from click.testing import CliRunner

from agendadiff.cli import main
from tests.conftest import ROOT, SAMPLE


def test_sections_text() -> None:
    result = CliRunner().invoke(main, ["sections", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "Date         2025-07-10" in result.stdout
    assert re.search(r"^item\s+4\s+Werksessie III: Presentatie van de Deense Nationale\s+146\s*$", result.stdout, re.M)
    assert result.stderr == ""


def test_sections_json() -> None:
    result = CliRunner().invoke(main, ["sections", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["date"] == "2025-07-10"
    assert len([s for s in data["sections"] if s["kind"] == "item"]) == 7
    assert sum(len(s["footnotes"]) for s in data["sections"]) == 10


def test_a_text_without_structure_warns_on_stderr(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "note.txt"
    path.write_text("Een korte tekst zonder kopjes.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["sections", str(path)])
    assert result.exit_code == 0
    assert result.stderr.startswith(f"agendadiff: {path}: warning: no recognisable structure")


def test_unknown_format_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["sections", str(SAMPLE), "--format", "xml"])
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output


def test_installed_script_runs_without_traceback_on_bad_input(tmp_path: object) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "agendadiff", "sections", "/nonexistent/letter.txt"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == "agendadiff: /nonexistent/letter.txt: no such file\n"


def test_readme_documents_every_command_and_option() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"agendadiff {name}" in readme, name
        for param in command.params:
            if isinstance(param, click.Option):
                assert any(opt in readme for opt in param.opts), (name, param.opts)


def test_markdown_escapes_what_a_letter_says(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "letter.txt"
    path.write_text(
        "Den Haag, 10 juli 2025\n\nKopgroep <script>alert(1)</script>\nHet kabinet steunt *alles* en [dit](x).\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["sections", str(path), "--format", "markdown"])
    assert result.exit_code == 0
    assert "<script>" not in result.stdout and "\\<script\\>" in result.stdout
    assert "\\*alles\\*" in result.stdout and "\\[dit\\](x)" in result.stdout
