"""The archive's layout and settings: where everything lies, what the settings say, the records the other
modules pass around, and the names of letters and reports."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
import re
import signal
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agendadiff.errors import AgendadiffError
from agendadiff.model import Letter, LetterKind, Meeting

CONFIG = "agendadiff.toml"
STATE = ".agendadiff"
LETTERS = "letters"
REPORTS = "reports"
MANIFEST = f"{REPORTS}/manifest.json"
INDEX = "index.html"
FEED = "feed.xml"  # an Atom feed of the letters, newest first
FETCH_STATE = "fetch-state.json"  # what `update --fetch` has fetched, committed with the letters
TIMELINE = "timeline"  # timeline.html and timeline.json: the topics through the latest letters
OUTCOMES = "outcomes"  # per meeting with both letters: the agenda against its verslag
OUTCOMES_MANIFEST = f"{OUTCOMES}/manifest.json"
COMMITMENTS = "commitments"  # commitments.html, .json, .txt: the register of the series' toezeggingen
VERSLAG = "verslag"  # a stored letter's kind, as LetterKind.REPORT's value
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
    dossiers: str | None = None  # a dossiers file of your own (see data/dossiers.toml), relative to the archive
    remote: str | None = None  # the git remote `--push` pushes to
    lang: str = "nl"  # the language of the reports and the index: nl or en
    fetch: dict[str, Any] | None = None  # [fetch]: dossier, match, since, base_url for `update --fetch`
    timeline: int = TIMELINE_LETTERS  # how many of the latest letters the timeline spans; 0: no timeline
    site_url: str | None = None  # where the archive is published (GitHub Pages, say): the feed's links are absolute


@dataclass(frozen=True)
class Stored:
    """A letter kept in the archive."""

    name: str
    date: dt.date | None
    meeting: Meeting | None
    sha256: str
    original: str  # path of the original, relative to the archive
    source_name: str  # the file name it came in with
    kind: str = "geannoteerde agenda"  # the letter's kind (LetterKind's value): agendas and verslagen are two series

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
    waiting: tuple[str, ...] = ()  # inbox files still being written: left for the next run
    warnings: tuple[str, ...] = ()  # e.g. letters the fetch had to skip this time


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


def settings_toml(settings: Settings) -> str:
    lines = [
        "# agendadiff archive settings",
        f"series = {json.dumps(settings.series, ensure_ascii=False)}",
        '# lexicon = "positions.toml"    # a positions lexicon of your own (see agendadiff compare --lexicon)',
        '# pairings = "pairings.txt"     # pin/forbid lines for the comparisons (see agendadiff compare --pairings)',
        '# topics = "topics.toml"        # the topics the timeline follows, for another series (see timeline --topics)',
        '# dossiers = "dossiers.toml"    # dossiers of your own, to pair rewritten topics (see compare --dossiers)',
    ]
    lines.append(f"remote = {json.dumps(settings.remote)}" if settings.remote else '# remote = "origin"  # for --push')
    lines += [
        "",
        "# For `agendadiff archive update --fetch`: where new letters are published (see agendadiff fetch)",
        "# [fetch]",
        '# dossier = "32317"',
        '# match = ["geannoteerde agenda", "verslag jbz-raad"]  # default: the agendas and the verslagen',
        '# since = "2025-01-01"',
        "",
        f'# timeline = {TIMELINE_LETTERS}  # how many of the latest letters timeline.html follows (0: none, "all")',
        '# site_url = "https://example.github.io/jbz-archive/"  # where the archive is published: feed.xml links there',
    ]
    return "\n".join(lines) + "\n"


def readme_text(settings: Settings) -> str:
    return (
        f"# {settings.series}: geannoteerde agenda's\n\n"
        "This repository is kept by [agendadiff](https://pypi.org/project/agendadiff/): every letter of the series,\n"
        "as it was received (`letters/*/original.*`), read into sections (`letter.json`, `letter.md`), and the\n"
        "comparison of each letter with the one before it (`reports/`), and how each topic went through the latest\n"
        "letters (`timeline.html`). Open `index.html` to browse; follow new letters in a feed reader with `feed.xml`.\n\n"
        "Add letters with `agendadiff archive add FILE...`, or put them in `inbox/` and run\n"
        "`agendadiff archive update`. `agendadiff archive check` verifies what is stored.\n"
    )


def read_settings(path: Path) -> Settings:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        settings = Settings(
            series=str(data["series"]),
            lexicon=data.get("lexicon"),
            pairings=data.get("pairings"),
            topics=data.get("topics"),
            dossiers=data.get("dossiers"),
            remote=data.get("remote"),
            lang=str(data.get("lang", "nl")),
            fetch=data.get("fetch"),
            timeline=_timeline_span(data.get("timeline", TIMELINE_LETTERS)),
            site_url=data.get("site_url"),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, ValueError) as error:
        raise ArchiveError(f"{path}: not agendadiff archive settings ({first_line(error)})") from None
    if settings.lang not in ("nl", "en"):
        raise ArchiveError(f'{path}: lang must be "nl" or "en", not {settings.lang!r}')
    if settings.site_url is not None and not str(settings.site_url).startswith(("https://", "http://")):
        raise ArchiveError(f"{path}: site_url must be a web address (https://...), not {settings.site_url!r}")
    if settings.fetch is not None and not (isinstance(settings.fetch, dict) and settings.fetch.get("dossier")):
        raise ArchiveError(f'{path}: [fetch] needs a dossier (dossier = "32317")')
    return settings


def _timeline_span(value: Any) -> int:
    if value == "all":
        return 10**6
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f'timeline must be a number of letters (0 for none) or "all", not {value!r}')
    return value


def meeting_from(data: dict[str, Any] | None) -> Meeting | None:
    if not data:
        return None
    dates = tuple(dt.date.fromisoformat(d) for d in data["dates"])
    return Meeting(council=data["council"], formal=data["formal"], dates=dates, place=data["place"])


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else error.__class__.__name__


def letter_name(letter: Letter) -> str:
    """`2025-07-10_jbz-2025-07-22-kopenhagen`: the letter's date, then its meeting."""
    date = letter.date.isoformat() if letter.date else "undated"
    if letter.kind is LetterKind.REPORT:
        date += f"_{VERSLAG}"
    meeting = letter.meeting
    if meeting is None:
        return f"{date}_letter"
    council = "".join(w[0] for w in meeting.council.split()[1:] if w[:1].isupper()) or meeting.council
    parts = [council, meeting.dates[0].isoformat() if meeting.dates else "", meeting.place or ""]
    return f"{date}_" + re.sub(r"[^a-z0-9]+", "-", " ".join(p for p in parts if p).lower()).strip("-")


