"""The command line: exit codes, output formats, conventions, and docs that document every command and option."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import click
import pytest
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


def test_the_docs_document_every_command_and_option() -> None:
    readme = "".join(page.read_text(encoding="utf-8") for page in sorted((ROOT / "docs").glob("*.md")))

    def commands(group: click.Group, prefix: str) -> list[tuple[str, click.Command]]:
        found: list[tuple[str, click.Command]] = []
        for name, command in group.commands.items():
            found.append((f"{prefix} {name}", command))
            if isinstance(command, click.Group):
                found += commands(command, f"{prefix} {name}")
        return found

    listed = commands(main, "agendadiff")
    assert "agendadiff archive update" in dict(listed)
    for name, command in listed:
        assert name in readme, name
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


OCTOBER = ROOT / "samples" / "jbz-2025-10-02-constructed.txt"


def test_compare_text_is_dutch_unless_asked_for_english() -> None:
    dutch = CliRunner().invoke(main, ["compare", str(SAMPLE), str(OCTOBER)])
    assert dutch.exit_code == 0, dutch.output
    assert re.search(
        r"^13 onderwerpen: 2 ongewijzigd, \d+ gewijzigd, 2 nieuw, 2 vervallen; waarvan ", dutch.stdout, re.M
    )
    assert re.search(r"^Gewijzigde kabinetsposities: \d+$", dutch.stdout, re.M)
    assert "¶ nieuwe alinea; … ongewijzigde tekst weggelaten" in dutch.stdout  # the legend explains every mark
    english = CliRunner().invoke(main, ["compare", str(SAMPLE), str(OCTOBER), "--lang", "en"])
    assert re.search(r"^Changed cabinet positions: \d+$", english.stdout, re.M)
    assert "¶ paragraph break; … unchanged text left out" in english.stdout
    # the meeting's dates as the timeline gives them, and an item named with its part
    assert "informal Raad Justitie en Binnenlandse Zaken, 22 and 23 July 2025, Kopenhagen" in english.stdout
    timeline = CliRunner().invoke(main, ["timeline", str(SAMPLE), str(OCTOBER), "--lang", "en"])
    assert "informal Raad Justitie en Binnenlandse Zaken, 22 and 23 July 2025, Kopenhagen" in timeline.stdout
    assert re.search(r"^== \w+.*: item Binnenlandse Zaken, 1\. Terugkeerverordening$", english.stdout, re.M)


def test_compare_text_has_a_summary_and_no_colour_when_not_a_terminal() -> None:
    result = CliRunner().invoke(main, ["compare", str(SAMPLE), str(OCTOBER), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert re.search(r"^13 topics: 2 unchanged, \d+ changed, 2 new, 2 dropped; of which ", result.stdout, re.M)
    assert "\x1b[" not in result.stdout
    assert "[-staat over het algemeen positief tegenover-]{+kan instemmen met+}" in " ".join(result.stdout.split())


def test_compare_colour_on_request_and_never_with_no_color() -> None:
    coloured = CliRunner().invoke(main, ["compare", str(SAMPLE), str(OCTOBER), "--color"])
    assert "\x1b[31;9m" in coloured.stdout and "\x1b[32;4m" in coloured.stdout
    plain = CliRunner(env={"NO_COLOR": "1"}).invoke(main, ["compare", str(SAMPLE), str(OCTOBER)])
    assert "\x1b[" not in plain.stdout


def test_compare_exit_code_like_git_diff() -> None:
    assert CliRunner().invoke(main, ["compare", str(SAMPLE), str(OCTOBER)]).exit_code == 0
    assert CliRunner().invoke(main, ["compare", str(SAMPLE), str(OCTOBER), "--exit-code"]).exit_code == 1
    assert CliRunner().invoke(main, ["compare", str(SAMPLE), str(SAMPLE), "--exit-code"]).exit_code == 0


def test_compare_writes_the_format_its_output_file_asks_for(tmp_path: Path) -> None:
    folder = tmp_path
    checks: list[tuple[str, Callable[[str], object]]] = [
        ("r.json", lambda t: json.loads(t)["pairs"]),
        ("r.html", lambda t: t.startswith("<!DOCTYPE html>")),
        ("r.txt", lambda t: t.startswith("Oud ")),
    ]
    for name, check in checks:
        result = CliRunner().invoke(main, ["compare", str(SAMPLE), str(OCTOBER), "-o", str(folder / name)])
        assert result.exit_code == 0 and result.stdout == ""
        assert check((folder / name).read_text(encoding="utf-8"))
    assert sorted(p.name for p in folder.iterdir()) == ["r.html", "r.json", "r.txt"]  # no temporary files left
    plain = folder / "plain.txt"
    plain.write_text("", encoding="utf-8")
    assert (folder / "r.html").stat().st_mode & 0o777 == plain.stat().st_mode & 0o777  # readable like any file


def test_compare_pins_from_options_and_a_file(tmp_path: object) -> None:
    from pathlib import Path

    pairings = Path(str(tmp_path)) / "pairings.txt"
    pairings.write_text("forbid Werksessie II: Stappen = Terugkeerverordening\n", encoding="utf-8")
    args = ["compare", str(SAMPLE), str(OCTOBER), "--format", "json"]
    forbidden = json.loads(CliRunner().invoke(main, [*args, "--pairings", str(pairings)]).stdout)
    assert {"old": None, "new": "item:terugkeerverordening"}.items() <= next(
        p for p in forbidden["pairs"] if p["new"] == "item:terugkeerverordening"
    ).items()
    pinned = json.loads(CliRunner().invoke(main, [*args, "--pin", "Kinderrechten=Terugkeerverordening"]).stdout)
    pair = next(p for p in pinned["pairs"] if p["new"] == "item:terugkeerverordening")
    assert pair["old"] == "item:werklunch-bescherming-van-kinderrechten" and pair["reasons"] == ["pinned"]


def test_compare_bad_input_is_one_line_and_exit_2(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    bad = folder / "bad.txt"
    bad.write_text("pair a b\n", encoding="utf-8")
    cases = [
        (["compare", str(SAMPLE), str(folder / "missing.txt")], "missing.txt: no such file"),
        (["compare", str(SAMPLE), str(OCTOBER), "--pairings", str(bad)], "bad.txt: line 1: expected"),
        (["compare", str(SAMPLE), str(OCTOBER), "--pin", "nothing-like-this=x"], "no section of the old letter"),
        (["compare", str(SAMPLE), str(OCTOBER), "-o", str(folder / "no" / "dir.html")], "cannot write the report"),
        (["compare", str(SAMPLE), str(OCTOBER), "--lexicon", str(bad)], "bad.txt: not a positions lexicon"),
        (["compare", str(SAMPLE), str(OCTOBER), "--lexicon", str(folder / "none.toml")], "none.toml: no such file"),
    ]
    for args, message in cases:
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["bad.txt"]


def _crash(*args: object, **kwargs: object) -> None:
    raise RuntimeError("a bug in agendadiff\nsecond line")


def test_an_internal_error_is_one_line_and_exit_3_never_differences(monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash must never read as "differences" (exit 1) under --exit-code."""
    monkeypatch.setattr("agendadiff.compare_letters", _crash)
    monkeypatch.delenv("AGENDADIFF_DEBUG", raising=False)
    result = CliRunner().invoke(main, ["compare", str(SAMPLE), str(OCTOBER), "--exit-code"])
    assert result.exit_code == 3
    assert result.output.strip().splitlines() == [
        "agendadiff: internal error (RuntimeError: a bug in agendadiff); "
        "run again with --debug for the traceback, and please report it"
    ]
    assert "Traceback" not in result.output


