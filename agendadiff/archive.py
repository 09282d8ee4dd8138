"""Archive: a git repository that keeps every letter of a series and the reports between them.

    letters/<date>_<meeting>/original.<ext>   the letter's bytes, unchanged
                            letter.json        its normalized sections (as `agendadiff sections --format json`)
                            letter.md          the same to read
                            meta.json          date, meeting, source file name, format, sha256
    reports/<old>__<new>.{html,json,txt}      the comparison of each pair of consecutive letters (date order)
    reports/manifest.json                      what each report was made from, to know when to make it again
    index.html, README.md, agendadiff.toml     the page to browse, the note for people, the settings
    .agendadiff/                               lock and journal of the running operation (not in git)

Every operation takes a lock, writes each file atomically and commits last. Before it writes anything it
records the paths it will touch in a journal; a run killed half-way leaves HEAD as it was and the journal
behind, and the next run puts those paths back as HEAD has them and does the whole work again. Files are
made only from stored letters and settings, so the same work always gives the same files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
import re
import signal
import tomllib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agendadiff.errors import AgendadiffError
from agendadiff.files import write_atomically
from agendadiff.lang.words import unique_name
from agendadiff.model import Letter, Meeting
from agendadiff.render import formats

if TYPE_CHECKING:
    from agendadiff.fetch import Client

CONFIG = "agendadiff.toml"
STATE = ".agendadiff"
LETTERS = "letters"
REPORTS = "reports"
MANIFEST = f"{REPORTS}/manifest.json"
INDEX = "index.html"
FETCH_STATE = "fetch-state.json"  # what `update --fetch` has fetched, committed with the letters
TIMELINE = "timeline"  # timeline.html and timeline.json: the topics through the latest letters
TIMELINE_LETTERS = 12  # the timeline's default span: about two years of a Council's letters
KNOWN_SUFFIXES = {".txt", ".pdf", ".docx", ".xml", ".html", ".htm"}
Progress = Callable[[int, int, str], None]  # done, total, what


class ArchiveError(AgendadiffError):
    """An archive that cannot be used as asked; the message says what to do."""


class ArchiveBusy(ArchiveError):
    """Another agendadiff holds the archive's lock."""


@dataclass(frozen=True)
class Settings:
    series: str
    lexicon: str | None = None  # a positions lexicon, relative to the archive
    pairings: str | None = None  # a pairings file, relative to the archive
    topics: str | None = None  # a topics file (for another Council series), relative to the archive
    remote: str | None = None  # the git remote `--push` pushes to
    lang: str = "nl"  # the language of the reports and the index: nl or en
    fetch: dict[str, Any] | None = None  # [fetch]: dossier, match, since, base_url for `update --fetch`
    timeline: int = TIMELINE_LETTERS  # how many of the latest letters the timeline spans; 0: no timeline


@dataclass(frozen=True)
class Stored:
    """A letter kept in the archive."""

    name: str
    date: dt.date | None
    meeting: Meeting | None
    sha256: str
    original: str  # path of the original, relative to the archive
    source_name: str  # the file name it came in with

    @property
    def meeting_line(self) -> str:
        """The meeting in one line, as commit messages and the log give it."""
        from agendadiff.render.common import meeting_line

        return meeting_line(self.meeting) if self.meeting else ""


@dataclass(frozen=True)
class Outcome:
    """What an add or an update did."""

    added: tuple[str, ...] = ()  # names of letters stored
    known: tuple[str, ...] = ()  # files whose bytes were already in the archive
    failed: tuple[Problem, ...] = ()  # files that could not be read
    reports: tuple[str, ...] = ()  # report names written
    removed_reports: tuple[str, ...] = ()  # reports of pairs that are no longer consecutive
    commits: tuple[str, ...] = ()
    pushed: bool = False


@dataclass(frozen=True)
class ReportFigures:
    """What a stored comparison report says changed: topics by status, and position changes."""

    name: str  # the report's file name under reports/, without extension
    changed: int
    added: int
    removed: int
    positions: int


@dataclass(frozen=True)
class LogEntry:
    """A letter of the archive in `archive log`: its report against the letter before (None for the
    first letter, or a report not made yet), and lines about the topic asked for."""

    letter: Stored
    report: ReportFigures | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    """What is wrong with a letter, a report or a file given to add: what `check` finds, and what a file
    that cannot be read gets."""

    subject: str
    problem: str


@dataclass(frozen=True)
class _ReportPlan:
    pairs: tuple[tuple[str, str], ...]  # every consecutive pair, by letter name
    write: tuple[str, ...]  # report names to (re)write
    remove: tuple[str, ...]  # report names of pairs no longer consecutive
    inputs: dict[str, str]  # report name -> fingerprint of what it is made from


