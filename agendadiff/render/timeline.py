"""Render a Timeline: JSON of the threads and their sentence histories, a text overview, and an HTML page
with a heat map of topics by letters and, per thread, its titles, its positions letter by letter and its
latest text shaded by age."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from agendadiff.jsontext import json_text
from agendadiff.model import (
    Appearance,
    Letter,
    PositionStep,
    SectionKind,
    SentenceHistory,
    Status,
    Step,
    Thread,
    Timeline,
    Turn,
    topic_anchor,
)
from agendadiff.render.common import cue_data, cue_text, date_label, labels, letter_head, meeting_label, template

FORMAT_VERSION = 2  # 2: each letter's `source` an object, as in every output
HEAT_STEPS = (0.05, 0.15, 0.3, 0.5)  # upper bounds of heat levels 1..4 of the share changed; above: 5
OLDEST_SHADE = 5
_TURN_LABELS = {
    Turn.RETITLED: "retitled",
    Turn.TO_AGENDA: "tl_to_agenda",
    Turn.TO_COVER: "tl_to_cover",
    Turn.SPLIT: "split",
    Turn.MERGED: "merged",
}


def select(timeline: Timeline, topic: str | None) -> Timeline:
    """The timeline with only the threads that carry `topic` in any appearance (all for None)."""
    if topic is None:
        return timeline
    kept = tuple(t for t in timeline.threads if any(label.topic == topic for a in t.appearances for label in a.topics))
    return replace(timeline, threads=kept)


def letter_ids(letters: Sequence[Letter]) -> list[str]:
    """A name per letter for links and JSON: its date, with a suffix when two share one."""
    ids: list[str] = []
    for letter in letters:
        base = letter.date.isoformat() if letter.date else "undated"
        name, k = base, 2
        while name in ids:
            name, k = f"{base}-{k}", k + 1
        ids.append(name)
    return ids


def ordered_threads(timeline: Timeline) -> list[Thread]:
    """Threads grouped by their main topic in the lexicon's order, each group by first appearance."""
    rank = {topic: k for k, topic in enumerate(timeline.topics)}

    def key(thread: Thread) -> tuple[int, int, str]:
        main = rank.get(thread.topics[0].topic, len(rank)) if thread.topics else len(rank)
        return main, thread.appearances[0].letter, thread.id

    return sorted(timeline.threads, key=key)


# -- JSON -------------------------------------------------------------------------------------------


def timeline_data(timeline: Timeline) -> dict[str, Any]:
    ids = letter_ids(timeline.letters)
    from agendadiff._version import __version__

    return {
        "agendadiff": FORMAT_VERSION,
        "version": __version__,
        "kind": "timeline",
        "letters": [{"id": ids[k]} | letter_head(letter) for k, letter in enumerate(timeline.letters)],
        "topics": [{"id": t.id, "nl": t.nl, "en": t.en} for t in timeline.topic_names],
        "threads": [_thread_data(thread, ids) for thread in ordered_threads(timeline)],
    }


def timeline_json(timeline: Timeline) -> str:
    return json_text(timeline_data(timeline)) + "\n"


def _thread_data(thread: Thread, ids: Sequence[str]) -> dict[str, Any]:
    return {
        "id": thread.id,
        "title": thread.latest.title,
        "topics": [{"topic": x.topic, "score": x.score} for x in thread.topics],
        "split_from": thread.split_from,
        "merged_into": thread.merged_into,
        "appearances": [_appearance_data(a, ids) for a in thread.appearances],
        "sentences": [_sentence_data(s, ids) for s in thread.sentences],
        "dropped": [_sentence_data(s, ids) for s in thread.dropped],
    }


