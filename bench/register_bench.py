"""The commitments register of a long archive whose promises are never kept: its pathological input.

    python bench/register_bench.py [--letters 400]

Made here: letters a fortnight apart, each with three promises to inform the Kamer about subjects of their
own (so none is made again or delivered, and every one is held against every later letter, the most work a
register does). Printed for a quarter, half and all of the letters: the register's time in process, next to
reading the same letters (read, normalize, segment) in the same run, and the time per letter against the row
before (1.0 is linear); and an update's register: the same letters, taken up where a register of all but the
last one stopped (as an archive keeps it), which follows the open promises through the new letter only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pathological import HEAD  # noqa: E402

from agendadiff.commitments import register  # noqa: E402
from agendadiff.kept import Kept  # noqa: E402
from agendadiff.lang.dutch import MONTH_NAMES  # noqa: E402
from agendadiff.pipeline import read_letter  # noqa: E402
from agendadiff.readers import Supplied  # noqa: E402

WORDS = ("asiel", "terugkeer", "grens", "visum", "data", "cyber", "drugs", "politie", "rechter", "gevangenis",
         "slachtoffer", "fraude", "witwassen", "terreur", "radicalisering", "paspoort", "migratie", "opvang",
         "integratie", "identiteit")  # fmt: skip


def letter_text(n: int, rng: random.Random) -> str:
    date = dt.date(2000, 1, 3) + dt.timedelta(days=14 * n)
    head = HEAD.format(date=f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}", meeting="13 en 14 oktober 2025")
    items = []
    for k in range(1, 4):
        subject = " ".join(f"{word}{n}q{k}" for word in rng.sample(WORDS, 4))
        items.append(f"{k}. Onderwerp {n} {k}\n\nHet kabinet zal uw Kamer voor de zomer informeren over {subject}.\n\n")
    return head + "".join(items)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--letters", type=int, default=400)
    args = parser.parse_args()
    rng = random.Random(1)
    texts = [letter_text(n, rng).encode() for n in range(args.letters)]
    print("register of letters whose promises are never kept (in process, seconds)")
    print(
        f"{'letters':>7} {'promises':>8} {'register':>9} {'reading':>8} {'ratio':>6} {'per letter':>10} {'update':>7}"
    )
    before: tuple[int, float] | None = None
    for count in (args.letters // 4, args.letters // 2, args.letters):
        started = time.perf_counter()
        letters = [read_letter(Supplied(text, f"letter-{n}.txt")) for n, text in enumerate(texts[:count])]
        reading = time.perf_counter() - started
        started = time.perf_counter()
        result = register(letters)
        took = time.perf_counter() - started
        growth = f"{took / count / (before[1] / before[0]):.2f}" if before else ""
        kept = Kept()
        register(letters[:-1], kept=kept)
        started = time.perf_counter()
        register(letters, kept=Kept(kept.used))
        update = time.perf_counter() - started
        print(f"{count:>7} {len(result.tracks):>8} {took:>9.2f} {reading:>8.2f} {took / reading:>6.2f} {growth:>10}"
              f" {update:>7.3f}")  # fmt: skip
        before = (count, took)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