# -- Creating and opening ---------------------------------------------------------------------------


def init_archive(root: Path, series: str, remote: str | None = None) -> Path:
    """A new archive in `root` (made if needed; an existing git repository is used as it is)."""
    import git

    if (root / CONFIG).exists():
        raise ArchiveError(f"{root}: already an agendadiff archive")
    root.mkdir(parents=True, exist_ok=True)
    try:
        repo = git.Repo(root)
    except git.InvalidGitRepositoryError:
        repo = git.Repo.init(root, initial_branch="main")
    settings = Settings(series=series, remote=remote)
    write_atomically(root / CONFIG, _settings_toml(settings))
    write_atomically(root / "README.md", _readme(settings))
    write_atomically(root / ".gitignore", f"{STATE}/\ninbox/\n")
    (root / LETTERS).mkdir(exist_ok=True)
    (root / REPORTS).mkdir(exist_ok=True)
    repo.index.add([CONFIG, "README.md", ".gitignore"])
    repo.index.commit(f"Start the {series} archive")
    return root


def _settings_toml(settings: Settings) -> str:
    lines = [
        "# agendadiff archive settings",
        f"series = {json.dumps(settings.series, ensure_ascii=False)}",
        '# lexicon = "positions.toml"    # a positions lexicon of your own (see agendadiff compare --lexicon)',
        '# pairings = "pairings.txt"     # pin/forbid lines for the comparisons (see agendadiff compare --pairings)',
        '# topics = "topics.toml"        # the topics the timeline follows, for another series (see timeline --topics)',
    ]
    lines.append(f"remote = {json.dumps(settings.remote)}" if settings.remote else '# remote = "origin"  # for --push')
    lines += [
        "",
        "# For `agendadiff archive update --fetch`: where new letters are published (see agendadiff fetch)",
        "# [fetch]",
        '# dossier = "32317"',
        '# match = "geannoteerde agenda"',
        '# since = "2025-01-01"',
        "",
        f'# timeline = {TIMELINE_LETTERS}  # how many of the latest letters timeline.html follows (0: none, "all")',
    ]
    return "\n".join(lines) + "\n"


def _readme(settings: Settings) -> str:
    return (
        f"# {settings.series}: geannoteerde agenda's\n\n"
        "This repository is kept by [agendadiff](https://pypi.org/project/agendadiff/): every letter of the series,\n"
        "as it was received (`letters/*/original.*`), read into sections (`letter.json`, `letter.md`), and the\n"
        "comparison of each letter with the one before it (`reports/`), and how each topic went through the latest\n"
        "letters (`timeline.html`). Open `index.html` to browse.\n\n"
        "Add letters with `agendadiff archive add FILE...`, or put them in `inbox/` and run\n"
        "`agendadiff archive update`. `agendadiff archive check` verifies what is stored.\n"
    )


