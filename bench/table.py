"""Issue 21's table in one run: every figure a ratio against a peer measured in the same run.

    python bench/table.py [--repeat 5] [--archive 200]   # about 6 minutes; --archive 0 leaves the archive out

Each row runs agendadiff and its peer as whole processes, alternated (A, B, A, B, ...), and shows the median
wall time of each, the median of their ratios run by run and agendadiff's peak memory (the process's max
RSS). The peers:
  - difflib.HtmlDiff writing its HTML page of the same two files (the standard library's HTML diff);
  - the floor: a Python process that reads both files and writes one;
  - for a PDF, a Python process that prints pypdfium2's plain text of it (no boxes, no structure);
  - for an archive update, plain git committing the same files (`git add` + `git commit`).
Larger letters (the Oct -> Nov pair repeated 4, 16, 64 times, each copy its own topics) show how time and
memory grow with the letter: "per byte" is time (or memory) per byte of input against the row before.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import archive_bench  # noqa: E402
import pathological  # noqa: E402

from bench import NEW, OLD, REAL, enlarged, formatted_letters  # noqa: E402

HTMLDIFF = pathological.PEER
FLOOR = "import sys; a, b, out = sys.argv[1:]; open(out, 'w').write(open(a).read() + open(b).read())"
PDFIUM = (
    "import sys, pypdfium2; d = pypdfium2.PdfDocument(sys.argv[1]); "
    "print('\\n'.join(p.get_textpage().get_text_range() for p in d))"
)


def run(command: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped above
    return time.perf_counter() - started, usage.ru_maxrss / 1024


Runs = list[tuple[float, float]]  # (seconds, MiB) of each run


def in_turn(runners: Sequence[Callable[[], tuple[float, float]]], repeat: int) -> list[Runs]:
    """Each runner `repeat` times, in turn (A, B, A, B, ...), so that a load on the machine hits them alike."""
    results: list[Runs] = [[] for _ in runners]
    for _ in range(repeat):
        for runs, runner in zip(results, runners, strict=True):
            runs.append(runner())
    return results


def median(runs: Runs, memory: bool = False) -> float:
    return statistics.median(m if memory else t for t, m in runs)


def ratio(ours: Runs, peer: Runs) -> float:
    """The median of ours / peer, pair by pair: each pair ran moments apart, at the machine's speed then (this
    VM's speed drifts by half within a minute, so a ratio of medians taken minutes apart misleads)."""
    return statistics.median(a / b for (a, _), (b, _) in zip(ours, peer, strict=True))


