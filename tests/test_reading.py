"""The reports as a policy reader uses them, in headless Chromium: the summary lists every changed position
(those of dropped topics too) grouped by topic and fits a screen and a half; counts add up; nothing scrolls
sideways on a phone; the printout is complete; axe-core finds nothing; the shortcuts can be switched off;
a letter's bidi controls stay inside its text."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from agendadiff.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"
SAMPLES = ROOT / "samples"
MAY_JULY = REPORTS / "jbz-2025-05-28_jbz-2025-07-10.html"
FEB_MAY = REPORTS / "jbz-2025-02-27_jbz-2025-05-28.html"
JULY_OCT = REPORTS / "jbz-2025-07-10_jbz-2025-10-02.html"
PAGES = [*sorted(REPORTS.glob("jbz-*.html")), REPORTS / "timeline.html", *sorted(REPORTS.glob("outcome-*.html")),
         REPORTS / "commitments.html"]  # fmt: skip


def opened(browser: Any, path: Path, width: int = 1440, height: int = 900, **options: Any) -> Any:
    page = browser.new_context(viewport={"width": width, "height": height}, **options).new_page()
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive's index page, of the samples and a verslag."""
    folder = tmp_path_factory.mktemp("index") / "archief"
    with pytest.MonkeyPatch.context() as patch:
        for role in ("AUTHOR", "COMMITTER"):
            patch.setenv(f"GIT_{role}_NAME", "Archivaris")
            patch.setenv(f"GIT_{role}_EMAIL", "archief@example.org")
        assert CliRunner().invoke(main, ["archive", "init", str(folder)]).exit_code == 0
        inbox = folder / "inbox"
        inbox.mkdir()
        for letter in [
            *sorted(SAMPLES.glob("jbz-*.txt"))[-3:],
            SAMPLES / "verslagen" / "jbz-verslag-2025-10-24-constructed.txt",
        ]:
            shutil.copy(letter, inbox / letter.name)
        assert CliRunner().invoke(main, ["archive", "update", "--archive", str(folder)]).exit_code == 0
    return folder / "index.html"


def test_dropped_topics_keep_their_positions_in_the_summary(browser: Any) -> None:
    data = json.loads(FEB_MAY.with_suffix(".json").read_text(encoding="utf-8"))
    dropped = [
        p for p in data["pairs"] if p["status"] == "removed" and any(s["class"] == "position" for s in p["sentences"])
    ]
    assert dropped, "February -> May drops topics that stated positions"
    page = opened(browser, FEB_MAY)
    groups = page.locator("#positions .groups > li")
    removed = groups.filter(has=page.locator(".badge.removed"))
    assert removed.count() == len(dropped)
    listed = sum(len([s for s in p["sentences"] if s["class"] == "position"]) for p in data["pairs"])
    assert page.locator("#positions .changes li").count() == listed == len(data["positions"])


def test_the_summary_is_one_entry_per_topic_and_fits_a_screen_and_a_half(browser: Any) -> None:
    page = opened(browser, MAY_JULY)
    box = page.locator("#positions").bounding_box()
    assert box["height"] <= 1.5 * 900, box
    titles = page.locator("#positions .groups > li > a.topic").all_inner_texts()
    assert len(titles) == len(set(titles)) > 5  # each topic once
    # each entry says what changed in a line; long passages are folded until asked for
    assert page.locator("#positions .groups > li .cues").count() == len(titles)
    assert page.locator("#positions details:not([open])").count() > 0
    assert not re.search(r"\b\d+\. \d+\. ", " ".join(titles))  # no double numbering
    part_items = [t for t in titles if re.match(r"(Binnenlandse Zaken|Justitie), \d+\. ", t)]
    assert part_items, "an item is named with its part"


