"""agendadiff: follow how a government's stated positions change from one letter to the next."""

from __future__ import annotations

from agendadiff._version import __version__
from agendadiff.model import Comparison, Letter
from agendadiff.pipeline import compare_files, compare_letters, read_letter

__all__ = ["Comparison", "Letter", "__version__", "compare_files", "compare_letters", "read_letter"]
