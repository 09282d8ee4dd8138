"""Dutch word stems and compound parts: what makes "terugkeerhubs" and "Terugkeerverordening" share a topic.

Inflection is the Snowball Dutch stemmer's work (PyStemmer, the Snowball project's C build): "verordeningen"
and "verordening" are one stem. Compounds are split against the vocabulary of the texts being compared: a
long word whose first part is a word those texts also use on its own ("terugkeer" in "op het gebied van
terugkeer") counts as that word too. The letters themselves say which compounds are made of their words,
so no word list has to be kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

MIN_PART = 4  # shorter first parts ("aan", "over") are prefixes, not words
MIN_COMPOUND = 9  # shorter words are rarely compounds of two words of MIN_PART letters
_LINKS = ("s", "en", "e")  # the linking sounds of Dutch compounds: paraatheid-s-unie, kind-er-rechten


@cache
def _stemmer() -> Any:
    import Stemmer  # PyStemmer: imported only by the commands that align

    return Stemmer.Stemmer("dutch")


def stems(words: Sequence[str]) -> list[str]:
    """The stem of each (lower-case) word."""
    return list(_stemmer().stemWords(words))


def vocabulary(words: Iterable[str]) -> frozenset[str]:
    """The words that may stand first in a compound: those used on their own, of MIN_PART letters or more."""
    return frozenset(w for w in words if len(w) >= MIN_PART and w.isalpha())


def first_part(word: str, known: frozenset[str]) -> str | None:
    """The longest word of `known` that `word` begins with and that leaves a word of its own after it
    (a linking s, e or en allowed between), if `word` is long enough to be a compound."""
    if len(word) < MIN_COMPOUND:
        return None
    for end in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head = word[:end]
        if head in known:
            return head
        for link in _LINKS:
            if head.endswith(link) and head[: -len(link)] in known and len(head) - len(link) >= MIN_PART:
                return head[: -len(link)]
    return None