def test_debug_shows_the_traceback_of_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("agendadiff.compare_letters", _crash)
    for arguments, environment in ((["--debug"], {}), ([], {"AGENDADIFF_DEBUG": "1"})):
        result = CliRunner(env=environment).invoke(main, [*arguments, "compare", str(SAMPLE), str(OCTOBER)])
        assert isinstance(result.exception, RuntimeError), arguments


def test_ctrl_c_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("agendadiff.read_letter", interrupted)
    result = CliRunner().invoke(main, ["sections", str(SAMPLE)])
    assert (result.exit_code, result.output.strip()) == (130, "agendadiff: interrupted")


def test_escape_sequences_and_bidi_controls_in_a_letter_never_reach_the_terminal(tmp_path: Path) -> None:
    """A title with a colour, a window title, a hyperlink and a right-to-left override is shown as its words."""
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "Kopgroep Dublin",
        "Kopgroep \x1b[31mDublin\x1b[0m\x1b]0;pwned\x07 \x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\ \u202enilbuD\u202c",
        1,
    )
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(text, encoding="utf-8")
    for arguments in (["sections", str(hostile)], ["compare", str(SAMPLE), str(hostile)]):
        result = CliRunner().invoke(main, arguments)
        assert result.exit_code == 0, result.output
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", result.output), arguments
        assert "Kopgroep Dublin link nilbuD" in result.output, arguments


