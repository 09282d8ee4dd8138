"""One base exception; the CLI turns any of them into one line and exit code 2."""

from __future__ import annotations


class AgendadiffError(Exception):
    """Base class of every error agendadiff reports to a user."""


class InputError(AgendadiffError):
    """A file that cannot be read as a letter. The message names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


# User-facing problems, worded to say what to do next where there is something to do.
MISSING = "no such file"
BROKEN_LINK = "a symbolic link that leads nowhere (its target is missing, or the links go round in a loop)"
NOT_A_FILE = "not a regular file"
UNREADABLE = "cannot be read ({reason})"
EMPTY = "the file is empty"
BINARY = "looks like a binary file, not text; give a text extraction of the letter"
UNDECODABLE = "is neither UTF-8 nor Windows-1252 text; re-save it as UTF-8"
TOO_LARGE = "is {size:.1f} MB, more than the {limit:g} MB a letter can be"


def too_large(size: int, limit: int) -> str:
    """TOO_LARGE for `size` bytes against `limit` bytes (5,000,157 bytes is 4.8 MB, not "4 MB")."""
    return TOO_LARGE.format(size=size / 2**20, limit=limit / 2**20)


NO_TEXT = "holds no text, only whitespace"
TOO_MANY_SECTIONS = "has {count:,} sections, more than the {limit:,} a letter can have; is it a letter of this genre?"
SECTION_TOO_LONG = (
    "section {section!r} has {words:,} words, more than the {limit:,} a section can have (a real letter's longest "
    "are a few thousand); is a heading missing, or is it not a letter?"
)
TOO_DEEP = "its markup is nested deeper than any letter's (hundreds of levels); it is not a letter agendadiff can read"
NOT_OF_THE_SERIES = "not a letter of this series ({reason}); a geannoteerde agenda or verslag has a date and a meeting"
