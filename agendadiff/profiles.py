"""Profiles: tell how a letter's text was laid out, and rebuild page text into the form normalize reads.

A letter reaches agendadiff in many renderings: a PDF extraction (lines wrapped, page breaks, footnote
blocks at page bottoms), the text of the tweedekamer.nl page (indented continuation lines, or flat with
hard breaks and no blank lines), the tkconv preview of a .docx (a paragraph a line, Word list numbers
as "  1. "), the text copied from officielebekendmakingen.nl (a paragraph a line). Each profile says from
the text's own evidence whether it fits, and rewrites the lines into one form: a paragraph or heading a
line, blocks apart by a blank line, footnotes at the end. Normalize and segment then read every rendering
with the same rules; a new rendering is one new profile here.

Structured readers (XML, HTML, DOCX, PDF) name their rendering themselves.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from agendadiff.lang import dutch
from agendadiff.model import Document, Line, Rendering

_INDENT = 3  # page text indents continuation lines; a PDF extraction indents a line by a space at most
_LIST_ENTRY = re.compile(r"^ {1,3}(?P<number>\d{1,2})\.\s+(?P<title>\S.*)$")
_LIST_CONTINUATION = re.compile(r"^ {4,}\S")
_FOOTNOTE = re.compile(r"^(?P<number>\d{1,3})\s+(?P<text>\S.*)$")  # "1 Kamerstuk ...", never "1. Titel"
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
# tkconv's page around the preview, and the header its preview repeats on every page.
_PREVIEW_FURNITURE = re.compile(
    r"^\s*(?:Tweede Kamer der Staten-Generaal\s*\|.*|Vergaderjaar \d{4}\s*-\s*\d{4}\s*\|?)\s*$"
)


@dataclass(frozen=True)
class Features:
    """What the profiles go by, counted once over the text's lines."""

    lines: int
    nonblank: int
    blank_share: float  # of all lines between the first and the last line with text
    indented_share: float  # of lines with text, indented by _INDENT or more
    flush_share: float  # of lines with text, at column 0
    long_share: float  # of lines with text, longer than any wrapped line (a paragraph on one line)
    list_entries: int  # "  1. Title" lines: Word list items as a preview writes them
    trailing_space_share: float  # a PDF extraction ends its lines in a space


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    fits: Callable[[Features], list[str] | None]
    prepare: Callable[[Document, Rendering], Document]


def features(lines: Sequence[str]) -> Features:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return Features(len(lines), 0, 0.0, 0.0, 0.0, 0.0, 0, 0.0)
    span = lines[filled[0] : filled[-1] + 1]
    texts = [lines[i] for i in filled]
    indents = [len(t) - len(t.lstrip(" ")) for t in texts]
    return Features(
        lines=len(lines),
        nonblank=len(texts),
        blank_share=sum(1 for line in span if not line.strip()) / len(span),
        indented_share=sum(1 for n in indents if n >= _INDENT) / len(texts),
        flush_share=sum(1 for n in indents if n == 0) / len(texts),
        long_share=sum(1 for t in texts if len(t.strip()) > 130) / len(texts),
        list_entries=sum(1 for t in texts if _LIST_ENTRY.match(t)),
        trailing_space_share=sum(1 for t in texts if t.endswith(" ")) / len(texts),
    )


# -- the profiles' evidence -----------------------------------------------------------------------


def _fits_docx_preview(f: Features) -> list[str] | None:
    if f.list_entries >= 2 and f.blank_share >= 0.25 and f.indented_share < 0.2:
        return [
            f"{f.list_entries} Word list entries written as '  1. '",
            f"paragraphs apart by blank lines ({f.blank_share:.0%} of lines blank)",
        ]
    return None


def _fits_indented_page(f: Features) -> list[str] | None:
    if f.nonblank >= 8 and f.indented_share >= 0.2 and f.flush_share >= 0.1:
        return [
            f"{f.indented_share:.0%} of lines indented {_INDENT} or more spaces (continuation lines)",
            f"{f.flush_share:.0%} at column 0 (first lines of paragraphs and headings)",
        ]
    return None


def _fits_flat_page(f: Features) -> list[str] | None:
    if f.nonblank >= 20 and f.blank_share < 0.03 and f.indented_share < 0.05:
        return [f"no blank lines between paragraphs ({f.blank_share:.0%} blank)", "hard line breaks, no indentation"]
    return None


