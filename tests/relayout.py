"""Lay the real letter out again: other wrap width, other page breaks, other footnote numbers.

The annotations below were made by reading samples/jbz-2025-07-10.txt line by line; they do not
come from agendadiff, so the properties that use them test agendadiff against a human reading.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "jbz-2025-07-10.txt"

# Page breaks (with any footnote block at the page bottom), as 1-based inclusive line ranges.
# Those that cut a sentence are removed; those at a paragraph boundary leave a blank line.
PAGE_BREAKS_MID_SENTENCE = [(41, 47), (88, 99), (141, 151), (208, 223), (269, 275), (321, 327), (419, 432), (529, 535)]
PAGE_BREAKS_AT_BOUNDARY = [(156, 166), (372, 380), (471, 485)]
# Footnote blocks: number -> lines of its text (the last may be a URL line of its own).
FOOTNOTE_LINES = {
    1: (90, 91),
    2: (92, 92),
    3: (143, 144),
    4: (210, 211),
    5: (212, 212),
    6: (213, 217),
    7: (421, 424),
    8: (425, 425),
    9: (474, 476),
    10: (477, 477),
}
# Where each marker is glued, and the glued token.
MARKERS = {
    1: (49, "gedeeld1."),
    2: (72, "kabinetsappreciatie2"),
    3: (126, "Dijk3."),
    4: (185, "geïnformeerd.4"),
    5: (192, "benadrukt5."),
    6: (202, "20246"),
    7: (384, "geïnformeerd.7"),
    8: (409, "BNC-fiche.8"),
    9: (433, "verwerkingsactiviteiten.9"),
    10: (437, "nemen.10"),
}
# Lines kept as they are: the cut letterhead, addressee and date, signatures, agenda title, parts.
VERBATIM = {1, 2, 5, 6, 130, 131, 133, 134, 137, 138, 140, 152, 154, 155, 167, 169, 170, 173, 366}
# Headings and item titles, re-wrapped as titles: first line -> last line.
TITLES = {19: 19, 58: 58, 81: 81, 108: 108, 175: 180, 253: 255, 295: 297, 339: 343, 368: 371, 442: 444, 486: 486}
PAGE_BREAK = ["", "", "", " ", "", " ", ""]


@dataclass(frozen=True)
class Unit:
    """A piece of the letter in reading order: a paragraph, a title or a verbatim line."""

    kind: str  # "prose", "title", "verbatim", "blank"
    text: str
    notes: tuple[int, ...] = ()  # footnote numbers whose markers it holds


def units() -> list[Unit]:
    """The letter as units, with its layout undone by hand-made annotations."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    dropped = {n for a, b in PAGE_BREAKS_MID_SENTENCE + PAGE_BREAKS_AT_BOUNDARY for n in range(a, b + 1)}
    boundary_starts = {a for a, _ in PAGE_BREAKS_AT_BOUNDARY}
    marker_lines = {line: number for number, (line, _) in MARKERS.items()}
    result: list[Unit] = []
    prose: list[int] = []

    def flush() -> None:
        if prose:
            text = _join([lines[n - 1] for n in prose])
            notes = tuple(marker_lines[n] for n in prose if n in marker_lines)
            result.append(Unit("prose", text, notes))
            prose.clear()

    number = 1
    while number <= len(lines):
        raw = lines[number - 1]
        if number in boundary_starts:
            flush()
            result.append(Unit("blank", ""))
        if number in dropped:
            number += 1
            continue
        if number in TITLES:
            flush()
            last = TITLES[number]
            result.append(Unit("title", _join([lines[n - 1] for n in range(number, last + 1) if lines[n - 1].strip()])))
            number = last + 1
            continue
        if number in VERBATIM:
            flush()
            result.append(Unit("verbatim", raw.rstrip()))
        elif not raw.strip():
            flush()
            if result and result[-1].kind != "blank":
                result.append(Unit("blank", ""))
        else:
            prose.append(number)
        number += 1
    flush()
    return result


def footnotes() -> dict[int, list[str]]:
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    notes = {}
    for number, (first, last) in FOOTNOTE_LINES.items():
        text = [lines[n - 1].strip() for n in range(first, last + 1) if lines[n - 1].strip()]
        text[0] = re.sub(r"^\d+\s+", "", text[0])
        notes[number] = text
    return notes


