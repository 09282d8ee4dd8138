"""Read a letter's PDF with pdfium (pypdfium2): its characters with their size, weight and place.

The PDF is turned into the text a careful extraction gives, which the normalizer already reads: a form
feed before each page; body lines in reading order; a blank line where the space between lines says a
paragraph ends or a bold heading starts; superscript digits (smaller and raised) glued to the word before
them as footnote markers; the page's footnotes (set smaller than the body) after its body lines; page
numbers (a number below the text, or "Pagina 3 van 8") and small type above the text (a running header,
the letterhead's column) left out. Other headers and footers repeated on every page are left to the
normalizer, which takes them out of any text.
"""

from __future__ import annotations

import ctypes
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any, NamedTuple

from agendadiff.errors import InputError
from agendadiff.model import Document, Rendering, Source

ENCRYPTED = "is an encrypted PDF that needs a password; give an unencrypted copy"
DAMAGED = "is a damaged PDF ({reason})"
NO_TEXT = "is a PDF without text (a scan?); agendadiff needs the text: use a PDF with a text layer, or OCR it first"
MAX_PAGES = 500
_PAGE_NUMBER = re.compile(r"^(?:pagina\s+|page\s+)?\d{1,3}(?:\s*(?:van|of|/)\s*\d{1,3})?$", re.IGNORECASE)


@dataclass
class _Char:
    text: str
    x: float  # left edge of the glyph's advance
    right: float
    y: float  # baseline
    size: float
    bold: bool


@dataclass
class _Line:
    y: float  # baseline
    size: float
    bold: bool
    text: str
    right: float  # where the line ends
    first_word: float  # how wide its first word is: would it have fitted on the line before?


def read_pdf(data: bytes, name: str) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise InputError(name, ENCRYPTED) from None
        reason = str(error).rsplit(":", 1)[-1].strip(" .)").lower() or "pdfium cannot open it"
        raise InputError(name, DAMAGED.format(reason=reason)) from None
    try:
        if len(pdf) > MAX_PAGES:
            raise InputError(name, f"is a PDF of {len(pdf)} pages, more than a letter can be")
        pages = [_page_chars(pdf[k]) for k in range(len(pdf))]
    finally:
        pdf.close()
    if not any(pages):
        raise InputError(name, NO_TEXT)
    body = _commonest(c.size for page in pages for c in page)
    split = [_without_column(chars, body) for chars in pages]
    pages = [chars for chars, _ in split]
    page_lines = [_lines(chars, body) for chars in pages]
    # The right edge of the text block: a line that ends well before it, with room for the next line's
    # first word, was ended there (a heading, a paragraph's last line); one that reaches it was wrapped.
    right_edge = max((line.right for lines in page_lines for line in lines if line.size >= 0.9 * body), default=0.0)
    # The letterhead's date comes first, as the letterhead does, straight above the addressee where the
    # segmenter looks for it. The column on later pages only repeats it.
    out = _column_text(_lines(split[0][1], body)) if split[0][1] else []
    for lines in page_lines:
        out += _page_text(lines, body, right_edge)
    text = "\n".join(out)
    source = Source(path=name, sha256=hashlib.sha256(data).hexdigest(), encoding="pdf")
    rendering = Rendering("pdf", "a PDF", ("read by its characters: sizes, weights and positions",))
    return Document(source=source, lines=tuple(text.split("\n")), rendering=rendering)


