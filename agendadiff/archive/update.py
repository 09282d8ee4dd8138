"""Keeping an archive up to date: `add` and the scheduled `update`, under a lock, with a journal that makes a
killed run finish on the next one; each run one commit (see the package's docstring for the layout)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agendadiff.archive import build, query
from agendadiff.archive.layout import (
    COMMITMENTS,
    CONFIG,
    FEED,
    FETCH_STATE,
    INDEX,
    LETTERS,
    MANIFEST,
    OUTCOMES,
    REPORTS,
    STATE,
    TIMELINE,
    ArchiveBusy,
    ArchiveError,
    LogEntry,
    Outcome,
    Problem,
    Progress,
    Settings,
    Stored,
    digest,
    fault_point,
    letter_name,
    meeting_from,
    merged,
    move_into,
    original_suffix,
    read_settings,
    readme_text,
    settings_toml,
    takes,
)
from agendadiff.archive.store import Store
from agendadiff.errors import NOT_OF_THE_SERIES, AgendadiffError
from agendadiff.files import recorded, recording, remove_leftovers, sync_written, write_atomically
from agendadiff.jsontext import json_text
from agendadiff.lang.words import unique_name
from agendadiff.model import Letter, LetterKind

if TYPE_CHECKING:
    from agendadiff.align import Pairing
    from agendadiff.fetch import Client
    from agendadiff.kept import Kept
    from agendadiff.positions import Lexicon
    from agendadiff.topics import TopicLexicon


def init_archive(root: Path, series: str, remote: str | None = None) -> Path:
    """A new archive in `root` (made if needed; an existing git repository is used as it is)."""
    if (root / CONFIG).exists():
        raise ArchiveError(f"{root}: already an agendadiff archive")
    root.mkdir(parents=True, exist_ok=True)
    store = Store.create(root)
    settings = Settings(series=series, remote=remote)
    write_atomically(root / CONFIG, settings_toml(settings))
    write_atomically(root / "README.md", readme_text(settings))
    write_atomically(root / ".gitignore", f"{STATE}/\ninbox/\n")
    (root / LETTERS).mkdir(exist_ok=True)
    (root / REPORTS).mkdir(exist_ok=True)
    store.commit([CONFIG, "README.md", ".gitignore"], f"Start the {series} archive")
    return root


class Archive:
    def __init__(self, root: Path) -> None:
        self.root = root
        if not (root / CONFIG).is_file():
            raise ArchiveError(
                f"{root}: not an agendadiff archive (no {CONFIG}); make one with `agendadiff archive init`"
            )
        self.store = Store.open(root)
        self.settings = read_settings(root / CONFIG)

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
                    meeting=meeting_from(meta.get("meeting_data")),
                    sha256=meta["sha256"],
                    original=f"{LETTERS}/{meta_path.parent.name}/{meta['original']}",
                    source_name=meta["source_name"],
                    kind=meta.get("kind", LetterKind.AGENDA.value),
                )
            )
        return sorted(stored, key=lambda s: (s.date or dt.date.max, s.name))

    def letter(self, stored: Stored) -> Letter:
        """A stored letter as read when it was stored."""
        from agendadiff.serialize import letter_from_data

        return letter_from_data(json.loads(self._letter_file(stored).read_text(encoding="utf-8")))

    def head(self, stored: Stored, kept: Kept) -> Letter:
        """A stored letter without its sections (its source, date, meeting, ...), as `kept` has it from an
        earlier run while the letter's file is the same: the file is mostly sections, and reading every
        letter's file would make each update take longer as the archive grows."""
        from agendadiff.serialize import letter_from_data

        path = self._letter_file(stored)
        file = path.stat()

        def read() -> dict[str, Any]:
            data = json.loads(path.read_text(encoding="utf-8"))
            return {key: value for key, value in data.items() if key != "sections"}

        data = kept.get(f"head {stored.name} {stored.sha256} {file.st_size} {file.st_mtime_ns}", read)
        return letter_from_data({**data, "sections": []})

    def _letter_file(self, stored: Stored) -> Path:
        return self.root / LETTERS / stored.name / "letter.json"

    # -- Operations ---------------------------------------------------------------------------------

    @contextmanager
    def locked(self, wait: float = 0) -> Iterator[None]:
        """Hold the archive's lock; wait up to `wait` seconds for another run to let go."""
        from filelock import FileLock, Timeout

        try:
            # git keeps no empty folders: a fresh clone of an archive without reports yet lacks these
            for folder in (STATE, LETTERS, REPORTS):
                (self.root / folder).mkdir(exist_ok=True)
            lock = FileLock(self.root / STATE / "lock")
            lock.acquire(timeout=wait)
        except Timeout:
            raise ArchiveBusy(
                f"{self.root}: another agendadiff is working on this archive; try again later or use --wait"
            ) from None
        except OSError as error:
            raise ArchiveError(_unwritable(self.root, error)) from None
        try:
            yield
        except OSError as error:  # a full disk, a read-only archive: the journal lets the next run start again
            raise ArchiveError(_unwritable(self.root, error)) from None
        finally:
            lock.release()

    def add(self, files: Sequence[Path], progress: Progress | None = None, wait: float = 0) -> Outcome:
        """Store each letter with one commit of its own, with the reports that change because of it."""
        with self.locked(wait):
            self._ready()
            outcome = Outcome()
            for done, path in enumerate(files):
                outcome = merged(outcome, self._transaction([path], batch=False))
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
            state, skipped = self._fetch(fetch, inbox, progress) if fetch else (None, ())
            listed = sorted(inbox.iterdir()) if inbox.is_dir() else []
            entries = [(path, _refusal(path, inbox)) for path in listed if _inbox_entry(path)]
            refused = tuple(Problem(str(p), f"{_shown(p)}: {why}") for p, why in entries if why)
            self._quarantine(refused)
            waiting = tuple(p.name for p, why in entries if why is None and _being_written(p))
            files = [p for p, why in entries if why is None and p.name not in waiting]
            outcome = self._transaction(files, batch=True, progress=progress, fetch_state=state)
            outcome = replace(outcome, failed=refused + outcome.failed, waiting=waiting, warnings=skipped)
            for path in files:
                if path.exists():  # stored now, or stored before; failed ones went to inbox/failed
                    move_into(path, inbox / "archived")
            if push:  # also when nothing is new: an earlier push may have failed
                outcome = replace(outcome, pushed=self._push(kept=bool(outcome.commits)))
            return outcome

    def _fetch(self, client: Client, inbox: Path, progress: Progress | None) -> tuple[str | None, tuple[str, ...]]:
        """New letters into the inbox; the new fetch state, for the transaction to write and commit, and the
        letters skipped this time."""
        from agendadiff.fetch import DEFAULT_MATCH, Query, fetch, parse_dossier, state_text

        config = self.settings.fetch
        if not config:
            raise ArchiveError(f"{self.root / CONFIG}: no [fetch] settings; add a [fetch] table with the dossier")
        number, addition = parse_dossier(str(config["dossier"]))
        since = config.get("since")
        query = Query(
            number,
            addition,
            _matches(config.get("match")) or DEFAULT_MATCH,
            dt.date.fromisoformat(str(since)) if since else None,
        )
        outcome = fetch(client, query, inbox, self.root / FETCH_STATE, write_state=False, progress=progress)
        return (state_text(outcome.state) if outcome.fetched else None), outcome.skipped

    def _ready(self, inbox: Path | None = None) -> None:
        """Refuse a detached HEAD or changes nobody committed; undo what a killed run left half done."""
        self.store.clear_stale_index_lock()  # a git killed with the run before
        if self.store.head_detached():
            raise ArchiveError(f"{self.root}: HEAD is detached; check out the archive's branch first")
        journal = self._journal()
        if journal is not None:
            self._restore(journal)
        remove_leftovers(self.root)  # a write killed between its temporary file and the rename
        # The settings' files are read before anything is written: a missing one is one line, nothing half done.
        self.pairing()
        self.lexicon()
        self.topics()
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
        return self.store.changes(skip)

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
        removed. Then the run does all its work again, so a kill at any point costs only time. Only files the
        run's log vouches for (a content it wrote) are put back: a file someone edited since stays, and the
        check for changes nobody committed then says so."""
        log = self.root / WRITTEN_LOG
        if log.exists():
            own = recorded(log)
            foreign = [
                path
                for path, _ in self.store.changed_files(paths)
                if (self.root / path).is_file()
                and _sha256(self.root / path) not in own.get(str((self.root / path).absolute()), ())
            ]
            self.store.restore(paths, keep=foreign)
        else:  # a journal without a log (an older agendadiff's): all of it is put back
            self.store.restore(paths)
        (self.root / STATE / "journal.json").unlink()
        log.unlink(missing_ok=True)

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
            try:
                sha256 = digest(path)
            except OSError as error:  # unreadable (permissions), or gone since it was listed
                failed.append(Problem(str(path), f"{_shown(path)}: cannot be read ({error.__class__.__name__})"))
                continue
            if sha256 in by_hash or sha256 in {s.sha256 for s in added}:
                known.append(path.name)
                continue
            try:
                letter = read_letter(path)
            except AgendadiffError as error:
                failed.append(Problem(str(path), str(error)))
                continue
            reason = _not_of_the_series(letter)
            if reason:
                failed.append(Problem(str(path), f"{_shown(path)}: {NOT_OF_THE_SERIES.format(reason=reason)}"))
                continue
            name = unique_name(letter_name(letter), {s.name for s in (*stored, *added)})
            original = f"{LETTERS}/{name}/original" + ("" if path.is_dir() else original_suffix(path))
            kind = (letter.kind or LetterKind.AGENDA).value
            added.append(Stored(name, letter.date, letter.meeting, sha256, original, path.name, kind))
            new_letters[name] = (path, letter, original)
            if progress:
                progress(done + 1, len(files), path.name)
        fault_point("after-reading")
        if failed and batch:
            self._quarantine(failed)
        if not added and not batch:
            return Outcome(known=tuple(known), failed=tuple(failed))
        everything = sorted((*stored, *added), key=lambda s: (s.date or dt.date.max, s.name))
        plan = build.report_plan(self, everything)
        pages_there = (self.root / INDEX).exists() and (self.root / FEED).exists()
        if not added and not plan.write and not plan.remove and pages_there and not fetch_state:
            return Outcome(known=tuple(known), failed=tuple(failed))
        touched = [f"{LETTERS}/{s.name}" for s in added] + [
            f"{REPORTS}/{name}.{ext}" for name in (*plan.write, *plan.remove) for ext in build.REPORT_EXTENSIONS
        ]
        timeline = [f"{TIMELINE}.html", f"{TIMELINE}.json"] if self.settings.timeline else []
        register = [f"{COMMITMENTS}.{ext}" for ext in build.COMMITMENT_EXTENSIONS]
        touched += [MANIFEST, INDEX, FEED, OUTCOMES, *register, *timeline] + ([FETCH_STATE] if fetch_state else [])
        log = self.root / WRITTEN_LOG
        log.unlink(missing_ok=True)
        write_atomically(self.root / STATE / "journal.json", json.dumps({"paths": touched}))
        with recording(log):
            return self._write_and_commit(
                added, known, failed, new_letters, everything, plan, batch, progress, fetch_state, timeline, register
            )

    def _write_and_commit(
        self,
        added: list[Stored],
        known: list[str],
        failed: list[Problem],
        new_letters: dict[str, tuple[Path, Letter, str]],
        everything: list[Stored],
        plan: build.ReportPlan,
        batch: bool,
        progress: Progress | None,
        fetch_state: str | None,
        timeline: list[str],
        register: list[str],
    ) -> Outcome:
        """The transaction's writes and its commit, each write noted in the log before it is made."""
        fault_point("after-journal")
        if fetch_state:
            write_atomically(self.root / FETCH_STATE, fetch_state)
        for name, (path, letter, original) in new_letters.items():
            self._store(name, path, letter, original)
        fault_point("after-letters")
        with build.reports_ahead(self, everything, plan) as reports:
            # made while the reports are, on the other cores: neither reads a report
            timeline_pages = build.timeline_pages(self, everything) if timeline else ()
            pages, open_commitments = build.register_pages(self, everything)
            manifest = build.write_reports(self, everything, plan, reports, progress)
        fault_point("after-reports")
        for page, text in zip(timeline, timeline_pages, strict=True):
            write_atomically(self.root / page, text)
        outcomes, _ = build.write_outcomes(self, everything)
        for ext, text in pages.items():
            write_atomically(self.root / f"{COMMITMENTS}.{ext}", text)
        write_atomically(self.root / INDEX, build.index_page(self, everything, manifest, outcomes, open_commitments))
        write_atomically(self.root / FEED, build.feed_page(self, everything, manifest, outcomes))
        fault_point("after-index")
        message = build.commit_message(added, plan, batch)
        if fetch_state and not added:
            message = "Record fetched documents" if message.startswith("Update") else message
        sync_written()  # what the commit takes is on disk first, all files at once
        commit = self.store.commit(
            [LETTERS, REPORTS, OUTCOMES, INDEX, FEED, *register, *timeline, *([FETCH_STATE] if fetch_state else [])],
            message,
        )
        fault_point("after-commit")
        (self.root / STATE / "journal.json").unlink()
        (self.root / WRITTEN_LOG).unlink(missing_ok=True)
        return Outcome(
            added=tuple(s.name for s in added),
            known=tuple(known),
            failed=tuple(failed),
            reports=tuple(plan.write),
            removed_reports=tuple(plan.remove),
            commits=(commit,),
        )

    def _quarantine(self, failed: Sequence[Problem]) -> None:
        for failure in failed:
            path = Path(failure.subject)
            target = move_into(path, path.parent / "failed")
            note = (
                target.with_name(target.name + ".error.txt")
                if _utf8(target.name)
                else target.parent / "unnamed.error.txt"
            )
            write_atomically(note, failure.problem + "\n")

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
            "kind": (letter.kind or LetterKind.AGENDA).value,
            "sha256": digest(path),
            "original": Path(original).name,
            "source_name": path.name,
            "format": "bundle" if path.is_dir() else sniff(data[:4096]),
            "read_with": __version__,
        }
        write_atomically(folder / "meta.json", json_text(meta) + "\n")

    # -- Reports ------------------------------------------------------------------------------------

    def pairing(self) -> Pairing:
        from dataclasses import replace

        from agendadiff.align import Pairing, load_pairings
        from agendadiff.topics import load_dossiers

        pairing = load_pairings(self.root / self.settings.pairings) if self.settings.pairings else Pairing()
        own = self.settings.dossiers
        return replace(
            pairing,
            dossiers=load_dossiers(self.root / own) if own else None,
            topics=self.topics() if self.settings.topics else None,
        )

    def topics(self) -> TopicLexicon:
        from agendadiff.topics import load_topics

        return load_topics(self.root / self.settings.topics if self.settings.topics else None)

    def lexicon(self) -> Lexicon | None:
        from agendadiff.positions import load_lexicon

        return load_lexicon(self.root / self.settings.lexicon) if self.settings.lexicon else None

    # -- Push, log and check ------------------------------------------------------------------------

    def _push(self, kept: bool) -> bool:
        if not self.settings.remote:
            raise ArchiveError(f'{self.root}: --push needs a remote: set `remote = "origin"` in {CONFIG}')
        return self.store.push(self.settings.remote, kept)

    # -- Log and check ------------------------------------------------------------------------------

    def log(self, topic: str | None = None) -> list[LogEntry]:
        """Each letter with what its report says changed; with `topic`, the topic's threads in that letter
        when it is a topic id of the timeline (see data/topics.toml), else the topics whose title or id holds
        those words."""
        return query.log(self, topic)

    def check(self, progress: Progress | None = None, wait: float = 0) -> list[Problem]:
        """Re-read every original: its sha256, and whether this agendadiff reads it into the stored sections;
        every consecutive pair has its reports. Under the lock: an update half done is no problem to report."""
        with self.locked(wait):
            return query.check(self, progress)