class Archive:
    def __init__(self, root: Path) -> None:
        import git

        self.root = root
        if not (root / CONFIG).is_file():
            raise ArchiveError(
                f"{root}: not an agendadiff archive (no {CONFIG}); make one with `agendadiff archive init`"
            )
        try:
            self.repo = git.Repo(root)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise ArchiveError(f"{root}: {CONFIG} is there but this is not a git repository") from None
        self.settings = _read_settings(root / CONFIG)

    # -- Reading what is stored ---------------------------------------------------------------------

    def letters(self) -> list[Stored]:
        """Every stored letter, in date order (undated ones last)."""
        stored = []
        for meta_path in sorted((self.root / LETTERS).glob("*/meta.json")):
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            stored.append(
                Stored(
                    name=meta_path.parent.name,
                    date=dt.date.fromisoformat(meta["date"]) if meta["date"] else None,
                    meeting=_meeting(meta.get("meeting_data")),
                    sha256=meta["sha256"],
                    original=f"{LETTERS}/{meta_path.parent.name}/{meta['original']}",
                    source_name=meta["source_name"],
                )
            )
        return sorted(stored, key=lambda s: (s.date or dt.date.max, s.name))

    def letter(self, stored: Stored) -> Letter:
        from agendadiff.serialize import letter_from_data

        data = json.loads((self.root / LETTERS / stored.name / "letter.json").read_text(encoding="utf-8"))
        return letter_from_data(data)

    # -- Operations ---------------------------------------------------------------------------------

    @contextmanager
    def locked(self, wait: float = 0) -> Iterator[None]:
        """Hold the archive's lock; wait up to `wait` seconds for another run to let go."""
        from filelock import FileLock, Timeout

        (self.root / STATE).mkdir(exist_ok=True)
        lock = FileLock(self.root / STATE / "lock")
        try:
            lock.acquire(timeout=wait)
        except Timeout:
            raise ArchiveBusy(
                f"{self.root}: another agendadiff is working on this archive; try again later or use --wait"
            ) from None
        try:
            yield
        finally:
            lock.release()

    def add(self, files: Sequence[Path], progress: Progress | None = None, wait: float = 0) -> Outcome:
        """Store each letter with one commit of its own, with the reports that change because of it."""
        with self.locked(wait):
            self._ready()
            outcome = Outcome()
            for done, path in enumerate(files):
                outcome = _merged(outcome, self._transaction([path], batch=False))
                if progress:
                    progress(done + 1, len(files), path.name)
            return outcome

    def update(
        self,
        inbox: Path,
        push: bool = False,
        progress: Progress | None = None,
        wait: float = 0,
        fetch: Client | None = None,
    ) -> Outcome:
        """The scheduled job: every new file in the inbox, the reports and the index, in one commit. With a
        `fetch` client, new letters are first fetched into the inbox, as the settings' [fetch] says; a fetch
        that fails leaves the archive as it was."""
        with self.locked(wait):
            self._ready(inbox)
            state = self._fetch(fetch, inbox, progress) if fetch else None
            listed = inbox.iterdir() if inbox.is_dir() else iter(())
            files = sorted(p for p in listed if _takes(p))
            outcome = self._transaction(files, batch=True, progress=progress, fetch_state=state)
            for path in files:
                if path.exists():  # stored now, or stored before; failed ones went to inbox/failed
                    _move_into(path, inbox / "archived")
            if push:  # also when nothing is new: an earlier push may have failed
                outcome = replace(outcome, pushed=self._push(kept=bool(outcome.commits)))
            return outcome

    def _fetch(self, client: Client, inbox: Path, progress: Progress | None) -> str | None:
        """New letters into the inbox; the new fetch state, for the transaction to write and commit."""
        from agendadiff.fetch import DEFAULT_MATCH, Query, fetch, parse_dossier, state_text

        config = self.settings.fetch
        if not config:
            raise ArchiveError(f"{self.root / CONFIG}: no [fetch] settings; add a [fetch] table with the dossier")
        number, addition = parse_dossier(str(config["dossier"]))
        since = config.get("since")
        query = Query(
            number,
            addition,
            str(config.get("match") or DEFAULT_MATCH),
            dt.date.fromisoformat(str(since)) if since else None,
        )
        outcome = fetch(client, query, inbox, self.root / FETCH_STATE, write_state=False, progress=progress)
        return state_text(outcome.state) if outcome.fetched else None

    def _ready(self, inbox: Path | None = None) -> None:
        """Refuse a detached HEAD or changes nobody committed; undo what a killed run left half done."""
        if self.repo.head.is_detached:
            raise ArchiveError(f"{self.root}: HEAD is detached; check out the archive's branch first")
        journal = self._journal()
        if journal is not None:
            self._restore(journal)
        # The settings' files are read before anything is written: a missing one is one line, nothing half done.
        self._pairing()
        self._lexicon()
        self._topics()
        dirty = self._dirty(inbox)
        if dirty:
            listed = ", ".join(dirty[:3]) + (" …" if len(dirty) > 3 else "")
            raise ArchiveError(
                f"{self.root}: uncommitted changes ({listed}); commit or stash them first, agendadiff will not overwrite them"
            )

    def _dirty(self, inbox: Path | None) -> list[str]:
        """Changes in the work tree that no agendadiff run made: the inbox (wherever it is) is no change."""
        skip = [f":!{STATE}", ":!inbox"]
        if inbox is not None and inbox.resolve().is_relative_to(self.root.resolve()):
            skip.append(f":!{inbox.resolve().relative_to(self.root.resolve()).as_posix()}")
        status = self.repo.git.status("--porcelain", "--untracked-files=all", "--", ".", *skip)
        return [line[3:] for line in status.splitlines() if line.strip()]

    def _journal(self) -> list[str] | None:
        path = self.root / STATE / "journal.json"
        if not path.exists():
            return None
        try:
            paths = json.loads(path.read_text(encoding="utf-8"))["paths"]
        except (ValueError, KeyError):
            paths = []  # a journal cut short: nothing was written after it
        return [str(p) for p in paths]

    def _restore(self, paths: Sequence[str]) -> None:
        """Put the journal's paths back as HEAD has them: unstaged, tracked files checked out, new files
        removed. Then the run does all its work again, so a kill at any point costs only time."""
        if paths:
            self.repo.git.reset("-q", "HEAD", "--", *paths)
            in_head = {p for p in paths if self.repo.git.ls_tree("-r", "--name-only", "HEAD", "--", p)}
            if in_head:
                self.repo.git.checkout("HEAD", "--", *sorted(in_head))
            self.repo.git.clean("-f", "-d", "-q", "--", *paths)
        (self.root / STATE / "journal.json").unlink()

    def _transaction(
        self, files: Sequence[Path], batch: bool, progress: Progress | None = None, fetch_state: str | None = None
    ) -> Outcome:
        """Store `files` and bring reports and index up to date, in one commit. `batch` (update): failures
        go to quarantine, and the reports and index are made even when no letter is new. `fetch_state` is
        written and committed with them."""
        from agendadiff import read_letter

        stored = self.letters()
        by_hash = {s.sha256: s for s in stored}
        added: list[Stored] = []
        known: list[str] = []
        failed: list[Problem] = []
        new_letters: dict[str, tuple[Path, Letter, str]] = {}  # name -> (file, letter, original)
        for done, path in enumerate(files):
            digest = _digest(path)
            if digest in by_hash or digest in {s.sha256 for s in added}:
                known.append(path.name)
                continue
            try:
                letter = read_letter(path)
            except AgendadiffError as error:
                failed.append(Problem(str(path), str(error)))
                continue
            name = unique_name(_letter_name(letter), {s.name for s in (*stored, *added)})
            original = f"{LETTERS}/{name}/original" + ("" if path.is_dir() else _suffix(path))
            added.append(Stored(name, letter.date, letter.meeting, digest, original, path.name))
            new_letters[name] = (path, letter, original)
            if progress:
                progress(done + 1, len(files), path.name)
        _fault("after-reading")
        if failed and batch:
            self._quarantine(failed)
        if not added and not batch:
            return Outcome(known=tuple(known), failed=tuple(failed))
        everything = sorted((*stored, *added), key=lambda s: (s.date or dt.date.max, s.name))
        plan = self._report_plan(everything)
        if not added and not plan.write and not plan.remove and (self.root / INDEX).exists() and not fetch_state:
            return Outcome(known=tuple(known), failed=tuple(failed))
        touched = [f"{LETTERS}/{s.name}" for s in added] + [
            f"{REPORTS}/{name}.{ext}" for name in (*plan.write, *plan.remove) for ext in ("html", "json", "txt")
        ]
        timeline = [f"{TIMELINE}.html", f"{TIMELINE}.json"] if self.settings.timeline else []
        touched += [MANIFEST, INDEX, *timeline] + ([FETCH_STATE] if fetch_state else [])
        write_atomically(self.root / STATE / "journal.json", json.dumps({"paths": touched}))
        _fault("after-journal")
        if fetch_state:
            write_atomically(self.root / FETCH_STATE, fetch_state)
        for name, (path, letter, original) in new_letters.items():
            self._store(name, path, letter, original)
        _fault("after-letters")
        manifest = self._write_reports(everything, plan, progress)
        _fault("after-reports")
        if timeline:
            for page, text in zip(timeline, self._timeline(everything), strict=True):
                write_atomically(self.root / page, text)
        write_atomically(self.root / INDEX, self._index(everything, manifest))
        _fault("after-index")
        message = _commit_message(added, plan, batch)
        if fetch_state and not added:
            message = "Record fetched documents" if message.startswith("Update") else message
        self.repo.git.add("--all", "--", LETTERS, REPORTS, INDEX, *timeline, *([FETCH_STATE] if fetch_state else []))
        commit = self.repo.index.commit(message)
        _fault("after-commit")
        (self.root / STATE / "journal.json").unlink()
        return Outcome(
            added=tuple(s.name for s in added),
            known=tuple(known),
            failed=tuple(failed),
            reports=tuple(plan.write),
            removed_reports=tuple(plan.remove),
            commits=(commit.hexsha,),
        )

    def _quarantine(self, failed: Sequence[Problem]) -> None:
        for failure in failed:
            path = Path(failure.subject)
            target = _move_into(path, path.parent / "failed")
            write_atomically(target.with_name(target.name + ".error.txt"), failure.problem + "\n")

    def _store(self, name: str, path: Path, letter: Letter, original: str) -> None:
        from agendadiff._version import __version__
        from agendadiff.readers import sniff
        from agendadiff.render.common import meeting_line
        from agendadiff.render.letter import letter_json, letter_markdown
        from agendadiff.serialize import meeting_data

        folder = self.root / LETTERS / name
        folder.mkdir(parents=True, exist_ok=True)
        if path.is_dir():  # a letter with its annexes: the bundle's files, its document.json among them
            (self.root / original).mkdir(exist_ok=True)
            for file in sorted(path.iterdir()):
                if file.is_file():
                    write_atomically(self.root / original / file.name, file.read_bytes())
            data = b""
        else:
            data = path.read_bytes()
            write_atomically(self.root / original, data)
        letter = replace(letter, source=replace(letter.source, path=original))  # not where it came from
        write_atomically(folder / "letter.json", letter_json(letter))
        write_atomically(folder / "letter.md", letter_markdown(letter))
        meta = {
            "date": letter.date.isoformat() if letter.date else None,
            "meeting": meeting_line(letter.meeting) if letter.meeting else "",
            "meeting_data": meeting_data(letter.meeting),
            "kamerstuk": letter.kamerstuk,
            "sha256": _digest(path),
            "original": Path(original).name,
            "source_name": path.name,
            "format": "bundle" if path.is_dir() else sniff(data[:4096]),
            "read_with": __version__,
        }
        write_atomically(folder / "meta.json", json.dumps(meta, ensure_ascii=False, indent=2) + "\n")

    # -- Reports ------------------------------------------------------------------------------------

    def _report_plan(self, letters: Sequence[Stored]) -> _ReportPlan:
        from agendadiff._version import __version__

        manifest = self._manifest()
        settings_hash = self._settings_fingerprint()
        pairs = tuple((a.name, b.name) for a, b in itertools.pairwise(letters))
        inputs = {
            _report_name(a, b): hashlib.sha256(
                f"{_sha(letters, a)} {_sha(letters, b)} {settings_hash} {__version__}".encode()
            ).hexdigest()
            for a, b in pairs
        }
        write = tuple(
            name
            for name, fingerprint in inputs.items()
            if manifest.get(name, {}).get("inputs") != fingerprint
            or not (self.root / REPORTS / f"{name}.html").exists()
        )
        remove = tuple(sorted(name for name in manifest if name not in inputs))
        return _ReportPlan(pairs, write, remove, inputs)

    def _manifest(self) -> dict[str, dict[str, Any]]:
        path = self.root / MANIFEST
        return dict(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else {}

    def _settings_fingerprint(self) -> str:
        parts = [self.settings.lexicon or "", self.settings.pairings or "", self.settings.lang]
        for extra in (self.settings.lexicon, self.settings.pairings):
            if extra and (self.root / extra).is_file():
                parts.append(hashlib.sha256((self.root / extra).read_bytes()).hexdigest())
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def _write_reports(
        self, letters: Sequence[Stored], plan: _ReportPlan, progress: Progress | None
    ) -> dict[str, dict[str, Any]]:
        """Write the planned reports; the manifest keeps, for every report, what it was made from and the
        figures the index shows, so that the index never has to read the reports."""

        by_name = {s.name: s for s in letters}
        manifest = {name: entry for name, entry in self._manifest().items() if name in plan.inputs}
        jobs = [
            (str(self.root), by_name[old], by_name[new], _report_name(old, new))
            for old, new in plan.pairs
            if _report_name(old, new) in plan.write
        ]
        for written, (name, files, entry) in enumerate(_rendered(jobs), 1):
            for ext, text in files.items():
                write_atomically(self.root / REPORTS / f"{name}.{ext}", text)
            manifest[name] = entry | {"inputs": plan.inputs[name]}
            if progress:
                progress(written, len(jobs), name)
        for name in plan.remove:
            for ext in _REPORT_EXTENSIONS:
                (self.root / REPORTS / f"{name}.{ext}").unlink(missing_ok=True)
        write_atomically(self.root / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        return manifest

    def render_report(self, old: Stored, new: Stored) -> tuple[dict[str, str], dict[str, Any]]:
        """The report files of one pair, and the figures the index shows of it."""
        from agendadiff import compare_letters
        from agendadiff.render import Options, render
        from agendadiff.render.comparison import summarize

        comparison = compare_letters(self.letter(old), self.letter(new), self._pairing(), self._lexicon())
        summary = summarize(comparison)
        words = max(1, sum(s.words for s in comparison.new.sections))
        changed = summary.words_deleted + summary.words_inserted + summary.words_moved
        sources = (f"../{old.original}", f"../{new.original}")
        options = Options(lang=self.settings.lang, sources=sources)
        files = {_extension(f): render("comparison", f, comparison, options) for f in formats("comparison")}
        entry = {
            "changed": summary.changed,
            "added": summary.added,
            "removed": summary.removed,
            "positions": len(comparison.position_changes),
            "share": round(min(1.0, changed / words), 3),
        }
        return files, entry

    def _pairing(self) -> Any:
        from agendadiff.align import Pairing, load_pairings

        return load_pairings(self.root / self.settings.pairings) if self.settings.pairings else Pairing()

    def _topics(self) -> Any:
        from agendadiff.topics import load_topics

        return load_topics(self.root / self.settings.topics if self.settings.topics else None)

    def _lexicon(self) -> Any:
        from agendadiff.positions import load_lexicon

        return load_lexicon(self.root / self.settings.lexicon) if self.settings.lexicon else None

    # -- The index page -----------------------------------------------------------------------------

    def _timeline(self, letters: Sequence[Stored]) -> tuple[str, str]:
        """The timeline of the latest letters (HTML, JSON), from the stored readings. Alignments of pairs seen
        before come from a cache in .agendadiff/, so a new letter costs one alignment."""
        from agendadiff.align import align
        from agendadiff.render.timeline import timeline_html, timeline_json
        from agendadiff.timeline import build_timeline

        latest = [s for s in letters if s.date][-self.settings.timeline :]
        read = [self.letter(s) for s in latest]
        cache_path = self.root / STATE / "alignments.json"
        try:
            cache: dict[str, Any] = json.loads(cache_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            cache = {}
        from agendadiff._version import __version__

        settings, pairing = self._settings_fingerprint(), self._pairing()
        alignments = []
        kept: dict[str, Any] = {}
        for (a, old), (b, new) in itertools.pairwise(zip(latest, read, strict=True)):
            key = f"{__version__}:{settings}:{a.sha256}:{b.sha256}"
            alignment = _alignment_from(cache[key]) if key in cache else align(old, new, pairing)
            kept[key] = _alignment_data(alignment)
            alignments.append(alignment)
        write_atomically(cache_path, json.dumps(kept))
        result = build_timeline(read, self._topics(), self._lexicon(), alignments)
        earlier = {s.name: k for k, s in enumerate(letters)}

        def report(index: int) -> str | None:
            """The comparison of a timeline letter with the archive's letter before it."""
            k = earlier[latest[index].name]
            return f"{REPORTS}/{_report_name(letters[k - 1].name, letters[k].name)}.html" if k else None

        return timeline_html(result, self.settings.lang, reports=report), timeline_json(result)

    def _index(self, letters: Sequence[Stored], manifest: dict[str, dict[str, Any]]) -> str:
        from agendadiff.render.index import IndexRow, index_html

        rows = []
        for k, stored in enumerate(letters):
            name = _report_name(letters[k - 1].name, stored.name) if k else None
            report = manifest[name] | {"name": name} if name else None
            rows.append(IndexRow(stored.name, stored.original, stored.date, stored.meeting, report))
        timeline = f"{TIMELINE}.html" if self.settings.timeline else None
        return index_html(self.settings.series, rows, self.settings.lang, timeline)

    # -- Push, log and check ------------------------------------------------------------------------

    def _push(self, kept: bool) -> bool:
        """Push the branch to the settings' remote, never forced; whether anything went. `kept`: a commit
        was just made, which a failed push leaves in place."""
        import git

        remote_name = self.settings.remote
        if not remote_name:
            raise ArchiveError(f'{self.root}: --push needs a remote: set `remote = "origin"` in {CONFIG}')
        after = "; the commit is kept and the next --push sends it" if kept else ""
        try:
            remote = self.repo.remote(remote_name)
            branch = self.repo.active_branch.name
            results = remote.push(f"refs/heads/{branch}:refs/heads/{branch}")  # never forced
        except (ValueError, git.GitCommandError) as error:
            raise ArchiveError(f"{self.root}: push to {remote_name} failed: {_first_line(error)}{after}") from None
        if any(r.flags & r.ERROR for r in results):
            raise ArchiveError(
                f"{self.root}: push to {remote_name} refused ({results[0].summary.strip()}); "
                f"pull and merge first, agendadiff never forces a push{after}"
            )
        return any(not r.flags & r.UP_TO_DATE for r in results)

    def log(self, topic: str | None = None) -> list[LogEntry]:
        """Each letter with what its report says changed; with `topic`, the topic's threads in that letter
        when it is a topic id of the timeline (see data/topics.toml), else the topics whose title or id holds
        those words."""
        threads = self._timeline_threads(topic) if topic and self._topics().get(topic) else None
        entries = []
        letters = self.letters()
        for k, stored in enumerate(letters):
            report: ReportFigures | None = None
            lines: list[str] = []
            path = self.root / REPORTS / f"{_report_name(letters[k - 1].name, stored.name)}.json" if k else None
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

    def _timeline_threads(self, topic: str) -> dict[str, list[str]] | None:
        """Per letter (by sha256), a line for each thread about `topic` in it, from timeline.json."""
        path = self.root / f"{TIMELINE}.json"
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        sha = {letter["id"]: letter["sha256"] for letter in data["letters"]}
        lines: dict[str, list[str]] = {letter["sha256"]: [] for letter in data["letters"]}
        for thread in data["threads"]:
            for appearance in thread["appearances"]:
                if not any(label["topic"] == topic for label in appearance["topics"]):
                    continue
                turns = "".join(f", {turn}" for turn in appearance["turns"])
                changed = [p for p in appearance["positions"] if p["status"] != "unchanged"]
                plural = "s" if len(changed) > 1 else ""
                count = f" ({len(changed)} position change{plural})" if changed and appearance["step"] != "new" else ""
                lines[sha[appearance["letter"]]].append(f"{appearance['step']}{turns}: {appearance['title']}{count}")
        return lines

    def check(self, progress: Progress | None = None) -> list[Problem]:
        """Re-read every original: its sha256, and whether this agendadiff reads it into the stored sections;
        every consecutive pair has its reports."""
        from agendadiff import read_letter
        from agendadiff.render.letter import letter_json

        problems = []
        letters = self.letters()
        for done, stored in enumerate(letters):
            original = self.root / stored.original
            if not original.is_file() and not original.is_dir():
                problems.append(Problem(stored.name, f"the original {stored.original} is missing"))
                continue
            try:
                letter = read_letter(original) if _digest(original) == stored.sha256 else None
            except AgendadiffError as error:
                problems.append(Problem(stored.name, f"cannot be read any more: {error}"))
                continue
            if letter is None:
                problems.append(Problem(stored.name, "the original's sha256 is not the one recorded"))
                continue
            letter = replace(letter, source=replace(letter.source, path=stored.original))
            kept = (self.root / LETTERS / stored.name / "letter.json").read_text(encoding="utf-8")
            if letter_json(letter) != kept:
                problems.append(Problem(stored.name, _reading_difference(json.loads(kept), letter)))
            if progress:
                progress(done + 1, len(letters), stored.name)
        for a, b in itertools.pairwise(letters):
            name = _report_name(a.name, b.name)
            missing = [ext for ext in ("html", "json", "txt") if not (self.root / REPORTS / f"{name}.{ext}").exists()]
            if missing:
                problems.append(Problem(name, f"report missing ({', '.join(missing)})"))
        if self.settings.timeline and letters:
            missing = [ext for ext in ("html", "json") if not (self.root / f"{TIMELINE}.{ext}").exists()]
            if missing:
                problems.append(Problem(TIMELINE, f"timeline missing ({', '.join(missing)})"))
        return problems


def open_archive(root: Path) -> Archive:
    return Archive(root)


def _rendered(jobs: Sequence[tuple[str, Stored, Stored, str]]) -> Iterator[tuple[str, dict[str, str], dict[str, Any]]]:
    """The reports of `jobs`, made on every core when there are many; in the order of `jobs`. Only the
    calling process writes files."""
    from agendadiff.pipeline import worker_pool

    with worker_pool(len(jobs)) as pool:
        yield from pool.map(_render_job, jobs, chunksize=2) if pool else map(_render_job, jobs)


def _extension(output_format: str) -> str:
    """A report file's extension: its format's name, `txt` for text."""
    return {"text": "txt"}.get(output_format, output_format)


_REPORT_EXTENSIONS = tuple(map(_extension, formats("comparison")))


def _render_job(job: tuple[str, Stored, Stored, str]) -> tuple[str, dict[str, str], dict[str, Any]]:
    root, old, new, name = job
    files, entry = Archive(Path(root)).render_report(old, new)
    return name, files, entry


# -- Helpers ----------------------------------------------------------------------------------------


def _read_settings(path: Path) -> Settings:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        settings = Settings(
            series=str(data["series"]),
            lexicon=data.get("lexicon"),
            pairings=data.get("pairings"),
            topics=data.get("topics"),
            remote=data.get("remote"),
            lang=str(data.get("lang", "nl")),
            fetch=data.get("fetch"),
            timeline=_timeline_span(data.get("timeline", TIMELINE_LETTERS)),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, ValueError) as error:
        raise ArchiveError(f"{path}: not agendadiff archive settings ({_first_line(error)})") from None
    if settings.lang not in ("nl", "en"):
        raise ArchiveError(f'{path}: lang must be "nl" or "en", not {settings.lang!r}')
    if settings.fetch is not None and not (isinstance(settings.fetch, dict) and settings.fetch.get("dossier")):
        raise ArchiveError(f'{path}: [fetch] needs a dossier (dossier = "32317")')
    return settings


def _alignment_data(alignment: Any) -> list[list[Any]]:
    return [
        [m.old, m.new, m.score, [r.value for r in m.reasons], m.split_from, m.merged_into] for m in alignment.matches
    ]


def _alignment_from(data: list[list[Any]]) -> Any:
    from agendadiff.model import Alignment, Match, Reason

    return Alignment(tuple(Match(o, n, s, tuple(Reason(r) for r in rs), sp, mg) for o, n, s, rs, sp, mg in data))


def _timeline_span(value: Any) -> int:
    if value == "all":
        return 10**6
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f'timeline must be a number of letters (0 for none) or "all", not {value!r}')
    return value


def _meeting(data: dict[str, Any] | None) -> Meeting | None:
    if not data:
        return None
    dates = tuple(dt.date.fromisoformat(d) for d in data["dates"])
    return Meeting(council=data["council"], formal=data["formal"], dates=dates, place=data["place"])


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else error.__class__.__name__


def _letter_name(letter: Letter) -> str:
    """`2025-07-10_jbz-2025-07-22-kopenhagen`: the letter's date, then its meeting."""
    date = letter.date.isoformat() if letter.date else "undated"
    meeting = letter.meeting
    if meeting is None:
        return f"{date}_letter"
    council = "".join(w[0] for w in meeting.council.split()[1:] if w[:1].isupper()) or meeting.council
    parts = [council, meeting.dates[0].isoformat() if meeting.dates else "", meeting.place or ""]
    return f"{date}_" + re.sub(r"[^a-z0-9]+", "-", " ".join(p for p in parts if p).lower()).strip("-")


def _takes(path: Path) -> bool:
    """Whether `update` takes this inbox entry: a file, or a bundle folder (a letter with its annexes)."""
    from agendadiff.readers.bundle import is_bundle

    return not path.name.startswith(".") and (path.is_file() or is_bundle(path))


def _digest(path: Path) -> str:
    """sha256 of a letter file, or of a bundle's files."""
    if path.is_dir():
        from agendadiff.readers.bundle import bundle_digest, is_bundle

        return bundle_digest(path) if is_bundle(path) else ""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    return suffix if suffix in KNOWN_SUFFIXES else ".bin"


def _sha(letters: Sequence[Stored], name: str) -> str:
    return next(s.sha256 for s in letters if s.name == name)


def _report_name(old: str, new: str) -> str:
    return f"{old}__{new}"


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


def _commit_message(added: Sequence[Stored], plan: _ReportPlan, batch: bool) -> str:
    if not batch and len(added) == 1:
        letter = added[0]
        head = f"Add letter {letter.date.isoformat() if letter.date else 'undated'}" + (
            f" ({letter.meeting_line})" if letter.meeting else ""
        )
    else:
        head = f"Update: {len(added)} letter{'s' if len(added) != 1 else ''}, {len(plan.write)} report{'s' if len(plan.write) != 1 else ''}"
    body = [f"letter {s.name} from {s.source_name} (sha256 {s.sha256[:12]})" for s in added]
    body += [f"report {name}" for name in plan.write]
    body += [f"report {name} removed: its letters are no longer consecutive" for name in plan.remove]
    return head + ("\n\n" + "\n".join(body) if body else "") + "\n"


def _merged(a: Outcome, b: Outcome) -> Outcome:
    return Outcome(
        added=a.added + b.added,
        known=a.known + b.known,
        failed=a.failed + b.failed,
        reports=a.reports + b.reports,
        removed_reports=a.removed_reports + b.removed_reports,
        commits=a.commits + b.commits,
    )


def _move_into(path: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    k = 2
    while target.exists():
        target = folder / f"{path.stem}-{k}{path.suffix}"
        k += 1
    os.replace(path, target)
    return target


def _fault(point: str) -> None:
    """For the kill tests: AGENDADIFF_KILL_AT=<point> kills the process here, as a power cut would."""
    if os.environ.get("AGENDADIFF_KILL_AT") == point:
        os.kill(os.getpid(), signal.SIGKILL)
