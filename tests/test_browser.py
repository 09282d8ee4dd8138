"""The HTML report in a real headless Chromium (Debian's, driven by Playwright): it loads clean, requests
nothing, answers the keyboard, toggles its views and filters, and runs nothing a letter carries.

Chromium is installed by scripts/install-chromium.sh, which CI and the README's test command run first;
without it these tests fail, they do not skip.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from agendadiff.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "reports" / "jbz-2025-07-10_jbz-2025-10-02.html"


class Watched:
    """A page with everything it logs, throws and asks for recorded."""

    def __init__(self, browser: Any, **context: Any) -> None:
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dismissed)

    def _dismissed(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path, fragment: str = "") -> Any:
        self.page.goto(path.as_uri() + fragment)
        self.page.wait_for_load_state("load")
        return self.page

    def focused(self) -> dict[str, Any]:
        return dict(
            self.page.evaluate(
                """() => { const el = document.activeElement;
                 return { id: el.id, c: el.dataset ? (el.dataset.c || '') : '', cls: el.className,
                          sbs: !!el.closest('.view-sbs'), hash: location.hash }; }"""
            )
        )


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    page = Watched(browser)
    yield page
    page.context.close()


def change_ids(page: Any) -> list[str]:
    return list(page.evaluate("() => [...document.querySelectorAll('.view-inline .chg[tabindex]')].map(el => el.id)"))


def test_report_loads_without_errors_or_requests(watched: Watched) -> None:
    page = watched.open(REPORT)
    assert page.title().startswith("Geannoteerde agenda 10 juli 2025")
    positions = json.loads(REPORT.with_suffix(".json").read_text(encoding="utf-8"))["positions"]
    assert page.locator("#positions .changes li").count() == len(positions) > 7  # the dropped topics' ones too
    assert watched.errors == []
    assert watched.requests == [REPORT.as_uri()]  # the page itself and nothing else


def test_report_served_over_http_requests_nothing_else(watched: Watched) -> None:
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(REPORT.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{REPORT.name}"
        watched.page.goto(url)
        watched.page.wait_for_load_state("load")
        watched.page.keyboard.press("n")
        assert "chg" in watched.focused()["cls"]
    finally:
        server.shutdown()
    assert watched.errors == [] and watched.requests == [url]


def test_printing_hides_the_controls_and_unfolds_the_text(watched: Watched) -> None:
    page = watched.open(REPORT)
    page.emulate_media(media="print")
    assert not page.locator(".toolbar").is_visible()
    folded = page.locator("section.pair.unchanged details .view-inline").first
    assert folded.is_visible()
    assert len(page.pdf()) > 10_000  # it prints
    # browsers that cannot unfold by style get the folds opened for printing, and closed again after
    closed = "() => document.querySelectorAll('details:not([open])').length"
    before = page.evaluate(closed)
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert before > 0 and page.evaluate(closed) == 0
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate(closed) == before


def test_n_and_p_move_focus_from_change_to_change(watched: Watched) -> None:
    page = watched.open(REPORT)
    ids = change_ids(page)
    assert len(ids) > 20
    page.keyboard.press("n")
    assert watched.focused()["id"] == ids[0] and watched.focused()["hash"] == f"#{ids[0]}"
    page.keyboard.press("n")
    assert watched.focused()["id"] == ids[1]
    page.keyboard.press("p")
    assert watched.focused()["id"] == ids[0]
    assert "chg" in watched.focused()["cls"]


def test_j_and_k_move_from_topic_to_topic(watched: Watched) -> None:
    page = watched.open(REPORT)
    topics = page.evaluate("() => [...document.querySelectorAll('section.pair')].map(el => el.id)")
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert watched.focused()["id"] == topics[1]
    page.keyboard.press("k")
    assert watched.focused()["id"] == topics[0]


def test_side_by_side_toggle(watched: Watched) -> None:
    page = watched.open(REPORT)
    first_changed = page.locator("section.pair.changed").first
    assert first_changed.locator(".view-inline").is_visible()
    assert not first_changed.locator(".view-sbs").is_visible()
    page.get_by_label("Naast elkaar").check()
    assert not first_changed.locator(".view-inline").is_visible()
    assert first_changed.locator(".view-sbs").is_visible()
    # the two columns stand side by side
    old_cell, new_cell = (
        first_changed.locator(".view-sbs .cell").nth(0),
        first_changed.locator(".view-sbs .cell").nth(1),
    )
    assert old_cell.bounding_box()["x"] < new_cell.bounding_box()["x"]
    page.keyboard.press("n")
    focused = watched.focused()
    assert focused["sbs"] and focused["c"] == change_ids(page)[0]
    assert watched.errors == []


def test_filters_show_only_changed_or_position_topics(watched: Watched) -> None:
    page = watched.open(REPORT)
    everything = page.locator("section.pair:visible").count()
    page.get_by_label("Alleen gewijzigd").check()
    changed_only = page.locator("section.pair:visible")
    assert 0 < changed_only.count() < everything
    assert page.locator("section.pair.unchanged:visible").count() == 0
    page.get_by_label("Alleen gewijzigd").uncheck()
    for kind in ("position", "factual", "wording", "moved"):
        page.get_by_label("Toon").select_option(kind)
        shown = page.locator("section.pair:visible")
        assert 0 < shown.count() == page.locator(f"section.pair.has-{kind}").count() < everything, kind
        assert page.locator("table.toc tbody tr:visible").count() == shown.count()
        # n goes from change to change of that kind only
        page.keyboard.press("n")
        mark = {"position": "k-position", "factual": "k-factual", "wording": "k-wording", "moved": "moved"}[kind]
        assert mark in watched.focused()["cls"].split(), kind
    page.get_by_label("Toon").select_option("")
    assert page.locator("section.pair:visible").count() == everything


def test_a_shared_link_opens_a_folded_topic(watched: Watched) -> None:
    page = watched.open(REPORT)
    folded = page.evaluate(
        "() => document.querySelector('section.pair.removed details .view-inline .chg[tabindex]').id"
    )
    page = watched.open(REPORT, f"#{folded}")
    assert page.evaluate(f"() => document.getElementById('{folded}').closest('details').open")
    assert page.locator(f"#{folded}").is_visible()


def test_n_unfolds_a_folded_topic_it_reaches(watched: Watched) -> None:
    page = watched.open(REPORT)
    ids = change_ids(page)
    folded = page.evaluate("() => document.querySelector('section.pair.removed details .chg[tabindex]').id")
    for _ in range(ids.index(folded) + 1):
        page.keyboard.press("n")
    assert watched.focused()["id"] == folded
    assert page.evaluate(f"() => document.getElementById('{folded}').closest('details').open")


def test_question_mark_lists_the_keys(watched: Watched) -> None:
    page = watched.open(REPORT)
    page.keyboard.press("?")
    assert page.locator("dialog#keys").is_visible()
    assert "volgende wijziging" in page.locator("dialog#keys").inner_text()
    page.keyboard.press("Escape")
    assert not page.locator("dialog#keys").is_visible()


def test_english_labels(watched: Watched, tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    samples = ROOT / "samples"
    result = CliRunner().invoke(
        main,
        ["compare", str(samples / "jbz-2025-07-10.txt"), str(samples / "jbz-2025-10-02-constructed.txt"),
         "-o", str(output), "--lang", "en"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    page = watched.open(output)
    assert page.locator("#positions h2").inner_text() == "Changed cabinet positions"
    page.get_by_label("Side by side").check()
    assert page.locator(".view-sbs").first.is_visible()
    assert watched.errors == []


HOSTILE_LINES = [
    "<script>window.pwned = 'script'; alert('script')</script>",
    "<img src=x onerror=\"window.pwned = 'img'; alert('img')\">",
    "<svg onload=\"window.pwned = 'svg'\"></svg> {{ 7*7 }} {% raw %}",
    '<a href="javascript:window.pwned=\'link\'" id="evil">klik</a> <style>body { display: none }</style>',
]


def hostile_letter(path: Path, position: str, extra: str) -> None:
    path.write_text(
        "Geannoteerde agenda JBZ-Raad\n\n"
        f"{HOSTILE_LINES[0]}\n\nHet kabinet {position} het voorstel {extra}. {HOSTILE_LINES[1]}\n\n"
        f"{HOSTILE_LINES[2]}\n\n{HOSTILE_LINES[3]}\n\n{extra}\n",
        encoding="utf-8",
    )


def test_a_letter_with_scripts_and_handlers_runs_nothing(watched: Watched, tmp_path: Path) -> None:
    # the hostile text both unchanged and inside changes (deleted, inserted, in a changed position)
    hostile_letter(tmp_path / "old.txt", "steunt", HOSTILE_LINES[3])
    hostile_letter(tmp_path / "new.txt", "steunt niet", HOSTILE_LINES[1] + " " + HOSTILE_LINES[0])
    output = tmp_path / "report.html"
    result = CliRunner().invoke(
        main, ["compare", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), "-o", str(output)]
    )
    assert result.exit_code == 0, result.output
    page = watched.open(output)
    page.keyboard.press("n")  # let the page's own script run its handlers too
    page.hover("text=klik")
    assert page.evaluate("() => window.pwned") is None
    assert watched.dialogs == []
    assert page.locator("body").is_visible()
    text = page.locator("main").inner_text()
    for line in HOSTILE_LINES:
        assert line.split(" ")[0] in text  # shown as text
    assert "{{ 7*7 }} {% raw %}" in text and not re.search(r"(?<![\w/-])49(?!\d)", text)  # not evaluated
    assert page.evaluate("() => document.querySelectorAll('main script, main img, main svg, main style').length") == 0
    assert watched.requests == [output.as_uri()]


# -- The timeline page -----------------------------------------------------------------------------

TIMELINE = ROOT / "reports" / "timeline.html"


def test_timeline_loads_without_errors_or_requests(watched: Watched) -> None:
    page = watched.open(TIMELINE)
    assert page.title() == "Tijdlijn 27 februari 2025 – 27 november 2025"
    assert page.locator("table.map th.row").count() == page.locator("section.thread").count() > 10
    assert watched.errors == []
    assert watched.requests == [TIMELINE.as_uri()]


def test_every_heat_map_cell_links_to_its_thread_at_that_letter(watched: Watched) -> None:
    """Each cell's target is an appearance inside the thread of the cell's row, dated as the cell's column."""
    page = watched.open(TIMELINE)
    cells = page.evaluate(
        """() => {
            const columns = [...document.querySelectorAll('table.map thead th')].slice(1).map(th => th.firstChild.textContent);
            return [...document.querySelectorAll('table.map tbody tr')].filter(tr => tr.querySelector('th.row')).flatMap(tr => {
                const row = tr.querySelector('th.row a').getAttribute('href').slice(1);
                return [...tr.querySelectorAll('td')].map((td, k) => {
                    const a = td.querySelector('a');
                    if (!a) return null;
                    const target = document.getElementById(a.getAttribute('href').slice(1));
                    return { row, column: columns[k], thread: target && target.closest('section.thread').id,
                             when: target && target.querySelector('.when').textContent };
                }).filter(Boolean);
            });
        }"""
    )
    assert len(cells) > 30
    short = {"feb": "februari", "mei": "mei", "jul": "juli", "okt": "oktober", "nov": "november"}
    for cell in cells:
        assert cell["thread"] == cell["row"], cell
        day, month, year = cell["column"].split()
        assert cell["when"] == f"{day} {short[month]} {year}", cell
    # A click on the return topic's July cell lands on that appearance, highlighted as the target.
    row = page.locator("tr", has=page.locator("th.row a[href='#th-terugkeerverordening']"))
    row.locator("td").nth(2).locator("a").click()
    assert page.evaluate("location.hash") == "#th-terugkeerverordening-3"
    target = page.locator(":target")
    assert "Werksessie II" in target.inner_text() and target.is_visible()


