"""What an archive answers: each letter with what changed (`archive log`), and whether what it stores is
still what this agendadiff reads (`archive check`)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from agendadiff.archive.build import COMMITMENT_EXTENSIONS, OUTCOME_EXTENSIONS, REPORT_EXTENSIONS
from agendadiff.archive.layout import (
    COMMITMENTS,
    LETTERS,
    OUTCOMES,
    REPORTS,
    TIMELINE,
    LogEntry,
    Problem,
    Progress,
    ReportFigures,
    digest,
    meeting_pairs,
    outcome_name,
    report_name,
    series_pairs,
)
from agendadiff.errors import AgendadiffError
from agendadiff.model import Letter
from agendadiff.render.timeline import FORMAT_VERSION as TIMELINE_FORMAT

if TYPE_CHECKING:
    from agendadiff.archive.update import Archive


def log(archive: Archive, topic: str | None = None) -> list[LogEntry]:
    """Each letter with what its report says changed; with `topic`, the topic's threads in that letter
    when it is a topic id of the timeline (see data/topics.toml), else the topics whose title or id holds
    those words."""
    threads = _timeline_threads(archive, topic) if topic and archive.topics().get(topic) else None
    entries = []
    letters = archive.letters()
    before = {b.name: a.name for a, b in series_pairs(letters)}
    for stored in letters:
        report: ReportFigures | None = None
        lines: list[str] = []
        earlier = before.get(stored.name)
        path = archive.root / REPORTS / f"{report_name(earlier, stored.name)}.json" if earlier else None
        if path is not None and path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            topics = data["summary"]["topics"]
            report = ReportFigures(
                path.stem, topics["changed"], topics["added"], topics["removed"], len(data["positions"])
            )
            if topic and (threads is None or stored.sha256 not in threads):
                lines = _topic_lines(data, topic)
        if threads is not None and stored.sha256 in threads:
            lines = threads[stored.sha256]
        entries.append(LogEntry(stored, report, tuple(lines)))
    return entries


def _timeline_threads(archive: Archive, topic: str) -> dict[str, list[str]] | None:
    """Per letter (by sha256), a line for each thread about `topic` in it, from timeline.json."""
    path = archive.root / f"{TIMELINE}.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("agendadiff") != TIMELINE_FORMAT:
        return None  # written by another version, rewritten by the next update: the titles are searched instead
    sha = {letter["id"]: letter["source"]["sha256"] for letter in data["letters"]}
    lines: dict[str, list[str]] = {digest: [] for digest in sha.values()}
    for thread in data["threads"]:
        for appearance in thread["appearances"]:
            if not any(label["topic"] == topic for label in appearance["topics"]):
                continue
            turns = "".join(f", {turn}" for turn in appearance["turns"])
            changed = [p for p in appearance["positions"] if p["changes_position"]]
            plural = "s" if len(changed) > 1 else ""
            count = f" ({len(changed)} position change{plural})" if changed and appearance["step"] != "new" else ""
            lines[sha[appearance["letter"]]].append(f"{appearance['step']}{turns}: {appearance['title']}{count}")
    return lines


def check(archive: Archive, progress: Progress | None = None) -> list[Problem]:
    """Re-read every original: its sha256, and whether this agendadiff reads it into the stored sections;
    every consecutive pair has its reports."""
    from agendadiff import read_letter
    from agendadiff.render.letter import letter_json

    problems = []
    letters = archive.letters()
    for done, stored in enumerate(letters):
        original = archive.root / stored.original
        if not original.is_file() and not original.is_dir():
            problems.append(Problem(stored.name, f"the original {stored.original} is missing"))
            continue
        try:
            letter = read_letter(original) if digest(original) == stored.sha256 else None
        except AgendadiffError as error:
            problems.append(Problem(stored.name, f"cannot be read any more: {error}"))
            continue
        if letter is None:
            problems.append(Problem(stored.name, "the original's sha256 is not the one recorded"))
            continue
        letter = replace(letter, source=replace(letter.source, path=stored.original))
        kept = (archive.root / LETTERS / stored.name / "letter.json").read_text(encoding="utf-8")
        if letter_json(letter) != kept:
            problems.append(Problem(stored.name, _reading_difference(json.loads(kept), letter)))
        if progress:
            progress(done + 1, len(letters), stored.name)
    for a, b in series_pairs(letters):
        name = report_name(a.name, b.name)
        missing = [ext for ext in REPORT_EXTENSIONS if not (archive.root / REPORTS / f"{name}.{ext}").exists()]
        if missing:
            problems.append(Problem(name, f"report missing ({', '.join(missing)})"))
    for agenda, verslag in meeting_pairs(letters):
        name = outcome_name(agenda, verslag)
        missing = [ext for ext in OUTCOME_EXTENSIONS if not (archive.root / OUTCOMES / f"{name}.{ext}").exists()]
        if missing:
            problems.append(Problem(name, f"outcome report missing ({', '.join(missing)})"))
    if letters:
        missing = [ext for ext in COMMITMENT_EXTENSIONS if not (archive.root / f"{COMMITMENTS}.{ext}").exists()]
        if missing:
            problems.append(Problem(COMMITMENTS, f"commitments register missing ({', '.join(missing)})"))
    if archive.settings.timeline and letters:
        missing = [ext for ext in ("html", "json") if not (archive.root / f"{TIMELINE}.{ext}").exists()]
        if missing:
            problems.append(Problem(TIMELINE, f"timeline missing ({', '.join(missing)})"))
    return problems


def _topic_lines(data: dict[str, Any], topic: str) -> list[str]:
    wanted = topic.lower().split()
    titles = {s["id"]: s["title"] or s["id"] for side in ("old", "new") for s in data[side]["sections"]}
    lines = []
    for pair in data["pairs"]:
        ids = [i for i in (pair["old"], pair["new"]) if i]
        text = " ".join(f"{i} {titles[i]}" for i in ids).lower()
        if all(word in text for word in wanted):
            positions = sum(1 for s in pair["sentences"] if s["class"] == "position")
            title = titles[pair["new"] or pair["old"]]
            lines.append(f"{pair['status']}: {title}" + (f" ({positions} position changes)" if positions else ""))
    return lines


def _reading_difference(kept: dict[str, Any], letter: Letter) -> str:
    from agendadiff.serialize import letter_to_data

    now = letter_to_data(letter)
    old_ids = [s["id"] for s in kept["sections"]]
    new_ids = [s["id"] for s in now["sections"]]
    if old_ids != new_ids:
        return f"this agendadiff reads it into other sections ({len(old_ids)} stored, {len(new_ids)} now)"
    changed = [a["id"] for a, b in zip(kept["sections"], now["sections"], strict=True) if a != b]
    if changed:
        return f"this agendadiff reads these sections differently: {', '.join(changed[:5])}"
    return "this agendadiff reads its metadata differently"
