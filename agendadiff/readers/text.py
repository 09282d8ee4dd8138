"""Read a letter given as plain text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252."""

from __future__ import annotations

import codecs
import hashlib
import re

from agendadiff import errors
from agendadiff.errors import InputError
from agendadiff.model import Document, Source

MAX_BYTES = 4 * 1024 * 1024  # a long letter is 100 kB; forty times that is no letter, and would take minutes

# UTF-8 read as Windows-1252 or Latin-1: "Ã¯" for "ï", "â€™" for "’", "Ã©" for "é".
_MOJIBAKE = re.compile(
    "[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|â€"
)
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_text(data: bytes, name: str) -> Document:
    """The letter in `data` (the bytes of the file `name`), decoded."""
    if len(data) > MAX_BYTES:
        raise InputError(name, errors.too_large(len(data), MAX_BYTES))
    text, encoding = _decode(data, name)
    repairs: list[str] = []
    if _MOJIBAKE.search(text):
        repaired = _repair_mojibake(text)
        if repaired != text:
            text = repaired
            repairs.append("mojibake")
    if not text.strip():
        raise InputError(name, errors.NO_TEXT)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    source = Source(path=name, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding, repairs=tuple(repairs))
    return Document(source=source, lines=tuple(text.split("\n")))


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name), "utf-16"
    if b"\x00" in data:
        unmarked = _utf16_without_bom(data)
        if unmarked is None:
            raise InputError(name, errors.BINARY)
        return _strict(data, unmarked, name), unmarked
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _strict(data, "cp1252", name), "cp1252"
    # Text has almost no control characters; a file full of them is binary whatever it decodes to.
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise InputError(name, errors.BINARY)
    return text, encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for text saved as UTF-16 without its byte-order mark (Western text then has a
    zero byte beside nearly every character), else None."""
    if len(data) < 2 or len(data) % 2:
        return None
    high_odd, high_even = data[1::2].count(0), data[0::2].count(0)
    half = len(data) // 2
    if high_odd >= 0.9 * half and high_even < 0.1 * half:
        return "utf-16-le"
    if high_even >= 0.9 * half and high_odd < 0.1 * half:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(name, errors.UNDECODABLE) from None


def _repair_mojibake(text: str) -> str:
    import ftfy  # only letters that need it pay for the import

    return ftfy.fix_encoding(text)