def _fits_paragraph_lines(f: Features) -> list[str] | None:
    if f.long_share >= 0.15 and f.blank_share >= 0.25:
        return [
            f"{f.long_share:.0%} of lines hold a whole paragraph (no wrapping)",
            f"paragraphs apart by blank lines ({f.blank_share:.0%} of lines blank)",
        ]
    return None


def _fits_anything(f: Features) -> list[str]:
    reasons = ["wrapped lines with blank lines between paragraphs"]
    if f.trailing_space_share >= 0.3:
        reasons.append(f"{f.trailing_space_share:.0%} of lines end in a space, as an extraction leaves them")
    return reasons


# -- rebuilding page text ---------------------------------------------------------------------------


@dataclass
class _Unit:
    """A paragraph, heading or footnote being rebuilt from its lines."""

    first: int  # index of its first line
    texts: list[str]

    def text(self) -> str:
        from agendadiff.normalize import join_lines

        return join_lines([Line(0, text) for text in self.texts])[0]


def _rebuilt(document: Document, units: Sequence[_Unit], rendering: Rendering) -> Document:
    """The units as lines: body units apart by blank lines, then the footnotes at the end."""
    body, notes = _footnotes_apart(units)
    lines: list[str] = []
    origins: list[int] = []
    for unit in body:
        if lines:
            lines.append("")
            origins.append(document.line_number(unit.first))
        lines.append(unit.text())
        origins.append(document.line_number(unit.first))
    if notes:
        lines += ["", ""]
        origins += [origins[-1] if origins else 1] * 2
        for unit in notes:
            # A web address printed apart from its footnote's text stays apart: it is the note's link.
            texts = [text for text in unit.texts if not dutch.URL.fullmatch(text)]
            addresses = [text for text in unit.texts if dutch.URL.fullmatch(text)]
            lines += [_Unit(unit.first, texts).text(), *addresses]
            origins += [document.line_number(unit.first)] * (1 + len(addresses))
    return Document(document.source, tuple(lines), rendering, tuple(origins))


def _footnotes_apart(units: Sequence[_Unit]) -> tuple[list[_Unit], list[_Unit]]:
    """Footnotes stand at the end of page text, numbered 1, 2, 3 in a run: take that run off the body.

    A run counts only when its first number is 1 and each next unit has the next number, so that a
    numbered list in the body is never taken for footnotes.
    """
    units = _addresses_attached(units)
    numbers = [_footnote_number(unit) for unit in units]
    end = len(units)
    start = end
    expected = None
    for k in range(end - 1, -1, -1):
        number = numbers[k]
        if number is None:
            break
        if expected is not None and number != expected:
            break
        start, expected = k, number - 1
        if number == 1:
            return list(units[:start]), list(units[start:])
    return list(units), []


def _addresses_attached(units: Sequence[_Unit]) -> list[_Unit]:
    """A unit that is only a web address goes with the footnote before it."""
    out: list[_Unit] = []
    for unit in units:
        if out and all(dutch.URL.fullmatch(text) for text in unit.texts) and _footnote_number(out[-1]) is not None:
            out[-1] = _Unit(out[-1].first, out[-1].texts + unit.texts)
        else:
            out.append(unit)
    return out


def _footnote_number(unit: _Unit) -> int | None:
    match = _FOOTNOTE.match(unit.texts[0].strip())
    return int(match.group("number")) if match else None


def _prepare_indented(document: Document, rendering: Rendering) -> Document:
    """Indented page text: a line at column 0 starts a paragraph or heading, an indented line goes on."""
    units: list[_Unit] = []
    current: _Unit | None = None
    for i, raw in enumerate(document.lines):
        if not raw.strip():
            current = None
            continue
        # A title wrapped without indentation still visibly goes on ("... ontheemden uit" / "Oekraïne").
        goes_on = (
            current is not None
            and not _structural(raw)
            and not (_FOOTNOTE.match(raw) and _FOOTNOTE.match(current.texts[0]))  # the next footnote
            and (dutch.ends_mid_phrase(current.texts[-1]) or raw[:1].islower())
        )
        if current is None or (not raw.startswith(" ") and not goes_on):
            current = _Unit(i, [])
            units.append(current)
        current.texts.append(raw.strip())
    return _rebuilt(document, units, rendering)


