"""The archive's index page: its letters newest first, each with its report against the letter before."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from agendadiff.model import Meeting
from agendadiff.render.common import date_label, labels, meeting_label, template


@dataclass(frozen=True)
class IndexRow:
    """One letter of the archive, as the index shows it."""

    name: str  # its folder under letters/
    original: str  # its original file, relative to the archive
    date: dt.date | None
    meeting: Meeting | None
    report: Mapping[str, Any] | None  # the report against the letter before: its name and the manifest's figures


def index_html(series: str, rows: Sequence[IndexRow], lang: str, timeline: str | None) -> str:
    """The page; `rows` in date order (the page shows the newest first), `timeline` the timeline page's path."""
    t = labels(lang)
    views = [
        {
            "letter": row,
            "date": date_label(row.date, lang) if row.date else t["date_unknown"],
            "meeting": meeting_label(row.meeting, lang),
            "report": row.report,
        }
        for row in rows
    ]
    return template("archive-index.html.j2").render(
        series=series, rows=list(reversed(views)), t=t, lang=lang, timeline=timeline
    )