def _join(lines: list[str]) -> str:
    text = ""
    for line in lines:
        piece = line.strip()
        if text.endswith("-") and not text.endswith(" -"):
            text += piece
        else:
            text = f"{text} {piece}" if text else piece
    return text


def relayout(width: int, breaks: list[int], shift: int, blank_in_titles: bool, pieces: list[Unit] | None = None) -> str:
    """The letter wrapped at `width`, with page breaks after the given line positions and
    footnotes renumbered from 1 + shift; each footnote block stands at the bottom of the page that
    holds its marker. `pieces` replaces the letter's own units (to lay out an edited letter)."""
    body: list[tuple[str, tuple[int, ...]]] = []
    for unit in units() if pieces is None else pieces:
        text = _renumber(unit.text, unit.notes, shift)
        if unit.kind == "prose":
            wrapped = textwrap.wrap(text, width, break_on_hyphens=True, break_long_words=False)
            # The marker's footnote goes with the line that holds it.
            for line in wrapped:
                found = tuple(n for n in unit.notes if _glued(n, shift) in line)
                body.append((line, found))
        elif unit.kind == "title":
            wrapped = textwrap.wrap(text, min(width, 60), break_on_hyphens=False, break_long_words=False)
            for index, line in enumerate(wrapped):
                body.append((line, ()))
                if blank_in_titles and index == 0 and len(wrapped) > 1 and text[0].isdigit():
                    body.append(("", ()))
        elif unit.kind == "verbatim":
            body.append((text, ()))
        else:
            body.append((" ", ()))
    notes = footnotes()
    out: list[str] = []
    pending: list[int] = []
    cuts = sorted(set(b for b in breaks if 0 < b < len(body)))
    for index, (line, found) in enumerate(body):
        if index in cuts:
            out.extend(_page_bottom(pending, notes, shift, width))
            pending = []
        out.append(line)
        pending.extend(found)
    out.extend(_page_bottom(pending, notes, shift, width))
    return "\n".join(out) + "\n"


KAMERSTUK_HEAD = [
    "32 317 JBZ-Raad",
    "Nr. 967 BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID EN DE MINISTERS",
    "VAN ASIEL EN MIGRATIE",
]


def hard_breaks(width: int, indent: int, head: list[str] | None = None) -> str:
    """The letter as the Tweede Kamer's site gives it: hard line breaks, no blank lines, wrapped lines
    indented, and the footnotes at the end. `head` replaces the cut letterhead."""
    lines: list[str] = list(head or [])
    for unit in units()[2 if head else 0 :]:
        if unit.kind == "prose":
            wrapped = textwrap.wrap(unit.text, width, break_on_hyphens=True, break_long_words=False)
            lines += [wrapped[0]] + [" " * indent + line for line in wrapped[1:]]
        elif unit.kind == "title":
            lines += textwrap.wrap(unit.text, width, break_on_hyphens=False, break_long_words=False)
        elif unit.kind == "verbatim":
            lines.append(unit.text)
    lines.append("")
    for number, text in footnotes().items():
        url = [text.pop()] if text[-1].startswith("http") else []
        lines += [f"{number} {' '.join(text)}", *url]
    return "\n".join(lines) + "\n"


def _page_bottom(numbers: list[int], notes: dict[int, list[str]], shift: int, width: int) -> list[str]:
    lines: list[str] = []
    if numbers:
        lines += ["", " "]
        for number in numbers:
            text, url = notes[number], None
            if text[-1].startswith("http"):
                text, url = text[:-1], text[-1]
            lines += textwrap.wrap(
                f"{number + shift} {' '.join(text)}", width + 12, break_long_words=False, break_on_hyphens=False
            )
            if url:
                lines += ["", url]
    return lines + PAGE_BREAK


def _glued(number: int, shift: int) -> str:
    """The end of the marker's word, renumbered: enough to find the line that holds it."""
    _, token = MARKERS[number]
    word = token[: token.rindex(str(number))].rsplit("-", 1)[-1]
    return word + str(number + shift)


def _renumber(text: str, notes: tuple[int, ...], shift: int) -> str:
    for number in notes:
        _, token = MARKERS[number]
        position = token.rindex(str(number))
        renumbered = token[:position] + str(number + shift) + token[position + len(str(number)) :]
        text = text.replace(token, renumbered, 1)
    return text
