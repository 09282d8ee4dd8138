"""Read a letter or annotated agenda saved as a Word document (DOCX).

Word keeps what a reader sees apart from the text: the numbers of numbered paragraphs ("I.", "1.") are not
in the text but in the numbering definitions, footnotes live in their own part with a reference where the
marker stands, and headings are known by their style or by being bold. This reader puts them back: numbers
reconstructed from `numbering.xml` (format, start, restarts), footnote markers glued where their references
stand and the notes' text from `footnotes.xml`, headings from styles (Heading, Kop, Title, Subtitle) and bold
paragraphs, line breaks inside a paragraph (a signature) kept, and tables a row a line.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from agendadiff.errors import InputError
from agendadiff.model import Document
from agendadiff.readers.common import LetterText, document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NOT_A_ZIP = "is not a DOCX file (not a zip archive, or a damaged one)"
NOT_WORD = "is a zip archive, but not a Word document (no word/document.xml)"
TOO_BIG_INSIDE = "is a DOCX whose parts unpack to {size} MB, more than a letter can be; refusing it"
UNSAFE = "is a DOCX with entity declarations in its XML, which agendadiff does not expand; refusing it"
BROKEN = "is a DOCX with a damaged part ({part})"
MAX_UNPACKED = 20 * 1024 * 1024  # a letter's parts unpack to a few MB; more is a zip bomb, or minutes of work
MAX_RATIO = 200  # no honest XML part compresses better than this

_HEADING_STYLE = re.compile(r"^(?:heading|kop|title|titel)\s*\d*$", re.IGNORECASE)
_LINE_STYLE = re.compile(r"^(?:subtitle|ondertitel)$", re.IGNORECASE)


def read_docx(data: bytes, name: str) -> Document:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise InputError(name, NOT_A_ZIP) from None
    with archive:
        parts = {info.filename: info for info in archive.infolist()}
        if "word/document.xml" not in parts:
            raise InputError(name, NOT_WORD)
        unpacked = sum(info.file_size for info in parts.values())
        if unpacked > MAX_UNPACKED or any(
            info.compress_size and info.file_size / info.compress_size > MAX_RATIO for info in parts.values()
        ):
            raise InputError(name, TOO_BIG_INSIDE.format(size=unpacked // (1024 * 1024)))

        def part(path: str) -> Any:
            if path not in parts:
                return None
            return _parse(archive.read(path), name, path)

        body = part("word/document.xml")
        numbering = _Numbering(part("word/numbering.xml"))
        styles = _style_names(part("word/styles.xml"))
        footnotes = _footnotes(part("word/footnotes.xml"))
    out = LetterText()
    _Body(out, numbering, styles, footnotes).read(body)
    return document(out.text(), data, name, "utf-8", "docx")


def _parse(data: bytes, name: str, path: str) -> Any:
    from defusedxml import ElementTree, common

    try:
        return ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (common.EntitiesForbidden, common.ExternalReferenceForbidden, common.DTDForbidden):
        raise InputError(name, UNSAFE) from None
    except ElementTree.ParseError:
        raise InputError(name, BROKEN.format(part=path)) from None


def _style_names(root: Any) -> dict[str, str]:
    """Style id -> style name ("Kop1" -> "heading 1"): documents in Dutch Word use Dutch ids."""
    names: dict[str, str] = {}
    if root is None:
        return names
    for style in root.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId") or ""
        label = style.find(f"{W}name")
        names[style_id] = (label.get(f"{W}val") if label is not None else None) or style_id
    return names


def _footnotes(root: Any) -> dict[str, list[list[str]]]:
    """Footnote id -> its paragraphs, each a list of text pieces (the note's own number left out)."""
    notes: dict[str, list[list[str]]] = {}
    if root is None:
        return notes
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paragraphs = []
        for paragraph in note.iter(f"{W}p"):
            paragraphs.append([t.text or "" for t in paragraph.iter(f"{W}t")])
        notes[note.get(f"{W}id") or ""] = paragraphs
    return notes


@dataclass
class _Numbering:
    """The numbers Word shows before numbered paragraphs, from the numbering definitions."""

    root: Any
    levels: dict[tuple[str, int], tuple[str, str, int]] = field(default_factory=dict)  # (num, lvl) -> fmt, text, start
    counters: dict[tuple[str, int], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.root is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for definition in self.root.iter(f"{W}abstractNum"):
            levels = {}
            for level in definition.iter(f"{W}lvl"):
                levels[int(level.get(f"{W}ilvl") or 0)] = (
                    _val(level, "numFmt") or "decimal",
                    _val(level, "lvlText") or "%1.",
                    int(_val(level, "start") or 1),
                )
            abstract[definition.get(f"{W}abstractNumId") or ""] = levels
        for num in self.root.iter(f"{W}num"):
            num_id = num.get(f"{W}numId") or ""
            abstract_id = _val(num, "abstractNumId") or ""
            for ilvl, (fmt, text, start) in abstract.get(abstract_id, {}).items():
                self.levels[num_id, ilvl] = (fmt, text, start)
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl") or 0)
                restart = _val(override, "startOverride")
                if restart is not None and (num_id, ilvl) in self.levels:
                    fmt, text, _ = self.levels[num_id, ilvl]
                    self.levels[num_id, ilvl] = (fmt, text, int(restart))

    def label(self, num_id: str, ilvl: int) -> str:
        """The next number of this list at this level, as Word would show it ("II.", "3.")."""
        if (num_id, ilvl) not in self.levels or num_id == "0":
            return ""
        fmt, text, start = self.levels[num_id, ilvl]
        self.counters[num_id, ilvl] = self.counters.get((num_id, ilvl), start - 1) + 1
        for deeper in [key for key in self.counters if key[0] == num_id and key[1] > ilvl]:
            del self.counters[deeper]  # a higher level restarts the lower ones
        if fmt in ("bullet", "none"):
            return ""

        def number(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            value = self.counters.get((num_id, level), self.levels.get((num_id, level), ("", "", 1))[2])
            return _format(value, self.levels.get((num_id, level), (fmt, "", 1))[0])

        return re.sub(r"%(\d)", number, text)


def _val(element: Any, child: str) -> str | None:
    found = element.find(f"{W}{child}")
    return found.get(f"{W}val") if found is not None else None


def _format(value: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt == "upperLetter":
        return chr(ord("A") + (value - 1) % 26)
    if fmt == "lowerLetter":
        return chr(ord("a") + (value - 1) % 26)
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for amount, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while value >= amount:
            out += letters
            value -= amount
    return out


class _Body:
    def __init__(
        self, out: LetterText, numbering: _Numbering, styles: dict[str, str], notes: dict[str, list[list[str]]]
    ) -> None:
        self.out, self.numbering, self.styles, self.notes = out, numbering, styles, notes
        self.numbers: dict[str, int] = {}

    def read(self, root: Any) -> None:
        body = root.find(f"{W}body")
        for element in body if body is not None else root:
            if element.tag == f"{W}p":
                self.paragraph(element)
            elif element.tag == f"{W}tbl":
                for row in element.iter(f"{W}tr"):
                    cells = [" ".join(self.text(p) for p in cell.iter(f"{W}p")) for cell in row.iter(f"{W}tc")]
                    self.out.paragraph(" | ".join(c.strip() for c in cells if c.strip()))
            elif element.tag == f"{W}sdt":
                for paragraph in element.iter(f"{W}p"):
                    self.paragraph(paragraph)

    def paragraph(self, element: Any) -> None:
        properties = element.find(f"{W}pPr")
        style = ""
        label = ""
        if properties is not None:
            style_id = _val(properties, "pStyle") or ""
            style = self.styles.get(style_id, style_id)
            numbered = properties.find(f"{W}numPr")
            if numbered is not None:
                label = self.numbering.label(_val(numbered, "numId") or "", int(_val(numbered, "ilvl") or 0))
        text = self.text(element)
        if not text.strip():
            return
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        heading = f"{label} {lines[0]}".strip() if label else lines[0]
        if label or _HEADING_STYLE.match(style) or (self._bold(element) and len(lines) == 1):
            self.out.heading(heading, glued=not label and not style.lower().startswith(("title", "titel")))
        elif _LINE_STYLE.match(style):
            self.out.line(text)
        elif len(lines) > 1:
            self.out.blank()
            for line in lines:
                self.out.line(line)
            self.out.blank()
        else:
            self.out.paragraph(text)

    def text(self, paragraph: Any) -> str:
        """The paragraph's text; footnote references become glued markers, breaks become newlines."""
        parts: list[str] = []
        for node in paragraph.iter():
            if node.tag == f"{W}t":
                parts.append(node.text or "")
            elif node.tag == f"{W}tab":
                parts.append(" ")
            elif node.tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif node.tag == f"{W}footnoteReference":
                parts.append(str(self._note(node.get(f"{W}id") or "")))
        return "".join(parts)

    def _note(self, note_id: str) -> int:
        if note_id not in self.numbers:
            paragraphs = [" ".join("".join(p).split()) for p in self.notes.get(note_id, [])]
            paragraphs = [p for p in paragraphs if p]
            url = paragraphs.pop() if len(paragraphs) > 1 and re.fullmatch(r"https?://\S+", paragraphs[-1]) else None
            self.numbers[note_id] = self.out.note(" ".join(paragraphs), url)
        return self.numbers[note_id]

    def _bold(self, paragraph: Any) -> bool:
        """Whether every run with text in the paragraph is bold: a heading set in bold, not in a style."""
        runs = [r for r in paragraph.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
        return bool(runs) and all(_is_bold(run) for run in runs)


def _is_bold(run: Any) -> bool:
    properties = run.find(f"{W}rPr")
    bold = properties.find(f"{W}b") if properties is not None else None
    return bold is not None and bold.get(f"{W}val") not in ("0", "false")