LINK_OUT_OF_INBOX = "is a link that leads out of the inbox (or nowhere); copy the letter into the inbox instead"


NAME_NOT_UTF8 = "has a file name that is not UTF-8; rename it (the letter itself may be in any encoding)"


WRITTEN_LOG = f"{STATE}/written.log"  # what a transaction wrote: the journal's proof of what is its own


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


SETTLE_SECONDS = 2.0  # a file changed this recently may still be being copied in: it waits for the next run
NOT_A_LETTER_ENTRY = "is a folder, not a letter (a letter folder is one that agendadiff fetch wrote)"
NOT_A_FILE = "is not a regular file (a pipe, a socket or a device)"


def _unwritable(root: Path, error: OSError) -> str:
    where = f" {error.filename}" if error.filename else ""
    reason = error.strerror or error.__class__.__name__
    return (
        f"{root}: cannot write{where}: {reason}; nothing was committed, and the next run starts again "
        "where this one stopped once there is room (or write access)"
    )


def _not_of_the_series(letter: Letter) -> str | None:
    """Why a file read as a letter is still no letter of a Council series (a web page, an English or
    undated letter, a line of text), or None: it has a date, and is an agenda or a verslag or names a meeting."""
    if letter.date is None:
        return "no letter date"
    if letter.kind in (None, LetterKind.OTHER) and letter.meeting is None:
        return "neither a geannoteerde agenda nor a verslag, and no Council meeting"
    return None