def compare_row(label: str, old: Path, new: Path, out: Path, repeat: int, growth: list[tuple[int, float, float]]):
    agendadiff = [sys.executable, "-m", "agendadiff", "compare", str(old), str(new), "-o", str(out)]
    peer = [sys.executable, "-c", HTMLDIFF, str(old), str(new), str(out.with_suffix(".peer.html"))]
    floor = [sys.executable, "-c", FLOOR, str(old), str(new), str(out.with_suffix(".floor"))]
    refused = subprocess.run(agendadiff, capture_output=True, text=True).returncode != 0
    ours_runs, html_runs, floor_runs = in_turn([lambda: run(agendadiff), lambda: run(peer), lambda: run(floor)], repeat)
    ours, memory, html = median(ours_runs), median(ours_runs, memory=True), median(html_runs)
    size = old.stat().st_size + new.stat().st_size
    per_byte = ""
    if growth:
        before_size, before_time, before_memory = growth[-1]
        per_byte = (
            f"{ours / size / (before_time / before_size):.2f} / {memory / size / (before_memory / before_size):.2f}"
        )
    growth.append((size, ours, memory))
    note = "refused in one line" if refused else ""
    print(f"{label:<28} {size / 1e6:>6.2f} {ours:>8.3f} {html:>8.3f} {ratio(ours_runs, html_runs):>7.2f} "
          f"{ratio(ours_runs, floor_runs):>7.1f} {memory:>7.0f} {per_byte:>11}  {note}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each process (the median is shown)")
    parser.add_argument("--archive", type=int, default=200, help="letters in the archive (0: no archive row)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        out = folder / "report.html"
        subprocess.run([sys.executable, "-m", "agendadiff", "compare", str(OLD), str(NEW), "-o", str(out)], check=True)
        print("compare -> HTML, whole processes, medians (s: seconds, MiB: agendadiff's peak memory)")
        print(f"{'case':<28} {'MB in':>6} {'ours s':>8} {'HtmlDiff':>8} {'ratio':>7} {'x floor':>7} {'MiB':>7}"
              f" {'per byte t/m':>11}")  # fmt: skip
        compare_row("samples Oct -> Nov", OLD, NEW, out, args.repeat, [])
        compare_row("real Jul -> constructed Oct", REAL, OLD, out, args.repeat, [])
        growth: list[tuple[int, float, float]] = []
        compare_row("Oct -> Nov x4", enlarged(OLD, 4, folder), enlarged(NEW, 4, folder), out, args.repeat, growth)
        for times in (16, 64):
            old, new = enlarged(OLD, times, folder), enlarged(NEW, times, folder)
            compare_row(f"Oct -> Nov x{times}", old, new, out, max(3, args.repeat // 2), growth)
        for label, old, new in pathological.cases(folder):
            compare_row(label, old, new, out, 3, [])

        print("\nreading a PDF (whole processes, medians): agendadiff sections --format json against pypdfium2's text")
        print(f"{'PDF':<28} {'pages':>6} {'ours s':>8} {'pdfium':>8} {'ratio':>7}")
        for fmt, path, pages in formatted_letters(folder):
            if fmt != "pdf":
                continue
            ours_cmd = [sys.executable, "-m", "agendadiff", "sections", str(path), "--format", "json"]
            peer_cmd = [sys.executable, "-c", PDFIUM, str(path)]
            ours, peer = in_turn([lambda c=ours_cmd: run(c), lambda c=peer_cmd: run(c)], args.repeat)
            print(f"{path.name:<28} {pages:>6} {median(ours):>8.3f} {median(peer):>8.3f} {ratio(ours, peer):>7.2f}")

        if args.archive:
            archive_row(folder, args.archive, args.repeat)
    return 0


def archive_row(folder: Path, letters: int, repeat: int) -> None:
    """An update with one new letter, against git committing the same files, at 50 letters and at `letters`."""
    os.environ.update(
        {f"GIT_{r}_{p}": v for r in ("AUTHOR", "COMMITTER") for p, v in (("NAME", "bench"), ("EMAIL", "b@x"))}
    )
    os.environ["AGENDADIFF_SETTLE_SECONDS"] = "0"
    archive, inbox = folder / "archive", folder / "archive" / "inbox"
    archive_bench.agendadiff("archive", "init", str(archive))
    print("\narchive update with one new letter (whole processes, medians) against plain git committing its files")
    print(f"{'letters':<28} {'ours s':>8} {'git':>8} {'ratio':>7}")
    built, k = 0, 0
    for size in sorted({min(50, letters), letters}):
        archive_bench.write_letters(inbox, built, size - built)
        archive_bench.agendadiff("archive", "update", "--archive", str(archive))
        built = size

        def one_update() -> tuple[float, float]:
            nonlocal k
            k += 1
            archive_bench.write_letters(inbox, 10_000 + k, 1)
            return archive_bench.agendadiff("archive", "update", "--archive", str(archive)), 0.0

        def git_commit() -> tuple[float, float]:
            box = folder / "floor-inbox"
            archive_bench.write_letters(box, 20_000 + k, 1)
            elapsed = archive_bench.git_floor(archive, box)
            for path in box.iterdir():
                path.unlink()
            return elapsed, 0.0

        ours, git = in_turn([one_update, git_commit], repeat)
        print(f"{size:<28} {median(ours):>8.3f} {median(git):>8.3f} {ratio(ours, git):>7.1f}")


if __name__ == "__main__":
    raise SystemExit(main())