def _page_chars(page: object) -> list[_Char]:
    import pypdfium2.raw as raw

    textpage = page.get_textpage()  # type: ignore[attr-defined]
    handle = textpage.raw
    unicode, text_object, loose_box, origin = _calls()
    chars = []
    box = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    box_at, x_at, y_at = ctypes.addressof(box), ctypes.addressof(x), ctypes.addressof(y)
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    page_handle = ctypes.cast(handle, ctypes.c_void_p).value
    # A character's size, weight and font are its text object's (pdfium reads all three from the object):
    # asked once per object, which pdfium names by address while the page is loaded, so the table is the
    # page's.
    styles: dict[int, tuple[float, bool]] = {}
    for index in range(textpage.count_chars()):
        code = unicode(page_handle, index)
        # Spaces and line ends, pdfium's own among them, are left out: spacing is measured below, from the
        # gaps; so are the other characters pdfium made up, the only ones that belong to no text object.
        text = chr(code)
        if code in (0x0D, 0x0A, 0xFFFE, 0xFFFF, 0) or text.isspace():
            continue
        owner = text_object(page_handle, index)
        if owner is None:
            continue
        if code == 0x02:
            text = "-"  # pdfium's mark for a hyphen that ends a line
        # The loose box spans the glyph's advance, so the gap to the next box is the real space between.
        loose_box(page_handle, index, box_at)
        origin(page_handle, index, x_at, y_at)
        style = styles.get(owner)
        if style is None:
            size = raw.FPDFText_GetFontSize(handle, index)
            weight = raw.FPDFText_GetFontWeight(handle, index)
            raw.FPDFText_GetFontInfo(handle, index, name, len(name), flags)
            font = name.value.decode("latin-1", "replace").lower()
            style = styles[owner] = size, weight >= 600 or "bold" in font or "black" in font or "heavy" in font
        chars.append(_Char(text, box.left, box.right, y.value, *style))
    textpage.close()
    return chars


class _Calls(NamedTuple):
    """The pdfium calls made for every character, through prototypes that take and return bare addresses
    and numbers: pypdfium2's own convert each argument, which costs as much as the call."""

    unicode: Callable[[int | None, int], int]
    text_object: Callable[[int | None, int], int | None]
    loose_box: Callable[[int | None, int, int], int]
    origin: Callable[[int | None, int, int, int], int]


@cache
def _calls() -> _Calls:
    import pypdfium2.raw as raw

    def bare(function: Any, result: type, *arguments: type) -> Any:
        address = ctypes.cast(function, ctypes.c_void_p).value
        assert address is not None
        return ctypes.CFUNCTYPE(result, *arguments)(address)

    pointer, number = ctypes.c_void_p, ctypes.c_int
    return _Calls(
        unicode=bare(raw.FPDFText_GetUnicode, ctypes.c_uint, pointer, number),
        text_object=bare(raw.FPDFText_GetTextObject, pointer, pointer, number),
        loose_box=bare(raw.FPDFText_GetLooseCharBox, number, pointer, number, pointer),
        origin=bare(raw.FPDFText_GetCharOrigin, number, pointer, number, pointer, pointer),
    )


def _without_column(chars: list[_Char], body: float) -> tuple[list[_Char], list[_Char]]:
    """A page's characters apart from the letterhead's column: lines of small type that start right of
    everything set in the body's size (a long footnote line reaching that far starts at the margin)."""
    text = [c for c in chars if c.size >= 0.9 * body]
    if not text:
        return chars, []
    edge = max(c.right for c in text) + 6
    small = [c for c in chars if c.size < 0.9 * body]
    starts_left = {round(c.y) for c in small if c.x <= edge}
    column = {id(c) for c in small if c.x > edge and round(c.y) not in starts_left}
    if not column:
        return chars, []
    return [c for c in chars if id(c) not in column], [c for c in chars if id(c) in column]


_COLUMN_LABEL = re.compile(r"^(?:Datum|Betreft|Onderwerp|Ons kenmerk|Uw kenmerk|Onze referentie|Bijlage\(?n?\)?)$")


def _column_text(lines: list[_Line]) -> list[str]:
    """The column's date line: each label ("Datum", "Ons kenmerk") joined to the value on the line under it."""
    fields: list[str] = []
    texts = [line.text for line in lines]
    k = 0
    while k < len(texts):
        if _COLUMN_LABEL.match(texts[k]) and k + 1 < len(texts) and not _COLUMN_LABEL.match(texts[k + 1]):
            fields.append(f"{texts[k]} {texts[k + 1]}")
            k += 2
        else:
            fields.append(texts[k])
            k += 1
    # Only the date is the letter's: the rest (address, reference, "Postbus 20301") is the template's,
    # and its numbers would read as footnote markers.
    dated = [field for field in fields if field.startswith("Datum ")]
    return [*dated[:1], " "] if dated else []