def test_counts_add_up_and_say_what_they_count(browser: Any) -> None:
    for path in sorted(REPORTS.glob("jbz-*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        topics = data["summary"]["topics"]
        kinds = {s["id"]: s["kind"] for side in ("old", "new") for s in data[side]["sections"]}
        counted = [p for p in data["pairs"] if kinds[p["new"] or p["old"]] in ("topic", "item", "text")]
        assert topics["total"] == len(counted)
        states = ("unchanged", "changed", "added", "removed", "split", "merged")
        assert sum(topics[s] for s in states) == topics["total"], path.name
        page = opened(browser, path.with_suffix(".html"))
        assert page.locator(".counts li.total").inner_text() == f"{topics['total']} onderwerpen:"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_nothing_scrolls_sideways_on_a_small_phone(browser: Any, path: Path) -> None:
    page = opened(browser, path, 320, 640)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_index_fits_a_small_phone(browser: Any, index: Path) -> None:
    page = opened(browser, index, 320, 640)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_a_word_of_ten_thousand_characters_wraps(browser: Any, tmp_path: Path) -> None:
    text = (SAMPLES / "jbz-2025-10-02-constructed.txt").read_text(encoding="utf-8")
    long = tmp_path / "long.txt"
    long.write_text(
        text.replace("Terugkeerverordening.", "Terugkeerverordening " + "x" * 10_000 + ".", 1), encoding="utf-8"
    )
    out = tmp_path / "r.html"
    assert (
        CliRunner()
        .invoke(main, ["compare", str(SAMPLES / "jbz-2025-10-02-constructed.txt"), str(long), "-o", str(out)])
        .exit_code
        == 0
    )
    for width in (1440, 390):
        page = opened(browser, out, width, 900)
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_phone_reads_the_inline_view_even_when_side_by_side_was_chosen(browser: Any) -> None:
    page = opened(browser, JULY_OCT)
    page.get_by_label("Naast elkaar").check()
    page.set_viewport_size({"width": 390, "height": 844})
    first = page.locator("section.pair.changed").first
    assert first.locator(".view-inline").is_visible() and not first.locator(".view-sbs").is_visible()
    assert not page.get_by_label("Naast elkaar").is_visible()
    page.keyboard.press("n")
    assert page.evaluate("!!document.activeElement.closest('.view-inline')")


def _pdf_pages(page: Any, tmp_path: Path, name: str) -> list[Path]:
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(page.pdf(format="A4"))
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(pdf), str(tmp_path / name)], check=True, timeout=120)
    return sorted(tmp_path.glob(f"{name}-*.pgm"))


def _ink_rows(pgm: Path) -> list[bool]:
    """Per pixel row of a page image: whether anything is printed on it."""
    data = pgm.read_bytes()
    header = data.split(b"\n", 3)
    width, height = map(int, header[1].split())
    pixels = header[3]
    return [min(pixels[y * width : (y + 1) * width]) < 200 for y in range(height)]


