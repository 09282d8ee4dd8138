"""Benchmark agendadiff's compare pipeline against its peers, measured in the same run.

    python bench/bench.py [--repeat N]

For the sample pairs (the real letter against its first constructed successor, and the two constructed
letters) and for the constructed pair made 4 and 16 times larger, it times:
  - agendadiff: read both letters, normalize, segment, align, diff and render the HTML report, in-process;
  - difflib.HtmlDiff().make_file on the same two files' lines (the standard library's HTML diff);
  - git diff --no-index --word-diff on the two files (a new process each time, as a user runs it).
It prints the median of the runs and the ratios, then `agendadiff compare` wall-clock time as a command,
and how many words each tool reports as changed between the real letter and a re-wrapped, re-paginated,
footnote-renumbered copy of itself (nothing really changed there), and how long headless Chromium takes
to show each sample report next to difflib.HtmlDiff's page of the same pair.
"""

from __future__ import annotations

import argparse
import difflib
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REAL = ROOT / "samples" / "jbz-2025-07-10.txt"
OLD = ROOT / "samples" / "jbz-2025-10-02-constructed.txt"
NEW = ROOT / "samples" / "jbz-2025-11-27-constructed.txt"
_COPY_WORD = re.compile(r"(?<![@a-zà-ÿA-Z])[a-zà-ÿA-Z][a-zà-ÿ]{6,}(?![a-zà-ÿ])")  # titles too: "Zaken" stays
_NOTE_WORD = re.compile(r"(?<![a-zà-ÿA-Z])[a-zà-ÿ]{4,}(?![a-zà-ÿ])")
_NOTE_KEY = re.compile(r"\[\^([\w-]+)\]")


def enlarged(path: Path, times: int, folder: Path) -> Path:
    """A constructed letter whose agenda is `times` as long: the agenda repeated from its manuscript, each
    copy with its own words (long words get a suffix per copy) and its own footnotes, so that the
    copies are different topics, as the items of a long letter are, and then typeset like the samples."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("typeset", ROOT / "samples" / "typeset.py")
    assert spec and spec.loader
    typeset = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(typeset)
    manuscript = (ROOT / "samples" / "manuscripts" / (path.stem.removesuffix("-constructed") + ".letter")).read_text(
        encoding="utf-8"
    )
    start = manuscript.index("\n@part ")
    notes = manuscript.index("\n[^")
    agenda, definitions = manuscript[start:notes], manuscript[notes:]
    copies = [manuscript[:notes]]
    for k in range(1, times):
        tag = "q" + "".join(chr(ord("a") + int(d)) for d in str(k))
        keys = _NOTE_KEY.findall(agenda)
        copy = _NOTE_KEY.sub("\x00", agenda)  # footnote keys keep their words
        copy = "\n".join(  # decision lines and formal titles keep their words, so they are still read as such
            line if line.startswith(("@decision", "@formal")) else _COPY_WORD.sub(lambda m, t=tag: m.group() + t, line)
            for line in copy.split("\n")
        )
        for key in keys:
            copy = copy.replace("\x00", f"[^{key}-{k}]", 1)
        copies.append(copy)
        copies.append(  # the footnotes' texts differ per copy too
            re.sub(
                r"^\[\^([\w-]+)\]:(.*)$",
                lambda m, k=k, t=tag: f"[^{m.group(1)}-{k}]:" + _suffixed(m.group(2), t),
                definitions,
                flags=re.M,
            )
        )
    out = folder / f"{path.stem}-x{times}.txt"
    out.write_text(typeset.typeset("".join(copies[:1] + copies[1::2] + [definitions] + copies[2::2])), encoding="utf-8")
    return out


def _suffixed(note: str, tag: str) -> str:
    """A footnote's words with the copy's suffix; its web address as it is."""
    return " ".join(w if "://" in w else _NOTE_WORD.sub(lambda m: m.group() + tag, w) for w in note.split(" "))


def median_time(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def formatted_letters(folder: Path) -> list[tuple[str, Path, int | str]]:
    """The real letter as text, XML, HTML, DOCX and PDF, and a longer letter (the October one twice) as PDF."""
    import importlib.util

    from agendadiff import read_letter

    spec = importlib.util.spec_from_file_location("formats", ROOT / "samples" / "formats.py")
    assert spec and spec.loader
    formats = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(formats)
    letter = read_letter(REAL)
    out: list[tuple[str, Path, int | str]] = [("text", REAL, "-")]
    for fmt, writer in formats.WRITERS.items():
        path = folder / f"real.{fmt}"
        content = writer(letter)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        out.append((fmt, path, _pages(path) if fmt == "pdf" else "-"))
    long_letter = read_letter(enlarged(OLD, 2, folder))
    long_pdf = folder / "long.pdf"
    long_pdf.write_bytes(formats.to_pdf(long_letter))
    out.append(("pdf", long_pdf, _pages(long_pdf)))
    return out


def _pages(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def read_letter_only(path: Path) -> object:
    from agendadiff import read_letter

    return read_letter(path)


def pdfium_text(path: Path) -> str:
    """The peer: pypdfium2's plain text of every page (the library agendadiff reads PDFs with, without the
    character boxes, the letterhead column or any structure)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def agendadiff_pipeline(old: Path, new: Path) -> str:
    from agendadiff import compare_letters, read_letter
    from agendadiff.render.comparison import comparison_html

    return comparison_html(compare_letters(read_letter(old), read_letter(new)))