def _lines(chars: list[_Char], body: float) -> list[_Line]:
    """Characters into lines by baseline; a raised, smaller digit stays on its line as a glued marker."""
    lines: list[tuple[float, list[_Char]]] = []
    for char in chars:
        small_digit = char.text.isdigit() and char.size < 0.85 * body
        for y, members in reversed(lines[-2:]):
            if abs(char.y - y) <= 2.0 or (small_digit and 0 < char.y - y <= 0.6 * body):
                members.append(char)
                break
        else:
            lines.append((char.y, [char]))
    out = []
    for _, members in lines:
        members.sort(key=lambda c: c.x)
        visible = members
        size = _commonest(c.size for c in visible)
        baseline = _commonest(c.y for c in visible)
        markers = {id(c) for c in visible if c.text.isdigit() and c.size < 0.85 * size and c.y > baseline + 1}
        pieces: list[str] = []
        previous: _Char | None = None
        for char in members:
            # A gap wider than a fifth of the type size is a space; a marker is glued whatever the gap.
            if previous is not None and id(char) not in markers and char.x - previous.right > 0.2 * size:
                pieces.append(" ")
            pieces.append(char.text)
            previous = char
        bold = all(c.bold for c in visible if id(c) not in markers)
        text = " ".join("".join(pieces).split())
        first = members[0].x
        word_end = next((c.right for c, n in pairwise(members) if n.x - c.right > 0.2 * size), members[-1].right)
        out.append(_Line(baseline, size, bold, text, max(c.right for c in members), word_end - first))
    out.sort(key=lambda line: -line.y)
    return out


def _commonest(values: Iterable[float]) -> float:
    """The most common of `values` to one decimal, the first of those as common. The values are counted
    before they are rounded (a page repeats few sizes, a line few baselines), and the rounded ones in a
    plain dict: a Counter costs more to make than a line's counting."""
    rounded: dict[float, int] = {}
    for value, count in Counter(values).items():
        key = round(value, 1)
        rounded[key] = rounded.get(key, 0) + count
    return max(rounded, key=rounded.__getitem__)


def _page_text(lines: list[_Line], body: float, right_edge: float) -> list[str]:
    """One page as extracted text: a paragraph a line (wrapped lines joined, as only the PDF can tell them
    from lines that ended), blank lines between paragraphs, then the page's footnotes."""
    if not lines:
        return []
    # A page number ("3", "Pagina 3 van 8") under everything else is furniture.
    if len(lines) > 1 and _PAGE_NUMBER.match(lines[-1].text):
        lines = lines[:-1]
    text_lines = [line for line in lines if line.size >= 0.9 * body]
    if not text_lines:
        return []
    # Small type above the text is a running header or the letterhead's column; below it, the footnotes.
    notes = [line for line in lines if line.size < 0.9 * body and line.y < text_lines[0].y]
    gaps = [a.y - b.y for a, b in pairwise(text_lines) if a.y - b.y > 0]
    leading = Counter(round(g) for g in gaps).most_common(1)[0][0] if gaps else body * 1.4
    paragraphs: list[list[str]] = []  # the lines of each line out: one, or those wrapped into one
    previous: _Line | None = None
    for line in text_lines:
        heading = line.bold or line.size > 1.15 * body
        if previous is not None and (previous.y - line.y > 1.3 * leading or (heading and not previous.bold)):
            paragraphs.append([" "])
        elif previous is not None and previous.bold == line.bold and _wrapped(previous, line, right_edge):
            paragraphs[-1].append(line.text)
            previous = line
            continue
        paragraphs.append([line.text])
        previous = line
    out = [texts[0] if len(texts) == 1 else _joined(texts) for texts in paragraphs]
    if notes:
        out += ["", " "]
        out += [line.text for line in notes]
    # The form feed goes before the page's first line, as pdftotext puts it.
    return ["\f" + out[0], *out[1:]] if out else []


def _wrapped(previous: _Line, line: _Line, right_edge: float) -> bool:
    """Whether `line` goes on from `previous` because its first word did not fit there."""
    space = 0.28 * previous.size
    return previous.right + space + line.first_word > right_edge - 0.5


def _joined(texts: list[str]) -> str:
    """Wrapped lines as one, with the hyphen rules of the normalizer (`JBZ-` + `wetsvoorstellen`); all at
    once, as a paragraph joined line by line would be cleaned up again with every line."""
    from agendadiff.model import Line
    from agendadiff.normalize import join_lines

    return join_lines([Line(0, text) for text in texts])[0]