def test_timeline_sentences_tell_their_age_on_hover(watched: Watched) -> None:
    page = watched.open(TIMELINE)
    sentences = page.locator("#th-terugkeerverordening .aged span")
    assert sentences.count() == 8
    assert sentences.nth(1).get_attribute("title") == "voor het eerst in de brief van 27 februari 2025"
    assert sentences.nth(3).get_attribute("class") == "a0 p"  # new in the latest letter, a position
    tip = sentences.nth(6).get_attribute("title") or ""
    assert "10 juli 2025" in tip and "operationalisering" in tip


def test_timeline_of_a_hostile_letter_runs_nothing(watched: Watched, tmp_path: Path) -> None:
    sample = (ROOT / "samples" / "jbz-2025-10-02-constructed.txt").read_text(encoding="utf-8")
    hostile = sample.replace(
        "Terugkeerverordening", "Terugkeer<script>alert(1)</script><img src=x onerror=alert(2)>", 1
    )
    hostile = hostile.replace(
        "Het kabinet is voornemens in te stemmen",
        "Het kabinet <b onmouseover=alert(3)>steunt</b> <script>alert(4)</script>",
    )
    (tmp_path / "a.txt").write_text(
        (ROOT / "samples" / "jbz-2025-07-10.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(hostile, encoding="utf-8")
    out = tmp_path / "t.html"
    result = CliRunner().invoke(main, ["timeline", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = watched.open(out)
    thread = page.locator("section.thread", has_text="Terugkeer<script>alert(1)</script>")
    assert thread.count() == 1
    for sentence in thread.locator(".aged span").all():
        sentence.hover()
    page.locator("table.map td a").first.hover()
    assert watched.dialogs == [] and watched.errors == []
    assert watched.requests == [out.as_uri()]
    assert "<script>alert(4)</script>" in thread.locator(".aged").inner_text()
    assert page.locator("script, img, b").count() == 0


OUTCOME = ROOT / "reports" / "outcome-2025-12-12.html"
COMMITMENTS = ROOT / "reports" / "commitments.html"


@pytest.mark.parametrize("path", [OUTCOME, COMMITMENTS], ids=["outcome", "commitments"])
def test_follow_through_pages_load_without_errors_or_requests_and_fit_a_phone(browser: Any, path: Path) -> None:
    for viewport in ({"width": 1440, "height": 900}, {"width": 320, "height": 640}):
        watched = Watched(browser, viewport=viewport)
        page = watched.open(path)
        assert watched.errors == [] and watched.requests == [path.as_uri()]
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]  # no sideways scroll
        # letter text is marked Dutch, and isolated from the page's direction
        assert page.evaluate("[...document.querySelectorAll('q')].every(q => q.lang === 'nl')")
        assert page.evaluate("getComputedStyle(document.querySelector('q')).unicodeBidi") == "isolate"
        watched.context.close()


def test_the_outcome_page_shows_each_verdict_with_both_sentences(watched: Watched) -> None:
    page = watched.open(OUTCOME)
    badges = page.locator("article.item h3 .badge").all_inner_texts()
    assert badges[:2] == ["afgeweken", "afgeweken"] and "zoals aangekondigd" in badges
    first = page.locator("article.item").first
    assert "mits de mogelijkheid van terugkeerhubs" in first.inner_text()
    assert first.locator("q").all_inner_texts()[1] == "Nederland heeft ingestemd met de algemene oriëntatie."


def test_the_register_lists_open_commitments_first(watched: Watched) -> None:
    page = watched.open(COMMITMENTS)
    headings = page.locator("h2").all_inner_texts()
    assert headings[1:] == ["Openstaande toezeggingen", "Nagekomen of vervallen"]
    fulfilled = page.locator("article.commitment", has_text="nagekomen in 12 december 2025")
    assert fulfilled.count() == 2 and "Zoals toegezegd" in fulfilled.first.inner_text()
