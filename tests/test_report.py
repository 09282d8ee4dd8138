"""Reports: escaped, self-contained HTML; JSON in the documented shape; golden reports of the samples."""

from __future__ import annotations

import json
import re

import pytest

from agendadiff import compare_letters
from agendadiff.model import SectionKind
from agendadiff.render.comparison import comparison_html, comparison_json, comparison_text
from tests.conftest import ROOT
from tests.test_align import letter, section

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "{{ 7*7 }} {% raw %}",
    "</div></section><a href='javascript:alert(3)'>klik</a>",
]


@pytest.fixture(scope="module")
def hostile_comparison() -> object:
    old = letter(
        section(SectionKind.ITEM, "Titel " + HOSTILE[0], "Het kabinet steunt dit. " + " ".join(HOSTILE)),
        section(SectionKind.ITEM, HOSTILE[1], "Oude tekst " + HOSTILE[3]),
    )
    new = letter(
        section(SectionKind.ITEM, "Titel " + HOSTILE[0], "Het kabinet steunt dit niet. " + " ".join(HOSTILE)),
        section(SectionKind.ITEM, "Nieuw " + HOSTILE[2], "Nieuwe tekst " + HOSTILE[2]),
    )
    return compare_letters(old, new)


def test_html_escapes_everything_from_a_letter(hostile_comparison: object) -> None:
    page = comparison_html(hostile_comparison)  # type: ignore[arg-type]
    script = (ROOT / "agendadiff" / "templates" / "compare.js").read_text(encoding="utf-8")
    # the page's own script, allowed by its hash, and nothing else that could run
    assert page.lower().count("<script") == 1 and f"<script>{script}</script>" in page
    assert "<img" not in page.lower() and not re.search(r"<[^>]*\son\w+=", page)  # no event handler attribute
    assert "<a href='javascript" not in page and "&lt;a href=&#39;javascript:alert(3)&#39;&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page and not re.search(r"(?<![\w/-])49(?!\d)", page)  # not evaluated
    # The page's own structure is intact: every section that was opened is closed.
    assert page.count("<section") == page.count("</section>")


def test_html_is_self_contained(hostile_comparison: object) -> None:
    page = comparison_html(hostile_comparison)  # type: ignore[arg-type]
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "<link" not in page and "@import" not in page


def test_text_report_keeps_letter_text_as_text(hostile_comparison: object) -> None:
    text = comparison_text(hostile_comparison)  # type: ignore[arg-type]
    assert "{+ niet+}" in text


def test_json_has_the_documented_shape(hostile_comparison: object) -> None:
    data = json.loads(comparison_json(hostile_comparison))  # type: ignore[arg-type]
    for side in ("old", "new"):
        assert {"source", "date", "meeting", "sections"} <= data[side].keys()
        for s in data[side]["sections"]:
            assert {"id", "kind", "title", "text", "footnotes"} <= s.keys()
    for pair in data["pairs"]:
        assert {"old", "new", "status", "score", "title_diff", "diff", "moves", "flags", "words"} <= pair.keys()
        assert pair["status"] in ("unchanged", "changed", "added", "removed")
        assert all(op in ("equal", "insert", "delete") and isinstance(text, str) for op, text in pair["diff"])


def test_html_heads_the_page_with_both_letters() -> None:
    from agendadiff import read_letter
    from tests.conftest import SAMPLE

    comparison = compare_letters(read_letter(SAMPLE), read_letter(SAMPLE))
    page = comparison_html(comparison)
    assert "informele Raad Justitie en Binnenlandse Zaken, 22 en 23 juli 2025, Kopenhagen" in page
    assert "council" not in page  # the meeting as a reader reads it, not as data
    assert "Gewijzigde kabinetsposities" in page and 'lang="nl"' in page
    english = comparison_html(comparison, "en")
    assert "informal Raad Justitie en Binnenlandse Zaken, 22 and 23 July 2025, Kopenhagen" in english
    assert "Changed cabinet positions" in english and 'lang="en"' in english and "Gewijzigd" not in english


def test_html_script_is_allowed_by_its_hash_only() -> None:
    import base64
    import hashlib

    from agendadiff import read_letter
    from tests.conftest import SAMPLE

    page = comparison_html(compare_letters(read_letter(SAMPLE), read_letter(SAMPLE)))
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert script
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy and f"script-src 'sha256-{digest}'" in policy.group(1)
    assert "unsafe-inline" not in policy.group(1).split("script-src")[1].split(";")[0]


def test_labels_exist_in_every_language() -> None:
    from agendadiff.render.common import LANGUAGES, labels

    keys = [set(labels(lang)) for lang in LANGUAGES]
    assert all(k == keys[0] for k in keys) and len(keys[0]) > 50