def _appearance_data(appearance: Appearance, ids: Sequence[str]) -> dict[str, Any]:
    return {
        "letter": ids[appearance.letter],
        "section": appearance.section,
        "title": appearance.title,
        "decision": appearance.decision,
        "place": "agenda" if appearance.kind is SectionKind.ITEM else "cover letter",
        "step": appearance.step.value,
        "turns": [turn.value for turn in appearance.turns],
        "related": list(appearance.related),
        "words": {"total": appearance.words, "deleted": appearance.deleted, "inserted": appearance.inserted},
        "share_changed": appearance.share,
        "topics": [{"topic": x.topic, "score": x.score} for x in appearance.topics],
        "positions": [_position_data(p) for p in appearance.positions],
    }


def _position_data(step: PositionStep) -> dict[str, Any]:
    return {
        "status": step.status.value,
        "changes_position": step.changes_position,
        "old": step.old_text or None,
        "new": step.new_text or None,
        "class": step.kind.value if step.kind else None,
        "reasons": [cue_data(c) for c in step.cues],
        "diff": [[c.op.value, c.text] for c in step.diff],
        "from_thread": step.origin,
    }


def _sentence_data(sentence: SentenceHistory, ids: Sequence[str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "text": sentence.text,
        "introduced": ids[sentence.introduced],
        "edited": [ids[k] for k in sentence.edited],
        "position": sentence.position,
    }
    if sentence.dropped is not None:
        data["dropped"] = ids[sentence.dropped]
    if sentence.origin:
        data["from_thread"] = sentence.origin
    return data


# -- Text -------------------------------------------------------------------------------------------

_CELL = {Step.NEW: "+", Step.UNCHANGED: "=", Step.RETURNED: "^"}


def timeline_text(timeline: Timeline, history: bool = False, lang: str = "nl") -> str:
    """An overview: a map of threads by letters, then per thread its titles and changed positions; with
    `history`, also the latest text sentence by sentence with the letter that introduced each."""
    return "\n".join(_text_lines(timeline, history, labels(lang), lang)) + "\n"


def _text_lines(timeline: Timeline, history: bool, t: dict[str, str], lang: str) -> Iterator[str]:
    ids = letter_ids(timeline.letters)
    letters = timeline.letters
    span = t["text_tl_span"].format(first=ids[0], last=ids[-1]) if letters else ""
    yield t["text_tl_head"].format(count=len(letters)) + span
    for k, letter in enumerate(letters):
        yield f"  {k + 1:>2}  {ids[k]}  {meeting_label(letter.meeting, lang)}  ({letter.source.path})"
    yield ""
    threads = ordered_threads(timeline)
    if not threads:
        yield t["text_tl_none"]
        return
    width = min(48, max(len(thread.id) for thread in threads))
    yield t["text_tl_map"]
    yield " " * (width + 2) + " ".join(f"{k + 1:>2}" for k in range(len(letters)))
    for thread in threads:
        cells = {a.letter: a for a in thread.appearances}
        row = " ".join(_text_cell(cells.get(k)) for k in range(len(letters)))
        yield f"{thread.id[:width]:<{width}}  {row}"
    for thread in threads:
        yield ""
        yield from _thread_lines(thread, ids, history, t)


def _text_cell(appearance: Appearance | None) -> str:
    if appearance is None:
        return " ."
    mark = _CELL.get(appearance.step) or str(heat_level(appearance))
    if appearance.step is Step.RETURNED:
        mark = "^"
    star = "*" if any(p.changes_position for p in appearance.positions) and appearance.step is not Step.NEW else " "
    return f"{star}{mark}"


def _thread_lines(thread: Thread, ids: Sequence[str], history: bool, t: dict[str, str]) -> Iterator[str]:
    topics = ", ".join(x.topic for x in thread.topics) or "-"
    yield f"== {thread.id}  [{topics}]"
    if thread.split_from:
        yield f"   {t['split_from']} {thread.split_from}"
    if thread.merged_into:
        yield f"   {t['merged_into']} {thread.merged_into}"
    for appearance in thread.appearances:
        place = t["text_tl_agenda"] if appearance.kind is SectionKind.ITEM else t["text_tl_letter"]
        turns = "".join(f", {t['text_tl_turn_' + turn.name.lower()]}" for turn in appearance.turns)
        changed = appearance.step in (Step.CHANGED, Step.RETURNED)
        share = ", " + t["text_tl_share"].format(share=percent(appearance.share)) if changed else ""
        step = t["text_tl_step_" + appearance.step.value]
        yield f"   {ids[appearance.letter]}  {step}{turns}{share} ({place}): {appearance.title}"
        for position in appearance.positions:
            if position.status is Status.UNCHANGED or appearance.step is Step.NEW:
                continue
            if position.status is Status.CHANGED:
                why = "; ".join(cue_text(c, t) for c in position.cues)
                kind = t["kind_" + position.kind.value] if position.kind else t["changed"]
                source = "  " + t["text_tl_from"].format(thread=position.origin) if position.origin else ""
                yield f"      ~ {t['text_tl_edited']} ({kind}): {position.new_text}{source}"
                yield f"        {t['was']}: {position.old_text}" + (f"  ({why})" if why else "")
            elif position.status is Status.ADDED:
                source = "  " + t["text_tl_from"].format(thread=position.origin) if position.origin else ""
                yield f"      + {t['text_tl_position']}: {position.new_text}{source}"
            else:
                yield f"      - {t['text_tl_position']}: {position.old_text}"
    if history:
        yield "   " + t["text_tl_latest"]
        for sentence in thread.sentences:
            edits = f" x{sentence.changes}" if sentence.changes else ""
            origin = " " + t["text_tl_origin"].format(thread=sentence.origin) if sentence.origin else ""
            mark = "P" if sentence.position else " "
            yield f"   {ids[sentence.introduced]}{edits:<3}{mark} {sentence.text}{origin}"
        for sentence in thread.dropped:
            dropped = t["text_tl_dropped"].format(letter=ids[sentence.dropped or 0], first=ids[sentence.introduced])
            yield f"   {dropped}: {sentence.text}"


def heat_level(appearance: Appearance) -> int:
    """0 for no change, 1..5 for growing shares of changed words."""
    if appearance.step is Step.UNCHANGED or (not appearance.deleted and not appearance.inserted):
        return 0
    return 1 + sum(appearance.share > bound for bound in HEAT_STEPS)


# -- HTML -------------------------------------------------------------------------------------------


ReportLink = Callable[[int], str | None]  # letter index -> the page comparing it with the letter before


def timeline_html(
    timeline: Timeline,
    lang: str = "nl",
    topic: str | None = None,
    reports: ReportLink | None = None,
) -> str:
    """A self-contained page without scripts; every piece of letter text escaped by the template. With
    `reports` (an archive has them), each appearance links to its topic in the comparison with the letter before."""
    from agendadiff._version import __version__

    t = labels(lang)
    ids = letter_ids(timeline.letters)
    threads = ordered_threads(timeline)
    names = {x.id: x.label(lang) for x in timeline.topic_names}
    shown = {thread.id: thread.latest.title for thread in threads}  # thread id -> its latest title
    letters = [
        {
            "id": ids[k],
            "date": date_label(letter.date, lang),
            "short": _short_date(letter, lang),
            "meeting": meeting_label(letter.meeting, lang),
            "source": letter.source.path,
        }
        for k, letter in enumerate(timeline.letters)
    ]
    groups: list[dict[str, Any]] = []
    for thread in threads:
        main = thread.topics[0].topic if thread.topics else ""
        if not groups or groups[-1]["topic"] != main:
            groups.append({"topic": main, "name": names.get(main, t["tl_other"]), "rows": []})
        groups[-1]["rows"].append(_row_view(thread, len(timeline.letters), letters, t))
    heading = f"{t['tl_heading']} {letters[0]['date']} – {letters[-1]['date']}" if letters else t["tl_heading"]
    if topic:
        heading += f" · {names.get(topic, topic)}"
    return template("timeline.html.j2").render(
        t=t,
        lang=lang,
        version=__version__,
        heading=heading,
        letters=letters,
        groups=groups,
        threads=[
            _thread_view(thread, _latest_text(timeline, thread), letters, names, shown, t, reports)
            for thread in threads
        ],
    )


def _latest_text(timeline: Timeline, thread: Thread) -> str:
    sections = timeline.letters[thread.latest.letter].sections
    return next(s.text for s in sections if s.id == thread.latest.section)


def _short_date(letter: Letter, lang: str) -> str:
    if letter.date is None:
        return "?"
    day, month, year = date_label(letter.date, lang).split(" ")
    return f"{day} {month[:3]} {year}"


def _row_view(thread: Thread, count: int, letters: Sequence[dict[str, Any]], t: dict[str, str]) -> dict[str, Any]:
    cells = {a.letter: a for a in thread.appearances}
    row: list[dict[str, Any] | None] = []
    for k in range(count):
        appearance = cells.get(k)
        if appearance is None:
            row.append(None)
            continue
        changed_positions = sum(p.changes_position for p in appearance.positions)
        level = "new" if appearance.step is Step.NEW else f"h{heat_level(appearance)}"
        state = t["tl_" + appearance.step.value]
        tip = f"{appearance.title} · {letters[k]['date']}: {state}"
        if appearance.step in (Step.CHANGED, Step.RETURNED):
            tip += f", {percent(appearance.share)} {t['tl_share']}"
        if changed_positions and appearance.step is not Step.NEW:
            tip += f", {changed_positions} {t['tl_positions_changed']}"
        row.append(
            {
                "href": f"#{_anchor(thread, appearance)}",
                "level": level,
                "returned": appearance.step is Step.RETURNED,
                "positions": bool(changed_positions) and appearance.step is not Step.NEW,
                "tip": tip,
                "label": _cell_label(appearance),
            }
        )
    first, last = letters[thread.appearances[0].letter]["short"], letters[thread.latest.letter]["short"]
    return {
        "id": thread.id,
        "title": thread.latest.title,
        "span": first if first == last else f"{first} – {last}",
        "href": f"#th-{thread.id}",
        "cells": row,
    }


def _cell_label(appearance: Appearance) -> str:
    if appearance.step is Step.NEW:
        return "+"
    if appearance.step is Step.UNCHANGED:
        return "="
    return percent(appearance.share)


def percent(share: float) -> str:
    """A share as a percentage, where a small change is no "0%"."""
    return "<1%" if 0 < share < 0.005 else f"{round(share * 100)}%"


def _anchor(thread: Thread, appearance: Appearance) -> str:
    return f"th-{thread.id}-{appearance.letter + 1}"


def _thread_view(
    thread: Thread,
    text: str,
    letters: Sequence[dict[str, Any]],
    names: dict[str, str],
    shown: dict[str, str],
    t: dict[str, str],
    reports: ReportLink | None = None,
) -> dict[str, Any]:
    latest = thread.latest.letter
    titles: list[dict[str, Any]] = []
    for appearance in thread.appearances:
        place = t["tl_agenda"] if appearance.kind is SectionKind.ITEM else t["tl_cover"]
        if titles and titles[-1]["title"] == appearance.title and titles[-1]["place"] == place:
            titles[-1]["until"] = letters[appearance.letter]["date"]
            continue
        titles.append(
            {
                "title": appearance.title,
                "place": place,
                "from": letters[appearance.letter]["date"],
                "until": None,
                "href": f"#{_anchor(thread, appearance)}",
            }
        )
    return {
        "id": thread.id,
        "anchor": f"th-{thread.id}",
        "title": thread.latest.title,
        "topics": [{"name": names.get(x.topic, x.topic), "score": round(x.score * 100)} for x in thread.topics],
        "split_from": thread.split_from,
        "split_href": f"#th-{thread.split_from}" if thread.split_from in shown else None,
        "merged_into": thread.merged_into,
        "merged_href": f"#th-{thread.merged_into}" if thread.merged_into in shown else None,
        "titles": titles,
        "appearances": [_appearance_view(thread, a, letters, shown, t, reports) for a in thread.appearances],
        "paragraphs": _aged_paragraphs(thread, text, letters, t),
        "legend": sorted(
            {(min(OLDEST_SHADE, latest - s.introduced), letters[s.introduced]["date"]) for s in thread.sentences},
            reverse=True,
        ),
        "dropped": [
            {
                "text": s.text,
                "dropped": letters[s.dropped or 0]["date"],
                "introduced": letters[s.introduced]["date"],
                "position": s.position,
            }
            for s in thread.dropped
        ],
    }


def _appearance_view(
    thread: Thread,
    appearance: Appearance,
    letters: Sequence[dict[str, Any]],
    titles: dict[str, str],
    t: dict[str, str],
    reports: ReportLink | None = None,
) -> dict[str, Any]:
    page = reports(appearance.letter) if reports else None
    changed = []
    same = []
    for step in appearance.positions:
        if step.status is Status.UNCHANGED or appearance.step is Step.NEW:
            same.append(step.new_text or step.old_text)
        else:
            changed.append(
                {
                    "status": step.status.value,
                    "label": t["tl_position_" + step.status.value],
                    "origin": titles.get(step.origin or "", step.origin),
                    "origin_href": f"#th-{step.origin}" if step.origin in titles else None,
                    "chunks": _chunks(step),
                    "cues": "; ".join(cue_text(c, t) for c in step.cues),
                }
            )
    return {
        "anchor": _anchor(thread, appearance),
        "date": letters[appearance.letter]["date"],
        "title": appearance.title,
        "decision": appearance.decision,
        "place": t["tl_agenda"] if appearance.kind is SectionKind.ITEM else t["tl_cover"],
        "step": appearance.step.value,
        "step_label": t["tl_" + appearance.step.value],
        "turns": [t[_TURN_LABELS[turn]] for turn in appearance.turns],
        "share": percent(appearance.share),
        "show_share": appearance.step in (Step.CHANGED, Step.RETURNED),
        "changed": changed,
        "same": same,
        "report": f"{page}#{topic_anchor(appearance.section)}" if page else None,
    }


def _chunks(step: PositionStep) -> list[dict[str, str]]:
    if step.status is Status.CHANGED:
        return [{"op": c.op.value, "text": c.text} for c in step.diff]
    if step.status is Status.ADDED:
        return [{"op": "insert", "text": step.new_text}]
    return [{"op": "delete", "text": step.old_text}]


def _aged_paragraphs(
    thread: Thread, text: str, letters: Sequence[dict[str, Any]], t: dict[str, str]
) -> list[list[dict[str, Any]]]:
    """The latest text as paragraphs of sentences, each with its age shade and what a hover tells."""
    latest = thread.latest.letter
    paragraphs: list[list[dict[str, Any]]] = [[]]
    end = None
    for sentence in thread.sentences:
        if end is not None and "\n\n" in text[end : sentence.start]:
            paragraphs.append([])
        end = sentence.end
        tip = f"{t['tl_introduced']} {letters[sentence.introduced]['date']}"
        if sentence.edited:
            tip += f"; {t['tl_edited']} " + ", ".join(letters[k]["date"] for k in sentence.edited)
        if sentence.origin:
            tip += f"; {t['tl_from_topic']} {sentence.origin}"
        paragraphs[-1].append(
            {
                "text": sentence.text,
                "age": min(OLDEST_SHADE, latest - sentence.introduced),
                "position": sentence.position,
                "tip": tip,
            }
        )
    return [p for p in paragraphs if p]
