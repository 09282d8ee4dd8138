"""agendadiff: follow how a government's stated positions change from one letter to the next."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from agendadiff._version import __version__
from agendadiff.model import Comparison, Letter

if TYPE_CHECKING:
    from agendadiff.align import Pairing
    from agendadiff.positions import Lexicon

__all__ = ["Comparison", "Letter", "__version__", "compare_files", "compare_letters", "read_letter"]


def read_letter(path: str | Path, format_in: str | None = None) -> Letter:
    """Read, normalize and segment the letter at `path`, in the format its content shows or `format_in`.
    A folder that `agendadiff fetch` wrote (a letter with its annexes) is read as one letter."""
    if Path(path).is_dir():
        from agendadiff.bundle import is_bundle, read_bundle

        if is_bundle(Path(path)):
            return read_bundle(Path(path), format_in)
    from agendadiff.normalize import normalize
    from agendadiff.readers import read_document
    from agendadiff.segment import segment

    return segment(normalize(read_document(path, format_in)))


def compare_letters(
    old: Letter, new: Letter, pairing: Pairing | None = None, lexicon: Lexicon | None = None
) -> Comparison:
    """Align the sections of two letters by topic, diff each pair and classify each changed sentence
    (with `lexicon`, or the positions lexicon agendadiff ships)."""
    from agendadiff.align import Pairing, align
    from agendadiff.diff import compare
    from agendadiff.positions import with_sentence_changes

    return with_sentence_changes(compare(old, new, align(old, new, pairing or Pairing())), lexicon)


def compare_files(old: str | Path, new: str | Path, pairing: Pairing | None = None) -> Comparison:
    return compare_letters(read_letter(old), read_letter(new), pairing)
