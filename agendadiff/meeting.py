"""Read which Council meeting a letter prepares: formal or informal, which Council, when, where."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from agendadiff.lang import dutch
from agendadiff.lang.typography import canonical
from agendadiff.model import LetterKind, Meeting

_COUNCIL = re.compile(r"\b(Raad\s+(?:voor\s+)?[A-ZÀ-Þ][\w-]*(?:\s+(?:en\s+)?[A-ZÀ-Þ][\w-]*)*)|\b([A-Z]{2,5}-[Rr]aad)\b")
_DAYS = re.compile(
    r"\b(?P<d1>\d{1,2})(?:\s+(?P<m1>" + dutch.MONTH + r"))?(?:\s*(?:en|-|t/m|tot\s+en\s+met)\s*(?P<d2>\d{1,2}))?"
    r"\s+(?P<m2>" + dutch.MONTH + r")(?:\s+(?P<year>\d{4}))?",
    re.I,
)
# A place is letters and hyphens: a footnote marker glued to it ("in Luxemburg1.") is no part of it.
_PLACE = re.compile(r"\b(?:te|in)\s+(?P<place>[A-ZÀ-Þ][^\W\d_][\w-]*?(?:\s+[A-ZÀ-Þ][^\W\d_][\w-]*?)?)(?![^\W\d_])")


def parse_meeting(agenda_title: str, intro: str, letter_date: dt.date | None) -> Meeting | None:
    """Read the meeting from the agenda's title, else from the opening paragraphs."""
    found = [m for m in (_meeting(canonical(text), letter_date) for text in (agenda_title, intro)) if m is not None]
    if not found:
        return None
    # The agenda's title is the more formal source; the opening paragraph fills what it leaves out.
    first, *rest = found
    for other in rest:
        first = Meeting(
            council=first.council,
            formal=first.formal if first.formal is not None else other.formal,
            dates=first.dates or other.dates,
            place=first.place or other.place,
        )
    return first


def conflict(agenda_title: str, intro: str, letter_date: dt.date | None) -> str | None:
    """A warning when the opening names other meeting dates than the agenda's title (a cover letter copied
    from the letter before): the title's dates are the ones taken."""
    return disagreement(_meeting(canonical(intro), letter_date), _meeting(canonical(agenda_title), letter_date))


def disagreement(opening: Meeting | None, title: Meeting | None) -> str | None:
    """The warning when the opening's meeting dates are not the title's (None when they agree or one is unknown)."""
    if title is None or opening is None or not title.dates or not opening.dates or title.dates == opening.dates:
        return None
    return MEETING_CONFLICT.format(opening=_span(opening.dates), title=_span(title.dates))


MEETING_CONFLICT = (
    "the opening names the meeting of {opening}, the agenda's title that of {title}; the title's dates are taken"
)


def _span(dates: tuple[dt.date, ...]) -> str:
    first, last = dates[0], dates[-1]
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def kind_of(agenda_title: str, intro: str) -> LetterKind:
    """A verslag reports on a meeting, a geannoteerde agenda prepares one: the title says which, else the opening."""
    title = canonical(agenda_title).lower()
    if title.startswith("verslag"):
        return LetterKind.REPORT
    if title:
        return LetterKind.AGENDA
    opening = canonical(intro).lower()
    if re.search(r"\bgeannoteerde agenda\b", opening):
        return LetterKind.AGENDA
    if re.search(r"\bverslag\b", opening):
        return LetterKind.REPORT
    return LetterKind.OTHER


def _meeting(text: str, letter_date: dt.date | None) -> Meeting | None:
    council = _COUNCIL.search(text)
    if not council:
        return None
    formal: bool | None = None
    if re.search(r"\binformele\b", text, re.I):
        formal = False
    elif re.search(r"\bformele\b", text, re.I):
        formal = True
    tail = text[council.start() :]
    days = _DAYS.search(tail)
    dates = _dates(days, letter_date) if days else ()
    place_match = _PLACE.search(tail[days.end() :] if days else tail)
    return Meeting(
        council=(council.group(1) or council.group(2)).strip(),
        formal=formal,
        dates=dates,
        place=place_match.group("place") if place_match else None,
    )


def _dates(match: re.Match[str], letter_date: dt.date | None) -> tuple[dt.date, ...]:
    month2 = dutch.MONTHS[match.group("m2").lower().rstrip(".")]
    month1 = dutch.MONTHS[match.group("m1").lower().rstrip(".")] if match.group("m1") else month2
    if match.group("year"):
        year = int(match.group("year"))
    elif letter_date is not None:
        # "22-23 juli a.s.": the coming meeting, in the letter's year or the next.
        year = letter_date.year + (1 if month2 < letter_date.month else 0)
    else:
        return ()
    first_year = year - 1 if month1 > month2 else year
    try:
        start = dt.date(first_year, month1, int(match.group("d1")))
        if not match.group("d2"):
            return (start,)
        end = dt.date(year, month2, int(match.group("d2")))
    except ValueError:
        return ()
    days = (end - start).days
    return tuple(start + dt.timedelta(days=n) for n in range(days + 1)) if 0 <= days <= 4 else (start, end)


def kamerstuk_of(dossier: str | None, number: str | None, furniture: Sequence[str]) -> str | None:
    """'32 317, nr. 967' from the Kamerstuk's own heading, else from its page footers."""
    if dossier and number:
        return f"{_spaced_dossier(dossier)}, nr. {number}"
    for line in furniture:
        if (footer := dutch.KAMERSTUK_HEADER.match(line)) and footer.group("dossier"):
            return f"{_spaced_dossier(footer.group('dossier').strip())}, nr. {footer.group('number')}"
    return None


def _spaced_dossier(dossier: str) -> str:
    """Dossier numbers are written '32 317' in Kamerstukken: give '32317' the same form."""
    return re.sub(r"^(\d{2})\s?(\d{3})", r"\1 \2", dossier)
