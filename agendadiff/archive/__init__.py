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

The package by job: `layout` (where things lie, the settings, the records), `store` (git: the only module
that imports it), `update` (the lock, the journal, add and update), `build` (reports, timeline, index),
`query` (log and check).
"""

from agendadiff.archive.layout import (
    ArchiveBusy,
    ArchiveError,
    LogEntry,
    Outcome,
    Problem,
    ReportFigures,
    Settings,
    Stored,
)
from agendadiff.archive.update import Archive, init_archive, open_archive

__all__ = [
    "Archive",
    "ArchiveBusy",
    "ArchiveError",
    "LogEntry",
    "Outcome",
    "Problem",
    "ReportFigures",
    "Settings",
    "Stored",
    "init_archive",
    "open_archive",
]
