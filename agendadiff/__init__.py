"""agendadiff: follow how a government's stated positions change from one letter to the next."""

from __future__ import annotations

from pathlib import Path

from agendadiff.model import Letter

__version__ = "0.1.0"
__all__ = ["Letter", "__version__", "read_letter"]


def read_letter(path: str | Path) -> Letter:
    """Read, normalize and segment the letter at `path`."""
    from agendadiff.normalize import normalize
    from agendadiff.readers import read_document
    from agendadiff.segment import segment

    return segment(normalize(read_document(path)))
