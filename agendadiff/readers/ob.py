"""Read a Kamerstuk as zoek.officielebekendmakingen.nl publishes it: its XML, or its HTML page.

Both are read by their markup: headings (`kop` with `nr` and `titel`, or the HTML's `stuktitel` and
`divisiekop` classes), paragraphs (`al`), footnotes (`noot`, with the marker where the note stands),
signatures (`ondertekening` with `functie` and `naam`), the dossier and document numbers. Markup this
reader does not know is read for its text, never refused. The result is the plain text of the letter,
which the later stages read as they read any text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from agendadiff.errors import InputError
from agendadiff.model import Document
from agendadiff.readers.common import LetterText, document

NOT_OB_XML = "is XML, but not an officielebekendmakingen publication (no officiele-publicatie root)"
UNSAFE_XML = "is XML with entity declarations, which agendadiff does not expand; refusing it"
BROKEN_XML = "is not well-formed XML ({reason})"
NOT_OB_HTML = (
    "is an HTML page without a letter on it (no paragraphs or headings of an officielebekendmakingen document)"
)

# Elements whose text is not part of the letter.
_SKIP = {"metadata", "meta", "kamerstukkop", "tekstregel", "noot.nr", "script", "style"}


def read_xml(data: bytes, name: str) -> Document:
    from defusedxml import ElementTree, common

    try:
        root = ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (common.EntitiesForbidden, common.ExternalReferenceForbidden, common.DTDForbidden):
        raise InputError(name, UNSAFE_XML) from None
    except ElementTree.ParseError as error:
        raise InputError(name, BROKEN_XML.format(reason=str(error).split(":")[0])) from None
    if _local(root.tag) != "officiele-publicatie":
        raise InputError(name, NOT_OB_XML)
    out = LetterText()
    _XmlWalker(out).walk(root)
    return document(out.text(), data, name, "utf-8", "ob-xml")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class _XmlWalker:
    def __init__(self, out: LetterText) -> None:
        self.out = out
        self.dossier: str | None = None

    def walk(self, element: Any) -> None:
        tag = _local(element.tag)
        if tag in _SKIP:
            return
        if tag == "dossier":
            number = element.find(".//{*}dossiernr")  # in any namespace, or none
            title = next((c for c in element if _local(c.tag) == "titel"), None)
            if number is not None:
                # The Kamerstuk heading, as the PDF prints it: "32 317 JBZ-Raad" / "Nr. 967 BRIEF VAN ...".
                self.dossier = f"{_flat(number)} {_flat(title) if title is not None else ''}".strip()
        elif tag == "stuknr" and self.dossier:
            self.out.line(self.dossier)
            self.out.line(_flat(element))
        elif tag == "kop":
            self._kop(element)
        elif tag in ("al", "li"):
            self.out.paragraph(self.inline(element))
        elif tag in ("adres", "dagtekening", "plaatsdatum", "datumtekst"):
            self.out.line(self.inline(element))
        elif tag == "ondertekening":
            self._signature(element)
        elif tag == "row":
            cells = [self.inline(cell) for cell in element if _local(cell.tag) == "entry"]
            self.out.paragraph(" | ".join(c for c in cells if c))
        else:
            if element.text and element.text.strip() and tag not in ("officiele-publicatie", "kamerstuk", "stuk"):
                self.out.paragraph(element.text)
            for child in element:
                self.walk(child)
                if child.tail and child.tail.strip():
                    self.out.paragraph(child.tail)

    def _kop(self, element: Any) -> None:
        number = " ".join(_flat(child) for child in element if _local(child.tag) == "nr")
        title = " ".join(self.inline(child) for child in element if _local(child.tag) == "titel")
        self.out.heading(f"{number} {title}".strip(), glued=not number)
        for child in element:
            if _local(child.tag) in ("subtitel", "ondertitel"):
                self.out.line(self.inline(child))

    def _signature(self, element: Any) -> None:
        function = " ".join(self.inline(c) for c in element if _local(c.tag) == "functie")
        name = " ".join(self.inline(c) for c in element if _local(c.tag) == "naam")
        if not function and not name:
            self.out.paragraph(self.inline(element))
        else:
            self.out.signature(function, name)

    def _note(self, element: Any) -> int:
        """A footnote; a web address set apart in it (`extref`) is kept as its address."""
        urls = [c.get("doc") or _flat(c) for c in element.iter() if _local(c.tag) == "extref"]
        texts = []
        for paragraph in element:
            if _local(paragraph.tag) == "noot.nr":
                continue
            texts.append(self.inline(paragraph, leave_out="extref"))
        return self.out.note(" ".join(texts), urls[0] if urls else None)

    def inline(self, element: Any, leave_out: str = "") -> str:
        """An element's text with footnote markers glued where the notes stand, notes kept aside."""
        parts = [element.text or ""]
        for child in element:
            tag = _local(child.tag)
            if tag == "noot":
                parts.append(str(self._note(child)))
            elif tag not in _SKIP and tag != leave_out:
                parts.append(self.inline(child, leave_out))
            parts.append(child.tail or "")
        return " ".join("".join(parts).split())


