"""Benchmark the archive: build one of 200 letters, and time an update that brings one new letter as the
archive grows (50, 100, 200 letters).

    python bench/archive_bench.py [--letters 200]

The letters are the three samples, dated every fortnight from 2018 on and each with a few words changed, so
that every letter is new and every report has something to say. Printed: the build time of the archive, in
stages, and for each size the time of an update with one new letter next to the time plain git takes to
commit the same files (the floor for any git-backed archive), and the time to build all reports again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from series import perturbed_letter  # noqa: E402

SAMPLES = [ROOT / "samples" / name for name in ("jbz-2025-07-10.txt", "jbz-2025-10-02-constructed.txt",
                                                 "jbz-2025-11-27-constructed.txt")]  # fmt: skip


def letter_text(k: int) -> tuple[dt.date, str]:
    """The k-th letter of the series: one of the three samples in turn (see bench/series.py)."""
    return perturbed_letter(k, SAMPLES)


def write_letters(folder: Path, first: int, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(first, first + count):
        date, text = letter_text(k)
        (folder / f"letter-{date.isoformat()}.txt").write_text(text, encoding="utf-8")


def agendadiff(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "agendadiff", *args], check=True, capture_output=True)
    return time.perf_counter() - started


def git_floor(archive: Path, inbox: Path) -> float:
    """Plain git committing one new letter's worth of files (the letter and two report-sized files)."""
    started = time.perf_counter()
    target = archive / "floor"
    target.mkdir(exist_ok=True)
    for path in inbox.iterdir():
        shutil.copy(path, target / path.name)
        shutil.copy(path, target / (path.name + ".report"))
    subprocess.run(["git", "add", "floor"], cwd=archive, check=True)
    subprocess.run(["git", "commit", "-qm", "floor"], cwd=archive, check=True)
    elapsed = time.perf_counter() - started
    subprocess.run(["git", "rm", "-rq", "floor"], cwd=archive, check=True)
    subprocess.run(["git", "commit", "-qm", "floor gone"], cwd=archive, check=True)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--letters", type=int, default=200)
    args = parser.parse_args()
    os.environ.update(
        {f"GIT_{r}_{p}": v for r in ("AUTHOR", "COMMITTER") for p, v in (("NAME", "bench"), ("EMAIL", "b@x"))}
    )
    # the letters are written whole before each update: no waiting for a copy to settle (else every update
    # leaves the letters just written for the next run and measures nothing)
    os.environ["AGENDADIFF_SETTLE_SECONDS"] = "0"
    sizes = sorted({n for n in (50, 100, args.letters) if n <= args.letters})
    with tempfile.TemporaryDirectory() as temp:
        archive, inbox = Path(temp) / "archive", Path(temp) / "archive" / "inbox"
        agendadiff("archive", "init", str(archive))
        print(f"Archive of {args.letters} letters (seconds)")
        print(f"{'letters':>7} {'build step':>10} {'update +1':>10} {'git floor':>10} {'ratio':>6} {'rebuild all':>12}")
        built, total_build, k = 0, 0.0, 0
        for size in sizes:
            write_letters(inbox, built, size - built)
            step = agendadiff("archive", "update", "--archive", str(archive))
            total_build += step
            built = size
            # one new letter, dated after all others
            write_letters(inbox, 10_000 + k, 1)
            k += 1
            one = agendadiff("archive", "update", "--archive", str(archive))
            floor_box = Path(temp) / "floor-inbox"
            write_letters(floor_box, 20_000 + k, 1)
            floor = git_floor(archive, floor_box)
            shutil.rmtree(floor_box)
            # the naive way: every report again (the manifest emptied, as a new agendadiff version would)
            manifest = archive / "reports" / "manifest.json"
            rebuild = ""
            if size == sizes[-1]:
                manifest.write_text("{}\n", encoding="utf-8")
                subprocess.run(["git", "commit", "-qam", "forget the manifest"], cwd=archive, check=True)
                rebuild = f"{agendadiff('archive', 'update', '--archive', str(archive)):>12.1f}"
            print(f"{size:>7} {step:>10.1f} {one:>10.2f} {floor:>10.2f} {one / floor:>6.1f} {rebuild}")
        print(f"\nBuilding the archive of {built} letters (+{k} single updates): {total_build:.1f} s in "
              f"{len(sizes)} updates")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