def _inbox_entry(path: Path) -> bool:
    """Whether an inbox entry is for update to look at: not hidden, not its own archived/ and failed/."""
    return not path.name.startswith(".") and not (path.name in ("archived", "failed") and path.is_dir())


def _refusal(path: Path, inbox: Path) -> str | None:
    """Why an inbox entry cannot go in (it goes to inbox/failed/ with this reason), or None.

    A link that leaves the inbox would commit (and --push publish) a file from elsewhere; a name that is not
    UTF-8 cannot be written into the letter's records or said on a terminal; a folder that is no letter, or a
    pipe, would otherwise lie in the inbox forever, unsaid."""
    if path.is_symlink() and not _inside(path, inbox):
        return LINK_OUT_OF_INBOX
    if not _utf8(path.name):
        return NAME_NOT_UTF8
    if path.is_dir():
        return None if takes(path) else NOT_A_LETTER_ENTRY
    if not path.is_file():
        return NOT_A_FILE
    return None


def _being_written(path: Path) -> bool:
    """Whether a file (or a letter folder's file) changed in the last SETTLE_SECONDS (or the seconds
    AGENDADIFF_SETTLE_SECONDS says): a copy still going on is taken whole by the next run, never half."""
    import os
    import time

    settle = float(os.environ.get(SETTLE_VARIABLE) or SETTLE_SECONDS)
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    try:
        newest = max((p.stat().st_mtime for p in files), default=0.0)
    except OSError:
        return False
    return time.time() - newest < settle


SETTLE_VARIABLE = "AGENDADIFF_SETTLE_SECONDS"


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # the bytes the file system gave were not UTF-8 (surrogate escapes)
        return False
    return True


def _shown(path: Path) -> str:
    """A path that may hold undecodable bytes, as it can be printed."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _inside(link: Path, folder: Path) -> bool:
    """Whether a link's target (followed all the way) lies in `folder`; a loop or a dangling link does not."""
    try:
        return link.resolve(strict=True).is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def open_archive(root: Path) -> Archive:
    return Archive(root)


def _matches(value: object) -> tuple[str, ...]:
    """The [fetch] table's `match`: one text or a list of them."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ArchiveError(f"[fetch] match must be a text or a list of texts, not {value!r}")
