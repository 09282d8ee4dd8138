"""Render follow-through: an agenda against its verslag (Outcome) and the commitments of a series (Register),
as text, JSON and HTML. The verdicts and statuses are the stages' (outcome.py, commitments.py); here they are
put in words, quoting the sentences they rest on."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from agendadiff.jsontext import json_text
from agendadiff.model import (
    CommitmentStatus,
    CommitmentTrack,
    ItemOutcome,
    Letter,
    Outcome,
    Quote,
    Register,
    Section,
    Verdict,
)
from agendadiff.render.common import (
    date_label,
    file_link,
    labels,
    letter_head,
    meeting_label,
    section_label,
    template,
)

FORMAT_VERSION = 2  # 2: each letter's `source` an object, as in every output
VERDICT_ORDER = (
    Verdict.DIVERGED,
    Verdict.NOT_REPORTED,
    Verdict.NOT_ANNOUNCED,
    Verdict.AS_ANNOUNCED,
    Verdict.NO_POSITION,
)
STATUS_ORDER = (
    CommitmentStatus.OVERDUE,
    CommitmentStatus.OPEN,
    CommitmentStatus.REPEATED,
    CommitmentStatus.FULFILLED,
    CommitmentStatus.DROPPED,
)


def _key(value: str) -> str:
    return value.replace(" ", "_")


def why(item: ItemOutcome, t: dict[str, str]) -> list[str]:
    """The verdict's reasons in words (labels `t`), without the quotes (shown beside them)."""
    verdict = item.verdict
    if verdict is Verdict.NO_POSITION:
        return [t["fo_why_nothing"]]
    if item.agenda is None:
        return [t["fo_why_no_item"]]
    if item.verslag is None:
        return [t["fo_why_no_account"]]
    if item.announced_vote and item.reported_vote:
        reasons = [
            t["fo_why_vote"].format(
                announced=t[f"vote_{item.announced_vote}"], reported=t[f"vote_{item.reported_vote}"]
            )
        ]
        return reasons + [t["fo_why_condition"].format(condition=c) for c in item.missing_conditions]
    if item.announced_vote:
        return [t["fo_why_no_vote"]]
    if verdict is Verdict.NOT_REPORTED:
        return [t["fo_why_no_act"]]
    if verdict is Verdict.NOT_ANNOUNCED:
        return [t["fo_why_unannounced"]]
    return [t["fo_why_same"]]


def _counts(outcome: Outcome) -> dict[str, int]:
    found = Counter(item.verdict for item in outcome.items)
    return {verdict.value: found[verdict] for verdict in VERDICT_ORDER}


# -- JSON ---------------------------------------------------------------------------------------------------


def outcome_json(outcome: Outcome) -> str:
    return json_text(outcome_data(outcome)) + "\n"


def outcome_data(outcome: Outcome) -> dict[str, Any]:
    from agendadiff._version import __version__

    english = labels("en")
    return {
        "agendadiff": FORMAT_VERSION,
        "version": __version__,
        "kind": "outcome",
        "agenda": letter_head(outcome.agenda),
        "verslag": letter_head(outcome.verslag),
        "summary": _counts(outcome),
        "items": [
            {
                "agenda": _section(item.agenda),
                "verslag": _section(item.verslag),
                "verdict": item.verdict.value,
                "reasons": why(item, english),
                "announced_vote": item.announced_vote,
                "reported_vote": item.reported_vote,
                "conditions": list(item.conditions),
                "missing_conditions": list(item.missing_conditions),
                "said": _quote(item.said),
                "done": _quote(item.done),
                "announced": [_quote(q) for q in item.announced],
                "reported": [_quote(q) for q in item.reported],
            }
            for item in outcome.items
        ],
    }


def register_json(register: Register) -> str:
    return json_text(register_data(register)) + "\n"


def register_data(register: Register) -> dict[str, Any]:
    from agendadiff._version import __version__

    found = Counter(track.status for track in register.tracks)
    return {
        "agendadiff": FORMAT_VERSION,
        "version": __version__,
        "kind": "commitments",
        "letters": [letter_head(letter) for letter in register.letters],
        "summary": {status.value: found[status] for status in STATUS_ORDER},
        "commitments": [_track(track, register.letters) for track in register.tracks],
    }


