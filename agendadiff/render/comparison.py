"""Render a comparison: the terminal summary, the JSON other tools read, and the one-file HTML report."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from agendadiff.jsontext import json_text
from agendadiff.model import (
    STDIN,
    ChangeKind,
    Chunk,
    Comparison,
    Flag,
    Letter,
    Move,
    NoteChange,
    Op,
    Pair,
    Place,
    Section,
    SectionKind,
    SentenceChange,
    Status,
)
from agendadiff.render.common import (
    PACKAGE,
    cue_data,
    cue_text,
    date_label,
    file_link,
    labels,
    letter_head,
    meeting_label,
    pair_reasons,
    section_label,
    template,
)

# 2: each letter's `source` is an object (path, sha256, encoding, repairs), with its kind and warnings beside it
FORMAT_VERSION = 2


def pair_label(pair: Pair, lang: str = "en") -> str:
    section = pair.new or pair.old
    assert section is not None
    return section_label(section, lang)


# -- Summary ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """How many topics ended up in each state, and how many words changed in all."""

    topics: int
    unchanged: int
    changed: int
    added: int
    removed: int
    retitled: int
    moved: int
    split: int
    merged: int
    words_deleted: int
    words_inserted: int
    words_moved: int


# What a reader counts as a topic: a cover-letter topic or an agenda item (or the whole text of a letter
# without structure), not the opening, the signatures, the agenda's title or its parts.
TOPIC_KINDS = frozenset({SectionKind.TOPIC, SectionKind.ITEM, SectionKind.TEXT})


def is_topic(pair: Pair) -> bool:
    section = pair.new or pair.old
    return section is not None and section.kind in TOPIC_KINDS


def summarize(comparison: Comparison) -> Summary:
    """Topics by what became of them (each once: unchanged, changed, new, dropped, split off or merged) and
    the flags some of them carry besides (retitled, moved); words over the whole letters."""
    statuses: Counter[Status] = Counter()
    flags: Counter[Flag] = Counter()
    for pair in comparison.pairs:
        if not is_topic(pair):
            continue
        flags.update(pair.flags)
        if Flag.SPLIT in pair.flags or Flag.MERGED in pair.flags:
            continue  # the piece of a split or merge is counted as that, not as added or removed
        statuses[pair.status] += 1
    return Summary(
        topics=sum(statuses.values()) + flags[Flag.SPLIT] + flags[Flag.MERGED],
        unchanged=statuses[Status.UNCHANGED],
        changed=statuses[Status.CHANGED],
        added=statuses[Status.ADDED],
        removed=statuses[Status.REMOVED],
        retitled=flags[Flag.RETITLED],
        moved=flags[Flag.MOVED],
        split=flags[Flag.SPLIT],
        merged=flags[Flag.MERGED],
        words_deleted=sum(p.counts.deleted for p in comparison.pairs),
        words_inserted=sum(p.counts.inserted for p in comparison.pairs),
        words_moved=sum(m.words for m in comparison.moves),
    )


# -- JSON -------------------------------------------------------------------------------------------


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    summary = summarize(comparison)
    from agendadiff._version import __version__

    return {
        "agendadiff": FORMAT_VERSION,
        "version": __version__,
        "kind": "comparison",
        "old": _letter_data(comparison.old, "old", comparison),
        "new": _letter_data(comparison.new, "new", comparison),
        "summary": {
            "topics": {
                "total": summary.topics,
                "unchanged": summary.unchanged,
                "changed": summary.changed,
                "added": summary.added,
                "removed": summary.removed,
                "retitled": summary.retitled,
                "moved": summary.moved,
                "split": summary.split,
                "merged": summary.merged,
            },
            "words": {
                "deleted": summary.words_deleted,
                "inserted": summary.words_inserted,
                "moved": summary.words_moved,
            },
        },
        "positions": [change.id for change in comparison.position_changes],
        "pairs": [_pair_data(pair, comparison) for pair in comparison.pairs],
        "moves": [_move_data(move, comparison) for move in comparison.moves],
    }


def comparison_json(comparison: Comparison) -> str:
    return json_text(comparison_data(comparison)) + "\n"


def _letter_data(letter: Letter, side: str, comparison: Comparison) -> dict[str, Any]:
    return letter_head(letter) | {
        "sections": [
            {
                "id": s.id,
                "kind": s.kind.value,
                "number": s.number,
                "title": s.title,
                "decision": s.decision,
                "text": s.text,
                "footnotes": [{"number": n.number, "text": n.text, "url": n.url} for n in s.footnotes],
                "sentences": [
                    {"start": m.start, "end": m.end, "position": m.position, "stances": list(m.stances)}
                    for m in comparison.sentences_of(side, s.id)
                ],
            }
            for s in letter.sections
        ],
    }


def _pair_data(pair: Pair, comparison: Comparison) -> dict[str, Any]:
    moves = comparison.moves
    return {
        "id": pair.id,
        "old": pair.old.id if pair.old else None,
        "new": pair.new.id if pair.new else None,
        "status": pair.status.value,
        "score": pair.score,
        "reasons": [r.value for r in pair.reasons],
        "dossier": pair.dossier,
        "topic": pair.topic,
        "flags": [f.value for f in pair.flags],
        "related": list(pair.related),
        "title_diff": _ops(pair.title_diff),
        "decision_diff": _ops(pair.decision_diff),
        "diff": _ops(pair.diff),
        "moves": [m.id for m in moves if m.id in {c.move for c in pair.diff}],
        "footnotes": [_note_data(n) for n in pair.notes],
        "words": {"deleted": pair.counts.deleted, "inserted": pair.counts.inserted, "moved": pair.counts.moved},
        "sentences": [_sentence_change_data(change) for change in comparison.changes_of(pair)],
    }


def _sentence_change_data(change: SentenceChange) -> dict[str, Any]:
    return {
        "id": change.id,
        "status": change.status.value,
        "class": change.kind.value,
        "position": change.position,
        "reasons": [cue_data(cue) for cue in change.cues],
        "old": _sentence_place(change.old, change.old_text),
        "new": _sentence_place(change.new, change.new_text),
        "move": change.move,
        "diff": _ops(change.diff),
    }


def _sentence_place(place: Place | None, text: str) -> dict[str, Any] | None:
    return {"section": place.section, "start": place.start, "end": place.end, "text": text} if place else None


def _ops(chunks: Sequence[Chunk]) -> list[list[str]]:
    return [[c.op.value, c.text] for c in chunks]


def _note_data(change: NoteChange) -> dict[str, Any]:
    def note(n: Any) -> dict[str, Any] | None:
        return {"number": n.number, "text": n.text, "url": n.url} if n else None

    return {"status": change.status.value, "old": note(change.old), "new": note(change.new)}


def _move_data(move: Move, comparison: Comparison) -> dict[str, Any]:
    old_text = _section_text(comparison.old, move.source.section)
    new_text = _section_text(comparison.new, move.target.section)
    return {
        "id": move.id,
        "from": {
            "section": move.source.section,
            "start": move.source.start,
            "end": move.source.end,
            "text": old_text[move.source.start : move.source.end],
        },
        "to": {
            "section": move.target.section,
            "start": move.target.start,
            "end": move.target.end,
            "text": new_text[move.target.start : move.target.end],
        },
        "words": move.words,
        "similarity": move.similarity,
        "diff": _ops(move.inner),
    }


def _section_text(letter: Letter, section_id: str) -> str:
    return next(s.text for s in letter.sections if s.id == section_id)


# -- Terminal ---------------------------------------------------------------------------------------

_STYLE = {
    "delete": ("\x1b[31;9m", "\x1b[0m"),  # red and struck through, green and underlined: not colour alone
    "insert": ("\x1b[32;4m", "\x1b[0m"),
    "moved": ("\x1b[36m", "\x1b[0m"),
    "head": ("\x1b[1m", "\x1b[0m"),
    "dim": ("\x1b[2m", "\x1b[0m"),
}
_PLAIN = {
    "delete": ("[-", "-]"),
    "insert": ("{+", "+}"),
    "moved": ("", ""),
    "head": ("", ""),
    "dim": ("", ""),
}
CONTEXT_WORDS = 12  # unchanged words kept on each side of a change in the terminal view
PREVIEW_WORDS = 40  # words shown of a whole new or dropped section


def comparison_text(comparison: Comparison, colour: bool = False, lang: str = "nl") -> str:
    return "\n".join(_text_lines(comparison, colour, labels(lang), lang)) + "\n"


def _text_lines(comparison: Comparison, colour: bool, t: dict[str, str], lang: str) -> Iterator[str]:
    style = _STYLE if colour else _PLAIN

    def paint(kind: str, text: str) -> str:
        start, end = style[kind]
        return f"{start}{text}{end}"

    old, new = comparison.old, comparison.new
    width = max(len(t["text_old"]), len(t["text_new"]))
    yield f"{paint('head', t['text_old'].ljust(width))}  {_letter_line(old, t, lang)}"
    yield f"{paint('head', t['text_new'].ljust(width))}  {_letter_line(new, t, lang)}"
    s = summarize(comparison)
    yield ""
    states = "".join(f", {n} {t['text_' + key]}" for n, key in ((s.split, "split"), (s.merged, "merged")) if n)
    besides = ", ".join(f"{n} {t['text_' + key]}" for n, key in ((s.retitled, "retitled"), (s.moved, "moved")) if n)
    yield (
        t["text_topics"].format(
            total=s.topics, unchanged=s.unchanged, changed=s.changed, added=s.added, removed=s.removed
        )
        + states
        + (f"; {t['text_of_which']} {besides}" if besides else "")
    )
    yield t["text_words"].format(deleted=s.words_deleted, inserted=s.words_inserted, moved=s.words_moved)
    if not colour:
        yield t["text_marks"]
    positions = comparison.position_changes
    if positions:
        yield ""
        yield paint("head", t["text_positions"].format(count=len(positions)))
        for change in positions:
            pair = comparison.pair_of(change)
            reasons = "; ".join(cue_text(cue, t) for cue in change.cues)
            yield f"  * {_text_label(pair, comparison, lang)} ({t['sentence_' + change.status.value]}: {reasons})"
            yield from _wrapped(_inline(change.diff, paint, None), "    ")
    for pair in comparison.pairs:
        if pair.status is Status.UNCHANGED and not pair.flags:
            continue
        yield ""
        yield from _pair_lines(pair, comparison, paint, t, lang)


def _letter_line(letter: Letter, t: dict[str, str], lang: str) -> str:
    date = letter.date.isoformat() if letter.date else t["date_unknown"]
    meeting = f"  {meeting_label(letter.meeting, lang)}" if letter.meeting else ""
    return f"{date}{meeting}  ({letter.source.path})"


def _text_label(pair: Pair, comparison: Comparison, lang: str) -> str:
    """A pair's label with the agenda part its item is in ("Justitie en Veiligheid, 1. ..."): two parts each
    have an item 1."""
    section = pair.new or pair.old
    assert section is not None
    letter = comparison.new if pair.new else comparison.old
    part = _section(letter, section.parent) if section.parent else None
    label = pair_label(pair, lang)
    return f"{part.title}, {label}" if part is not None and part.kind is SectionKind.PART and part.title else label


def _pair_lines(pair: Pair, comparison: Comparison, paint: Any, t: dict[str, str], lang: str) -> Iterator[str]:
    kind = (pair.new or pair.old).kind.value  # type: ignore[union-attr]
    flags = "".join(f", {t['text_' + f.name.lower()]}" for f in pair.flags)
    status = t["text_" + pair.status.value]
    yield paint("head", f"== {status}{flags}: {t['text_kind_' + kind]} {_text_label(pair, comparison, lang)}")
    if pair.old and pair.new and Flag.RETITLED in pair.flags:
        yield f"   {t['was']}: {section_label(pair.old, lang)}"
    if Flag.SPLIT in pair.flags:
        yield f"   {t['split_from']} {section_label(_section(comparison.old, pair.related[0]), lang)}"
    if Flag.MERGED in pair.flags:
        yield f"   {t['merged_into']} {section_label(_section(comparison.new, pair.related[0]), lang)}"
    if pair.old and pair.new and pair.reasons:
        yield paint("dim", f"   {t['text_paired']}: {pair_reasons(pair, t)} ({t['text_score']} {pair.score:.2f})")
    if any(c.op is not Op.EQUAL for c in pair.title_diff) and pair.old and pair.new:
        yield f"   {t['text_title']}: {_inline(pair.title_diff, paint, None)}"
    if any(c.op is not Op.EQUAL for c in pair.decision_diff):
        yield f"   {t['text_decision']}: {_inline(pair.decision_diff, paint, None)}"
    counts = pair.counts
    if counts.changed:
        yield paint(
            "dim",
            "   " + t["text_pair_words"].format(deleted=counts.deleted, inserted=counts.inserted, moved=counts.moved),
        )
    if pair.status in (Status.ADDED, Status.REMOVED) and not pair.flags:
        # A whole new or dropped section: its opening is enough here; the HTML report has all of it.
        section = pair.new or pair.old
        assert section is not None
        words = section.text.split()
        if words:
            preview = " ".join(words[:PREVIEW_WORDS]) + (" …" if len(words) > PREVIEW_WORDS else "")
            op = Op.INSERT if pair.status is Status.ADDED else Op.DELETE
            yield ""
            yield from _wrapped(paint(op.value, preview), "   ")
    else:
        for paragraph in _changed_paragraphs(pair.diff):
            yield ""
            yield from _wrapped(_inline(paragraph, paint, CONTEXT_WORDS), "   ")
    for move in comparison.moves:
        if move.inner and pair.new and move.target.section == pair.new.id:
            yield ""
            arrived = t["text_moved_arrived"].format(id=move.id)
            yield from _wrapped(f"{arrived} {_inline(move.inner, paint, CONTEXT_WORDS)}", "   ")
    for note in pair.notes:
        yield f"   {_note_line(note, t)}"


TEXT_WIDTH = 100
_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def _wrapped(text: str, indent: str) -> Iterator[str]:
    """Lines of at most TEXT_WIDTH visible characters; colour codes take no room."""
    line, length = indent, len(indent)
    for word in text.split(" "):
        size = len(_ESCAPE.sub("", word))
        if length > len(indent) and length + 1 + size > TEXT_WIDTH:
            yield line
            line, length = indent + word, len(indent) + size
        else:
            line, length = (
                (line + word, length + size) if length == len(indent) else (f"{line} {word}", length + 1 + size)
            )
    if length > len(indent):
        yield line


def _changed_paragraphs(chunks: Sequence[Chunk]) -> Iterator[list[Chunk]]:
    """The diff cut at paragraph breaks of unchanged text; only paragraphs with a change come out."""
    paragraph: list[Chunk] = []
    for chunk in chunks:
        pieces = chunk.text.split("\n\n") if chunk.op is Op.EQUAL else [chunk.text]
        for k, piece in enumerate(pieces):
            if k:
                if any(c.is_change for c in paragraph):
                    yield paragraph
                paragraph = []
            if piece:
                paragraph.append(Chunk(chunk.op, piece, chunk.move))
    if any(c.is_change for c in paragraph):
        yield paragraph


def _inline(chunks: Sequence[Chunk], paint: Any, context: int | None) -> str:
    out = []
    for k, chunk in enumerate(chunks):
        text = chunk.text.replace("\n\n", " ¶ ")
        if not chunk.is_change:
            if chunk.op is Op.DELETE:
                continue  # layout: show the new letter's spacing
            text = " " if chunk.op is Op.INSERT else text
        if chunk.op is Op.EQUAL or not chunk.is_change:
            if context is not None:
                text = _elide(text, context, first=k == 0, last=k == len(chunks) - 1)
            out.append(text)
        elif chunk.move is not None:
            arrow = f"→{chunk.move} " if chunk.op is Op.DELETE else f"←{chunk.move} "
            out.append(paint(chunk.op.value, paint("moved", arrow + text)))
        else:
            out.append(paint(chunk.op.value, text))
    return "".join(out)


def _elide(text: str, keep: int, first: bool, last: bool) -> str:
    """Long unchanged text shortened to `keep` words next to each change."""
    words = re.split(r"(\s+)", text)
    count = (len(words) + 1) // 2
    head = 0 if first else keep
    tail = 0 if last else keep
    if count <= head + tail + 3:
        return text
    left = "".join(words[: head * 2])
    right = "".join(words[len(words) - tail * 2 :]) if tail else ""
    return f"{left.rstrip()} … {right.lstrip()}" if left else f"… {right.lstrip()}"


# -- HTML -------------------------------------------------------------------------------------------


@cache
def _script() -> tuple[str, str]:
    """The page's script and its sha256 for the Content-Security-Policy, read once per process."""
    import hashlib
    from base64 import b64encode

    script = (PACKAGE / "templates" / "compare.js").read_text("utf-8")
    return script, b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def comparison_html(
    comparison: Comparison, lang: str = "nl", sources: tuple[str, str] | None = None, made: str | None = None
) -> str:
    """A self-contained page: no requests, a script allowed only by its hash, every piece of letter text
    escaped by the template. `sources` are the links to the two letters (paths relative to the page);
    `made`, when the page was made, goes in its footer."""
    from agendadiff._version import __version__

    t = labels(lang)
    script, script_hash = _script()
    s = summarize(comparison)
    position_count = len(comparison.position_changes)
    counts = [
        ("unchanged", s.unchanged),
        ("changed", s.changed),
        ("added", s.added),
        ("removed", s.removed),
        ("split", s.split),
        ("merged", s.merged),
    ]
    flag_counts = [("retitled", s.retitled), ("moved", s.moved)]
    rows = [_pair_view(pair, comparison, lang) for pair in comparison.pairs]
    letters = [
        _letter_view(comparison.old, t["old_letter"], sources[0] if sources else None, t, lang),
        _letter_view(comparison.new, t["new_letter"], sources[1] if sources else None, t, lang),
    ]
    return template("compare.html.j2").render(
        t=t,
        lang=lang,
        heading=f"{t['heading']} {letters[0]['date']} → {letters[1]['date']}",
        version=__version__,
        script=script,
        script_hash=script_hash,
        letters=letters,
        topics=s.topics,
        counts=[(t[key], n, key) for key, n in counts if n or key in ("unchanged", "changed", "added", "removed")],
        flag_counts=[(t[key], n, key) for key, n in flag_counts if n],
        position_count=position_count,
        positions=_position_groups(comparison, rows, t, lang),
        rows=rows,
        made=t["made_on"].format(when=made) if made else "",
    )


