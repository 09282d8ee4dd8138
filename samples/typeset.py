"""Typeset a constructed letter as a PDF-to-text extraction of a real one would give it.

The constructed sample letters are written as manuscripts (samples/manuscripts/*.letter): paragraphs, headings
and footnotes in reading order. This script lays them out the way samples/jbz-2025-07-10.txt is laid out: lines
wrapped at the manuscript's width with a trailing space, blank lines holding one space, item titles with an
empty line after their first line, page breaks every so many lines with the page's footnotes at its bottom,
and footnote markers glued to the word before them.

    python samples/typeset.py            # rewrite every samples/*-constructed.txt from its manuscript
    python samples/typeset.py --check    # exit 1 if a sample is not what its manuscript gives

Manuscript syntax, one block per paragraph, blocks separated by blank lines:
    % width 70 / % page 48    layout settings
    @head TEXT                a line printed as it stands (letterhead, addressee, date)
    # TITLE                   a cover-letter topic heading (or a group's, straight above a topic's)
    ## TITLE                  a sub-heading inside a topic or item ("Aanleiding"), set as a heading is
    @sign FUNCTION | NAME     a signature
    @agenda A | B | C         the agenda title, its lines apart
    @part TITLE               an agenda part
    @item N. TITLE            an agenda item, its title wrapped and split after the first line
    @decision TEXT            the decision line under an item title
    @formal TEXT              the formal title of a proposal
    [^key]: TEXT              a footnote; [^key] in the text is its glued marker
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGE_BREAK = ["", "", "", " ", "", " ", ""]
TITLE_WIDTH = 55
_MARKER = re.compile(r"\[\^([\w-]+)\]")


def typeset(manuscript: str) -> str:
    settings = dict(re.findall(r"^% (\w+) (\d+)\s*$", manuscript, re.M))
    width, page = int(settings.get("width", 66)), int(settings.get("page", 48))
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", re.sub(r"^%.*\n", "", manuscript, flags=re.M))]
    notes = {key: text.strip() for key, text in re.findall(r"^\[\^([\w-]+)\]:\s*(.+)$", manuscript, re.M)}
    order: dict[str, int] = {}

    def number(match: re.Match[str]) -> str:
        # Sentinels around the number let the wrapped line that holds the marker be found again.
        return f"\x02{order.setdefault(match.group(1), len(order) + 1)}\x03"

    # The body as (line, footnote keys whose markers it holds); "\f" asks for a page break if needed.
    body: list[tuple[str, tuple[str, ...]]] = []
    under_title = False  # the first paragraph under an item title starts after a blank pair of lines
    for block in blocks:
        if not block or (_MARKER.match(block) and block.startswith("[^") and "]:" in block[:40]):
            continue
        keys = tuple(_MARKER.findall(block))
        previous_title, under_title = under_title, block.startswith(("@item ", "@decision ", "@formal "))
        text = _MARKER.sub(number, " ".join(block.split()))
        if text.startswith("@head "):
            body += [(line[6:].rstrip() + " ", ()) for line in block.split("\n")] + [(" ", ())]
        elif text.startswith(("# ", "## ")):
            heading = text.split(" ", 1)[1]
            body += [(" ", ()), *((line + " ", ()) for line in textwrap.wrap(heading, width))]
        elif text.startswith("@sign "):
            function, name = (part.strip() for part in text[6:].split("|"))
            body += [(function + " ", ()), (name + " ", ()), (" ", ())]
        elif text.startswith("@agenda "):
            parts = [part.strip() for part in text[8:].split("|")]
            body += [("\f", ()), (" ", ())]
            for k, part in enumerate(parts):
                body += [(part + " ", ())] + ([("", ())] if k < len(parts) - 1 else [])
            body += [("", ()), (" ", ())]
        elif text.startswith("@part "):
            body += [(text[6:] + "  ", ()), (" ", ())]
        elif text.startswith("@item "):
            lines = textwrap.wrap(text[6:], TITLE_WIDTH, break_on_hyphens=False)
            body += [("\f", ()), (lines[0] + " ", ())] + ([("", ())] if len(lines) > 1 else [])
            body += [(line + " ", ()) for line in lines[1:]]
        elif text.startswith("@decision "):
            body += [(text[10:] + " ", ())]
        elif text.startswith("@formal "):
            body += [(line + " ", ()) for line in textwrap.wrap(text[8:], TITLE_WIDTH + 10)]
        else:
            if previous_title:
                body += [(" ", ()), ("", ())]
            by_number = {str(order[key]): key for key in keys}
            for line in textwrap.wrap(text, width, break_on_hyphens=True, break_long_words=False):
                held = tuple(by_number[n] for n in re.findall("\x02(\\d+)\x03", line))
                body.append((re.sub("[\x02\x03]", "", line) + " ", held))
            body.append((" ", ()))
    out: list[str] = []
    pending: list[str] = []
    on_page = 0
    for k, (line, held) in enumerate(body):
        if line == "\f":
            # A title does not start in the last lines of a page.
            if on_page > page - 6:
                out += _page_bottom(pending, notes, order, width)
                pending, on_page = [], 0
            continue
        if on_page >= page and k + 1 < len(body):
            out += _page_bottom(pending, notes, order, width)
            pending, on_page = [], 0
        out.append(line)
        pending += held
        on_page += 1
    if pending:
        out += _page_bottom(pending, notes, order, width)
    return "\n".join(out).rstrip("\n") + "\n"


def _page_bottom(keys: list[str], notes: dict[str, str], order: dict[str, int], width: int) -> list[str]:
    lines: list[str] = []
    if keys:
        lines += ["", " "]
        for key in keys:
            text = notes[key]
            url = None
            if " http" in text:
                text, url = text.split(" http", 1)
                url = "http" + url
            lines += [f"{line} " for line in textwrap.wrap(f"{order[key]} {text}", width + 12, break_on_hyphens=False)]
            if url:
                lines += ["", url]
    return lines + PAGE_BREAK


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    # Agendas lie beside the samples; verslagen (reports of a meeting) in a folder of their own.
    for manuscript in sorted((HERE / "manuscripts").glob("**/*.letter")):
        folder = manuscript.parent.relative_to(HERE / "manuscripts")
        target = HERE / folder / (manuscript.stem + "-constructed.txt")
        text = typeset(manuscript.read_text(encoding="utf-8"))
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(str(target.relative_to(HERE)))
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(HERE.parent)}")
    for name in stale:
        print(f"samples/{name} is not what its manuscript gives; run python samples/typeset.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
