"""The archive's Atom feed (RFC 4287): an entry per letter, newest first, its changed positions first.

Made, like the index, from what the archive keeps of each report (the manifest), never from the reports
themselves; every date in it is a letter's own, so the same archive always gives the same feed.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import urljoin

from agendadiff.lang.typography import without_controls
from agendadiff.model import Meeting
from agendadiff.render.common import date_label, labels, meeting_label

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 50  # a feed reader wants the latest letters, not the archive


@dataclass(frozen=True)
class FeedEntry:
    """A letter of the archive as its feed entry shows it."""

    name: str  # its folder under letters/
    sha256: str
    date: dt.date | None
    meeting: Meeting | None
    kind: str
    report: Mapping[str, Any] | None = (
        None  # the manifest's entry of its report against the letter before, and its name
    )
    outcome: str | None = None  # the outcome page of its meeting, when the archive has both letters


def feed_xml(series: str, entries: Sequence[FeedEntry], lang: str, site_url: str | None) -> str:
    """The feed of `entries` (oldest first; the feed lists the newest first). Links are relative to the feed,
    or absolute under `site_url`, the address the archive is published at."""
    t = labels(lang)
    base = (site_url.rstrip("/") + "/") if site_url else ""
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang})
    newest = [e for e in reversed(entries)][:FEED_ENTRIES]
    _text(root, "title", f"{series}: {t['feed_title']}")
    _text(root, "id", _urn(f"agendadiff:{series}"))
    _text(root, "updated", _stamp(max((e.date for e in newest if e.date), default=None)))
    ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": urljoin(base, "index.html")})
    if base:
        ET.SubElement(root, "link", {"rel": "self", "type": "application/atom+xml", "href": urljoin(base, "feed.xml")})
    author = ET.SubElement(root, "author")
    _text(author, "name", "agendadiff")
    generator = _text(root, "generator", "agendadiff")
    generator.set("uri", "https://pypi.org/project/agendadiff/")
    for entry in newest:
        _entry(root, entry, t, lang, base)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _entry(root: ET.Element, entry: FeedEntry, t: dict[str, str], lang: str, base: str) -> None:
    node = ET.SubElement(root, "entry")
    kind = t["feed_verslag"] if entry.kind == "verslag" else t["feed_agenda"]
    when = date_label(entry.date, lang) if entry.date else t["date_unknown"]
    meeting = meeting_label(entry.meeting, lang) if entry.meeting else entry.name
    _text(node, "title", f"{kind} {when}: {meeting}")
    _text(node, "id", _urn(entry.sha256))
    _text(node, "updated", _stamp(entry.date))
    report = entry.report
    target = f"reports/{report['name']}.html" if report else f"letters/{entry.name}/letter.md"
    ET.SubElement(node, "link", {"rel": "alternate", "type": "text/html", "href": urljoin(base, target)})
    _text(node, "summary", _summary(entry, t))
    content = _text(node, "content", _content(entry, t, base))
    content.set("type", "html")


def _summary(entry: FeedEntry, t: dict[str, str]) -> str:
    report = entry.report
    if report is None:
        return t["feed_first"]
    return t["feed_counts"].format(
        positions=report["positions"], changed=report["changed"], added=report["added"], removed=report["removed"]
    )


def _content(entry: FeedEntry, t: dict[str, str], base: str) -> str:
    """The entry's HTML (escaped into the feed as text): the changed positions first, then the counts and links."""
    parts = []
    positions = (entry.report or {}).get("changed_positions") or []
    if positions:
        items = "".join(
            f"<li><strong>{_safe(p['topic'])}</strong> ({_safe(p['change'])}: {_safe(p['why'])})<br>{_safe(p['text'])}</li>"
            for p in positions
        )
        parts.append(f"<p>{escape(t['feed_positions'])}</p><ul>{items}</ul>")
    parts.append(f"<p>{escape(_summary(entry, t))}</p>")
    links = []
    if entry.report:
        links.append((t["feed_report"], f"reports/{entry.report['name']}.html"))
    if entry.outcome:
        links.append((t["feed_outcome"], f"outcomes/{entry.outcome}.html"))
    links.append((t["feed_letter"], f"letters/{entry.name}/letter.md"))
    parts.append(
        "<p>"
        + " · ".join(f'<a href="{escape(urljoin(base, href))}">{escape(label)}</a>' for label, href in links)
        + "</p>"
    )
    return "".join(parts)


def _safe(text: object) -> str:
    return escape(_xml_text(str(text)))


def _xml_text(text: str) -> str:
    """`text` as XML 1.0 can carry it: no control characters (a form feed neither)."""
    return without_controls(text).replace("\x0c", " ")


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    node = ET.SubElement(parent, tag)
    node.text = _xml_text(text)
    return node


def _stamp(day: dt.date | None) -> str:
    """An Atom date-time: the letter's own date, at midnight UTC (an undated letter: the epoch)."""
    return f"{(day or dt.date(1970, 1, 1)).isoformat()}T00:00:00Z"


def _urn(key: str) -> str:
    """A stable id: the same letter is the same entry in every run and on every machine."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://agendadiff.invalid/{key}").urn
