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
    kind: str = "geannoteerde agenda"


@dataclass(frozen=True)
class MeetingRow:
    """A meeting the archive has both letters of, with the verdict counts of its outcome report."""

    agenda: str  # the agenda's folder under letters/
    verslag: str
    meeting: Meeting | None
    outcome: str  # the outcome report's name under outcomes/
    verdicts: Mapping[str, int]
    open_commitments: int = 0  # commitments made in the meeting's two letters that are still open


def index_html(
    series: str,
    rows: Sequence[IndexRow],
    lang: str,
    timeline: str | None,
    meetings: Sequence[MeetingRow] = (),
    commitments: str | None = None,
    open_commitments: int = 0,
) -> str:
    """The page; `rows` in date order (the page shows the newest first), `timeline` the timeline page's path,
    `meetings` those with an agenda and a verslag, `commitments` the register's page."""
    t = labels(lang)
    views = [
        {
            "letter": row,
            "date": date_label(row.date, lang) if row.date else t["date_unknown"],
            "meeting": meeting_label(row.meeting, lang),
            "report": row.report,
            "verslag": row.kind == "verslag",
        }
        for row in rows
    ]
    meeting_views = [
        {
            "row": m,
            "meeting": meeting_label(m.meeting, lang),
            "agenda_date": _date_of(m.agenda, lang, t),
            "verslag_date": _date_of(m.verslag, lang, t),
            "verdicts": [
                {"key": k.replace(" ", "_"), "label": t["verdict_" + k.replace(" ", "_")], "count": m.verdicts[k]}
                for k in _VERDICTS
                if m.verdicts.get(k)
            ],
        }
        for m in reversed(meetings)
    ]
    return template("archive-index.html.j2").render(
        series=series,
        rows=list(reversed(views)),
        t=t,
        lang=lang,
        timeline=timeline,
        meetings=meeting_views,
        commitments=commitments,
        open_commitments=open_commitments,
    )


_VERDICTS = ("diverged", "not reported", "not announced", "as announced", "no position")  # the outcome page's order


def _date_of(name: str, lang: str, t: dict[str, str]) -> str:
    """A letter's date from its folder name (`2025-10-24_verslag_...`), as the page writes dates."""
    try:
        return date_label(dt.date.fromisoformat(name[:10]), lang)
    except ValueError:
        return t["date_unknown"]