def test_a_letter_larger_than_any_of_the_genre_is_refused_in_one_line(tmp_path: Path) -> None:
    from agendadiff.pipeline import MAX_SECTION_WORDS, MAX_SECTIONS

    long = tmp_path / "long.txt"
    long.write_text(
        "Den Haag, 10 juli 2025\n\nKopgroep Dublin\n\n" + "Het kabinet steunt dit. " * (MAX_SECTION_WORDS // 4 + 1)
    )
    many = tmp_path / "many.txt"
    topics = "\n\n".join(f"Onderwerp {k}\n\nHet kabinet steunt voorstel {k}." for k in range(MAX_SECTIONS + 1))
    many.write_text(f"Den Haag, 10 juli 2025\n\nHierbij bieden wij uw Kamer de agenda aan.\n\n{topics}\n")
    for path, problem in ((long, "section 'Kopgroep Dublin' has 10,00"), (many, "sections, more than the 1,000")):
        for args in (["sections", str(path)], ["compare", str(path), str(path)]):
            result = CliRunner().invoke(main, args)
            assert result.exit_code == 2, result.output
            assert result.output.startswith(f"agendadiff: {path}: ") and problem in result.output
            assert len(result.output.strip().splitlines()) == 1


# -- Conventions: `-` is standard input, `-o -` standard output; -o never replaces a letter ---------------

NOVEMBER = ROOT / "samples" / "jbz-2025-11-27-constructed.txt"
VERSLAG = ROOT / "samples" / "verslagen" / "jbz-verslag-2025-10-24-constructed.txt"


@pytest.mark.parametrize(
    ("args", "stdin_file"),
    [
        (["sections", "-", "--format", "json"], SAMPLE),
        (["compare", "-", str(OCTOBER), "--format", "json"], SAMPLE),
        (["compare", str(SAMPLE), "-", "--format", "json"], OCTOBER),
        (["timeline", str(SAMPLE), "-", str(NOVEMBER), "--format", "json"], OCTOBER),
        (["outcome", str(OCTOBER), "-", "--format", "json"], VERSLAG),
        (["commitments", str(SAMPLE), "-", "--format", "json"], OCTOBER),
    ],
)
def test_a_dash_reads_the_letter_from_standard_input(args: list[str], stdin_file: Path) -> None:
    from_stdin = CliRunner().invoke(main, args, input=stdin_file.read_bytes())
    assert from_stdin.exit_code == 0, from_stdin.output
    from_file = CliRunner().invoke(main, [str(stdin_file) if a == "-" else a for a in args])
    assert from_file.exit_code == 0, from_file.output
    # the same result, but for the name the letter goes by
    assert from_stdin.stdout.replace("<stdin>", str(stdin_file)) == from_file.stdout
    assert "<stdin>" in from_stdin.stdout


def test_standard_input_stands_for_one_letter_only_and_is_not_archived(tmp_path: Path) -> None:
    twice = CliRunner().invoke(main, ["compare", "-", "-"], input=SAMPLE.read_bytes())
    assert twice.exit_code == 2 and "standard input (-) can stand for one letter only" in twice.output
    archived = CliRunner().invoke(main, ["archive", "add", "-", "--archive", str(tmp_path)], input=b"x")
    assert archived.exit_code == 2 and "save standard input to a file first" in archived.output


def test_an_empty_standard_input_is_named_as_such() -> None:
    result = CliRunner().invoke(main, ["sections", "-"], input=b"")
    assert result.exit_code == 2 and result.stderr == "agendadiff: <stdin>: the file is empty\n"


@pytest.mark.parametrize(
    "args",
    [
        ["sections", str(SAMPLE), "--format", "json"],
        ["compare", str(SAMPLE), str(OCTOBER), "--format", "html"],
        ["timeline", str(SAMPLE), str(OCTOBER), "--format", "json"],
        ["outcome", str(OCTOBER), str(VERSLAG)],
        ["commitments", str(SAMPLE), str(OCTOBER), "--format", "json"],
    ],
)
def test_dash_o_dash_writes_to_standard_output(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    plain = CliRunner().invoke(main, args)
    dashed = CliRunner().invoke(main, [*args, "-o", "-"])
    assert dashed.exit_code == 0, dashed.output
    assert dashed.stdout == plain.stdout and dashed.stdout
    assert not (tmp_path / "-").exists()


def test_sections_writes_a_file_in_the_format_its_name_asks_for(tmp_path: Path) -> None:
    for name, check in (("letter.json", lambda t: json.loads(t)["date"] == "2025-07-10"),
                        ("letter.md", lambda t: t.startswith("# ")),
                        ("letter.txt", lambda t: "Date         2025-07-10" in t)):  # fmt: skip
        result = CliRunner().invoke(main, ["sections", str(SAMPLE), "-o", str(tmp_path / name)])
        assert result.exit_code == 0 and result.stdout == "", result.output
        assert check((tmp_path / name).read_text(encoding="utf-8")), name


@pytest.mark.parametrize("command", ["compare", "outcome", "timeline"])
def test_an_output_that_is_one_of_the_letters_is_refused(command: str, tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes(OCTOBER.read_bytes())
    new.write_bytes((VERSLAG if command == "outcome" else NOVEMBER).read_bytes())
    before = new.read_bytes()
    link = tmp_path / "link.txt"
    link.symlink_to(new)
    for target in (new, link):  # by its name, or by a link to it
        result = CliRunner().invoke(main, [command, str(old), str(new), "-o", str(target)])
        assert result.exit_code == 2, result.output
        assert (
            result.stderr
            == f"agendadiff: {target}: is one of the letters being read; write the report to another file\n"
        )
        assert new.read_bytes() == before and link.is_symlink()
    link.unlink()
    folder = CliRunner().invoke(main, ["timeline", str(tmp_path), "-o", str(old)])  # a letter found in a folder
    assert folder.exit_code == 2 and "is one of the letters being read" in folder.stderr


def test_an_existing_report_keeps_its_permissions_and_a_link_is_written_through(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("old report\n", encoding="utf-8")
    report.chmod(0o600)
    result = CliRunner().invoke(main, ["compare", str(SAMPLE), str(OCTOBER), "-o", str(report)])
    assert result.exit_code == 0, result.output
    assert report.stat().st_mode & 0o777 == 0o600 and report.read_text(encoding="utf-8").startswith("Oud ")
    link = tmp_path / "latest.txt"
    link.symlink_to(report)
    result = CliRunner().invoke(main, ["compare", str(OCTOBER), str(NOVEMBER), "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and "2025-11-27" in report.read_text(encoding="utf-8")


def test_every_command_has_examples_and_its_exit_codes_in_its_help() -> None:
    def commands(group: click.Group, prefix: list[str]) -> list[list[str]]:
        found: list[list[str]] = []
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                found += commands(command, [*prefix, name])
            else:
                found.append([*prefix, name])
        return found

    listed = commands(main, [])
    assert ["archive", "update"] in listed and ["schema"] in listed
    for path in listed:
        result = CliRunner().invoke(main, [*path, "--help"])
        assert result.exit_code == 0
        assert re.search(r"^\s+Examples?:\n\s+agendadiff " + " ".join(path), result.stdout, re.M), path
        assert "Exit codes: 0 done; 1 the letters differ" in " ".join(result.stdout.split()), path


def test_a_link_that_leads_nowhere_is_not_called_missing(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    result = CliRunner().invoke(main, ["sections", str(loop)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"agendadiff: {loop}: a symbolic link that leads nowhere (its target is missing, or the links go round in a loop)\n"
    )


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(codec: str, tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode(codec))
    result = CliRunner().invoke(main, ["sections", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["date"] == "2025-07-10" and data["source"]["encoding"] == codec


def test_shell_completion_as_documented() -> None:
    script = subprocess.run(
        [sys.executable, "-m", "agendadiff"], env={**os.environ, "_AGENDADIFF_COMPLETE": "bash_source"},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert script.returncode == 0 and "complete -o nosort -F _agendadiff_completion agendadiff" in script.stdout
    words = subprocess.run(
        [sys.executable, "-m", "agendadiff"],
        env={**os.environ, "_AGENDADIFF_COMPLETE": "bash_complete", "COMP_WORDS": "agendadiff arc", "COMP_CWORD": "1"},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert "plain,archive" in words.stdout
    docs = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    assert "_AGENDADIFF_COMPLETE=bash_source agendadiff" in docs


def test_a_text_just_over_the_limit_says_by_how_much(tmp_path: Path) -> None:
    """5,000,000 bytes was "4 MB, more than the 4 MB a letter can be"."""
    path = tmp_path / "big.txt"
    path.write_text("Het kabinet steunt dit. " * 208_334, encoding="utf-8")
    result = CliRunner().invoke(main, ["sections", str(path)])
    assert result.exit_code == 2
    assert result.stderr == f"agendadiff: {path}: is 4.8 MB, more than the 4 MB a letter can be\n"


def test_a_report_of_a_letter_from_standard_input_links_to_no_file() -> None:
    result = CliRunner().invoke(main, ["compare", "-", str(OCTOBER), "--format", "html"], input=SAMPLE.read_bytes())
    assert result.exit_code == 0, result.output
    assert '<div class="src">Bron: &lt;stdin&gt;</div>' in result.stdout
    assert 'href=""' not in result.stdout
