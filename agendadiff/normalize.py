"""Normalize: undo the layout of a PDF extraction, so that layout never looks like content.

Takes a `Document` (raw lines) and returns a `Layout`: the body as blocks of lines with page
breaks, page furniture and footnote blocks taken out, sentences that a page break or a footnote
block cut rejoined, and footnote markers moved out of the text into references.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import pairwise

from agendadiff import profiles
from agendadiff.lang import dutch
from agendadiff.lang.typography import display, without_controls
from agendadiff.model import Document, Footnote, Layout, Line, NoteRef, Span

_FOOTNOTE_START = re.compile(r"^\s*(?P<number>\d{1,3})\s+(?P<text>\S.*)$")
# A footnote marker glued to a word ("gedeeld1", "Dijk3."), to a word's punctuation
# ("geïnformeerd.4") or to a year ("december 20246"). Which digits are a marker is decided
# against the footnotes that actually exist, in the order they are numbered.
_MARKER = re.compile(
    r"(?P<before>[^\W\d_]{2}|[^\W\d_][.,;:!?’”'\")\]]|(?<!\d)(?:19|20)\d\d)(?P<number>\d{1,3})(?=[\s.,;:!?’”'\")\]]|$)"
)
_MAX_FOOTNOTE_LINES = 40
_DEFAULT_WIDTH = 70
_CITATION_ABBREVIATIONS = (" nr.", " nrs.", " p.", " blz.", " art.", " no.", " vol.")
_PAGE_BREAK_RUN = 6  # this many blank lines in a row are a page break whatever they hold
# Suspended hyphens: "Asiel- en Migratiepact", "bron- en transitlanden", "beleids- als wetgevings...".
# Not "of": English compounds ("whole-of-society") break before it far more often than "in- of uitvoer".
_SUSPENDED_BEFORE = frozenset({"en", "tot", "noch", "als", "en/of"})


def normalize(document: Document) -> Layout:
    """The letter's body as blocks: its rendering told and rebuilt (profiles), page furniture, page breaks
    and footnote blocks taken out, cut sentences rejoined, footnote markers moved into references."""
    # Nothing from a letter may steer a terminal or turn a report's words around: out go escape sequences,
    # control characters and bidi controls, before any stage sees the text.
    document = profiles.prepare(replace(document, lines=tuple(map(without_controls, document.lines))))
    page_starts = {i for i, line in enumerate(document.lines) if line.startswith("\f")}
    # Keep lines as extracted: whether a blank line is empty or holds a space tells page
    # furniture from paragraph spacing.
    lines = [line.lstrip("\f") for line in document.lines]
    furniture = _furniture(lines)
    kinds = ["blank" if not line.strip() or i in furniture else "text" for i, line in enumerate(lines)]
    for i in furniture:
        kinds[i] = "furniture"
    footnotes = _take_footnotes(lines, kinds, page_starts, document.line_number)
    width = _wrap_width(lines, kinds)
    blocks = _blocks(lines, kinds, page_starts, document.line_number)
    return Layout(
        source=document.source,
        blocks=_strip_markers(blocks, {note.number for note in footnotes}),
        footnotes=tuple(footnotes),
        width=width,
        furniture=tuple(lines[i].strip() for i in sorted(furniture)),
        rendering=document.rendering,
    )


def join_lines(lines: Sequence[Line]) -> tuple[str, tuple[NoteRef, ...]]:
    """Join wrapped lines into one text for display, keeping the hyphens the letter has."""
    pieces: list[str] = []
    length = 0
    refs: list[NoteRef] = []
    for line in lines:
        piece = line.text.strip()
        if not piece:
            continue
        if pieces:
            joint = _joint(pieces[-1], piece)
            pieces.append(joint)
            length += len(joint)
        base = length - (len(line.text) - len(line.text.lstrip()))
        refs.extend(NoteRef(ref.number, base + ref.offset) for ref in line.refs)
        pieces.append(piece)
        length += len(piece)
    text = "".join(pieces)
    cleaned = display(text)
    if cleaned != text:  # display collapsed spaces: move each marker to its place in the cleaned text
        refs = [NoteRef(ref.number, len(display(text[: ref.offset]))) for ref in refs]
    return cleaned, tuple(refs)


def _joint(before: str, after: str) -> str:
    """What goes between two wrapped lines: a space, or nothing after a hyphenated word or range."""
    if before.endswith("-") and len(before) > 1 and not before[-2].isspace():
        if dutch.first_word(after).lower().rstrip(",") in _SUSPENDED_BEFORE:
            return " "  # "Asiel-" + "en Migratie": a suspended hyphen keeps its space
        return ""  # "JBZ-" + "wetsvoorstellen", "22-" + "23 juli"
    return " "


# --- page furniture ---------------------------------------------------------------------------


def _furniture(lines: Sequence[str]) -> set[int]:
    """Kamerstuk headers and footers, page numbers, and short lines repeated at page edges."""
    found = {i for i, line in enumerate(lines) if dutch.KAMERSTUK_HEADER.match(line)}
    keys = [_repeat_key(line) for line in lines]
    counts = Counter(key for key in keys if key)
    exact = Counter(line.strip() for line in lines)
    for i, line in enumerate(lines):
        if counts[keys[i]] < 3 or len(line.strip()) > 80:
            continue
        # "11 Idem." and "18 Idem." at two page bottoms are footnotes, not a footer with a page number.
        if _FOOTNOTE_OPENING.match(line) and exact[line.strip()] < 3:
            continue
        # Page furniture stands apart; a line glued under a line that is not furniture ("VI, nr. 87." under
        # a footnote cited on several pages) belongs to that line.
        if i and lines[i - 1].strip() and i - 1 not in found:
            continue
        wordy = sum(c.isalpha() for c in line) >= 4  # "87." or "2026." closing a wrapped line is no header
        if wordy and _at_page_edge(lines, i):
            found.add(i)
    return found


_FOOTNOTE_OPENING = re.compile(r"^\s*\d{1,3}\s+\w.{3,}")


def _repeat_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _at_page_edge(lines: Sequence[str], index: int) -> bool:
    window = lines[max(0, index - 3) : index + 4]
    return any(a == "" and b == "" for a, b in pairwise(window))


# --- footnote blocks --------------------------------------------------------------------------


def _is_page_break(lines: Sequence[str], kinds: Sequence[str], start: int, end: int, page_starts: set[int]) -> bool:
    """Whether the blank lines in [start, end) separate pages rather than paragraphs."""
    if end in page_starts or any(kinds[i] == "furniture" or kinds[i] == "note" for i in range(start, end)):
        return True
    if end - start >= _PAGE_BREAK_RUN:
        return True
    return any(lines[i] == "" and lines[i + 1] == "" for i in range(start, end - 1))


def _take_footnotes(
    lines: list[str], kinds: list[str], page_starts: set[int], number_of: Callable[[int], int]
) -> list[Footnote]:
    """Find footnote blocks at page bottoms, mark their lines as notes, and parse them."""
    footnotes: list[Footnote] = []
    body_since_last: list[str] = []
    i = 0
    while i < len(lines):
        if kinds[i] != "text":
            i += 1
            continue
        region = _footnote_region(lines, kinds, page_starts, i, footnotes, body_since_last)
        if region is None:
            body_since_last.append(lines[i])
            i += 1
            continue
        notes = _parse_footnotes(lines, kinds, i, region, number_of)
        for j in range(i, region):
            if kinds[j] == "text":
                kinds[j] = "note"
        footnotes.extend(notes)
        body_since_last = []
        i = region
    return footnotes


def _footnote_region(
    lines: Sequence[str],
    kinds: Sequence[str],
    page_starts: set[int],
    start: int,
    footnotes: Sequence[Footnote],
    body_before: Sequence[str],
) -> int | None:
    """The end (exclusive) of a footnote block starting at `start`, or None if none starts there."""
    match = _FOOTNOTE_START.match(lines[start])
    if not match or start == 0 or kinds[start - 1] == "text":
        return None
    number = int(match.group("number"))
    if footnotes and number != footnotes[-1].number + 1:
        return None
    # The body of this page must carry the marker, glued as markers are.
    if not any(m.group("number") == str(number) for text in body_before for m in _MARKER.finditer(text)):
        return None
    end = start
    while end < len(lines):
        if end > start and end in page_starts:
            break  # a form feed: the next page starts here, whatever the blank lines say
        if kinds[end] != "text":
            gap_end = end
            while gap_end < len(lines) and kinds[gap_end] != "text":
                gap_end += 1
            if gap_end == len(lines) or _is_page_break(lines, kinds, end, gap_end, page_starts):
                break
        end += 1
        if end - start > _MAX_FOOTNOTE_LINES:
            return None
    return end


def _parse_footnotes(
    lines: Sequence[str], kinds: Sequence[str], start: int, end: int, number_of: Callable[[int], int]
) -> list[Footnote]:
    entries: list[tuple[int, list[int]]] = []
    for i in range(start, end):
        if kinds[i] != "text":
            continue
        match = _FOOTNOTE_START.match(lines[i])
        expected = entries[-1][0] + 1 if entries else None
        # "..., European Ports Alliance," / "25 april 2025": a number after a cut phrase goes on.
        cut = bool(entries) and _cut_phrase(lines[entries[-1][1][-1]])
        if match and (expected is None or int(match.group("number")) == expected) and not cut:
            entries.append((int(match.group("number")), [i]))
        elif entries:
            entries[-1][1].append(i)
    return [_footnote(number, lines, indices, number_of) for number, indices in entries]


def _cut_phrase(line: str) -> bool:
    text = line.strip()
    # Not an open parenthesis: citations leave them open ("(COM(2024) 357 final, 25 juli 2024.").
    return dutch.ends_mid_phrase(text, open_parenthesis=False) or text.lower().endswith(_CITATION_ABBREVIATIONS)


def _footnote(number: int, lines: Sequence[str], indices: list[int], number_of: Callable[[int], int]) -> Footnote:
    url: str | None = None
    body: list[Line] = []
    for position, i in enumerate(indices):
        text = lines[i].strip()
        if position == 0:
            text = _FOOTNOTE_START.match(text).group("text")  # type: ignore[union-attr]
        if position > 0 and dutch.URL.fullmatch(text) and url is None:
            url = text  # a URL on a line of its own belongs to the footnote it follows
        else:
            body.append(Line(number_of(i), text))
    text, _ = join_lines(body)
    if url is None and (inline := dutch.URL.search(text)):
        url = inline.group(0).rstrip(".,;)")
        if not text[inline.end() :].strip():
            # A web address that ends the note is its link, as one printed on a line of its own is.
            text = text[: inline.start()].rstrip()
    return Footnote(number=number, text=text, url=url, span=Span(number_of(indices[0]), number_of(indices[-1])))


# --- blocks -----------------------------------------------------------------------------------


def _wrap_width(lines: Sequence[str], kinds: Sequence[str]) -> int:
    """The width body lines were wrapped at: the longest line that a sentence runs on from.

    Only lines followed by a lowercase continuation count, so that headings, addresses and
    signatures, which are set apart rather than wrapped, do not stretch the estimate.
    """
    wrapped = [
        len(line.strip())
        for i, line in enumerate(lines[:-1])
        if kinds[i] == "text"
        and kinds[i + 1] == "text"
        and lines[i + 1].strip()[:1].islower()
        and not dutch.URL.search(line)
    ]
    if len(wrapped) >= 5:
        return max(wrapped)
    widths = [
        len(line.strip())
        for line, kind in zip(lines, kinds, strict=True)
        if kind == "text" and not dutch.URL.search(line)
    ]
    return max(widths, default=_DEFAULT_WIDTH)


def _blocks(
    lines: Sequence[str], kinds: Sequence[str], page_starts: set[int], number_of: Callable[[int], int]
) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    previous: int | None = None
    for i, kind in enumerate(kinds):
        if kind != "text":
            continue
        if previous is None:
            blocks.append([])
        elif i - previous > 1 or i in page_starts:
            page_break = _is_page_break(lines, kinds, previous + 1, i, page_starts)
            if not (page_break and _continues(lines[previous], lines[i])):
                blocks.append([])
        blocks[-1].append(Line(number_of(i), lines[i].rstrip()))
        previous = i
    return blocks


def _continues(before: str, after: str) -> bool:
    """Whether text cut by a page break goes on in the same paragraph.

    After a finished sentence a capitalized line starts a new block: splitting a paragraph in
    two costs nothing downstream, gluing a heading into the paragraph above would lose it.
    """
    if _looks_structural(after):
        return False
    if not dutch.ends_sentence(before):
        return True
    return dutch.starts_lower(after)


def _looks_structural(line: str) -> bool:
    return bool(
        dutch.PART.match(line)
        or dutch.AGENDA_TITLE.match(line)
        or dutch.SIGNATURE_FUNCTION.match(line)
        or dutch.CLOSING.match(line)
        or dutch.ADDRESSEE.match(line)
        or dutch.LETTER_DATE.match(line)
    )


# --- footnote markers -------------------------------------------------------------------------


def _strip_markers(blocks: Iterable[list[Line]], numbers: set[int]) -> tuple[tuple[Line, ...], ...]:
    """Take footnote markers out of the body, in the order their footnotes are numbered."""
    last = min(numbers, default=1) - 1
    result = []
    for block in blocks:
        stripped_block = []
        for line in block:
            line, last = _strip_line(line, numbers, last)
            stripped_block.append(line)
        result.append(tuple(stripped_block))
    return tuple(result)


def _strip_line(line: Line, numbers: set[int], last: int) -> tuple[Line, int]:
    text = line.text
    refs: list[NoteRef] = []
    pieces: list[str] = []
    cursor = 0
    for match in _MARKER.finditer(text):
        number = int(match.group("number"))
        # Markers come in order; allow a few skipped ones (a marker the extraction lost).
        if number not in numbers or not last < number <= last + 3:
            continue
        pieces.append(text[cursor : match.start("number")])
        cursor = match.end("number")
        refs.append(NoteRef(number, sum(len(p) for p in pieces)))
        last = number
    if not refs:
        return line, last
    pieces.append(text[cursor:])
    return Line(line.number, "".join(pieces), tuple(refs)), last
