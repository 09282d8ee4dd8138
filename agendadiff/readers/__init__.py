"""Readers turn a file into a `Document`: its decoded lines and where they came from.

One module per input format. The format is told by the file's content, not its name: a PDF starts with
`%PDF-`, a DOCX is a zip holding `word/document.xml`, officielebekendmakingen XML has an
`officiele-publicatie` root, its HTML the classes of that site; anything else is read as text.
Structured formats are written out as the plain text of a letter (a paragraph a line, headings on their
own lines, footnote markers glued, footnotes at the end), which the later stages read as they read text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from agendadiff.model import STDIN, Document

__all__ = ["FORMATS", "STDIN", "Supplied", "read_document", "sniff"]


@dataclass(frozen=True)
class Supplied:
    """A letter handed over as bytes rather than as a file (`-` on the command line: standard input)."""

    data: bytes
    name: str = STDIN


FORMATS = ("text", "pdf", "docx", "xml", "html")
_XML_ROOT = re.compile(rb"<(?:[\w-]+:)?officiele-publicatie[\s>]")
_HTML = re.compile(rb"<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)


def sniff(head: bytes) -> str:
    """The format of a file from its first bytes."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if _XML_ROOT.search(head) or (stripped.startswith(b"<?xml") and not _HTML.search(stripped[:2048])):
        return "xml"
    if _HTML.search(stripped[:2048]):
        return "html"
    return "text"


def read_document(path: str | Path | Supplied, format_in: str | None = None) -> Document:
    """Read `path` (a file, or a letter's bytes `Supplied` from standard input) as `format_in`, or as the
    format its content shows."""
    from agendadiff.readers.common import read_bytes_capped, supplied_bytes

    if isinstance(path, Supplied):
        name, data = path.name, supplied_bytes(path)
    else:
        name, data = str(path), read_bytes_capped(Path(path), str(path))
    kind = format_in or sniff(data[:65536])
    if kind == "text":
        from agendadiff.readers.text import read_text

        return read_text(data, name)
    if kind == "xml":
        from agendadiff.readers.ob import read_xml

        return read_xml(data, name)
    if kind == "html":
        from agendadiff.readers.ob import read_html

        return read_html(data, name)
    if kind == "docx":
        from agendadiff.readers.docx import read_docx

        return read_docx(data, name)
    from agendadiff.readers.pdf import read_pdf

    return read_pdf(data, name)
