"""Write a letter's text the way the public sites render it, to test agendadiff's profiles with.

    python samples/renderings.py          # write samples/renderings/<letter>.<rendering>.txt

Each sample letter is read from its text, then written out again in the layouts real letters come in (the
layouts were studied on real pages; the words are the samples' own):
- page-indented: the tweedekamer.nl page text: the Kamerstuk header with an upper-case, indented "BRIEF VAN"
  line, blank lines holding spaces between blocks, each paragraph's first line at column 0 and the rest
  indented, a wrapped heading going on with a deeper indent, headings straight above their text;
- page-flat: the same page flattened: no indentation, no blank lines, hard breaks near a width, now and then a
  paragraph line that was never wrapped, the footnotes at the end;
- docx-preview: tkconv's preview of the .docx: a paragraph a line apart by blank lines, Word's list numbers for
  parts and items alike ("  1. "), the decision line indented under its item;
- ob-text: the text copied from officielebekendmakingen.nl: a paragraph a line, the publisher's capitals
  ("Minister", "Staatssecretaris"), signatures on one line, a decision line as "= ...".
"""

from __future__ import annotations

import re
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from agendadiff import read_letter  # noqa: E402
from agendadiff.lang import dutch  # noqa: E402
from agendadiff.model import Letter, Paragraph, Section, SectionKind  # noqa: E402

LETTERS = sorted(HERE.glob("jbz-*.txt")) + sorted((HERE / "verslagen").glob("jbz-*.txt"))
HEADER = ["32 317 JBZ-Raad", "Nr. 990"]
BRIEF = "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID EN DE MINISTER VAN ASIEL EN MIGRATIE"


def _marked(paragraph: Paragraph) -> str:
    """The paragraph's text with each footnote's marker glued where it stood."""
    out, cursor = [], 0
    for ref in sorted(paragraph.refs, key=lambda r: r.offset):
        out += [paragraph.text[cursor : ref.offset], str(ref.number)]
        cursor = ref.offset
    out.append(paragraph.text[cursor:])
    return "".join(out)


def _decision(section: Section) -> str | None:
    if not section.decision:
        return None
    return section.decision if section.decision.startswith("(") else f"= {section.decision}"


def _date_line(letter: Letter) -> str:
    assert letter.date is not None
    return f"Den Haag, {letter.date.day} {dutch.MONTH_NAMES[letter.date.month - 1]} {letter.date.year}"


def _units(letter: Letter) -> Iterator[tuple[str, str]]:
    """The letter in reading order as (kind, text): kind is head, heading, item, part, decision, prose,
    signature (function and name apart by a tab) or note."""
    yield from (("head", line) for line in HEADER)
    yield "brief", BRIEF
    if letter.addressee:
        yield "head", letter.addressee
    if letter.date:
        yield "head", _date_line(letter)
    for section in letter.sections:
        if section.kind is SectionKind.SIGNATURES:
            for paragraph in section.paragraphs:
                function, _, name = paragraph.text.rpartition(", ")
                yield "signature", f"{function},\t{name}"
            continue
        if section.kind is SectionKind.AGENDA:
            yield "heading", section.title
        elif section.kind is SectionKind.PART:
            yield ("part", f"{section.number}.\t{section.title}") if section.number else ("heading", section.title)
        elif section.kind is SectionKind.ITEM and section.number:
            yield "item", f"{section.number}.\t{section.title}"
        elif section.title:
            yield "heading", section.title
        for line in (_decision(section), section.formal_title):
            if line:
                yield "decision", line
        for paragraph in section.paragraphs:
            yield ("heading" if paragraph.subheading else "prose"), _marked(paragraph)
    for note in sorted((n for s in letter.sections for n in s.footnotes), key=lambda n: n.number):
        text = note.text if not note.url or note.url in note.text else f"{note.text} {note.url}"
        yield "note", f"{note.number} {text}"


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]


def page_indented(letter: Letter, width: int = 84, indent: int = 18) -> str:
    lines: list[str] = []
    glued = False  # a heading's text follows it without a blank line
    for kind, text in _units(letter):
        text = text.replace("\t", " ")
        if not glued and lines:
            lines.append(" " * (len(lines) % 3))  # the page's blank lines hold a space or two, or none
        glued = kind in ("heading", "item", "part", "decision")
        if kind == "brief":
            wrapped = _wrap(text, width - 19)
            lines += [" " * 19 + wrapped[0], *(" " * 14 + line for line in wrapped[1:])]
        elif kind == "signature":
            function, name = text.rsplit(", ", 1)
            lines += [function + ",", name]
        elif kind in ("heading", "item", "part"):
            wrapped = _wrap(text, width)
            lines += [wrapped[0], *(" " * (indent + 3) + line for line in wrapped[1:])]
        else:
            wrapped = _wrap(text, width)
            lines += [wrapped[0], *(" " * indent + line for line in wrapped[1:])]
    return "\n".join(lines) + "\n"


def page_flat(letter: Letter, width: int = 86) -> str:
    lines: list[str] = []
    for count, (kind, text) in enumerate(_units(letter)):
        text = text.replace("\t", " ")
        if kind == "signature":
            function, name = text.rsplit(", ", 1)
            lines += [function + ",", name]
            continue
        wrapped = _wrap(text, width)
        if kind == "prose" and count % 4 == 0 and len(wrapped) > 3:
            wrapped[1:3] = [f"{wrapped[1]} {wrapped[2]}"]  # a line the page never wrapped
        lines += wrapped
    return "\n".join(lines) + "\n"


def docx_preview(letter: Letter) -> str:
    blocks: list[str] = []
    parts = 0
    for kind, text in _units(letter):
        if kind == "part":
            parts += 1
            blocks.append(f"  {parts}. {text.split(chr(9), 1)[1]}")
        elif kind == "item":
            number, title = text.split("\t", 1)
            blocks.append(f"  {number} {title}")
        elif kind == "decision" and blocks and blocks[-1].startswith("  "):
            blocks[-1] += f"\n    {text}"
        elif kind == "signature":
            function, name = text.split("\t")
            blocks.append(f"{function}\n{name}")
        else:
            blocks.append(text)
    return "\n\n".join(blocks) + "\n"


_PUBLISHER_CAPITALS = re.compile(r"\b(minister(?:-president)?|staatssecretaris)\b")


def ob_text(letter: Letter) -> str:
    blocks: list[str] = []
    for kind, text in _units(letter):
        if kind == "signature" or kind in ("item", "part"):
            text = text.replace("\t", " ")
        elif kind in ("prose", "note"):
            text = _PUBLISHER_CAPITALS.sub(lambda m: m.group(1)[0].upper() + m.group(1)[1:], text)
        if kind == "brief" and blocks:
            blocks[-1] += f" {text}"  # "Nr. 990 BRIEF VAN ..." on one line
            continue
        blocks.append(text)
    return "\n\n".join(blocks) + "\n"


RENDERINGS: dict[str, Callable[[Letter], str]] = {
    "page-indented": page_indented,
    "page-flat": page_flat,
    "docx-preview": docx_preview,
    "ob-text": ob_text,
}


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path in LETTERS:
        letter = read_letter(path)
        for name, render in RENDERINGS.items():
            target = folder / f"{path.stem}.{name}.txt"
            target.write_text(render(letter), encoding="utf-8")
            written.append(target)
    return written


if __name__ == "__main__":
    for path in write_all(HERE / "renderings"):
        print(path.relative_to(HERE.parent))