def difflib_html(old: Path, new: Path) -> str:
    a = old.read_text(encoding="utf-8").splitlines()
    b = new.read_text(encoding="utf-8").splitlines()
    return difflib.HtmlDiff().make_file(a, b)


def git_word_diff(old: Path, new: Path) -> str:
    result = subprocess.run(
        ["git", "diff", "--no-index", "--no-color", "--word-diff", str(old), str(new)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout


def changed_words_by_peers(old: Path, new: Path) -> dict[str, int]:
    """Words each tool reports as deleted plus inserted."""
    from agendadiff import compare_files

    words = re.compile(r"\w+")
    git = git_word_diff(old, new)
    git_words = sum(len(words.findall(m)) for m in re.findall(r"\[-(.*?)-\]|\{\+(.*?)\+\}", git) for m in m)
    a = old.read_text(encoding="utf-8").split()
    b = new.read_text(encoding="utf-8").split()
    difflib_words = sum(1 for token in difflib.ndiff(a, b) if token[:1] in "+-")
    raw = difflib.SequenceMatcher(None, old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8"))
    from diff_match_patch import diff_match_patch

    engine = diff_match_patch()
    dmp = engine.diff_main(old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8"))
    engine.diff_cleanupSemantic(dmp)
    dmp_words = sum(len(words.findall(text)) for op, text in dmp if op)
    del raw
    comparison = compare_files(old, new)
    ours = sum(p.counts.deleted + p.counts.inserted for p in comparison.pairs)
    return {
        "difflib (words)": difflib_words,
        "git diff --word-diff": git_words,
        "diff-match-patch, raw text (1 s timeout)": dmp_words,
        "agendadiff": ours,
    }


def render_in_chromium(folder: Path, repeat: int) -> None:
    """How long Chromium takes to load and lay out each sample report, against difflib.HtmlDiff's page of the
    same pair, loaded the same way: navigation start to the load event, then to the first frame after it."""
    from playwright.sync_api import sync_playwright

    from agendadiff import compare_files
    from agendadiff.render.comparison import comparison_html
    from tests.chromium import FLAGS, chromium_path

    print("\nRendering the HTML report in headless Chromium (median ms, load event + first frame)")
    print(
        f"{'pair':<10} {'agendadiff KB':>13} {'agendadiff ms':>13} {'difflib KB':>10} {'difflib ms':>10} {'ratio':>6}"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=FLAGS)
        for label, old, new in (("real->oct", REAL, OLD), ("oct->nov", OLD, NEW)):
            ours_path, peer_path = folder / f"{label}-ours.html", folder / f"{label}-difflib.html"
            ours_path.write_text(comparison_html(compare_files(old, new)), encoding="utf-8")
            peer_path.write_text(difflib_html(old, new), encoding="utf-8")
            times = [_render_ms(browser, path, repeat) for path in (ours_path, peer_path)]
            sizes = [path.stat().st_size / 1024 for path in (ours_path, peer_path)]
            print(f"{label:<10} {sizes[0]:>13.0f} {times[0]:>13.0f} {sizes[1]:>10.0f} {times[1]:>10.0f}"
                  f" {times[0] / times[1]:>6.2f}")  # fmt: skip
        browser.close()


def _render_ms(browser: object, path: Path, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        page = browser.new_page()  # type: ignore[attr-defined]
        page.goto(path.as_uri())
        runs.append(
            page.evaluate(
                """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>
                     done(performance.now() - performance.getEntriesByType('navigation')[0].startTime))))"""
            )
        )
        page.close()
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement (the median is shown)")
    args = parser.parse_args()
    agendadiff_pipeline(OLD, NEW)  # warm up: imports and caches, as a long-running process would have them

    with tempfile.TemporaryDirectory() as folder:
        rows = []
        cases = [("real->oct", REAL, OLD, 1), ("oct->nov", OLD, NEW, 1)]
        cases += [
            (f"oct->nov x{t}", enlarged(OLD, t, Path(folder)), enlarged(NEW, t, Path(folder)), t) for t in (4, 16)
        ]
        for label, old, new, times in cases:
            repeat = max(3, args.repeat if times == 1 else args.repeat // 2)
            ours = median_time(lambda o=old, n=new: agendadiff_pipeline(o, n), repeat)
            html = median_time(lambda o=old, n=new: difflib_html(o, n), repeat)
            git = median_time(lambda o=old, n=new: git_word_diff(o, n), repeat)
            rows.append((label, old.stat().st_size + new.stat().st_size, ours, html, git))

        print("Compare two letters, read to HTML (median seconds)")
        print(f"{'pair':<13} {'bytes':>8} {'agendadiff':>11} {'difflib.HtmlDiff':>17} {'git word-diff':>14}"
              f" {'agendadiff/difflib':>19} {'time/byte vs oct->nov':>22}")  # fmt: skip
        base = rows[1][2] / rows[1][1]
        for label, size, ours, html, git in rows:
            print(f"{label:<13} {size:>8} {ours:>11.3f} {html:>17.3f} {git:>14.3f}"
                  f" {ours / html:>19.2f} {ours / size / base:>22.2f}")  # fmt: skip

        command = [sys.executable, "-m", "agendadiff", "compare", str(REAL), str(OLD), "-o", f"{folder}/r.html"]
        # As installed, Python keeps compiled bytecode; this machine's environment turns that off, which
        # costs every run the compiling of every module it imports. Both are shown.
        import os

        cached = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
        # Not writing bytecode is not enough: the .pyc files of the row before would still be read. An empty
        # cache folder that is never written to makes every module compile, as on a machine without bytecode.
        empty = Path(folder) / "no-pycache"
        empty.mkdir()
        uncached = cached | {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(empty)}
        subprocess.run(command, check=True, env=cached)  # writes the bytecode
        for label, env in (("bytecode cached", cached), ("no bytecode", uncached)):
            wall = median_time(lambda e=env: subprocess.run(command, check=True, env=e), args.repeat)
            print(f"\n`agendadiff compare` on the samples, as a command, to HTML ({label}): {wall:.3f} s (median)")

        print("\nReading one letter, per format (median seconds): read, normalize and segment")
        print(f"{'format':<8} {'pages':>5} {'bytes':>9} {'agendadiff':>11} {'pypdfium2 text only':>21}")
        for fmt, path, pages in formatted_letters(Path(folder)):
            ours = median_time(lambda p=path: read_letter_only(p), args.repeat)
            peer = f"{median_time(lambda p=path: pdfium_text(p), 3):>21.3f}" if fmt == "pdf" else ""
            print(f"{fmt:<8} {pages:>5} {path.stat().st_size:>9} {ours:>11.3f} {peer}")

        render_in_chromium(Path(folder), args.repeat)

        sys.path.insert(0, str(ROOT))
        from tests.relayout import relayout

        relaid = Path(folder) / "relaid.txt"
        relaid.write_text(relayout(58, [40, 95, 170, 260, 330], 4, True), encoding="utf-8")
        print("\nWords reported changed: the real letter against a re-wrapped, re-paginated, renumbered copy")
        for tool, count in changed_words_by_peers(REAL, relaid).items():
            print(f"  {tool:<42} {count:>6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