def _track(track: CommitmentTrack, letters: tuple[Letter, ...]) -> dict[str, Any]:
    commitment = track.commitment
    return {
        "id": commitment.id,
        "status": track.status.value,
        "made": {"letter": _date(letters[commitment.letter]), "section": commitment.section, "text": commitment.text},
        "who": commitment.who,
        "due": commitment.due.isoformat() if commitment.due else None,
        "due_text": commitment.due_text,
        "repeated": [{"letter": _date(letters[k]), **(_quote(q) or {})} for k, q in track.repeated],
        "fulfilled": {"letter": _date(letters[track.fulfilled[0]]), **(_quote(track.fulfilled[1]) or {})}
        if track.fulfilled
        else None,
    }


def _date(letter: Letter) -> str | None:
    return letter.date.isoformat() if letter.date else None


def _section(section: Section | None) -> dict[str, Any] | None:
    if section is None:
        return None
    return {"id": section.id, "number": section.number, "title": section.title, "decision": section.decision}


def _quote(quote: Quote | None) -> dict[str, Any] | None:
    return {"section": quote.section, "text": quote.text} if quote else None


# -- Text ---------------------------------------------------------------------------------------------------


def outcome_text(outcome: Outcome, lang: str = "nl") -> str:
    return "\n".join(_outcome_lines(outcome, labels(lang), lang)) + "\n"


def _outcome_lines(outcome: Outcome, t: dict[str, str], lang: str) -> Iterator[str]:
    for head, letter in ((t["text_out_agenda"], outcome.agenda), (t["text_out_verslag"], outcome.verslag)):
        yield f"{head}  {_date(letter) or '?'}  {meeting_label(letter.meeting, lang)}  ({letter.source.path})"
    yield ""
    counts = _counts(outcome)
    yield t["text_out_items"] + "; ".join(f"{n} {t['verdict_' + _key(verdict)]}" for verdict, n in counts.items() if n)
    for verdict, items in _groups(outcome.items, VERDICT_ORDER, lambda item: item.verdict):
        yield ""
        yield f"== {t['verdict_' + _key(verdict.value)]} ({len(items)})"
        for item in items:
            yield from _wrapped(f"{section_label(item.section, lang)}: {'; '.join(why(item, t))}", "  * ", "    ")
            if item.said:
                yield from _wrapped(item.said.text, "      " + t["text_out_announced"])
            if item.done:
                yield from _wrapped(item.done.text, "      " + t["text_out_reported"])


T = TypeVar("T")
K = TypeVar("K")


def _groups(things: Sequence[T], order: Sequence[K], key: Callable[[T], K]) -> Iterator[tuple[K, list[T]]]:
    """`things` by their key, in `order`, each group that has members."""
    for value in order:
        members = [thing for thing in things if key(thing) == value]
        if members:
            yield value, members


def _wrapped(text: str, first: str, rest: str | None = None) -> list[str]:
    """`text` wrapped at 100 columns after `first`, the next lines indented as deep (or by `rest`)."""
    indent = " " * len(first) if rest is None else rest
    return textwrap.wrap(text, 100, initial_indent=first, subsequent_indent=indent, break_on_hyphens=False) or [first]


def register_text(register: Register, lang: str = "nl") -> str:
    return "\n".join(_register_lines(register, labels(lang))) + "\n"


def _register_lines(register: Register, t: dict[str, str]) -> Iterator[str]:
    letters = register.letters
    first, last = (_date(letters[0]), _date(letters[-1])) if letters else ("?", "?")
    yield t["text_reg_head"].format(count=len(letters), first=first, last=last)
    found = Counter(track.status for track in register.tracks)
    statuses = ", ".join(f"{found[s]} {t['status_' + s.value]}" for s in STATUS_ORDER if found[s])
    yield t["text_reg_status"] + (statuses or t["text_reg_none"])
    for status, tracks in _groups(register.tracks, STATUS_ORDER, lambda track: track.status):
        yield ""
        yield f"== {t['status_' + status.value]} ({len(tracks)})"
        for track in tracks:
            commitment = track.commitment
            due = (
                t["text_reg_due"].format(date=commitment.due.isoformat(), text=commitment.due_text)
                if commitment.due
                else ""
            )
            yield f"  * [{commitment.id}] {_date(letters[commitment.letter])}, {commitment.section}{due}"
            yield from _wrapped(commitment.text, "      ")
            for k, quote in track.repeated:
                yield from _wrapped(
                    quote.text, "      " + t["text_reg_repeated"].format(date=_date(letters[k])), "        "
                )
            if track.fulfilled:
                k, quote = track.fulfilled
                yield from _wrapped(
                    f"({quote.section}) {quote.text}",
                    "      " + t["text_reg_fulfilled"].format(date=_date(letters[k])),
                    "        ",
                )


