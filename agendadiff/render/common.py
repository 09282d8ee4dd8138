"""What every output shares: the report's words in each language, the templates, dates and meetings as
people read them, a section's label."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agendadiff.model import Cue, Letter, Meeting, Pair, Reason, Section

LANGUAGES = ("nl", "en")
PACKAGE = Path(__file__).parent.parent  # data and templates are installed next to the modules


def labels(lang: str) -> dict[str, str]:
    """The report's words in `lang` (data/labels.toml)."""
    return dict(_label_table()[lang])


@cache
def _label_table() -> dict[str, dict[str, str]]:
    import tomllib

    return tomllib.loads((PACKAGE / "data" / "labels.toml").read_text("utf-8"))


if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment, Template


@cache
def template(name: str) -> Template:
    """A template of templates/, compiled once per process, or taken from jinja2's bytecode cache when this
    very source was compiled before (see environment)."""
    return environment().get_template(name)


@cache
def environment() -> Environment:
    """The one jinja2 environment: the templates next to this package, autoescape on, an undefined name an
    error, and jinja2's bytecode cache in the user's cache folder. Compiling a template costs a report
    40-80 ms, loading it from the cache 1-2 ms; jinja2 checks a cached template against its source, so an
    edited one is compiled again."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(PACKAGE / "templates"),
        bytecode_cache=bytecode_cache(_cache_folder()),
        auto_reload=False,  # each template is asked for once per process
        autoescape=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


def _cache_folder() -> Path | None:
    """$XDG_CACHE_HOME/agendadiff (or ~/.cache/agendadiff), one folder per agendadiff and jinja2 version (the
    compiled code depends on both, and jinja2 checks only the source); None without a home."""
    import os

    import jinja2

    from agendadiff._version import __version__

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):  # no home to expand: not a folder in wherever the command runs
        return None
    return Path(base) / "agendadiff" / f"templates-{__version__}-jinja2-{jinja2.__version__}"


def bytecode_cache(folder: Path | None) -> BytecodeCache | None:
    """jinja2's file cache of compiled templates in `folder` (made, private to the user), or None when there
    is no folder to keep one in; a cache that cannot be written is passed by, so a read-only home costs
    a compile per run, nothing more."""
    from contextlib import suppress

    from jinja2 import FileSystemBytecodeCache
    from jinja2.bccache import Bucket

    class Tolerant(FileSystemBytecodeCache):
        def dump_bytecode(self, bucket: Bucket) -> None:
            with suppress(OSError):
                super().dump_bytecode(bucket)

    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return Tolerant(str(folder))


def section_label(section: Section, lang: str = "en") -> str:
    """ "1. Terugkeerverordening"; a section without a title by its kind ("Opening of the letter")."""
    number = f"{section.number}. " if section.number else ""
    return number + (section.title or labels(lang).get(f"untitled_{section.kind.value}", section.kind.value))


def letter_head(letter: Letter) -> dict[str, Any]:
    """A letter as the JSON of a comparison, timeline, outcome or register names it: one shape in each."""
    from agendadiff.serialize import meeting_data, source_data

    return {
        "source": source_data(letter.source),
        "date": letter.date.isoformat() if letter.date else None,
        "kind": letter.kind.value if letter.kind else None,
        "kamerstuk": letter.kamerstuk,
        "meeting": (meeting_data(letter.meeting) or {}) | {"label": meeting_line(letter.meeting)}
        if letter.meeting
        else None,
        "warnings": list(letter.warnings),
    }


def meeting_line(meeting: Meeting | None) -> str:
    if meeting is None:
        return "-"
    kind = {True: "formal ", False: "informal ", None: ""}[meeting.formal]
    when = (
        " to ".join(sorted({meeting.dates[0].isoformat(), meeting.dates[-1].isoformat()}))
        if meeting.dates
        else "date unknown"
    )
    where = f", {meeting.place}" if meeting.place else ""
    return f"{kind}{meeting.council}, {when}{where}"


def date_label(date: Any, lang: str) -> str:
    import calendar

    from agendadiff.lang.dutch import MONTH_NAMES

    if date is None:
        return "?"
    month = MONTH_NAMES[date.month - 1] if lang == "nl" else calendar.month_name[date.month]
    return f"{date.day} {month} {date.year}"


def meeting_label(meeting: Meeting | None, lang: str) -> str:
    """ "informele Raad Justitie en Binnenlandse Zaken, 22 en 23 juli 2025, Kopenhagen" (or in English)."""
    if meeting is None:
        return ""
    t = labels(lang)
    kind = {True: t["formal"] + " ", False: t["informal"] + " ", None: ""}[meeting.formal]
    days = sorted(set(meeting.dates))
    when = ""
    if days:
        first, last = days[0], days[-1]
        if first == last:
            when = date_label(first, lang)
        elif (first.year, first.month) == (last.year, last.month):
            when = f"{first.day}{t['dates_joiner']}{date_label(last, lang)}"
        else:
            when = f"{date_label(first, lang)}{t['dates_joiner']}{date_label(last, lang)}"
    return ", ".join(part for part in (f"{kind}{meeting.council}", when, meeting.place or "") if part)


def cue_data(cue: Cue) -> dict[str, Any]:
    """A reason as the JSON outputs give it."""
    return {
        "signal": cue.signal.value,
        "removed": list(cue.removed),
        "added": list(cue.added),
        "replaced_by": list(cue.replaced_by),
    }


def cue_text(cue: Cue, t: dict[str, str]) -> str:
    """One reason, as "standpunt: ‘is voornemens in te stemmen’ → ‘kan instemmen’"."""
    label = t[f"signal_{cue.signal.value}"]
    if not cue.removed and not cue.added:
        return label

    def words(items: Sequence[str]) -> str:
        return ", ".join(f"‘{w}’" for w in items) if items else "—"

    if cue.replaced_by and not cue.added:  # "zal" → "blijft": what took its place, not a bare dash
        return f"{label}: {words(cue.removed)} → {words(cue.replaced_by)}"
    return f"{label}: {words(cue.removed)} → {words(cue.added)}"


def pair_reasons(pair: Pair, t: dict[str, str] | None = None) -> str:
    """Why two sections were paired, in words (English without `t`): "same dossier: Terugkeerverordening"."""
    named = {Reason.SAME_DOSSIER: pair.dossier, Reason.SAME_TOPIC: pair.topic}
    words = []
    for reason in pair.reasons:
        word = t["reason_" + reason.value.replace(" ", "_")] if t else reason.value
        words.append(f"{word}: {named[reason]}" if named.get(reason) else word)
    return ", ".join(words)


def file_link(path: str) -> str:
    """A link to a local file that can only be a relative path: a name that reads as a scheme
    ("javascript:...", "data:...") gets "./" before it, and the path is percent-encoded as a URL's is."""
    from urllib.parse import quote

    link = quote(path.replace("\\", "/"), safe="/._-~")
    return link if link.startswith(("/", ".")) or ":" not in path.split("/")[0] else f"./{link}"