def test_committed_reports_are_current(update_golden: bool) -> None:
    """The reports in reports/ are golden files: a change in agendadiff's output shows up here."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("regenerate", ROOT / "reports" / "regenerate.py")
    assert spec and spec.loader
    regenerate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(regenerate)
    expected = regenerate.expected_reports()
    pairs = len(list((ROOT / "samples").glob("jbz-*.txt"))) - 1
    verslagen = len(list((ROOT / "samples" / "verslagen").glob("*.txt")))
    # each pair in three formats; the timeline in four files; each verslag's outcome and the register in three
    assert len(expected) == 3 * pairs + 4 + 3 * verslagen + 3
    for path, text in expected.items():
        if update_golden:
            path.write_text(text, encoding="utf-8")
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run python reports/regenerate.py"


def test_sample_reports_stay_small() -> None:
    """The HTML report of a pair of sample letters is well under 300 KB (both views included)."""
    for page in (ROOT / "reports").glob("*.html"):
        assert page.stat().st_size < 300_000, page.name


def test_sample_reports_have_unique_anchors_and_no_broken_links() -> None:
    for page in (ROOT / "reports").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        ids = re.findall(r' id="([^"]+)"', html)
        assert len(ids) == len(set(ids)), page.name
        links = set(re.findall(r'href="#([^"]+)"', html))
        assert links and links <= set(ids), (page.name, links - set(ids))
        if not page.name.startswith(("timeline", "outcome", "commitments")):  # a comparison: each change has its anchor
            assert len([i for i in ids if re.fullmatch(r"t-.+-c\d+", i)]) > 10, page.name


def test_a_source_path_is_never_a_live_link_of_another_scheme(hostile_comparison: object) -> None:
    """A letter named "javascript:alert(1)" is linked as the relative file it is; the CSP is no excuse."""
    from agendadiff.model import Comparison

    assert isinstance(hostile_comparison, Comparison)
    page = comparison_html(hostile_comparison, sources=("javascript:alert(1)", "data:text/html,<b>x</b>"))
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert "./javascript%3Aalert%281%29" in hrefs and "./data%3Atext/html%2C%3Cb%3Ex%3C/b%3E" in hrefs
    assert not any(h.lower().startswith(("javascript:", "data:")) for h in hrefs)


def test_side_by_side_rows_hold_whole_sentences() -> None:
    """A row ends where unchanged text ends a sentence, never after "Het kabinet " before a change."""
    from itertools import pairwise

    from agendadiff import compare_files
    from agendadiff.render.comparison import _pair_view

    letters = sorted((ROOT / "samples").glob("jbz-*.txt"))
    fragments = []
    for old, new in pairwise(letters):
        comparison = compare_files(old, new)
        for pair in comparison.pairs:
            rows = _pair_view(pair, comparison, "nl")["sbs"]
            for row, following in pairwise(rows):
                if following["para"]:
                    continue  # a paragraph ends where it ends
                for side in ("old", "new"):
                    text = "".join(part["text"] for part in row[side]).strip()
                    if text and not re.search(r"[.!?:;][’”'\")\]]*$", text):
                        fragments.append(text[-40:])
    assert fragments == []


def test_a_new_or_dropped_topics_positions_are_marked_like_others() -> None:
    from agendadiff import compare_files
    from agendadiff.render.comparison import comparison_html

    samples = ROOT / "samples"
    page = comparison_html(
        compare_files(samples / "jbz-2025-10-02-constructed.txt", samples / "jbz-2025-11-27-constructed.txt")
    )
    new_topic = page[page.index('id="t-item-bewaren-van-gegevens-voor-rechtshandhaving"') :]
    marked = re.search(r'<ins class="chg k-position"[^>]*>([^<]*)</ins>', new_topic)
    assert marked and marked.group(1).startswith("Het kabinet pleit voor een Europees kader")
    dropped = page[page.index('class="pair removed') :]
    assert re.search(r'<del class="chg k-position"[^>]*>Nederland onderschrijft dit belang\.', dropped)
    # the summary links to each of them
    for anchor in re.findall(r'<a class="go" href="#([^"]+)"', page):
        assert f'id="{anchor}"' in page, anchor


def test_the_summary_names_each_signal_once_per_topic() -> None:
    from agendadiff import compare_files
    from agendadiff.render.comparison import comparison_html

    samples = ROOT / "samples"
    page = comparison_html(
        compare_files(samples / "jbz-2025-10-02-constructed.txt", samples / "jbz-2025-11-27-constructed.txt")
    )
    lines = re.findall(r'<div class="cues">([^<]*)</div>', page)
    assert lines and all(line.count("standpunt:") <= 1 for line in lines)
    assert "standpunt: ‘ingestemd’ → — · ‘aangegeven’" in " ".join(lines)
