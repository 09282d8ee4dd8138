"""The canonical form of text for comparison: typography and spacing never count as a change.

Display keeps the letter's own characters; only comparison uses `canonical`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_QUOTES = dict.fromkeys("‘’‚‛′`´", "'") | dict.fromkeys("“”„‟″«»", '"')
_DASHES = dict.fromkeys("‐‑‒–—―−﹘﹣－", "-")
_SPACES = dict.fromkeys(
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\f\v", " "
)
_INVISIBLE = dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", "")
_TABLE = str.maketrans(_LIGATURES | _QUOTES | _DASHES | _SPACES | _INVISIBLE | {"…": "..."})
_INVISIBLE_TABLE = str.maketrans({char: None for char in _INVISIBLE})

# A range written with spaces around its dash ("2024 – 2025") is the same range as "2024-2025".
_RANGE = re.compile(r"(?<=\d) *- *(?=\d)")
_WHITESPACE = re.compile(r"\s+")
_LAYOUT_SPACE = re.compile(r"[ \t\r\n\f\v]+")  # not the non-breaking space: that one is the letter's own


# What a letter's text must never carry into a report or a terminal: escape sequences (colours, window
# titles, hyperlinks), other control characters but tab, newline and form feed, and the bidi controls that
# would turn the report's own words around.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def without_controls(text: str) -> str:
    """`text` with escape sequences and control characters taken out (tab, newline and form feed stay)."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


@lru_cache(maxsize=4096)  # align, topics and diff each ask for a section's text in this form
def canonical(text: str) -> str:
    """Return the comparison form of `text`: NFC, plain quotes and hyphens, single spaces."""
    # Compose, translate, compose again: NFC can turn a character into one the table maps
    # (U+1FFD into an acute accent), and a removed soft hyphen can free a letter and its accent.
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).translate(_TABLE))
    text = _RANGE.sub("-", text)
    return _WHITESPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """Case folded, for comparison: "Minister" and "minister" are the same word, whoever capitalised it.

    Each character keeps its length (a character whose lower case is longer stays as it is), so offsets
    into a folded text are offsets into the text.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def display(text: str) -> str:
    """Return `text` for display: the letter's own characters, layout spacing collapsed."""
    return _LAYOUT_SPACE.sub(" ", text.translate(_INVISIBLE_TABLE)).strip()


def slug(text: str, limit: int = 60) -> str:
    """A short ASCII identifier for a title, stable under typography and case."""
    folded = unicodedata.normalize("NFKD", canonical(text)).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", folded)
    out = ""
    for word in words:
        if out and len(out) + 1 + len(word) > limit:
            break
        out = f"{out}-{word}" if out else word[:limit]
    return out or "untitled"