def _letter_view(letter: Letter, label: str, href: str | None, t: dict[str, str], lang: str) -> dict[str, Any]:
    kamerstuk = letter.kamerstuk
    return {
        "label": label,
        "date": date_label(letter.date, lang) if letter.date else t["date_unknown"],
        "meeting": meeting_label(letter.meeting, lang),
        # an absolute path says where the user keeps their files, not which letter it is: its name does
        "source": os.path.basename(letter.source.path) if os.path.isabs(letter.source.path) else letter.source.path,
        # a letter read from standard input has no file to link to
        "href": None if letter.source.path == STDIN else file_link(href if href is not None else letter.source.path),
        "kamerstuk": kamerstuk,
        "kamerstuk_href": _kamerstuk_url(kamerstuk),
    }


def _kamerstuk_url(kamerstuk: str | None) -> str | None:
    """The officielebekendmakingen page of "32317-736" style numbers; None for other notations."""
    if not kamerstuk:
        return None
    match = re.fullmatch(r"(\d[\d ]*)(?:-([\dA-Z]+))?,?\s*(?:nr\.\s*)?-?(\d+)", kamerstuk.strip())
    if not match:
        return None
    dossier = match.group(1).replace(" ", "")
    addition = f"-{match.group(2)}" if match.group(2) else ""
    return f"https://zoek.officielebekendmakingen.nl/kst-{dossier}{addition}-{match.group(3)}.html"


