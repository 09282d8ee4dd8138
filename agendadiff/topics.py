"""Topics: label each section with the policy topics it is about, from a lexicon of marking words.

A section's score for a topic grows with the hits of the topic's terms (a hit in the title counts three
times one in the text) and shrinks with the section's length, so one passing mention in a long item is no
label, while a short cover-letter topic that names it twice is.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
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
    pattern: re.Pattern[str]

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True)
class TopicLexicon:
    topics: tuple[Topic, ...]

    def get(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)


def load_topics(path: Path | None = None) -> TopicLexicon:
    """The shipped topics, extended and overridden by those in `path` (or replaced, with `replace = true`)."""
    shipped = _shipped()
    if path is None:
        return shipped
    data = _read(path)
    try:
        own = _topics(data, path)
    except (KeyError, TypeError, AttributeError) as error:
        raise TopicsError(f"{path}: not a topics file ({error.__class__.__name__}: {error})") from None
    if data.get("replace") is True:
        return TopicLexicon(own)
    by_id = {t.id: t for t in shipped.topics}
    by_id.update((t.id, t) for t in own)
    return TopicLexicon(tuple(by_id.values()))


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TopicsError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise TopicsError(f"{path}: cannot be read ({error.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as error:
        raise TopicsError(f"{path}: not a topics file (TOML: {error})") from None


@cache
def _shipped() -> TopicLexicon:
    # next to this module, as the package installs it (importlib.resources would cost 70 ms of imports)
    path = Path(__file__).parent / "data" / "topics.toml"
    return TopicLexicon(_topics(tomllib.loads(path.read_text("utf-8")), path))


def _topics(data: dict[str, Any], path: Path) -> tuple[Topic, ...]:
    entries = data.get("topic", [])
    if not isinstance(entries, list):
        raise TopicsError(f"{path}: not a topics file ('topic' must be a list of [[topic]] tables)")
    topics = []
    for entry in entries:
        topic_id = entry["id"]
        if not isinstance(topic_id, str) or not _ID.match(topic_id):
            raise TopicsError(f"{path}: topic id {topic_id!r} must be lower-case letters, digits and hyphens")
        terms = tuple(str(term) for term in entry["terms"])
        if not terms or not all(term.strip(" *") for term in terms):
            raise TopicsError(f"{path}: topic {topic_id!r} needs terms, none of them empty")
        topics.append(
            Topic(
                topic_id,
                str(entry.get("nl", topic_id)),
                str(entry.get("en", entry.get("nl", topic_id))),
                terms,
                _pattern(terms),
            )
        )
    if len({t.id for t in topics}) < len(topics):
        raise TopicsError(f"{path}: a topic id is used twice")
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


def label_section(section: Section, lexicon: TopicLexicon) -> tuple[TopicLabel, ...]:
    """The topics `section` is about, best first, each with a score in 0..1."""
    title = canonical(" ".join(filter(None, (section.title, section.formal_title))))
    text = section.text
    length = max(1, section.words)
    labels = []
    for topic in lexicon.topics:
        title_hits = len(topic.pattern.findall(title))
        text_hits = len(topic.pattern.findall(text))
        raw = TITLE_WEIGHT * min(title_hits, 2) + text_hits
        if not raw:
            continue
        # The hits a section of this length would have by passing mention count for less.
        score = 1 - math.exp(-raw / (1.5 + length / 120))
        if score >= LABEL_FLOOR:
            labels.append(TopicLabel(topic.id, round(score, 3)))
    return tuple(sorted(labels, key=lambda label: -label.score))
