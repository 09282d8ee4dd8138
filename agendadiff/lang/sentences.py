"""Split a section's compared text into sentences, with the abbreviations of Dutch government letters in mind."""

from __future__ import annotations

import re

# Abbreviations after which a sentence never ends, whatever follows ("nr. 4042", "o.a. De Commissie").
_NEVER_FINAL = {
    "nr", "nrs", "art", "artt", "bijv", "o.a", "d.d", "i.v.m", "m.b.t", "t.a.v", "m.n", "t.b.v", "i.h.k.v", "m.u.v",
    "z.g", "zgn", "incl", "excl", "resp", "vs", "ca", "mr", "dr", "prof", "ir", "drs", "ing", "mw", "dhr", "blz",
    "pag", "p", "jo", "vgl", "zie", "e.a", "bv", "b.v", "i.c", "i.e", "e.g", "c.q", "t/m", "n.a.v", "a.d.h.v", "ivm",
}  # fmt: skip
# Abbreviations whose full stop doubles as a sentence's end only before a capitalised word: "op 13 juni jl. Het
# kabinet ..." ends there, "op 13 juni jl. (Kamerstuk 32 317, nr. 964) aangegeven ..." does not.
_FINAL_BEFORE_WORD = {"jl", "a.s", "e.d", "enz", "etc", "e.v"}
# A sentence ends at terminal punctuation (and any closing quote or bracket) followed by a space and a
# capital, a digit or an opening quote or bracket.
_END = re.compile(r"""[.!?]['"’”)\]]*(?=\s+['"‘“(\[]?[A-ZÀ-Þ0-9])""")
_WORD_BEFORE = re.compile(r"(\S+)$")
_CAPITAL_NEXT = re.compile(r"\s+[A-ZÀ-Þ]")
# How far back a sentence end looks for the word before it: far enough for every abbreviation and initials,
# so that a long paragraph costs one pass, not a rescan before each full stop.
_LOOK_BACK = 64


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of `text` as (start, end) character ranges; paragraphs (blank lines) always end one."""
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        start = paragraph.start()
        for end in _ends(paragraph.group()):
            stop = paragraph.start() + end
            if text[start:stop].strip():
                spans.append(_trimmed(text, start, stop))
            start = stop
        if text[start : paragraph.end()].strip():
            spans.append(_trimmed(text, start, paragraph.end()))
    return spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def _ends(paragraph: str) -> list[int]:
    ends = []
    for match in _END.finditer(paragraph):
        before = _WORD_BEFORE.search(paragraph, max(0, match.start() - _LOOK_BACK), match.start())
        word = before.group(1).lstrip("(['\"‘“") if before else ""
        if word.lower() in _NEVER_FINAL:
            continue
        if word.lower() in _FINAL_BEFORE_WORD and not _CAPITAL_NEXT.match(paragraph, match.end()):
            continue
        if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word):  # initials: "D.M. van Weel"
            continue
        ends.append(match.end())
    return ends


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