def _chunk_views(
    chunks: Sequence[Chunk], owners: Sequence[SentenceChange | None] | None, prefix: str | None
) -> list[dict[str, Any]]:
    """Chunks as the template draws them; a change gets an anchor "<prefix>-c<k>" and the kind of the
    sentence change it belongs to. A paragraph joined or split shows the new letter's spacing."""
    views: list[dict[str, Any]] = []
    k = 0
    for index, chunk in enumerate(chunks):
        if not chunk.is_change:
            if chunk.op is not Op.DELETE:
                views.append({"op": "equal", "text": chunk.text})
            continue
        k += 1
        owner = owners[index] if owners else None
        views.append(
            {
                "op": chunk.op.value,
                "text": chunk.text,
                "move": chunk.move,
                "anchor": f"{prefix}-c{k}" if prefix else None,
                "kind": owner.kind.value if owner else None,
                "why": owner.id if owner else None,
            }
        )
    return views


def _positions_marked(
    body: list[dict[str, Any]], changes: Sequence[SentenceChange], status: Status
) -> list[dict[str, Any]]:
    """A whole new or dropped section is one mark; its position statements get their own piece of it, so
    that they are marked as a changed position is anywhere else. The first piece keeps the anchor, the
    others get one of their own after it ("...-c1-p2"), so that the summary links to each."""
    marks = [v for v in body if v["op"] != "equal" and v.get("move") is None]
    if len(marks) != 1:
        return body
    whole = marks[0]
    places = sorted(
        (place.start, place.end, change)
        for change in changes
        if change.kind is ChangeKind.POSITION
        and (place := change.new if status is Status.ADDED else change.old) is not None
    )
    if not places:
        return body
    pieces: list[dict[str, Any]] = []
    at = 0
    text = whole["text"]
    for start, end, change in places:
        start += len(text[start:end]) - len(text[start:end].lstrip())  # the mark starts at the sentence's word
        if start < at or end > len(text):
            return body  # places that do not fit the text: keep the one mark
        if start > at:
            pieces.append(whole | {"text": text[at:start], "kind": None, "why": None})
        pieces.append(whole | {"text": text[start:end], "kind": change.kind.value, "why": change.id})
        at = end
    if at < len(text):
        pieces.append(whole | {"text": text[at:], "kind": None, "why": None})
    for k, piece in enumerate(pieces):
        if k and whole.get("anchor"):
            piece["anchor"] = f"{whole['anchor']}-p{k}"
    index = body.index(whole)
    return body[:index] + pieces + body[index + 1 :]