def _prepare_docx_preview(document: Document, rendering: Rendering) -> Document:
    """A .docx preview: a paragraph a line; Word lists as '  1. ' for parts and items alike, a decision
    line indented under its item. A list entry followed straight by an entry numbered 1 is a part."""
    units: list[_Unit] = []
    entries: list[tuple[int, re.Match[str]]] = []  # (unit index, match)
    for i, raw in enumerate(document.lines):
        if not raw.strip() or _PREVIEW_FURNITURE.match(raw):
            continue
        if (entry := _LIST_ENTRY.match(raw)) is not None:
            entries.append((len(units), entry))
        units.append(_Unit(i, [raw.strip()]))
    part_count = 0
    numbered = dict(entries)
    for k, entry in entries:
        follower = numbered.get(k + 1)
        title = entry.group("title")
        if follower is not None and follower.group("number") == "1" and part_count < len(_ROMAN):
            units[k].texts = [f"{_ROMAN[part_count]}. {title}"]
            part_count += 1
        else:
            units[k].texts = [f"{entry.group('number')}. {title}"]
    return _rebuilt(document, units, rendering)


def _prepare_flat(document: Document, rendering: Rendering) -> Document:
    """Flat page text: no blank lines, no indentation, hard breaks. A paragraph ends where a line ends a
    sentence before the next line's first word had to wrap; a heading is a short run of lines without a
    sentence, ended early, above a line that starts one; structural lines stand on their own."""
    texts = [line.strip() for line in document.lines]
    filled = [i for i, text in enumerate(texts) if text and not _PREVIEW_FURNITURE.match(document.lines[i])]
    widths = _typical_widths([texts[i] for i in filled])
    kept = [texts[i] for i in filled]
    breaks = _flat_breaks(kept, widths)
    units: list[_Unit] = []
    for k, i in enumerate(filled):
        if k == 0 or breaks[k - 1]:
            units.append(_Unit(i, []))
        units[-1].texts.append(texts[i])
    return _rebuilt(document, units, rendering)


@dataclass(frozen=True)
class _Widths:
    """Where lines were broken. `usual` is a high share of the lines a sentence runs on from; `short` a low
    one: a web page wraps proportional type, so its lines run from well under the width to over it, and
    only a line shorter than nearly all wrapped lines surely ended before it had to."""

    usual: int
    short: int


