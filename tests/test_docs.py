"""The terminal sessions in the README and docs/ are what the commands print: every line shown (but `...`)
comes out, in that order."""

from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from agendadiff.cli import main
from tests.conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SESSION = re.compile(r"```console\n\$ agendadiff (?P<command>[^\n]*)\n(?P<shown>.*?)```", re.S)


def sessions() -> list[tuple[str, str, str]]:
    found = []
    for page in PAGES:
        for match in SESSION.finditer(page.read_text(encoding="utf-8")):
            command = match.group("command")
            if any(mark in command for mark in ("|", ">")):
                continue  # a pipeline; the test runs single commands
            found.append((page.relative_to(ROOT).as_posix(), command, match.group("shown")))
    return found


@pytest.mark.parametrize(("page", "command", "shown"), sessions(), ids=lambda v: str(v)[:60])
def test_a_session_shows_what_the_command_prints(
    page: str, command: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = shlex.split(command)
    if not all((ROOT / a).exists() for a in args if "/" in a or a.endswith(".txt")):
        pytest.fail(f"{page}: `agendadiff {command}` names a file the repository does not have")
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    printed = result.stdout.splitlines()
    at = 0
    for line in shown.splitlines():
        if line.strip() in ("...", "…") or not line.strip():
            continue
        while at < len(printed) and printed[at].rstrip() != line.rstrip():
            at += 1
        assert at < len(printed), f"{page}: `agendadiff {command}` does not print, here, {line!r}"
        at += 1


def test_the_pages_have_sessions() -> None:
    assert len(sessions()) >= 5


def test_the_readme_states_the_exit_codes_as_help_does() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    for code in ("0 done", "1 the letters differ", "2 bad input or usage", "3 internal error", "130 interrupted"):
        assert code in readme, code
    help_text = " ".join(CliRunner().invoke(main, ["--help"]).stdout.split())
    assert "0 done; 1 the letters differ" in help_text
