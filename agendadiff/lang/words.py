"""Words: the one pattern every stage counts, compares and indexes words by, and the names made of them."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A word, with its inner hyphens, apostrophes and slashes: "EU-brede", "thema's", "en/of".
WORD = re.compile(r"\w+(?:[-'/]\w+)*")
# The working-session label a title starts with ("Werksessie II: ", "Werklunch: "): no part of its topic.
SESSION_LABEL = re.compile(r"^(?:werk)?(?:sessie|lunch|diner|ontbijt)\s*(?:[ivx]+|\d+)?\s*[:.-]\s*", re.IGNORECASE)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def content_words(text: str) -> list[str]:
    """The words that say what a text is about: lower case, in canonical form, without the function words
    and bare numbers."""
    from agendadiff.lang.dutch import FUNCTION_WORDS
    from agendadiff.lang.typography import canonical

    found = (w.lower() for w in WORD.findall(canonical(text)))
    return [w for w in found if w not in FUNCTION_WORDS and not w.isdigit()]


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def unique_name(name: str, taken: Iterable[str] | set[str]) -> str:
    """`name`, or `name-2`, `name-3`, ... : the first that is not taken (the caller adds it)."""
    used = taken if isinstance(taken, set) else set(taken)
    candidate, k = name, 2
    while candidate in used:
        candidate, k = f"{name}-{k}", k + 1
    return candidate