# -- HTML ---------------------------------------------------------------------------------------------------


def outcome_html(outcome: Outcome, lang: str = "nl") -> str:
    from agendadiff._version import __version__

    t = labels(lang)
    counts = _counts(outcome)
    rows = [
        {
            "verdict": item.verdict.value,
            "verdict_key": _key(item.verdict.value),
            "verdict_label": t[f"verdict_{_key(item.verdict.value)}"],
            "title": section_label(item.section, lang),
            "decision": item.section.decision or "",
            "why": why(item, t),
            "said": item.said.text if item.said else "",
            "done": item.done.text if item.done else "",
        }
        for verdict in VERDICT_ORDER
        for item in outcome.items
        if item.verdict is verdict
    ]
    _mark_group_starts(rows, "verdict_key")
    return template("followthrough.html.j2").render(
        t=t,
        lang=lang,
        version=__version__,
        page="outcome",
        heading=f"{t['fo_heading']}: {meeting_label(outcome.agenda.meeting or outcome.verslag.meeting, lang)}",
        intro=t["fo_intro"],
        letters=[
            {
                "label": t["fo_agenda"],
                "date": date_label(outcome.agenda.date, lang),
                "source": outcome.agenda.source.path,
            },
            {
                "label": t["fo_verslag"],
                "date": date_label(outcome.verslag.date, lang),
                "source": outcome.verslag.source.path,
            },
        ],
        summary=[{"key": _key(v), "label": t[f"verdict_{_key(v)}"], "count": n} for v, n in counts.items() if n],
        rows=rows,
        commitments=[],
    )


def register_html(register: Register, lang: str = "nl", links_from: str = "") -> str:
    """The register as a page; its links to letters are relative to `links_from`, the folder it is written to
    (relative to the letters' paths; "" when they are relative to it already)."""
    import os

    from agendadiff._version import __version__

    def href(letter: Letter) -> str:
        path = letter.source.path
        return file_link(os.path.relpath(path, links_from) if links_from else path)

    t = labels(lang)
    letters = register.letters
    found = Counter(track.status for track in register.tracks)
    commitments = [
        {
            "id": track.commitment.id,
            "status_key": track.status.value,
            "status": t[f"status_{track.status.value}"],
            "made": date_label(letters[track.commitment.letter].date, lang),
            "made_href": href(letters[track.commitment.letter]),
            "kind": _kind(letters[track.commitment.letter]),
            "who": track.commitment.who,
            "text": track.commitment.text,
            "due": date_label(track.commitment.due, lang) if track.commitment.due else "",
            "due_text": track.commitment.due_text,
            "repeated": [{"date": date_label(letters[k].date, lang), "text": q.text} for k, q in track.repeated],
            "fulfilled": {
                "date": date_label(letters[track.fulfilled[0]].date, lang),
                "href": href(letters[track.fulfilled[0]]),
                "text": track.fulfilled[1].text,
            }
            if track.fulfilled
            else None,
            "open": track in register.open,
        }
        for status in STATUS_ORDER
        for track in register.tracks
        if track.status is status
    ]
    _mark_group_starts(commitments, "status_key")
    span = f"{date_label(letters[0].date, lang)} – {date_label(letters[-1].date, lang)}" if letters else ""
    return template("followthrough.html.j2").render(
        t=t,
        lang=lang,
        version=__version__,
        page="commitments",
        heading=f"{t['cm_heading']} {span}".strip(),
        intro=t["cm_intro"],
        letters=[],
        summary=[
            {"key": s.value, "label": t[f"status_{s.value}"], "count": found[s]} for s in STATUS_ORDER if found[s]
        ],
        rows=[],
        commitments=commitments,
    )


def _kind(letter: Letter) -> str:
    return letter.kind.value if letter.kind else ""


def _mark_group_starts(rows: list[dict[str, Any]], key: str) -> None:
    """The first row of each group (verdict, status) carries the group's anchor, which the summary links to."""
    seen: set[str] = set()
    for row in rows:
        row["anchor"] = "" if row[key] in seen else f"g-{row[key]}"
        seen.add(row[key])
