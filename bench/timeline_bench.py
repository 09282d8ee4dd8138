"""Benchmark `agendadiff timeline` over many letters: time, peak memory and how they grow.

    python bench/timeline_bench.py [--letters 100] [--repeat 3]

The letters are the five samples in turn, dated every fortnight from 2018 on, each with a few words changed
(bench/series.py); with the samples' own differences, topics come and go, are retitled and move. For 25, 50 and 100 letters (or
the --letters given) it prints the wall time of the command writing the HTML timeline (median of --repeat),
the peak memory of the command and its worker processes together, the time per letter, and next to it two
peers measured in the same run: reading the letters alone (the floor for any tool that reads them) and
comparing each consecutive pair with `agendadiff compare` in one process (what a reader without a timeline
would run). The goals: 100 letters in under 10 s and 500 MB, time per letter flat as the series grows.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from series import perturbed_letter  # noqa: E402

SAMPLES = sorted((ROOT / "samples").glob("jbz-*.txt"))


def letter_text(k: int) -> str:
    """The k-th letter: one of the five samples in turn (see bench/series.py)."""
    return perturbed_letter(k, SAMPLES)[1]


def write_letters(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        path = folder / f"letter-{k:04d}.txt"
        path.write_text(letter_text(k), encoding="utf-8")
        paths.append(path)
    return paths


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) * 1024  # type: ignore[union-attr]
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total


def run_timeline(folder: Path, out: Path) -> tuple[float, int]:
    """Wall time and peak memory (process tree) of `agendadiff timeline FOLDER -o OUT`."""
    import tempfile

    with tempfile.TemporaryFile() as said:  # the letters' warnings (the series moves dates), shown on a failure
        started = time.perf_counter()
        command = [sys.executable, "-m", "agendadiff", "timeline", str(folder), "-o", str(out)]
        process = subprocess.Popen(command, stderr=said)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.02)
        elapsed = time.perf_counter() - started
        if process.returncode:
            said.seek(0)
            raise SystemExit(f"agendadiff timeline failed with {process.returncode}: {said.read()[-2000:]!r}")
    return elapsed, peak


def peers(paths: list[Path]) -> tuple[float, float]:
    """Reading every letter, and comparing every consecutive pair, in this process."""
    from agendadiff import compare_letters, read_letter

    started = time.perf_counter()
    letters = [read_letter(p) for p in paths]
    read = time.perf_counter() - started
    started = time.perf_counter()
    for old, new in itertools.pairwise(letters):
        compare_letters(old, new)
    return read, read + time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--letters", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = sorted({max(2, args.letters // 4), max(2, args.letters // 2), args.letters})
    print(f"agendadiff timeline over perturbed samples, {os.cpu_count()} cores, median of {args.repeat}")
    print(
        f"{'letters':>7} {'timeline s':>10} {'per letter':>10} {'peak MB':>8} {'read s':>7} {'compare s':>10} {'vs compare':>10}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = Path(tmp) / f"n{size}"
            paths = write_letters(folder, size)
            runs = [run_timeline(folder, Path(tmp) / f"t{size}.html") for _ in range(args.repeat)]
            elapsed = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            read, compared = peers(paths)
            print(
                f"{size:>7} {elapsed:>10.2f} {elapsed / size * 1000:>8.1f}ms {peak / 2**20:>8.0f} {read:>7.2f} "
                f"{compared:>10.2f} {elapsed / compared:>9.2f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
