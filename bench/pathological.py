"""The inputs that make a diff tool slow, each against a peer measured in the same run.

    python bench/pathological.py [--repeat 3]

Made here, of letter-like text: 10,000 agenda items; two letters of 500 near-identical sections; one
paragraph of 250 KB against its edit; a 9,100-word paragraph whose 650 sentences all changed; a 5 MB paragraph; a letter whose 60 items all changed place. For each,
`agendadiff compare OLD NEW -o report.html` as a whole process (median wall time; a file beyond the genre's
limits is refused in one line, which counts) next to difflib.HtmlDiff writing its page of the same two files,
also as a whole process, and the ratio. The goal (issue 21): every case under 5 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAD = (
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, {date}\n\n"
    "Hierbij bieden wij uw Kamer de geannoteerde agenda aan.\n\n"
    "Geannoteerde agenda formele JBZ-Raad {meeting}\n\nI. Justitie\n\n"
)
OLD_HEAD = HEAD.format(date="2 oktober 2025", meeting="13 en 14 oktober 2025")
NEW_HEAD = HEAD.format(date="27 november 2025", meeting="8 en 9 december 2025")
SENTENCE = "Het kabinet steunt de samenwerking tussen de lidstaten en de Commissie in dit dossier. "
PEER = (
    "import difflib, sys; a, b, out = sys.argv[1:]; "
    "open(out, 'w').write(difflib.HtmlDiff().make_file(open(a).readlines(), open(b).readlines()))"
)


def items(count: int, twist: str = "") -> str:
    return "".join(
        f"{k}. Onderwerp {k}{twist}\n\nHet kabinet steunt voorstel {k} van de Commissie over thema {k * 7}.\n\n"
        for k in range(1, count + 1)
    )


def cases(folder: Path) -> list[tuple[str, Path, Path]]:
    def write(name: str, text: str) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    alike = "".join(
        f"{k}. Samenwerking in de Raad\n\nHet kabinet steunt de samenwerking in de Raad en vraagt de Commissie om een "
        f"voorstel over de samenwerking {k % 3}.\n\n"
        for k in range(1, 501)
    )
    paragraph = (SENTENCE * 3000)[:250_000]
    edited = SENTENCE * 650  # 9,100 words: within the limits, every sentence a changed position

    shuffled = [f"{k}. Onderwerp {k}\n\nHet kabinet steunt voorstel {k} over thema {k * 7}.\n\n" for k in range(1, 61)]
    random.Random(7).shuffle(shuffled)
    renumbered = [block.split(". ", 1)[1] for block in shuffled]
    return [
        ("10,000 items", write("items-old.txt", OLD_HEAD + items(20)), write("items.txt", NEW_HEAD + items(10_000))),
        ("500 alike sections", write("alike-old.txt", OLD_HEAD + alike),
         write("alike-new.txt", NEW_HEAD + alike.replace("vraagt de Commissie", "verzoekt de Commissie"))),
        ("250 KB paragraph", write("p-old.txt", OLD_HEAD + "1. Onderwerp\n\n" + paragraph + "\n"),
         write("p-new.txt", NEW_HEAD + "1. Onderwerp\n\n" + paragraph.replace("steunt", "verwelkomt") + "\n")),
        ("650 sentences changed", write("e-old.txt", OLD_HEAD + "1. Onderwerp\n\n" + edited + "\n"),
         write("e-new.txt", NEW_HEAD + "1. Onderwerp\n\n" + edited.replace("steunt", "verwelkomt") + "\n")),
        ("5 MB paragraph", write("big-old.txt", OLD_HEAD + "1. Onderwerp\n\nKort.\n"),
         write("big.txt", NEW_HEAD + "1. Onderwerp\n\n" + (SENTENCE * 60_000)[:5_000_000] + "\n")),
        ("everything moved", write("m-old.txt", OLD_HEAD + items(60)),
         write("m-new.txt", NEW_HEAD + "".join(f"{k}. {b}" for k, b in enumerate(renumbered, 1)))),
    ]  # fmt: skip


def timed(command: list[str], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    agendadiff = [sys.executable, "-m", "agendadiff", "compare"]
    print(f"{'case':<20} {'agendadiff s':>12} {'HtmlDiff s':>11} {'ratio':>7}  outcome")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for label, old, new in cases(folder):
            out = folder / "report.html"
            ours = timed([*agendadiff, str(old), str(new), "-o", str(out)], repeat)
            result = subprocess.run([*agendadiff, str(old), str(new), "-o", str(out)], capture_output=True, text=True)
            peer = timed([sys.executable, "-c", PEER, str(old), str(new), str(folder / "peer.html")], repeat)
            outcome = (
                "report" if result.returncode == 0 else "refused: " + result.stderr.strip().split(": ", 2)[-1][:50]
            )
            print(f"{label:<20} {ours:>12.2f} {peer:>11.2f} {ours / peer:>7.2f}  {outcome}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
