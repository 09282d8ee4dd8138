"""Readers turn a file into a `Document`: its decoded lines and where they came from.

One module per input format; today plain text extracted from PDF.
"""

from __future__ import annotations

from pathlib import Path

from agendadiff.model import Document
from agendadiff.readers.text import read_text

__all__ = ["read_document"]


def read_document(path: str | Path) -> Document:
    return read_text(path)
