"""Kill `agendadiff archive update` at random moments, many times, and check that the next run always finishes
the archive exactly as an uninterrupted run does.

    python bench/soak.py [--trials 60] [--seconds 900] [--seed 1]

Each trial: a fresh archive with the July letter, the October and November samples and the October verslag in
its inbox; `archive update` started and sent SIGKILL after a random delay (up to the time an uninterrupted
update takes, so kills land in reading, reports, the index and the commit alike); then `archive update` run
to the end. The trial passes when the tree of the last commit equals the uninterrupted run's, the work tree is
clean, every inbox file was archived, no journal or log is left, and `archive check` finds nothing. It prints
per trial where the kill landed (the commit count after it) and a summary; exit 1 on any failure. Bounded in
time by --seconds (it stops starting trials after that).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
LETTERS = [
    SAMPLES / "jbz-2025-10-02-constructed.txt",
    SAMPLES / "jbz-2025-11-27-constructed.txt",
    SAMPLES / "verslagen" / "jbz-verslag-2025-10-24-constructed.txt",
]
ENV = os.environ | {
    "GIT_AUTHOR_NAME": "Soak",
    "GIT_AUTHOR_EMAIL": "soak@example.org",
    "GIT_COMMITTER_NAME": "Soak",
    "GIT_COMMITTER_EMAIL": "soak@example.org",
    "GIT_AUTHOR_DATE": "1795863600 +0100",
    "GIT_COMMITTER_DATE": "1795863600 +0100",
    "AGENDADIFF_SETTLE_SECONDS": "0",
}


def agendadiff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agendadiff", *args], capture_output=True, text=True, env=ENV, cwd=ROOT, timeout=600
    )


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True).stdout.strip()


def fresh(folder: Path) -> Path:
    archive = folder / "archief"
    assert agendadiff("archive", "init", str(archive), "--series", "JBZ-Raad").returncode == 0
    assert agendadiff("archive", "add", str(SAMPLES / "jbz-2025-07-10.txt"), "--archive", str(archive)).returncode == 0
    inbox = archive / "inbox"
    inbox.mkdir()
    for letter in LETTERS:
        shutil.copy(letter, inbox / letter.name)
    return archive


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=900)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args(argv)
    chance = random.Random(options.seed)
    work = Path(tempfile.mkdtemp(prefix="agendadiff-soak-"))
    try:
        reference = fresh(work / "reference")
        started = time.monotonic()
        assert agendadiff("archive", "update", "--archive", str(reference)).returncode == 0
        full = time.monotonic() - started
        expected = git(reference, "rev-parse", "HEAD^{tree}")
        print(f"uninterrupted update: {full:.2f} s, tree {expected[:12]}")
        failures, landed = 0, {"before the commit": 0, "after the commit": 0, "before it started": 0}
        deadline = time.monotonic() + options.seconds
        done = 0
        for trial in range(1, options.trials + 1):
            if time.monotonic() > deadline:
                break
            archive = fresh(work / f"trial-{trial}")
            base = int(git(archive, "rev-list", "--count", "HEAD"))
            delay = chance.uniform(0.0, full * 1.1)
            run = subprocess.Popen(
                [sys.executable, "-m", "agendadiff", "archive", "update", "--archive", str(archive)],
                env=ENV,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            time.sleep(delay)
            os.killpg(run.pid, signal.SIGKILL)  # the run and any report workers it started
            run.wait()
            after = int(git(archive, "rev-list", "--count", "HEAD"))
            where = "after the commit" if after > base else "before the commit" if delay > 0.3 else "before it started"
            landed[where] += 1
            finished = agendadiff("archive", "update", "--archive", str(archive))
            problems = []
            if finished.returncode != 0:
                problems.append(f"the next run failed: {finished.stderr.strip()}")
            elif git(archive, "rev-parse", "HEAD^{tree}") != expected:
                problems.append("tree differs from the uninterrupted run's")
            if git(archive, "status", "--porcelain", "--untracked-files=all", "--", ".", ":!inbox"):
                problems.append("work tree not clean")
            if any(p.name not in ("archived",) for p in (archive / "inbox").iterdir()):
                problems.append("inbox not emptied")
            if (archive / ".agendadiff" / "journal.json").exists() or (
                archive / ".agendadiff" / "written.log"
            ).exists():
                problems.append("journal left")
            check = agendadiff("archive", "check", "--archive", str(archive))
            if check.returncode != 0:
                problems.append(f"check: {check.stdout.strip()} {check.stderr.strip()}")
            done += 1
            failures += bool(problems)
            state = "ok" if not problems else "FAILED: " + "; ".join(problems)
            print(f"trial {trial:3}: killed after {delay:.2f} s ({where}): {state}", flush=True)
            shutil.rmtree(archive.parent)
        print(
            f"{done} trials, {failures} failed; kills landed {landed['before the commit']} before the commit, "
            f"{landed['after the commit']} after it, {landed['before it started']} before it began its work"
        )
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
