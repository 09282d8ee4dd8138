"""The archive's Atom feed, read by a real feed parser: an entry per letter, newest first, the changed positions
first, links to the reports; the same archive always gives the same feed."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import git
import pytest
from click.testing import CliRunner

from agendadiff import compare_files
from agendadiff.cli import main
from tests.conftest import ROOT

SAMPLES = ROOT / "samples"
AGENDAS = sorted(SAMPLES.glob("jbz-*.txt"))[-3:]  # July, October, November
VERSLAG = SAMPLES / "verslagen" / "jbz-verslag-2025-10-24-constructed.txt"


@pytest.fixture(autouse=True)
def fixed_author(monkeypatch: pytest.MonkeyPatch) -> None:
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Archivaris")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "archief@example.org")


def archive_of(folder: Path, letters: list[Path], settings: str = "") -> Path:
    runner = CliRunner()
    assert runner.invoke(main, ["archive", "init", str(folder)]).exit_code == 0
    if settings:
        with (folder / "agendadiff.toml").open("a", encoding="utf-8") as out:
            out.write(settings)
        repo = git.Repo(folder)
        repo.index.add(["agendadiff.toml"])
        repo.index.commit("Settings")
    inbox = folder / "inbox"
    inbox.mkdir()
    for letter in letters:
        shutil.copy(letter, inbox / letter.name)
    result = runner.invoke(main, ["archive", "update", "--archive", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


def test_the_feed_has_an_entry_per_letter_newest_first_with_the_changed_positions(tmp_path: Path) -> None:
    folder = archive_of(tmp_path / "a", [*AGENDAS, VERSLAG])
    feed = feedparser.parse((folder / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "JBZ-Raad: nieuwe brieven en gewijzigde kabinetsposities"
    entries = feed.entries
    assert len(entries) == 4 and len({e.id for e in entries}) == 4
    assert [e.updated[:10] for e in entries] == ["2025-11-27", "2025-10-24", "2025-10-02", "2025-07-10"]
    november = entries[0]
    assert november.title.startswith("Geannoteerde agenda 27 november 2025: ")
    assert november.link == "reports/2025-10-02_jbz-2025-10-13-luxemburg__2025-11-27_jbz-2025-12-08-brussel.html"
    assert (folder / november.link).is_file()
    html = november.content[0].value
    # the changed positions come first, each with its topic, what changed and the new text
    assert html.index("Gewijzigde kabinetsposities") < html.index("onderwerpen gewijzigd")
    assert "<strong>1. Terugkeerverordening</strong>" in html and "mits de mogelijkheid van terugkeerhubs" in html
    changed = len(compare_files(AGENDAS[1], AGENDAS[2]).position_changes)
    assert f"{changed} kabinetsposities gewijzigd" in november.summary
    assert entries[-1].summary == "De eerste brief in het archief."
    verslag = entries[1]
    assert verslag.title.startswith("Verslag 24 oktober 2025") and "outcomes/" in verslag.content[0].value


def test_the_same_archive_gives_the_same_feed_and_a_site_url_makes_links_absolute(tmp_path: Path) -> None:
    first = archive_of(tmp_path / "a", AGENDAS[:2])
    second = archive_of(tmp_path / "b", AGENDAS[:2])
    assert (first / "feed.xml").read_bytes() == (second / "feed.xml").read_bytes()
    published = archive_of(tmp_path / "c", AGENDAS[:2], 'site_url = "https://example.org/jbz/"\n')
    feed = feedparser.parse((published / "feed.xml").read_bytes())
    assert feed.entries[0].link.startswith("https://example.org/jbz/reports/")
    assert any(link.rel == "self" and link.href == "https://example.org/jbz/feed.xml" for link in feed.feed.links)


def test_a_letter_full_of_markup_and_control_characters_is_text_in_the_feed(tmp_path: Path) -> None:
    hostile = tmp_path / "jbz-2025-12-01.txt"
    text = AGENDAS[-1].read_text(encoding="utf-8")
    text = text.replace("Terugkeerverordening", "Terugkeer<script>alert(1)</script>\x0c\x07verordening", 1)
    hostile.write_text(text.replace("kan instemmen", "kan <b>instemmen</b> & \x1b[31m", 1), encoding="utf-8")
    folder = archive_of(tmp_path / "a", [AGENDAS[-2], hostile])
    raw = (folder / "feed.xml").read_text(encoding="utf-8")
    ET.fromstring(raw)  # well-formed XML: no control characters
    assert "\x0c" not in raw and "\x07" not in raw and "\x1b" not in raw
    content = feedparser.parse(raw).entries[0].content[0].value
    assert "<script>" not in content and "&lt;b&gt;instemmen&lt;/b&gt; &amp;" in content


def test_a_bad_site_url_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    assert CliRunner().invoke(main, ["archive", "init", str(folder)]).exit_code == 0
    with (folder / "agendadiff.toml").open("a", encoding="utf-8") as out:
        out.write('site_url = "javascript:alert(1)"\n')
    git.Repo(folder).index.add(["agendadiff.toml"])
    git.Repo(folder).index.commit("Settings")
    result = CliRunner().invoke(main, ["archive", "update", "--archive", str(folder)])
    assert result.exit_code == 2 and "site_url must be a web address" in result.stderr
