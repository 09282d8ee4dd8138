"""Render a comparison: the terminal summary, the JSON other tools read, and the one-file HTML report."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from agendadiff.diff import is_change
from agendadiff.model import Chunk, Comparison, Flag, Letter, Move, NoteChange, Op, Pair, Section, Status
from agendadiff.render import meeting_line
from agendadiff.serialize import FORMAT_VERSION, meeting_data

_UNTITLED = {"intro": "Opening of the letter", "signatures": "Signatures", "text": "Whole text"}


def section_label(section: Section) -> str:
    number = f"{section.number}. " if section.number else ""
    return number + (section.title or _UNTITLED.get(section.kind.value, section.kind.value))


def pair_label(pair: Pair) -> str:
    section = pair.new or pair.old
    assert section is not None
    return section_label(section)


# -- Summary ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """How many topics ended up in each state, and how many words changed in all."""

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


def summarize(comparison: Comparison) -> Summary:
    statuses: Counter[Status] = Counter()
    flags: Counter[Flag] = Counter()
    for pair in comparison.pairs:
        flags.update(pair.flags)
        if Flag.SPLIT in pair.flags or Flag.MERGED in pair.flags:
            continue  # the piece of a split or merge is counted as that, not as added or removed
        statuses[pair.status] += 1
    return Summary(
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
    return {
        "agendadiff": FORMAT_VERSION,
        "old": _letter_data(comparison.old),
        "new": _letter_data(comparison.new),
        "summary": {
            "topics": {
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
        "pairs": [_pair_data(pair, comparison.moves) for pair in comparison.pairs],
        "moves": [_move_data(move, comparison) for move in comparison.moves],
    }


def comparison_json(comparison: Comparison) -> str:
    return json.dumps(comparison_data(comparison), ensure_ascii=False, indent=2) + "\n"


def _letter_data(letter: Letter) -> dict[str, Any]:
    return {
        "source": letter.source.path,
        "sha256": letter.source.sha256,
        "date": letter.date.isoformat() if letter.date else None,
        "kamerstuk": letter.kamerstuk,
        "meeting": (meeting_data(letter.meeting) or {}) | {"label": meeting_line(letter.meeting)}
        if letter.meeting
        else None,
        "sections": [
            {
                "id": s.id,
                "kind": s.kind.value,
                "number": s.number,
                "title": s.title,
                "decision": s.decision,
                "text": s.text,
                "footnotes": [{"number": n.number, "text": n.text, "url": n.url} for n in s.footnotes],
            }
            for s in letter.sections
        ],
    }


def _pair_data(pair: Pair, moves: Sequence[Move]) -> dict[str, Any]:
    return {
        "id": pair.id,
        "old": pair.old.id if pair.old else None,
        "new": pair.new.id if pair.new else None,
        "status": pair.status.value,
        "score": pair.score,
        "reasons": [r.value for r in pair.reasons],
        "flags": [f.value for f in pair.flags],
        "related": list(pair.related),
        "title_diff": _ops(pair.title_diff),
        "decision_diff": _ops(pair.decision_diff),
        "diff": _ops(pair.diff),
        "moves": [m.id for m in moves if m.id in {c.move for c in pair.diff}],
        "footnotes": [_note_data(n) for n in pair.notes],
        "words": {"deleted": pair.counts.deleted, "inserted": pair.counts.inserted, "moved": pair.counts.moved},
    }


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


def comparison_text(comparison: Comparison, colour: bool = False) -> str:
    return "\n".join(_text_lines(comparison, colour)) + "\n"


def _text_lines(comparison: Comparison, colour: bool) -> Iterator[str]:
    style = _STYLE if colour else _PLAIN

    def paint(kind: str, text: str) -> str:
        start, end = style[kind]
        return f"{start}{text}{end}"

    old, new = comparison.old, comparison.new
    yield f"{paint('head', 'Old')}  {_letter_line(old)}"
    yield f"{paint('head', 'New')}  {_letter_line(new)}"
    s = summarize(comparison)
    yield ""
    yield (
        f"Topics: {s.unchanged} unchanged, {s.changed} changed, {s.added} new, {s.removed} dropped"
        + "".join(
            f", {n} {label}"
            for n, label in ((s.retitled, "retitled"), (s.moved, "moved"), (s.split, "split"), (s.merged, "merged"))
            if n
        )
    )
    yield f"Words:  {s.words_deleted} deleted, {s.words_inserted} inserted, {s.words_moved} moved"
    if not colour:
        yield "Marks:  [-deleted-] {+inserted+} [-→N moved text-] {+←N moved text+}"
    for pair in comparison.pairs:
        if pair.status is Status.UNCHANGED and not pair.flags:
            continue
        yield ""
        yield from _pair_lines(pair, comparison, paint)


def _letter_line(letter: Letter) -> str:
    date = letter.date.isoformat() if letter.date else "date unknown"
    meeting = f"  {meeting_line(letter.meeting)}" if letter.meeting else ""
    return f"{date}{meeting}  ({letter.source.path})"


def _pair_lines(pair: Pair, comparison: Comparison, paint: Any) -> Iterator[str]:
    kind = (pair.new or pair.old).kind.value  # type: ignore[union-attr]
    flags = "".join(f", {f.value}" for f in pair.flags)
    yield paint("head", f"== {pair.status.value}{flags}: {kind} {pair_label(pair)}")
    if pair.old and pair.new and Flag.RETITLED in pair.flags:
        yield f"   was: {section_label(pair.old)}"
    if Flag.SPLIT in pair.flags:
        yield f"   split off from {_name(comparison.old, pair.related[0])}"
    if Flag.MERGED in pair.flags:
        yield f"   merged into {_name(comparison.new, pair.related[0])}"
    if pair.old and pair.new and pair.reasons:
        yield paint("dim", f"   paired: {', '.join(r.value for r in pair.reasons)} (score {pair.score:.2f})")
    if any(c.op is not Op.EQUAL for c in pair.title_diff) and pair.old and pair.new:
        yield f"   title: {_inline(pair.title_diff, paint, None)}"
    if any(c.op is not Op.EQUAL for c in pair.decision_diff):
        yield f"   decision: {_inline(pair.decision_diff, paint, None)}"
    counts = pair.counts
    if counts.changed:
        yield paint("dim", f"   words: -{counts.deleted} +{counts.inserted}, {counts.moved} moved")
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
            yield from _wrapped(
                f"moved text {move.id} arrived with edits: {_inline(move.inner, paint, CONTEXT_WORDS)}", "   "
            )
    for note in pair.notes:
        yield f"   {_note_line(note)}"


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


def _name(letter: Letter, section_id: str) -> str:
    section = next(s for s in letter.sections if s.id == section_id)
    return section_label(section)


def _changed_paragraphs(chunks: Sequence[Chunk]) -> Iterator[list[Chunk]]:
    """The diff cut at paragraph breaks of unchanged text; only paragraphs with a change come out."""
    paragraph: list[Chunk] = []
    for chunk in chunks:
        pieces = chunk.text.split("\n\n") if chunk.op is Op.EQUAL else [chunk.text]
        for k, piece in enumerate(pieces):
            if k:
                if any(is_change(c) for c in paragraph):
                    yield paragraph
                paragraph = []
            if piece:
                paragraph.append(Chunk(chunk.op, piece, chunk.move))
    if any(is_change(c) for c in paragraph):
        yield paragraph


def _inline(chunks: Sequence[Chunk], paint: Any, context: int | None) -> str:
    out = []
    for k, chunk in enumerate(chunks):
        text = chunk.text.replace("\n\n", " ¶ ")
        if not is_change(chunk):
            if chunk.op is Op.DELETE:
                continue  # layout: show the new letter's spacing
            text = " " if chunk.op is Op.INSERT else text
        if chunk.op is Op.EQUAL or not is_change(chunk):
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


def comparison_html(comparison: Comparison) -> str:
    """A self-contained page: no scripts, no requests, every piece of letter text escaped."""
    from importlib.resources import files

    from jinja2 import Environment
    from markupsafe import Markup, escape

    from agendadiff import __version__

    def chunks_html(chunks: Sequence[Chunk], anchors: bool) -> Markup:
        out = []
        for chunk in chunks:
            text = escape(chunk.text)
            if not is_change(chunk):
                if chunk.op is not Op.DELETE:  # a joined or split paragraph is layout: show the new spacing
                    out.append(text)
                continue
            tag = "del" if chunk.op is Op.DELETE else "ins"
            if chunk.move is None:
                out.append(Markup(f"<{tag}>{text}</{tag}>"))
                continue
            here, there, arrow = ("from", "to", "→") if chunk.op is Op.DELETE else ("to", "from", "←")
            anchor = f' id="move-{chunk.move}-{here}"' if anchors else ""
            out.append(
                Markup(f'<{tag} class="moved"{anchor}><a href="#move-{chunk.move}-{there}" ')
                + Markup(f'title="moved text {chunk.move}">{arrow}{chunk.move}</a> {text}</{tag}>')
            )
        return Markup("").join(out)

    def changed(chunks: Sequence[Chunk]) -> bool:
        return any(is_change(c) for c in chunks)

    rows = []
    for pair in comparison.pairs:
        section = pair.new or pair.old
        assert section is not None
        relation = ""
        if Flag.SPLIT in pair.flags:
            relation = f"split off from {_name(comparison.old, pair.related[0])}"
        if Flag.MERGED in pair.flags:
            relation = f"merged into {_name(comparison.new, pair.related[0])}"
        c = pair.counts
        rows.append(
            {
                "anchor": "t-" + re.sub(r"[^a-z0-9-]+", "-", pair.id.lower()).strip("-"),
                "status": pair.status.value,
                "flags": [f.value for f in pair.flags],
                "kind": section.kind.value,
                "title": pair_label(pair),
                "was": section_label(pair.old) if pair.old and pair.new and Flag.RETITLED in pair.flags else "",
                "relation": relation,
                "reasons": ", ".join(r.value for r in pair.reasons) if pair.old and pair.new else "",
                "title_diff": chunks_html(pair.title_diff, False)
                if pair.old and pair.new and changed(pair.title_diff)
                else "",
                "decision_diff": chunks_html(pair.decision_diff, False) if changed(pair.decision_diff) else "",
                "body": chunks_html(pair.diff, True),
                "words": section.words,
                "counts": _count_label(c.deleted, c.inserted, c.moved),
                "edited_moves": [
                    {"id": m.id, "diff": chunks_html(m.inner, False)}
                    for m in comparison.moves
                    if m.inner and pair.new and m.target.section == pair.new.id
                ],
                "notes": [_note_line(n) for n in pair.notes],
            }
        )
    s = summarize(comparison)
    counts = [
        ("unchanged", s.unchanged),
        ("changed", s.changed),
        ("new", s.added),
        ("dropped", s.removed),
        ("retitled", s.retitled),
        ("moved", s.moved),
        ("split", s.split),
        ("merged", s.merged),
        ("words deleted", s.words_deleted),
        ("words inserted", s.words_inserted),
        ("words moved", s.words_moved),
    ]
    letters = [("Old letter", _letter_data(comparison.old)), ("New letter", _letter_data(comparison.new))]
    old_date, new_date = (letter["date"] or "?" for _, letter in letters)
    environment = Environment(autoescape=True, keep_trailing_newline=True)
    template = environment.from_string((files("agendadiff") / "templates" / "compare.html.j2").read_text("utf-8"))
    return template.render(
        heading=f"Geannoteerde agenda {old_date} → {new_date}",
        version=__version__,
        letters=letters,
        counts=[(label, n) for label, n in counts if n or label in ("unchanged", "changed")],
        rows=rows,
    )


def _count_label(deleted: int, inserted: int, moved: int) -> str:
    parts = [f"−{deleted}" if deleted else "", f"+{inserted}" if inserted else "", f"↔{moved}" if moved else ""]
    return " ".join(p for p in parts if p)


def _note_line(change: NoteChange) -> str:
    if change.old and change.new:
        old = f"{change.old.text} {change.old.url or ''}".strip()
        new = f"{change.new.text} {change.new.url or ''}".strip()
        return f"Footnote {change.old.number} (now {change.new.number}) changed: “{old}” → “{new}”"
    note = change.new or change.old
    assert note is not None
    return f"Footnote {note.number} {change.status.value}: {note.text} {note.url or ''}".rstrip()
