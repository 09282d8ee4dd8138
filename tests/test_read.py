"""Reading text files: encodings, repairs, and one clear line for every bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from click.testing import CliRunner

from agendadiff.cli import main
from agendadiff.errors import InputError
from agendadiff.readers import read_document
from tests.conftest import SAMPLE
from tests.helpers import excerpt

TEXT = excerpt(5, 36)  # with "Ministeriële" and an en dash, so that the encodings differ


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1252", "utf-16 with BOM", "CRLF"],
)
def test_encodings_give_the_same_lines(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes(encoded)
    document = read_document(path)
    assert document.lines == tuple(TEXT.split("\n"))
    assert document.source.encoding == encoding


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("versterking van geÃ¯ntegreerde kinderbeschermingssystemen â€“ en coÃ¶rdinatie", encoding="utf-8")
    document = read_document(path)
    assert document.lines == ("versterking van geïntegreerde kinderbeschermingssystemen – en coördinatie",)
    assert document.source.repairs == ("mojibake",)


def test_correct_text_is_left_alone(tmp_path: Path) -> None:
    document = read_document(SAMPLE)
    assert document.source.repairs == ()
    assert "Ministeriële bijeenkomst – Europese Havenalliantie  " in document.lines


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\n \n", encoding="utf-8")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    undecodable = tmp_path / "odd.txt"
    undecodable.write_bytes(b"Den Haag, 10 juli 2025 " + b"\x81\x8d\xff\xfe")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    folder = tmp_path / "folder"
    folder.mkdir()
    return {
        "missing": (tmp_path / "nope.txt", "no such file"),
        "empty": (empty, "the file is empty"),
        "whitespace only": (blank, "holds no text"),
        "binary": (binary, "looks like a binary file"),
        "undecodable": (undecodable, "neither UTF-8 nor Windows-1252"),
        "too large": (huge, "more than the 4 MB"),
        "a folder": (folder, "not a regular file"),
    }


@pytest.mark.parametrize(
    "case", ["missing", "empty", "whitespace only", "binary", "undecodable", "too large", "a folder"]
)
def test_bad_input_gets_one_clear_line_and_exit_code_2(tmp_path: Path, case: str) -> None:
    path, problem = _bad_inputs(tmp_path)[case]
    with pytest.raises(InputError):
        read_document(path)
    result = CliRunner().invoke(main, ["sections", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"agendadiff: {path}: ") and problem in lines[0]
    assert "Traceback" not in result.output
