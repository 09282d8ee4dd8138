"""Topics and dossiers: label each section with what it is about, from a lexicon of marking words.

Topics (data/topics.toml) are policy areas a timeline follows: returns, Dublin, preparedness. Dossiers
(data/dossiers.toml) are the files a section is about: the Terugkeerverordening, the Asylum and Migration
Pact, a COM number; align pairs two sections that share one whatever their words. Both are read and scored
the same way.

A section's score for a topic grows with the hits of the topic's terms (a hit in the title counts three
times one in the text) and shrinks with the section's length, so one passing mention in a long item is no
label, while a short cover-letter topic that names it twice is.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from agendadiff.errors import AgendadiffError
from agendadiff.lang.typography import canonical
from agendadiff.model import Section, TopicLabel

LABEL_FLOOR = 0.25  # a score below this is a passing mention, not a label
TITLE_WEIGHT = 3
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class TopicsError(AgendadiffError):
    """A topics file that cannot be read or is not a topic lexicon."""


@dataclass(frozen=True)
class Topic:
    id: str
    nl: str
    en: str
    terms: tuple[str, ...]
    part_of: str | None = None  # a dossier inside a larger one: the Dublin regulation in the Pact

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The terms as one regex, compiled when first needed: most texts hold no needle of most topics."""
        return _pattern(self.terms)

    @cached_property
    def needles(self) -> tuple[str, ...] | None:
        """Every hit holds one of these in lower case: a text holding none has no hit, found without the regex."""
        return _needles(self.terms)

    def hits(self, text: str, lowered: str | None) -> int:
        """How often `text` names this topic; `lowered` is its lower case, or None to ask the regex."""
        if lowered is not None and self.needles is not None and not any(n in lowered for n in self.needles):
            return 0
        return len(self.pattern.findall(text))

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True)
class TopicLexicon:
    topics: tuple[Topic, ...]
    # (title, formal title, text) -> labels: an archive update labels the same sections for the report, the
    # timeline and each gap the timeline bridges
    labelled: dict[tuple[str | None, str | None, str], tuple[TopicLabel, ...]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def get(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)


def load_topics(path: Path | None = None) -> TopicLexicon:
    """The shipped topics, extended and overridden by those in `path` (or replaced, with `replace = true`)."""
    return _load(path, "topic")


def load_dossiers(path: Path | None = None) -> TopicLexicon:
    """The shipped dossiers, extended and overridden by those in `path` (or replaced, with `replace = true`)."""
    return _load(path, "dossier")


def _load(path: Path | None, table: str) -> TopicLexicon:
    shipped = _shipped(table)
    if path is None:
        return shipped
    data = _read(path, table)
    try:
        own = _topics(data, path, table)
    except (KeyError, TypeError, AttributeError) as error:
        raise TopicsError(f"{path}: not a {table}s file ({error.__class__.__name__}: {error})") from None
    by_id = {} if data.get("replace") is True else {t.id: t for t in shipped.topics}
    by_id.update((t.id, t) for t in own)
    for entry in by_id.values():
        if entry.part_of is not None and entry.part_of not in by_id:
            raise TopicsError(f"{path}: {table} {entry.id!r} is part_of {entry.part_of!r}, which is no {table}")
    return TopicLexicon(tuple(by_id.values()))


def _read(path: Path, table: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TopicsError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise TopicsError(f"{path}: cannot be read ({error.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as error:
        raise TopicsError(f"{path}: not a {table}s file (TOML: {error})") from None


@cache
def _shipped(table: str) -> TopicLexicon:
    # next to this module, as the package installs it (importlib.resources would cost 70 ms of imports)
    path = Path(__file__).parent / "data" / f"{table}s.toml"
    return TopicLexicon(_topics(tomllib.loads(path.read_text("utf-8")), path, table))


def _topics(data: dict[str, Any], path: Path, table: str) -> tuple[Topic, ...]:
    entries = data.get(table, [])
    if not isinstance(entries, list):
        raise TopicsError(f"{path}: not a {table}s file ('{table}' must be a list of [[{table}]] tables)")
    topics = []
    for entry in entries:
        topic_id = entry["id"]
        if not isinstance(topic_id, str) or not _ID.match(topic_id):
            raise TopicsError(f"{path}: {table} id {topic_id!r} must be lower-case letters, digits and hyphens")
        terms = tuple(str(term) for term in entry["terms"])
        if not terms or not all(term.strip(" *") for term in terms):
            raise TopicsError(f"{path}: {table} {topic_id!r} needs terms, none of them empty")
        part_of = entry.get("part_of")
        if part_of is not None and not isinstance(part_of, str):
            raise TopicsError(f"{path}: {table} {topic_id!r}: part_of must be the id of another {table}")
        topics.append(
            Topic(
                topic_id,
                str(entry.get("nl", topic_id)),
                str(entry.get("en", entry.get("nl", topic_id))),
                terms,
                part_of,
            )
        )
    if len({t.id for t in topics}) < len(topics):
        raise TopicsError(f"{path}: a {table} id is used twice")
    return tuple(topics)


def _pattern(terms: Sequence[str]) -> re.Pattern[str]:
    """One alternation of all terms: at a word start, whole-word unless the term ends in '*'."""
    alternatives = []
    for term in sorted(terms, key=len, reverse=True):
        prefix = term.endswith("*")
        words = [re.escape(w) for w in canonical(term.rstrip("*")).lower().split()]
        body = r"\s+".join(words)
        alternatives.append(body if prefix else body + r"(?![\w-])")
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def _needles(terms: Sequence[str]) -> tuple[str, ...] | None:
    """Each term's first word, as far as it is ASCII: a hit matches it case-insensitively, so a lower-cased
    text holds it. None when a term starts with another letter (then only the regex can tell)."""
    needles = set()
    for term in terms:
        first = canonical(term.rstrip("*")).lower().split()[0]
        ascii_start = first[: next((k for k, c in enumerate(first) if not c.isascii()), len(first))]
        if not ascii_start:
            return None
        needles.add(ascii_start)
    return tuple(sorted(needles))


# Letters the regex matches to an ASCII letter case-insensitively although their lower case is not it.
_FOLDED_TO_ASCII = ("\u0131", "\u017f", "\u0130")  # dotless i, long s, capital I with a dot


def lowered(text: str) -> str | None:
    """`text` in lower case, to look for needles in; None when it holds a letter that defeats them."""
    if not text.isascii() and any(letter in text for letter in _FOLDED_TO_ASCII):
        return None
    return text.lower()


def label_section(section: Section, lexicon: TopicLexicon) -> tuple[TopicLabel, ...]:
    """The topics `section` is about, best first, each with a score in 0..1; remembered per text."""
    key = (section.title, section.formal_title, section.text)
    labels = lexicon.labelled.get(key)
    if labels is None:
        if len(lexicon.labelled) > 50_000:
            lexicon.labelled.clear()
        labels = lexicon.labelled[key] = _labels(section, lexicon)
    return labels


def _labels(section: Section, lexicon: TopicLexicon) -> tuple[TopicLabel, ...]:
    title = canonical(" ".join(filter(None, (section.title, section.formal_title))))
    text = section.text
    length = max(1, section.words)
    title_lowered, text_lowered = lowered(title), lowered(text)
    labels = []
    for topic in lexicon.topics:
        score = mention_score(topic.hits(title, title_lowered), topic.hits(text, text_lowered), length)
        if score >= LABEL_FLOOR:
            labels.append(TopicLabel(topic.id, round(score, 3)))
    return tuple(sorted(labels, key=lambda label: -label.score))


def mention_score(title_hits: int, text_hits: int, words: int) -> float:
    """How much a section of `words` words is about something it names so often, in 0..1: the hits a
    section of this length would have by passing mention count for less."""
    raw = TITLE_WEIGHT * min(title_hits, 2) + text_hits
    return 1 - math.exp(-raw / (1.5 + max(1, words) / 120)) if raw else 0.0
