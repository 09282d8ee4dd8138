"""What the structured readers share: file checks, and writing a letter's blocks as plain letter text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from agendadiff import errors
from agendadiff.errors import InputError
from agendadiff.model import Document, Rendering, Source
from agendadiff.readers import Supplied

READ_BY_MARKUP = "read by its markup, not its layout"

MAX_BINARY_BYTES = 25 * 1024 * 1024  # a letter's PDF or DOCX is well under 5 MB


def check_file(path: Path, name: str) -> None:
    if not path.exists():
        raise InputError(name, errors.BROKEN_LINK if path.is_symlink() else errors.MISSING)
    if not path.is_file():
        raise InputError(name, errors.NOT_A_FILE)


def read_bytes_capped(path: Path, name: str, limit: int = MAX_BINARY_BYTES) -> bytes:
    check_file(path, name)
    size = path.stat().st_size
    if size > limit:
        raise InputError(name, errors.too_large(size, limit))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(name, errors.UNREADABLE.format(reason=exc.strerror or exc)) from None
    if not data:
        raise InputError(name, errors.EMPTY)
    return data


def supplied_bytes(supplied: Supplied, limit: int = MAX_BINARY_BYTES) -> bytes:
    """A Supplied letter's bytes, held to the limits of a file."""
    if len(supplied.data) > limit:
        raise InputError(
            supplied.name,
            errors.too_large(len(supplied.data), limit),
        )
    if not supplied.data:
        raise InputError(supplied.name, errors.EMPTY)
    return supplied.data


@dataclass
class LetterText:
    """A letter written out block by block as plain text, the way `render.plain_text` writes one.

    A cover-letter heading is glued to the paragraph under it, as in a PDF extraction; a numbered heading
    and the lines of its title (decision line, formal title) stand apart from the text under them.
    Footnotes are numbered in the order their markers appear and written at the end.
    """

    lines: list[str] = field(default_factory=list)
    notes: list[tuple[str, str | None]] = field(default_factory=list)
    _glue: bool = False  # the next paragraph goes right under the line before it

    def line(self, text: str) -> None:
        """A line as it stands (the addressee, the date), or one more line of a title."""
        if text.strip():
            self.lines.append(" ".join(text.split()))

    def blank(self) -> None:
        self._glue = False
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def heading(self, text: str, glued: bool = True) -> None:
        """A heading on a line of its own; `glued`: its first paragraph follows without a blank line."""
        if not text.strip():
            return
        self.blank()
        self.line(text)
        self._glue = glued

    def paragraph(self, text: str) -> None:
        if not text.strip():
            return
        if not self._glue:
            self.blank()
        self.line(text)
        self.blank()

    def note(self, text: str, url: str | None = None) -> int:
        """Keep a footnote's text (and a web address printed apart from it); return its marker's number."""
        self.notes.append((" ".join(text.split()), url))
        return len(self.notes)

    def signature(self, function: str, name: str) -> None:
        self.blank()
        self.lines += [" ".join(function.split()).rstrip(" ,") + ",", " ".join(name.split()), ""]

    def text(self) -> str:
        out = list(self.lines)
        if self.notes:
            out += ["", ""]
            for number, (note, url) in enumerate(self.notes, 1):
                out.append(f"{number} {note}")
                if url and url not in note:
                    out.append(url)  # on a line of its own, as the PDF prints an address
        return "\n".join(out).strip("\n") + "\n"


STRUCTURED = {
    "ob-xml": "officielebekendmakingen XML",
    "ob-html": "officielebekendmakingen HTML",
    "docx": "a Word document",
}


def document(text: str, data: bytes, name: str, encoding: str, rendering: str) -> Document:
    """The letter text a structured reader wrote, with the rendering it was read from."""
    if not text.strip():
        raise InputError(name, errors.NO_TEXT)
    source = Source(path=name, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding)
    return Document(
        source=source,
        lines=tuple(text.split("\n")),
        rendering=Rendering(rendering, STRUCTURED[rendering], (READ_BY_MARKUP,)),
    )