def test_the_printout_is_complete_and_its_first_page_full(browser: Any, tmp_path: Path) -> None:
    page = opened(browser, MAY_JULY)
    page.emulate_media(media="print")
    assert not page.locator("a.go").first.is_visible()  # "naar de plek" means nothing on paper
    assert page.locator("#positions details .sentence").first.is_visible()  # folded sentences print
    pages = _pdf_pages(page, tmp_path, "report")
    assert len(pages) > 3
    rows = _ink_rows(pages[0])
    assert any(rows[len(rows) * 2 // 3 :]), "the first page's last third is empty"
    timeline = opened(browser, REPORTS / "timeline.html")
    timeline.emulate_media(media="print")
    assert timeline.locator("details .dropped li, details li").first.is_visible()  # folded lists print


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_axe_finds_no_violations(browser: Any, path: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    for scheme in ("light", "dark"):
        page = opened(browser, path, color_scheme=scheme)
        results = Axe().run(page)
        assert results.violations_count == 0, (scheme, results.generate_report())


def test_axe_finds_no_violations_on_the_index(browser: Any, index: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(opened(browser, index))
    assert results.violations_count == 0, results.generate_report()


def test_the_shortcuts_can_be_switched_off_and_stay_off(browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(JULY_OCT.as_uri())
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.classList.contains('chg')")
    assert re.fullmatch(r"wijziging 1 van \d+", page.locator("#counter").inner_text())
    page.get_by_role("checkbox", name="Sneltoetsen").uncheck()
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("n")
    assert not page.evaluate("document.activeElement.classList.contains('chg')")
    page.reload()
    page.keyboard.press("n")
    assert not page.get_by_role("checkbox", name="Sneltoetsen").is_checked()
    assert not page.evaluate("document.activeElement.classList.contains('chg')")


def test_j_shows_a_tall_topics_heading_below_the_toolbar(browser: Any) -> None:
    page = opened(browser, MAY_JULY, 1440, 700)
    toolbar = page.locator(".toolbar").bounding_box()
    for _ in range(12):
        page.keyboard.press("j")
        heading = page.evaluate("document.activeElement.querySelector('h3, h4').getBoundingClientRect().top")
        assert toolbar["height"] <= heading < 700, heading


def test_headings_put_the_topics_under_their_own_heading(browser: Any) -> None:
    page = opened(browser, JULY_OCT)
    order = page.evaluate(
        "[...document.querySelectorAll('h2, h3, h4')].map(h => h.tagName + ':' + h.textContent.trim())"
    )
    topics_at = order.index("H2:Onderwerpen")
    assert all(not h.startswith(("H3", "H4")) for h in order[1:topics_at])  # the positions box has no topic headings
    assert any(h.startswith("H4") for h in order[topics_at:])  # items sit under their part


def test_an_english_report_marks_the_letters_text_as_dutch(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "en.html"
    args = ["compare", str(SAMPLES / "jbz-2025-07-10.txt"), str(SAMPLES / "jbz-2025-10-02-constructed.txt")]
    assert CliRunner().invoke(main, [*args, "--lang", "en", "-o", str(out)]).exit_code == 0
    page = opened(browser, out)
    assert page.evaluate("document.documentElement.lang") == "en"
    languages = page.evaluate(
        "[...document.querySelectorAll('.view-inline, .sentence')].map(e => e.closest('[lang]').lang)"
    )
    assert languages and set(languages) == {"nl"}
    # a deletion and an insertion are spoken, not only coloured
    said = page.evaluate("getComputedStyle(document.querySelector('del.chg'), '::before').content")
    assert said == '"deleted: "'


def test_bidi_controls_in_a_letter_do_not_turn_the_reports_words(browser: Any, tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    text = (SAMPLES / "jbz-2025-10-02-constructed.txt").read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    hostile = text.replace("1. Terugkeerverordening", "1. Terugkeer\u202everordening", 1)
    new.write_text(hostile.replace("is voornemens in te stemmen", "kan \u202einstemmen", 1), encoding="utf-8")
    out = tmp_path / "r.html"
    assert CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(out)]).exit_code == 0
    page = opened(browser, out)
    # the report's own label after the letter's text reads left to right: its first letter left of its last
    xs = page.evaluate(
        """() => { const link = document.querySelector('#positions a.go'); const node = link.firstChild;
          const at = (i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                              return r.getBoundingClientRect().x; };
          return [at(0), at(node.length - 1)]; }"""
    )
    assert xs[0] < xs[1], xs
    heading = page.locator("section.pair h3, section.pair h4").filter(has_text="verordening").first
    badge = heading.locator("xpath=..").locator(".badge").first
    assert heading.bounding_box()["x"] < badge.bounding_box()["x"]


def test_an_absolute_path_shows_as_the_file_name_and_a_path_is_never_a_script_link(
    browser: Any, tmp_path: Path
) -> None:
    odd = tmp_path / "javascript:alert(1)"
    odd.mkdir()
    letter = odd / "brief.txt"
    shutil.copy(SAMPLES / "jbz-2025-10-02-constructed.txt", letter)
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        main,
        ["compare", str(letter.resolve()), str((SAMPLES / "jbz-2025-11-27-constructed.txt").resolve()), "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    page = opened(browser, out)
    names = page.locator(".letter .src a").all_inner_texts()
    assert names == ["brief.txt", "jbz-2025-11-27-constructed.txt"]
    hrefs = page.locator(".letter .src a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert not any(h.lower().startswith("javascript:") for h in hrefs), hrefs
    assert re.search(r"agendadiff \S+ · gemaakt op \d+ \w+ \d{4}, \d\d:\d\d", page.locator("footer").inner_text())
