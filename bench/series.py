"""A long series of letters for the benchmarks, made from the samples: the k-th letter is a sample in turn,
dated a fortnight after the one before (from 8 January 2018 on) and with six words of its own, so that every
letter is new and every comparison has something to say. The date line is the only one that may grow."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Sequence
from pathlib import Path

WORDS = ["voorstel", "kader", "beleid", "aanpak", "overleg", "uitvoering", "samenwerking", "onderzoek", "inzet"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]  # fmt: skip


def perturbed_letter(k: int, samples: Sequence[Path]) -> tuple[dt.date, str]:
    """The k-th letter of the series: its date and its text."""
    date = dt.date(2018, 1, 8) + dt.timedelta(days=14 * k)
    text = samples[k % len(samples)].read_text(encoding="utf-8")
    text = re.sub(
        r"Den Haag, \d+ \w+ \d{4}", f"Den Haag, {date.day} {MONTHS[date.month - 1]} {date.year}", text, count=1
    )
    rng = random.Random(k)
    words = [m for m in re.finditer(r"(?<![\w-])[a-z]{7,}(?![\w-])", text) if m.group() not in MONTHS]
    for match in sorted(rng.sample(words, 6), key=lambda m: m.start(), reverse=True):
        # no longer than the word it replaces: a line never runs past the width the letter was set at
        fitting = [w for w in WORDS if len(w) <= len(match.group())] or [match.group()]
        text = text[: match.start()] + rng.choice(fitting) + text[match.end() :]
    return date, text