def _typical_widths(texts: Sequence[str]) -> _Widths:
    wrapped = [len(a) for a, b in itertools.pairwise(texts) if b[:1].islower()]
    if len(wrapped) < 5:
        longest = max((len(t) for t in texts), default=80)
        return _Widths(longest, longest)
    middle = sorted(wrapped)[len(wrapped) // 2]
    usual = sorted(n for n in wrapped if n <= 1.3 * middle)  # never-wrapped lines (a whole paragraph) left out
    return _Widths(usual[int(0.9 * (len(usual) - 1))], usual[int(0.1 * (len(usual) - 1))])


def _flat_breaks(texts: Sequence[str], widths: _Widths) -> list[bool]:
    """For each line, whether a unit (paragraph, heading, title, one-line field) ends after it."""
    count = len(texts)
    breaks = [False] * count
    note_zone = _footnote_zone(texts)

    def early(k: int, width: int = widths.usual) -> bool:
        return k + 1 >= count or len(texts[k]) + 1 + len(dutch.first_word(texts[k + 1])) <= width

    def closes(k: int) -> bool:
        return dutch.ends_sentence(_TRAILING_MARKER.sub("", texts[k]))

    def title_end(k: int, heading: bool) -> int | None:
        """The last line of a title starting at k: the first line ended early that does not visibly go on.
        A cover-letter heading is short, holds no sentence and has a capitalized line after it."""
        words = 0
        for last in range(k, min(k + _MAX_TITLE_LINES, count)):
            words += len(texts[last].split())
            if heading and (words > 20 or dutch.has_sentence(texts[last])):
                return None
            after = texts[last + 1] if last + 1 < count else ""
            # Ended early, or above a line that plainly opens a sentence ("Voorafgaand aan ...").
            opens = after[:1].isupper() and dutch.first_word(after).lower() in dutch.SENTENCE_OPENERS
            # A line that is a title of its own (a part under the agenda's title, a decision line) ends it.
            structural_after = bool(
                _structural(after)
                or dutch.DECISION.match(after)
                or dutch.SUBHEADING.match(after)
                or (not heading and dutch.FORMAL_TITLE.match(after))
            )
            # A heading must have ended well before the width: a paragraph's line can be short on a web page.
            ended = early(last, widths.short if heading else widths.usual)
            if (ended or opens or structural_after) and not dutch.ends_mid_phrase(texts[last]):
                starts_text = after[:1].isupper() or bool(dutch.DECISION.match(after) or dutch.ITEM.match(after))
                return last if starts_text or not heading else None
        return None

    k = 0
    while k < count:
        text = texts[k]
        # A unit may start here when the line before ended one: a sentence, or a line ended early
        # that does not visibly go on (a signatory's name above the agenda's title).
        after_unit = (
            k == 0 or breaks[k - 1] or closes(k - 1) or (early(k - 1) and not dutch.ends_mid_phrase(texts[k - 1]))
        )
        if k >= note_zone:
            if k > note_zone and _FOOTNOTE.match(text):
                breaks[k - 1] = True
        elif _one_line(text) or (dutch.DECISION.match(text) and k and breaks[k - 1]):
            breaks[k] = True
            if k:
                breaks[k - 1] = True
        elif dutch.SIGNATURE_FUNCTION.match(text) or dutch.CLOSING.match(text):
            if k:
                breaks[k - 1] = True
        elif (
            dutch.ITEM.match(text)
            or dutch.PART.match(text)
            or dutch.AGENDA_TITLE.match(text)
            or (dutch.FORMAL_TITLE.match(text) and k and breaks[k - 1])  # under a decision line
        ):
            if after_unit and (last := title_end(k, heading=False)) is not None:
                if k:
                    breaks[k - 1] = True
                breaks[last] = True
                k = last + 1
                continue
        elif after_unit and text[:1].isupper() and (last := title_end(k, heading=True)) is not None:
            if k:
                breaks[k - 1] = True
            breaks[last] = True
            k = last + 1
            continue
        elif k + 1 < count and closes(k) and early(k) and not texts[k + 1][:1].islower():
            breaks[k] = True
        k += 1
    if note_zone:
        breaks[note_zone - 1] = True
    return breaks


_MAX_TITLE_LINES = 6
# A footnote marker glued after a full stop ("BNC-fiche.1") does not keep the sentence from ending.
_TRAILING_MARKER = re.compile(r"(?<=[.!?;:’”)])\d{1,3}$")


def _one_line(text: str) -> bool:
    """Lines that are a field of their own: the Kamerstuk header, the addressee, the date."""
    return bool(
        dutch.ADDRESSEE.match(text)
        or dutch.LETTER_DATE.match(text)
        or dutch.DOSSIER_HEADING.match(text)
        or dutch.NUMBER_HEADING.match(text)
    )


def _structural(text: str) -> bool:
    """A line that starts a unit of its own whatever the line before: a field, a title, a signature."""
    return _one_line(text) or bool(
        dutch.AGENDA_TITLE.match(text)
        or dutch.PART.match(text)
        or dutch.ITEM.match(text)
        or dutch.SIGNATURE_FUNCTION.match(text)
        or dutch.CLOSING.match(text)
    )


def _footnote_zone(texts: Sequence[str]) -> int:
    """Where the footnotes at the end of flat text begin: the last line '1 ...' after which the numbered
    lines run 2, 3, ... to the end; len(texts) when there are none."""
    for k in range(len(texts) - 1, -1, -1):
        match = _FOOTNOTE.match(texts[k])
        if not match or match.group("number") != "1":
            continue
        expected = 2
        for text in texts[k + 1 :]:
            number = _FOOTNOTE.match(text)
            if number and int(number.group("number")) == expected:
                expected += 1
        return k
    return len(texts)


def _as_is(document: Document, rendering: Rendering) -> Document:
    return Document(document.source, document.lines, rendering, document.origins)


PROFILES: tuple[Profile, ...] = (
    Profile("docx-preview", "the tkconv preview of a .docx", _fits_docx_preview, _prepare_docx_preview),
    Profile("page-indented", "tweedekamer.nl page text, indented", _fits_indented_page, _prepare_indented),
    Profile("page-flat", "tweedekamer.nl page text, flat", _fits_flat_page, _prepare_flat),
    Profile("paragraph-lines", "a paragraph a line (officielebekendmakingen text)", _fits_paragraph_lines, _as_is),
    Profile("pdf-text", "a PDF's text extraction", _fits_anything, _as_is),
)


def choose(document: Document) -> tuple[Profile, tuple[str, ...]]:
    """The first profile whose evidence the text shows (pdf-text fits anything), with that evidence."""
    found = features(document.lines)
    for profile in PROFILES:
        reasons = profile.fits(found)
        if reasons is not None:
            return profile, tuple(reasons)
    raise AssertionError("the last profile fits any text")


def prepare(document: Document) -> Document:
    """The document in the form normalize reads, its rendering named (kept when its reader named it)."""
    if document.rendering is not None:
        return document
    profile, reasons = choose(document)
    return profile.prepare(document, Rendering(profile.name, profile.label, reasons))
