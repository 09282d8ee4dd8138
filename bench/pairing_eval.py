"""How well align pairs rewritten topics: precision and recall on the constructed cases, and the samples.

    python bench/pairing_eval.py

The cases are tests/data/pairing/rewritten.toml: topics retitled and rewritten as real letters do it (a working
session that becomes a legislative item, a cover topic that becomes an item, an item split into two
dossiers, a COM number or a Kamerstuk as the only link) and unrelated topics that must stay apart. The
cases written after the rules were set are counted apart (held out). Each is run with the dossier evidence
and without it (words only, as align did before). For the sample series it prints how many consecutive
pairings the evidence changes, and which.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import agendadiff.align as align_module  # noqa: E402
from agendadiff.align import align  # noqa: E402
from agendadiff.pipeline import read_letter  # noqa: E402
from tests.pairing_cases import CASES, letters_of, load_cases, score  # noqa: E402

HELD_OUT = "written after the pairing rules were set"


@contextmanager
def words_only() -> Iterator[None]:
    """align as it was before dossiers: no section is about any dossier."""
    kept = align_module.DOSSIER_FOCUS
    align_module.DOSSIER_FOCUS = float("inf")
    try:
        yield
    finally:
        align_module.DOSSIER_FOCUS = kept


def held_out_names() -> set[str]:
    text = CASES.read_text(encoding="utf-8")
    tail = text[text.index(HELD_OUT) :] if HELD_OUT in text else ""
    return {line.split("=", 1)[1].strip().strip('"') for line in tail.splitlines() if line.startswith("name =")}


def figures(names: set[str] | None) -> tuple[int, int, int, list[str]]:
    made = correct = expected = 0
    wrong = []
    for case in load_cases():
        if names is not None and case.name not in names:
            continue
        with tempfile.TemporaryDirectory() as folder:
            old, new = letters_of(case, Path(folder))
            result, paired = score(case, old, new, align(old, new))
        made, correct, expected = made + result.made, correct + result.correct, expected + result.expected
        if not result.correct == result.made == result.expected:
            wrong.append(f"{case.name}: {paired}")
    return made, correct, expected, wrong


def line(label: str, made: int, correct: int, expected: int) -> str:
    precision = f"{correct / made:.2f}" if made else "-"
    recall = f"{correct / expected:.2f}" if expected else "-"
    return f"  {label:<46} pairs made {made:>3}  correct {correct:>3}  expected {expected:>3}  precision {precision}  recall {recall}"


def main() -> int:
    held_out = held_out_names()
    tuned = {c.name for c in load_cases()} - held_out
    print(f"Constructed rewritten-topic cases: {len(tuned)} written with the rules, {len(held_out)} held out")
    for label, names in (("all cases", None), ("cases written with the rules", tuned), ("held-out cases", held_out)):
        for mode in ("with dossiers", "words only"):
            if mode == "words only":
                with words_only():
                    made, correct, expected, _ = figures(names)
            else:
                made, correct, expected, wrong = figures(names)
            print(line(f"{label}, {mode}", made, correct, expected))
            if mode == "with dossiers" and wrong:
                print("    not as expected: " + "; ".join(wrong))
    samples = sorted((ROOT / "samples").glob("jbz-*.txt"))
    letters = [read_letter(p) for p in samples]
    changed = []
    total = 0
    for old, new in pairwise(letters):
        with_dossiers = set(align(old, new).matches)
        with words_only():
            plain = set(align(old, new).matches)
        total += len(plain)
        keys = {(m.old, m.new) for m in with_dossiers} ^ {(m.old, m.new) for m in plain}
        changed += [f"{old.date} -> {new.date}: {a} = {b}" for a, b in sorted(keys, key=str)]
    print(f"Sample series ({len(samples)} letters): {total} pairings by words; the dossiers change {len(changed)}")
    for item in changed:
        print(f"    {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
