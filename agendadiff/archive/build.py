"""Building what an archive shows: the comparison report of each consecutive pair (on every core when there
are many), the timeline of the latest letters, and the index page. Each pair is aligned once: the report's
alignment is kept for the timeline in .agendadiff/alignments.json."""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agendadiff.archive.layout import (
    COMMITMENTS,
    MANIFEST,
    OUTCOMES,
    OUTCOMES_MANIFEST,
    REPORTS,
    STATE,
    TIMELINE,
    VERSLAG,
    Progress,
    Stored,
    fault_point,
    meeting_pairs,
    outcome_name,
    report_name,
    series_pairs,
    sha_of,
)
from agendadiff.files import write_atomically
from agendadiff.jsontext import json_text
from agendadiff.render import formats

if TYPE_CHECKING:
    from agendadiff.archive.update import Archive
    from agendadiff.kept import Kept

ALIGNMENTS = f"{STATE}/alignments.json"
CHANGES = f"{STATE}/position-changes.json"  # the timeline's compared section pairs, kept between updates
READINGS = f"{STATE}/commitment-readings.json"  # each letter's promises and deliveries, kept between updates
HEADS = f"{STATE}/letter-heads.json"  # each stored letter without its sections, kept between updates
FEED_POSITIONS = 12  # changed positions a feed entry lists; the report has them all


@dataclass(frozen=True)
class ReportPlan:
    pairs: tuple[tuple[str, str], ...]  # every consecutive pair, by letter name
    write: tuple[str, ...]  # report names to (re)write
    remove: tuple[str, ...]  # report names of pairs no longer consecutive
    inputs: dict[str, str]  # report name -> fingerprint of what it is made from
    manifest: dict[str, dict[str, Any]]  # as the plan found it: what each report was made from, and its figures


def report_plan(archive: Archive, letters: Sequence[Stored]) -> ReportPlan:
    from agendadiff._version import __version__

    manifest = read_manifest(archive)
    settings_hash = settings_fingerprint(archive)
    pairs = tuple((a.name, b.name) for a, b in series_pairs(letters))
    inputs = {
        report_name(a, b): hashlib.sha256(
            f"{sha_of(letters, a)} {sha_of(letters, b)} {settings_hash} {__version__}".encode()
        ).hexdigest()
        for a, b in pairs
    }
    write = tuple(
        name
        for name, fingerprint in inputs.items()
        if manifest.get(name, {}).get("inputs") != fingerprint or not (archive.root / REPORTS / f"{name}.html").exists()
    )
    remove = tuple(sorted(name for name in manifest if name not in inputs))
    return ReportPlan(pairs, write, remove, inputs, manifest)