def takes(path: Path) -> bool:
    """Whether `update` takes this inbox entry: a file, or a bundle folder (a letter with its annexes)."""
    from agendadiff.readers.bundle import is_bundle

    return not path.name.startswith(".") and (path.is_file() or is_bundle(path))


def digest(path: Path) -> str:
    """sha256 of a letter file, or of a bundle's files."""
    if path.is_dir():
        from agendadiff.readers.bundle import bundle_digest, is_bundle

        return bundle_digest(path) if is_bundle(path) else ""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def original_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    return suffix if suffix in KNOWN_SUFFIXES else ".bin"


def sha_of(letters: Sequence[Stored], name: str) -> str:
    return next(s.sha256 for s in letters if s.name == name)


def report_name(old: str, new: str) -> str:
    return f"{old}__{new}"


def series_pairs(letters: Sequence[Stored]) -> list[tuple[Stored, Stored]]:
    """The consecutive pairs an archive compares: each letter with the one before it of its own series (the
    verslagen apart from the agendas), in date order."""
    pairs: list[tuple[Stored, Stored]] = []
    for series in (_agendas(letters), [s for s in letters if s.kind == VERSLAG]):
        pairs += list(itertools.pairwise(series))
    return pairs


def _agendas(letters: Sequence[Stored]) -> list[Stored]:
    return [s for s in letters if s.kind != VERSLAG]


def meeting_pairs(letters: Sequence[Stored]) -> list[tuple[Stored, Stored]]:
    """(agenda, verslag) for every meeting the archive has both letters of: the same council on the same days
    (the latest agenda of a meeting, when it has two)."""

    def key(stored: Stored) -> tuple[str, tuple[dt.date, ...]] | None:
        meeting = stored.meeting
        return (meeting.council, tuple(sorted(set(meeting.dates)))) if meeting and meeting.dates else None

    agendas = {key(s): s for s in letters if s.kind != VERSLAG and key(s)}
    return [(agendas[key(v)], v) for v in letters if v.kind == VERSLAG and key(v) in agendas]


def outcome_name(agenda: Stored, verslag: Stored) -> str:
    return f"{agenda.name}__{verslag.name}"


def merged(a: Outcome, b: Outcome) -> Outcome:
    return Outcome(
        added=a.added + b.added,
        known=a.known + b.known,
        failed=a.failed + b.failed,
        reports=a.reports + b.reports,
        removed_reports=a.removed_reports + b.removed_reports,
        commits=a.commits + b.commits,
    )


def move_into(path: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    k = 2
    while target.exists():
        target = folder / f"{path.stem}-{k}{path.suffix}"
        k += 1
    os.replace(path, target)
    return target


def fault_point(point: str) -> None:
    """For the kill tests: AGENDADIFF_KILL_AT=<point> kills the process here, as a power cut would."""
    if os.environ.get("AGENDADIFF_KILL_AT") == point:
        os.kill(os.getpid(), signal.SIGKILL)