_ENDS_SENTENCE = re.compile(r"[.!?:;][’”'\")\]]*$")


def _side_by_side(views: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The inline chunks as rows of old and new text, side by side: a row ends where the unchanged text ends a
    sentence, so that each row holds a sentence (or the few a change spans) in both versions. `para` marks
    the first row of a paragraph."""
    import itertools

    from agendadiff.lang.sentences import sentence_spans

    rows: list[dict[str, Any]] = [{"old": [], "new": [], "para": True}]

    def add(view: dict[str, Any], text: str) -> None:
        if not text:
            return
        part = view | {"text": text}
        if view["op"] != "insert":
            rows[-1]["old"].append(part)
        if view["op"] != "delete":
            rows[-1]["new"].append(part)

    for view in views:
        if view["op"] != "equal":
            add(view, view["text"])
            continue
        for k, paragraph in enumerate(view["text"].split("\n\n")):
            if k:
                rows.append({"old": [], "new": [], "para": True})
            spans = sentence_spans(paragraph)
            cuts = [end for (_, end), _ in itertools.pairwise(spans)]
            last = spans[-1][1] if spans else 0
            if (
                spans
                and paragraph[last:].strip() == ""
                and paragraph[last:]
                and _ENDS_SENTENCE.search(paragraph[:last])
            ):
                cuts.append(last)  # unchanged text that ends a sentence and then only spaces (not "Het kabinet ")
            at = 0
            for cut in cuts:
                add(view, paragraph[at:cut])
                rows.append({"old": [], "new": [], "para": False})
                at = cut
            add(view, paragraph[at:].lstrip() if cuts else paragraph[at:])
    return [row for row in rows if any(v["text"].strip() for side in ("old", "new") for v in row[side])]


def _pair_view(pair: Pair, comparison: Comparison, lang: str) -> dict[str, Any]:
    t = labels(lang)
    section = pair.new or pair.old
    assert section is not None
    owners = comparison.owners_of(pair)
    body = _chunk_views(pair.diff, owners, pair.anchor)
    if pair.status in (Status.ADDED, Status.REMOVED):
        body = _positions_marked(body, comparison.changes_of(pair), pair.status)
    first_marks = _first_marks(body)
    relation = ""
    if Flag.SPLIT in pair.flags:
        relation = f"{t['split_from']} {section_label(_section(comparison.old, pair.related[0]), lang)}"
    if Flag.MERGED in pair.flags:
        relation = f"{t['merged_into']} {section_label(_section(comparison.new, pair.related[0]), lang)}"
    both = pair.old is not None and pair.new is not None
    words = max(pair.old.words if pair.old else 0, pair.new.words if pair.new else 0)
    c = pair.counts
    positions = [ch for ch in comparison.changes_of(pair) if ch.kind is ChangeKind.POSITION]
    letter_of = comparison.new if pair.new else comparison.old
    return {
        "anchor": pair.anchor,
        "status": pair.status.value,
        "status_label": t[pair.status.value],
        "flags": [(f.value, t[f.value]) for f in pair.flags],
        "kind": t.get(f"kind_{section.kind.value}", section.kind.value),
        "title": section_label(section, lang),
        "was": section_label(pair.old, lang) if pair.old and both and Flag.RETITLED in pair.flags else "",
        "relation": relation,
        "reasons": pair_reasons(pair, t) if both else "",
        "title_diff": _chunk_views(pair.title_diff, None, None)
        if both and any(x.is_change for x in pair.title_diff)
        else [],
        "decision_diff": _chunk_views(pair.decision_diff, None, None)
        if any(x.is_change for x in pair.decision_diff)
        else [],
        "body": body,
        "sbs": _side_by_side(body),
        "words": section.words,
        "counts": _count_label(c.deleted, c.inserted, c.moved),
        "share": min(100, round(100 * c.changed / words)) if words else 0,
        "positions": len(positions),
        "has": "".join(f" has-{kind}" for kind in _kinds_in(pair, comparison)),
        "part": section.kind is SectionKind.PART,
        "level": 4 if section.parent and _section(letter_of, section.parent).kind is SectionKind.PART else 3,
        "sentences": [
            _sentence_view(ch, t) | {"target": _target(ch, first_marks, pair.anchor)}
            for ch in comparison.changes_of(pair)
            if pair.status not in (Status.ADDED, Status.REMOVED)
        ],
        "edited_moves": [
            {"id": m.id, "label": t["moved_with_edits"].format(id=m.id), "diff": _chunk_views(m.inner, None, None)}
            for m in comparison.moves
            if m.inner and pair.new and m.target.section == pair.new.id
        ],
        "notes": [_note_view(n, t) for n in pair.notes],
    }


def _kinds_in(pair: Pair, comparison: Comparison) -> list[str]:
    """The kinds of change in a pair, for the kind filter: position, factual, wording, moved."""
    kinds = {change.kind.value for change in comparison.changes_of(pair)}
    if any(chunk.move is not None for chunk in pair.diff):
        kinds.add("moved")
    return [kind for kind in ("position", "factual", "wording", "moved") if kind in kinds]


def _section(letter: Letter, section_id: str) -> Section:
    return next(s for s in letter.sections if s.id == section_id)


def _sentence_view(change: SentenceChange, t: dict[str, str]) -> dict[str, Any]:
    return {
        "id": change.id,
        "kind": change.kind.value,
        "kind_label": t[f"kind_{change.kind.value}"],
        "status": change.status.value,
        "status_label": t[f"sentence_{change.status.value}"],
        "cues": [cue_text(cue, t) for cue in change.cues],
        "diff": _chunk_views(change.diff, None, None),
        "old": change.old_text,
        "new": change.new_text,
    }


def _first_marks(body: Sequence[dict[str, Any]]) -> dict[str, str]:
    """The anchor of each sentence change's first mark in a topic's text, by the change's id (found once
    per topic: a long topic has thousands of marks and of changes)."""
    first: dict[str, str] = {}
    for view in body:
        why = view.get("why")
        if why is not None and why not in first:
            first[why] = view["anchor"]
    return first


def _target(change: SentenceChange, first_marks: dict[str, str], fallback: str) -> str:
    """Where a sentence change's link goes: its first mark in its topic's text."""
    if change.move is not None:
        return f"move-{change.move}-to"
    return first_marks.get(change.id, fallback)


def _joined_by_signal(reasons: Iterable[str]) -> list[str]:
    """ "standpunt: ‘a’ → —" and "standpunt: — → ‘b’" as "standpunt: ‘a’ → — · — → ‘b’": each signal named once."""
    by_signal: dict[str, list[str]] = {}
    for reason in reasons:
        signal, _, words = reason.partition(": ")
        by_signal.setdefault(signal, []).extend([words] if words else [])
    return [f"{signal}: {' · '.join(words)}" if words else signal for signal, words in by_signal.items()]


OPEN_UP_TO_WORDS = 20  # a topic's position changes shown unfolded in the summary when this short


def _position_groups(
    comparison: Comparison, rows: Sequence[dict[str, Any]], t: dict[str, str], lang: str
) -> list[dict[str, Any]]:
    """The summary: one entry per topic, in reading order, with what changed in its positions in one line
    (each reason once) and its changed sentences, folded when they are long."""
    by_pair: dict[str, list[SentenceChange]] = {}
    for change in comparison.position_changes:
        by_pair.setdefault(change.pair, []).append(change)
    groups = []
    row_of = {row["anchor"]: row for row in reversed(rows)}
    for pair in comparison.pairs:
        changes = by_pair.get(pair.id)
        if not changes:
            continue
        row = row_of[pair.anchor]
        first_marks = _first_marks(row["body"])
        reasons = _joined_by_signal(dict.fromkeys(cue_text(cue, t) for change in changes for cue in change.cues))
        words = sum(len(c.text.split()) for change in changes for c in change.diff if c.is_change)
        groups.append(
            {
                "topic": _text_label(pair, comparison, lang),
                "topic_anchor": row["anchor"],
                "status": pair.status.value,
                "status_label": t[pair.status.value],
                "count": len(changes),
                "reasons": reasons,
                "open": words <= OPEN_UP_TO_WORDS,
                "changes": [
                    _sentence_view(change, t) | {"target": _target(change, first_marks, row["anchor"])}
                    for change in changes
                ],
            }
        )
    return groups


def _note_view(change: NoteChange, t: dict[str, str]) -> dict[str, Any]:
    def text(note: Any) -> str:
        return f"{note.text} {note.url or ''}".strip()

    if change.old and change.new:
        head = t["footnote_changed"].format(old=change.old.number, new=change.new.number)
        return {"head": head, "diff": _chunk_views(change.diff, None, None)}
    note = change.new or change.old
    assert note is not None
    key = "footnote_added" if change.new else "footnote_removed"
    op = "insert" if change.new else "delete"
    return {
        "head": t[key].format(number=note.number),
        "diff": [{"op": op, "text": text(note), "move": None, "anchor": None, "kind": None, "why": None}],
    }


def _count_label(deleted: int, inserted: int, moved: int) -> str:
    parts = [f"−{deleted}" if deleted else "", f"+{inserted}" if inserted else "", f"↔{moved}" if moved else ""]
    return " ".join(p for p in parts if p)


def _note_line(change: NoteChange, t: dict[str, str]) -> str:
    if change.old and change.new:
        old = f"{change.old.text} {change.old.url or ''}".strip()
        new = f"{change.new.text} {change.new.url or ''}".strip()
        return f"{t['footnote_changed'].format(old=change.old.number, new=change.new.number)}: “{old}” → “{new}”"
    note = change.new or change.old
    assert note is not None
    said = t[f"footnote_{change.status.value}"].format(number=note.number)
    return f"{said}: {note.text} {note.url or ''}".rstrip()