def read_manifest(archive: Archive) -> dict[str, dict[str, Any]]:
    path = archive.root / MANIFEST
    return dict(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else {}


def settings_fingerprint(archive: Archive) -> str:
    own = (archive.settings.lexicon, archive.settings.pairings, archive.settings.dossiers, archive.settings.topics)
    parts = [name or "" for name in own] + [archive.settings.lang]
    for extra in own:
        if extra and (archive.root / extra).is_file():
            parts.append(hashlib.sha256((archive.root / extra).read_bytes()).hexdigest())
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


@contextmanager
def reports_ahead(archive: Archive, letters: Sequence[Stored], plan: ReportPlan) -> Iterator[Iterator[Rendered]]:
    """The planned reports as they are made, in the plan's order, for write_reports: made on the other
    cores from the start, so that the caller builds the timeline and the register meanwhile (neither reads
    a report); on one core, each as it is taken. Only the calling process writes files."""
    from agendadiff.pipeline import PARALLEL_FROM, forks, worker_pool

    by_name = {s.name: s for s in letters}
    jobs = [
        (str(archive.root), by_name[old], by_name[new], report_name(old, new))
        for old, new in plan.pairs
        if report_name(old, new) in plan.write
    ]
    # A forked worker starts at once, so one report is worth it; a spawned one imports everything first.
    with worker_pool(len(jobs), worth_from=1 if forks() else PARALLEL_FROM) as pool:
        yield pool.map(_render_job, jobs, chunksize=2) if pool else map(_render_job, jobs)


def write_reports(
    archive: Archive,
    letters: Sequence[Stored],
    plan: ReportPlan,
    reports: Iterator[Rendered],
    progress: Progress | None,
) -> dict[str, dict[str, Any]]:
    """Write the planned `reports` (from reports_ahead); the manifest keeps, for every report, what it was
    made from and the figures the index shows, so that the index never has to read the reports. The
    reports' alignments join the cache the timeline takes them from."""
    by_name = {s.name: s for s in letters}
    kept = {name: entry for name, entry in plan.manifest.items() if name in plan.inputs}
    aligned = _alignment_cache(archive)
    fingerprint = settings_fingerprint(archive)
    for written, (name, files, entry, alignment) in enumerate(reports, 1):
        for ext, text in files.items():
            write_atomically(archive.root / REPORTS / f"{name}.{ext}", text)
        kept[name] = entry | {"inputs": plan.inputs[name]}
        old, new = next((by_name[a], by_name[b]) for a, b in plan.pairs if report_name(a, b) == name)
        aligned[_alignment_key(fingerprint, old, new)] = alignment
        if progress:
            progress(written, len(plan.write), name)
        fault_point("during-reports")  # the report workers are still at work here
    for name in plan.remove:
        for ext in REPORT_EXTENSIONS:
            (archive.root / REPORTS / f"{name}.{ext}").unlink(missing_ok=True)
    write_atomically(archive.root / MANIFEST, json_text(kept, sort_keys=True, ascii=True) + "\n")
    write_atomically(archive.root / ALIGNMENTS, json.dumps(aligned))
    return kept


def render_report(archive: Archive, old: Stored, new: Stored) -> tuple[dict[str, str], dict[str, Any], list[list[Any]]]:
    """The report files of one pair, the figures the index shows of it, and its alignment (as data)."""
    from agendadiff.align import align
    from agendadiff.pipeline import compare_letters
    from agendadiff.render import Options, render
    from agendadiff.render.common import cue_text, labels
    from agendadiff.render.comparison import pair_label, summarize

    old_letter, new_letter, pairing = archive.letter(old), archive.letter(new), archive.pairing()
    alignment = align(old_letter, new_letter, pairing)
    comparison = compare_letters(old_letter, new_letter, pairing, archive.lexicon(), alignment)
    summary = summarize(comparison)
    t = labels(archive.settings.lang)
    words = max(1, sum(s.words for s in comparison.new.sections))
    changed = summary.words_deleted + summary.words_inserted + summary.words_moved
    sources = (f"../{old.original}", f"../{new.original}")
    options = Options(lang=archive.settings.lang, sources=sources)
    files = {_extension(f): render("comparison", f, comparison, options) for f in formats("comparison")}
    entry = {
        "changed": summary.changed,
        "added": summary.added,
        "removed": summary.removed,
        "positions": len(comparison.position_changes),
        "share": round(min(1.0, changed / words), 3),
        # what the feed says of the report, so that it never has to read the reports
        "changed_positions": [
            {
                "topic": pair_label(comparison.pair_of(change)),
                "change": t[f"sentence_{change.status.value}"],
                "why": "; ".join(cue_text(cue, t) for cue in change.cues),
                "text": change.new_text or change.old_text,
            }
            for change in comparison.position_changes[:FEED_POSITIONS]
        ],
    }
    return files, entry, _alignment_data(alignment)


def timeline_pages(archive: Archive, letters: Sequence[Stored]) -> tuple[str, str]:
    """The timeline of the latest letters (HTML, JSON), from the stored readings. The alignments come from
    the cache the reports filled (a pair whose report was not made this run was aligned by an earlier one)."""
    from agendadiff.align import align
    from agendadiff.render.timeline import timeline_html, timeline_json
    from agendadiff.timeline import build_timeline

    latest = [s for s in letters if s.date and s.kind != VERSLAG][-archive.settings.timeline :]
    read = [archive.letter(s) for s in latest]
    cache = _alignment_cache(archive)
    fingerprint, pairing = settings_fingerprint(archive), archive.pairing()
    alignments = []
    kept: dict[str, Any] = {}
    for (a, old), (b, new) in itertools.pairwise(zip(latest, read, strict=True)):
        key = _alignment_key(fingerprint, a, b)
        alignment = _alignment_from(cache[key]) if key in cache else align(old, new, pairing)
        kept[key] = _alignment_data(alignment)
        alignments.append(alignment)
    write_atomically(archive.root / ALIGNMENTS, json.dumps(kept))
    changes = _kept(archive, CHANGES)
    result = build_timeline(read, archive.topics(), archive.lexicon(), alignments, pairing.dossiers, changes)
    _keep(archive, CHANGES, changes)  # the next update compares only its new letter's topics
    before = {b.name: a.name for a, b in series_pairs(letters)}

    def report(index: int) -> str | None:
        """The comparison of a timeline letter with the archive's letter before it."""
        name = latest[index].name
        return f"{REPORTS}/{report_name(before[name], name)}.html" if name in before else None

    return timeline_html(result, archive.settings.lang, reports=report), timeline_json(result)


def index_page(
    archive: Archive,
    letters: Sequence[Stored],
    manifest: dict[str, dict[str, Any]],
    outcomes: dict[str, dict[str, Any]],
    open_commitments: dict[str, int],
) -> str:
    from agendadiff.render.index import IndexRow, MeetingRow, index_html

    before = {b.name: a.name for a, b in series_pairs(letters)}
    rows = []
    for stored in letters:
        name = report_name(before[stored.name], stored.name) if stored.name in before else None
        report = manifest[name] | {"name": name} if name else None
        rows.append(IndexRow(stored.name, stored.original, stored.date, stored.meeting, report, stored.kind))
    timeline = f"{TIMELINE}.html" if archive.settings.timeline else None
    meetings = [
        MeetingRow(
            agenda.name,
            verslag.name,
            agenda.meeting,
            outcome_name(agenda, verslag),
            outcomes.get(outcome_name(agenda, verslag), {}).get("summary", {}),
            open_commitments.get(agenda.name, 0) + open_commitments.get(verslag.name, 0),
        )
        for agenda, verslag in meeting_pairs(letters)
    ]
    return index_html(
        archive.settings.series,
        rows,
        archive.settings.lang,
        timeline,
        meetings,
        f"{COMMITMENTS}.html",
        sum(open_commitments.values()),
    )


def feed_page(
    archive: Archive,
    letters: Sequence[Stored],
    manifest: dict[str, dict[str, Any]],
    outcomes: dict[str, dict[str, Any]],
) -> str:
    """The Atom feed: like the index, made from the manifests, never from the reports."""
    from agendadiff.render.feed import FeedEntry, feed_xml

    before = {b.name: a.name for a, b in series_pairs(letters)}
    outcome_of: dict[str, str] = {}
    for agenda, verslag in meeting_pairs(letters):
        if (made := outcome_name(agenda, verslag)) in outcomes:
            outcome_of[agenda.name] = outcome_of[verslag.name] = made
    entries = []
    for stored in letters:
        name = report_name(before[stored.name], stored.name) if stored.name in before else None
        report = manifest[name] | {"name": name} if name and name in manifest else None
        entries.append(
            FeedEntry(
                stored.name,
                stored.sha256,
                stored.date,
                stored.meeting,
                stored.kind,
                report,
                outcome_of.get(stored.name),
            )
        )
    settings = archive.settings
    return feed_xml(settings.series, entries, settings.lang, settings.site_url)


def write_outcomes(archive: Archive, letters: Sequence[Stored]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The outcome report of every meeting the archive has both letters of, each (re)written only when what
    it is made from changed; its verdict counts for the index. Returns them and the names written."""
    from agendadiff._version import __version__

    path = archive.root / OUTCOMES_MANIFEST
    try:
        earlier: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        earlier = {}
    settings = settings_fingerprint(archive)
    kept: dict[str, dict[str, Any]] = {}
    written = []
    (archive.root / OUTCOMES).mkdir(exist_ok=True)
    for agenda, verslag in meeting_pairs(letters):
        name = outcome_name(agenda, verslag)
        inputs = hashlib.sha256(f"{agenda.sha256} {verslag.sha256} {settings} {__version__}".encode()).hexdigest()
        files_there = all((archive.root / OUTCOMES / f"{name}.{ext}").exists() for ext in OUTCOME_EXTENSIONS)
        if earlier.get(name, {}).get("inputs") == inputs and files_there:
            kept[name] = earlier[name]
            continue
        files, summary = render_outcome(archive, agenda, verslag)
        for ext, text in files.items():
            write_atomically(archive.root / OUTCOMES / f"{name}.{ext}", text)
        kept[name] = {"inputs": inputs, "summary": summary}
        written.append(name)
    for name in earlier.keys() - kept.keys():
        for ext in OUTCOME_EXTENSIONS:
            (archive.root / OUTCOMES / f"{name}.{ext}").unlink(missing_ok=True)
    write_atomically(path, json_text(kept, sort_keys=True, ascii=True) + "\n")
    return kept, written


def render_outcome(archive: Archive, agenda: Stored, verslag: Stored) -> tuple[dict[str, str], dict[str, int]]:
    from agendadiff.outcome import outcome
    from agendadiff.render import Options, render
    from agendadiff.render.followthrough import outcome_data

    result = outcome(archive.letter(agenda), archive.letter(verslag), archive.lexicon(), archive.pairing())
    options = Options(lang=archive.settings.lang)
    files = {_extension(f): render("outcome", f, result, options) for f in formats("outcome")}
    return files, dict(outcome_data(result)["summary"])


def register_pages(archive: Archive, letters: Sequence[Stored]) -> tuple[dict[str, str], dict[str, int]]:
    """The commitments register over every letter of the archive (its files by extension), and per letter (by
    name) how many of the commitments it made are open."""
    from agendadiff.commitments import needs_sections, register
    from agendadiff.render import Options, render

    readings, heads = _kept(archive, READINGS), _kept(archive, HEADS)
    read = [archive.letter(s) if needs_sections(readings, s.sha256) else archive.head(s, heads) for s in letters]
    names = {letter.source.path: s.name for letter, s in zip(read, letters, strict=True)}
    result = register(read, kept=readings)
    _keep(archive, READINGS, readings)  # the next update reads only its new letters
    _keep(archive, HEADS, heads)  # and the others' heads from here
    open_by_letter: dict[str, int] = {}
    for track in result.open:
        name = names[result.letters[track.commitment.letter].source.path]
        open_by_letter[name] = open_by_letter.get(name, 0) + 1
    options = Options(lang=archive.settings.lang)
    return {_extension(f): render("register", f, result, options) for f in formats("register")}, open_by_letter


Rendered = tuple[str, dict[str, str], dict[str, Any], list[list[Any]]]  # name, files, figures, alignment


def _extension(output_format: str) -> str:
    """A report file's extension: its format's name, `txt` for text."""
    return {"text": "txt"}.get(output_format, output_format)


REPORT_EXTENSIONS = tuple(map(_extension, formats("comparison")))
OUTCOME_EXTENSIONS = tuple(map(_extension, formats("outcome")))
COMMITMENT_EXTENSIONS = tuple(map(_extension, formats("register")))


def _render_job(job: tuple[str, Stored, Stored, str]) -> Rendered:
    from agendadiff.archive.update import Archive

    root, old, new, name = job
    return (name, *render_report(Archive(Path(root)), old, new))


def _kept(archive: Archive, path: str) -> Kept:
    """What an earlier update kept in `path`, when made with these settings by this version (a file that is
    missing, broken or of other settings is nothing kept)."""
    from agendadiff.kept import Kept

    try:
        data = json.loads((archive.root / path).read_text(encoding="utf-8"))
        known = data["kept"] if data.get("key") == _cache_key(settings_fingerprint(archive)) else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        known = {}
    return Kept(known if isinstance(known, dict) else {})


def _keep(archive: Archive, path: str, kept: Kept) -> None:
    """What this update used, for the next one."""
    data = {"key": _cache_key(settings_fingerprint(archive)), "kept": kept.used}
    write_atomically(archive.root / path, json.dumps(data))


def _cache_key(fingerprint: str) -> str:
    from agendadiff._version import __version__

    return f"{fingerprint} {__version__}"


def _alignment_cache(archive: Archive) -> dict[str, Any]:
    try:
        return dict(json.loads((archive.root / ALIGNMENTS).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def _alignment_key(settings: str, old: Stored, new: Stored) -> str:
    from agendadiff._version import __version__

    return f"{__version__}:{_CACHE_FORMAT}:{settings}:{old.sha256}:{new.sha256}"


_CACHE_FORMAT = 2  # 2: a match carries the dossier and topic that made it


def _alignment_data(alignment: Any) -> list[list[Any]]:
    return [
        [m.old, m.new, m.score, [r.value for r in m.reasons], m.split_from, m.merged_into, m.dossier, m.topic]
        for m in alignment.matches
    ]


def _alignment_from(data: list[list[Any]]) -> Any:
    from agendadiff.model import Alignment, Match, Reason

    return Alignment(
        tuple(Match(o, n, s, tuple(Reason(r) for r in rs), sp, mg, d, t) for o, n, s, rs, sp, mg, d, t in data)
    )


def commit_message(added: Sequence[Stored], plan: ReportPlan, batch: bool) -> str:
    if not batch and len(added) == 1:
        letter = added[0]
        noun = "verslag" if letter.kind == VERSLAG else "letter"
        head = f"Add {noun} {letter.date.isoformat() if letter.date else 'undated'}" + (
            f" ({letter.meeting_line})" if letter.meeting else ""
        )
    else:
        head = f"Update: {len(added)} letter{'s' if len(added) != 1 else ''}, {len(plan.write)} report{'s' if len(plan.write) != 1 else ''}"
    body = [f"letter {s.name} from {s.source_name} (sha256 {s.sha256[:12]})" for s in added]
    body += [f"report {name}" for name in plan.write]
    body += [f"report {name} removed: its letters are no longer consecutive" for name in plan.remove]
    return head + ("\n\n" + "\n".join(body) if body else "") + "\n"
