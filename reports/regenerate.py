"""Regenerate the committed comparison reports of the samples, or check that they are current.

    python reports/regenerate.py           # write reports/<old>_<new>.{txt,json,html} for each consecutive pair,
                                           # reports/timeline*.{txt,json,html} over all of them, and
                                           # reports/outcome-*.{txt,json,html} (each verslag against its agenda)
                                           # and reports/commitments.{txt,json,html}
    python reports/regenerate.py --check   # exit 1 and name the stale reports, writing nothing

Letters are taken from samples/ in date order (their file names start with the date). Paths in the
reports are relative to the repository root, so the reports are the same on every machine.
"""

from __future__ import annotations

import os
import sys
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agendadiff.model import Letter

ROOT = Path(__file__).resolve().parent.parent


def expected_reports() -> dict[Path, str]:
    """Every report file and the text it should hold."""
    from agendadiff import compare_letters, read_letter
    from agendadiff.render.comparison import comparison_html, comparison_json, comparison_text

    here = os.getcwd()
    os.chdir(ROOT)  # relative source paths in the reports
    try:
        letters = sorted(Path("samples").glob("jbz-*.txt"))
        read = [read_letter(path) for path in letters]
        reports: dict[Path, str] = {}
        for (old_path, old), (new_path, new) in pairwise(zip(letters, read, strict=True)):
            comparison = compare_letters(old, new)
            stem = f"{_short(old_path)}_{_short(new_path)}"
            reports[ROOT / "reports" / f"{stem}.txt"] = comparison_text(comparison)
            reports[ROOT / "reports" / f"{stem}.json"] = comparison_json(comparison)
            sources = (f"../{old_path.as_posix()}", f"../{new_path.as_posix()}")  # from reports/ to samples/
            reports[ROOT / "reports" / f"{stem}.html"] = comparison_html(comparison, "nl", sources)
        reports.update(_timeline_reports(read))
        reports.update(_followthrough_reports(read))
        return reports
    finally:
        os.chdir(here)


def _timeline_reports(letters: list[Letter]) -> dict[Path, str]:
    """The timeline of all samples (text with the sentence history of the return topic, JSON, HTML)."""
    from agendadiff.render.timeline import select, timeline_html, timeline_json, timeline_text
    from agendadiff.timeline import build_timeline

    timeline = build_timeline(letters)
    return {
        ROOT / "reports" / "timeline.txt": timeline_text(timeline),
        ROOT / "reports" / "timeline-terugkeer.txt": timeline_text(select(timeline, "terugkeer"), history=True),
        ROOT / "reports" / "timeline.json": timeline_json(timeline),
        ROOT / "reports" / "timeline.html": timeline_html(timeline, "nl"),
    }


def _followthrough_reports(agendas: list[Letter]) -> dict[Path, str]:
    """Each sample verslag against its meeting's agenda, and the commitments of all sample letters."""
    from agendadiff import read_letter
    from agendadiff.commitments import register
    from agendadiff.outcome import outcome
    from agendadiff.render.followthrough import (
        outcome_html,
        outcome_json,
        outcome_text,
        register_html,
        register_json,
        register_text,
    )

    reports: dict[Path, str] = {}
    verslagen = [(path, read_letter(path)) for path in sorted(Path("samples/verslagen").glob("*.txt"))]
    for path, verslag in verslagen:
        [agenda] = [a for a in agendas if a.meeting and verslag.meeting and a.meeting.dates == verslag.meeting.dates]
        result = outcome(agenda, verslag)
        stem = f"outcome-{_short(path).removeprefix('jbz-verslag-')}"
        reports[ROOT / "reports" / f"{stem}.txt"] = outcome_text(result)
        reports[ROOT / "reports" / f"{stem}.json"] = outcome_json(result)
        reports[ROOT / "reports" / f"{stem}.html"] = outcome_html(result, "nl")
    everything = register([*agendas, *(v for _, v in verslagen)])
    reports[ROOT / "reports" / "commitments.txt"] = register_text(everything)
    reports[ROOT / "reports" / "commitments.json"] = register_json(everything)
    reports[ROOT / "reports" / "commitments.html"] = register_html(everything, "nl", links_from="reports")
    return reports


def stale_reports() -> list[Path]:
    return [
        path
        for path, text in expected_reports().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


def _short(path: Path) -> str:
    return path.stem.removesuffix("-constructed")


def main(argv: list[str]) -> int:
    if "--check" in argv:
        stale = stale_reports()
        for path in stale:
            print(f"{path.relative_to(ROOT)} is stale: run python reports/regenerate.py", file=sys.stderr)
        return 1 if stale else 0
    for path, text in expected_reports().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