def _flat(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


# -- HTML ----------------------------------------------------------------------------------------

_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK_TAGS = {"p", "li", "tr", "div", "td", "th", *_HEADING_TAGS}
_NUMBERED = re.compile(r"^\s*(?:[IVX]+|\d+)\.\s")


def read_html(data: bytes, name: str) -> Document:
    text = _decode_html(data, name)
    parser = _HtmlLetter()
    parser.feed(text)
    parser.close()
    if not parser.letter_like:
        raise InputError(name, NOT_OB_HTML)
    return document(parser.render(), data, name, "utf-8", "ob-html")


def _decode_html(data: bytes, name: str) -> str:
    head = data[:4096].decode("ascii", "replace").lower()
    declared = re.search(r"charset=[\"']?([\w-]+)", head)
    for encoding in ([declared.group(1)] if declared else []) + ["utf-8", "cp1252"]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(name, "is HTML in an encoding agendadiff cannot read")


class _HtmlLetter(HTMLParser):
    """Collects the page's blocks in order, then writes them as letter text.

    Footnote markers (`<sup>` or `<a class="noot">` linking within the page) are kept with the id they point
    to; footnote texts (an element with class `noot` or `voetnoot` and an id) are matched by that id.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, list[Any]]] = []  # (kind, pieces: str or ("ref", id))
        self.notes: dict[str, list[Any]] = {}
        self.stack: list[tuple[str, set[str], str | None]] = []  # tag, classes, id
        self.current: list[Any] | None = None
        self.kind = ""
        self.note_id: str | None = None
        self.skip = 0
        self.skip_text: str | None = None  # the tag of a footnote marker, whose digits are not text
        self.letter_like = False

    # The page's structure -----------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        self.stack.append((tag, classes, attributes.get("id")))
        if _not_letter(tag, classes):
            self.skip += 1
            return
        if self.skip:
            return
        note_id = attributes.get("id")
        if classes & {"noot", "voetnoot"} and note_id and tag != "a":
            self._end_block()
            self.note_id = note_id
            self.notes[note_id] = []
            return
        href = attributes.get("href") or ""
        if tag == "a" and self.note_id is not None and href.startswith(("http://", "https://")):
            self.notes[self.note_id].append(("url", href))
            self.skip_text = tag
            return
        if tag in ("sup", "a") and (classes & {"noot", "supnoot"} or href.startswith("#")) and href.lstrip("#"):
            # A marker when it points to a footnote; else an in-page link, whose text is kept (see render).
            self._pieces().append(("ref", href.lstrip("#")))
            self.skip_text = tag
            return
        if tag == "br":
            self._pieces().append(" ")
            return
        if tag in _BLOCK_TAGS and self.note_id is None:
            self._end_block()
            self.kind = self._kind(tag, classes)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, classes, element_id = self.stack.pop()
            if _not_letter(open_tag, classes):
                self.skip -= 1
            if element_id is not None and element_id == self.note_id:
                self.note_id = None
            if self.skip_text == open_tag:
                self.skip_text = None
            if open_tag == tag:
                break
        if tag in _BLOCK_TAGS and self.note_id is None:
            self._end_block()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.skip_text:
            if self.skip_text != "a" or self.note_id is None:  # a web address in a note is kept as its href
                self._pieces().append(("link text", data))
            return
        if data.strip() or self.current:
            self._pieces().append(data)

    def _pieces(self) -> list[Any]:
        if self.note_id is not None:
            return self.notes[self.note_id]
        if self.current is None:
            self.current = []
        return self.current

    def _kind(self, tag: str, classes: set[str]) -> str:
        if classes & {"ondertekening"}:
            return "signature"
        if tag in _HEADING_TAGS or any(c.startswith(("divisiekop", "stuktitel", "kop")) for c in classes):
            return "heading"
        if classes & {"subtitel", "ondertitel", "besluit"}:
            return "subtitle"
        if classes & {"adres", "dagtekening", "datum", "plaatsdatum"}:
            return "line"
        return "paragraph"

    def _end_block(self) -> None:
        if self.current and any(isinstance(p, tuple) or p.strip() for p in self.current):
            self.blocks.append((self.kind or "paragraph", self.current))
            if self.kind in ("heading", "paragraph"):
                self.letter_like = True
        self.current = None
        self.kind = ""

    # Writing it out ----------------------------------------------------------------------------

    def render(self) -> str:
        self._end_block()
        out = LetterText()
        numbers: dict[str, int] = {}

        def text(pieces: list[Any]) -> str:
            parts = []
            marker = False  # whether the last link was a footnote marker, whose printed digits are not text
            for piece in pieces:
                if isinstance(piece, str):
                    parts.append(piece)
                elif piece[0] == "ref":
                    note = self.notes.get(piece[1])
                    marker = note is not None
                    if note is not None and piece[1] not in numbers:
                        urls = [p[1] for p in note if isinstance(p, tuple) and p[0] == "url"]
                        numbers[piece[1]] = out.note(_note_text(text(note)), urls[0] if urls else None)
                    if marker:
                        parts.append(str(numbers[piece[1]]))
                elif piece[0] == "link text" and not marker:
                    parts.append(piece[1])  # a link within the page, not a footnote: its words are the letter's
            return " ".join("".join(parts).split())

        for kind, pieces in self.blocks:
            value = text(pieces)
            if kind == "heading":
                out.heading(value, glued=not _NUMBERED.match(value))
            elif kind in ("subtitle", "line"):
                out.line(value)
            elif kind == "signature" and ", " in value:
                function, _, name = value.rpartition(", ")
                out.signature(function, name)
            else:
                out.paragraph(value)
        return out.text()


def _not_letter(tag: str, classes: set[str]) -> bool:
    """Parts of the page that are not the letter: scripts, navigation, the page and document headers."""
    return tag in ("script", "style", "head", "nav", "header", "footer") or bool(classes & {"kamerstukkop", "metadata"})


def _note_text(text: str) -> str:
    """A footnote's text without the number the page prints before it."""
    return re.sub(r"^\s*\d{1,3}[.)]?\s+", "", text)
