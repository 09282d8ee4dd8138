"""`agendadiff fetch` and `archive update --fetch` against a local replay of the OData service: paging,
deleted documents, new versions, a DOCX annex read with its letter, retries, timeouts, malformed answers.
No test reaches the internet."""

from __future__ import annotations

import dataclasses
import http.server
import importlib.util
import itertools
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from agendadiff import read_letter
from agendadiff.cli import main
from agendadiff.fetch import Client, FetchError, Query, fetch, find_letters, letter_filter, parse_dossier
from agendadiff.model import SectionKind
from tests.conftest import ROOT
from tests.odata_replay import Doc, Scenario, serving

pytestmark = pytest.mark.slow

FORMATS = ROOT / "samples" / "formats"
GIT = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


@pytest.fixture(scope="module")
def split_october() -> tuple[bytes, bytes]:
    return october_split()


def october_split() -> tuple[bytes, bytes]:
    """The October sample as it is often published: the cover letter as a PDF, the agenda as a DOCX annex."""
    spec = importlib.util.spec_from_file_location("formats", ROOT / "samples" / "formats.py")
    assert spec and spec.loader
    formats = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(formats)
    letter = read_letter(ROOT / "samples" / "jbz-2025-10-02-constructed.txt")
    cut = next(k for k, s in enumerate(letter.sections) if s.kind is SectionKind.AGENDA)
    cover = dataclasses.replace(letter, sections=letter.sections[:cut])
    agenda = dataclasses.replace(letter, sections=letter.sections[cut:])
    return formats.to_pdf(cover), formats.to_docx(agenda)


def scenario_of(split_october: tuple[bytes, bytes]) -> Scenario:
    cover, agenda = split_october
    return Scenario(
        documents=[
            Doc("a1", "2025D31000", "Geannoteerde agenda informele JBZ-Raad 22 en 23 juli 2025", "2025-07-10",
                (FORMATS / "jbz-2025-07-10.pdf").read_bytes(), volgnummer=966),
            Doc("b2", "2025D40000", "Geannoteerde agenda formele JBZ-Raad 13 en 14 oktober 2025", "2025-10-02", cover,
                volgnummer=970,
                annexes=[Doc("b2x", "2025D40001", "Bijlage: geannoteerde agenda", "2025-10-02", agenda,
                             extension="docx", kind="Bijlage")]),
            Doc("c3", "2025D41000", "Geannoteerde agenda (ingetrokken)", "2025-10-05", b"%PDF-1.4 gone", deleted=True),
            Doc("d4", "2025D42000", "Verslag van de JBZ-Raad van 13 en 14 oktober 2025", "2025-10-24",
                (FORMATS / "jbz-verslag-2025-10-24-constructed.pdf").read_bytes(), volgnummer=972),
            Doc("e5", "2025D47954", "Geannoteerde agenda formele JBZ-Raad 8 en 9 december 2025", "2025-11-27",
                (FORMATS / "jbz-2025-11-27-constructed.pdf").read_bytes(), volgnummer=975),
            Doc("f6", "2025D42100", "Verslag van een schriftelijk overleg over de JBZ-Raad", "2025-10-06", b"%PDF-1.4 so"),
            Doc("g7", "2025D43823", "Verslag van een schriftelijk overleg over o.a. de geannoteerde agenda van de "
                "formele JBZ-Raad", "2025-10-08", b"%PDF-1.4 so", kind="Verslag van een schriftelijk overleg"),
        ]
    )  # fmt: skip


@pytest.fixture
def replay(split_october: tuple[bytes, bytes]) -> Iterator[tuple[Scenario, str]]:
    scenario = scenario_of(split_october)
    with serving(scenario) as url:
        yield scenario, url


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client(url: str, **options: Any) -> Client:
    settings: dict[str, Any] = {"timeout": 2.0, "attempts": 3, "backoff": 0.5, "interval": 0.0, "sleep": Sleeps()}
    settings.update(options)
    return Client(base_url=url, **settings)


QUERY = Query(32317)


def test_the_filter_is_the_documented_one() -> None:
    assert letter_filter(Query(32317)) == (
        "Verwijderd eq false and Kamerstukdossier/any(d: d/Nummer eq 32317) and "
        "(contains(tolower(Onderwerp),'geannoteerde agenda') or contains(tolower(Onderwerp),'verslag jbz-raad') or "
        "contains(tolower(Onderwerp),'verslag van de jbz-raad') or contains(tolower(Onderwerp),'verslag van de formele') "
        "or contains(tolower(Onderwerp),'verslag van de informele'))"
    )
    import datetime as dt

    assert letter_filter(Query(36410, "VI", ("Agenda's van 'de' Raad",), dt.date(2025, 1, 1))) == (
        "Verwijderd eq false and Kamerstukdossier/any(d: d/Nummer eq 36410 and d/Toevoeging eq 'VI') and "
        "contains(tolower(Onderwerp),'agenda''s van ''de'' raad') and Datum ge 2025-01-01T00:00:00Z"
    )
    assert parse_dossier("36410-VI") == (36410, "VI") and parse_dossier(" 32317 ") == (32317, None)
    with pytest.raises(FetchError, match="Kamerstukdossier number"):
        parse_dossier("jbz")


def test_pages_are_followed_and_deleted_documents_and_listed_annexes_left_out(replay: tuple[Scenario, str]) -> None:
    scenario, url = replay
    found = find_letters(client(url), QUERY)
    # the agendas and the verslag; not the deleted one, not the verslag of a schriftelijk overleg
    assert [p.number for p in found] == ["2025D31000", "2025D40000", "2025D42000", "2025D47954"]
    listings = [r for r in scenario.requests if r["path"].endswith("/Document")]
    assert len(listings) == 3  # three pages of two, through @odata.nextLink
    first = listings[0]["params"]
    assert first["$filter"] == letter_filter(QUERY)
    assert "BijlageDocument" in first["$expand"] and "DocumentVersie" in first["$expand"]
    assert listings[1]["params"]["$skiptoken"] == "2"
    assert all(r["agent"].startswith("agendadiff/") for r in scenario.requests)
    october = found[1]
    assert [a.number for a in october.annexes] == ["2025D40001"] and october.annexes[0].extension == ".docx"
    assert october.kamerstuk == "kst-32317-970"


def test_fetch_writes_bundles_that_read_as_one_letter_and_fetches_nothing_twice(
    replay: tuple[Scenario, str], tmp_path: Path
) -> None:
    scenario, url = replay
    target, state = tmp_path / "inbox", tmp_path / "state.json"
    outcome = fetch(client(url), QUERY, target, state)
    assert outcome.fetched == ("2025D31000", "2025D40000", "2025D42000", "2025D47954")
    assert sorted(p.name for p in target.iterdir()) == ["2025D31000", "2025D40000", "2025D42000", "2025D47954"]
    bundle = target / "2025D40000"
    sidecar = json.loads((bundle / "document.json").read_text(encoding="utf-8"))
    assert [f["name"] for f in sidecar["files"]] == ["letter-2025D40000.pdf", "annex-2025D40001.docx"]
    assert sidecar["kamerstuk"] == "kst-32317-970" and sidecar["dossier"] == "32317"
    # The cover letter and its agenda annex are one letter, the same as the sample they were cut from.
    joined = read_letter(bundle)
    sample = read_letter(ROOT / "samples" / "jbz-2025-10-02-constructed.txt")
    assert [(s.kind, s.title, s.text) for s in joined.sections] == [(s.kind, s.title, s.text) for s in sample.sections]
    assert joined.date == sample.date and joined.meeting == sample.meeting
    # A second run asks for the listing only and downloads nothing.
    before = len(scenario.requests)
    again = fetch(client(url), QUERY, target, state)
    assert again.fetched == () and again.known == 4
    assert all(r["path"].endswith("/Document") for r in scenario.requests[before:])


def test_a_new_version_is_fetched_as_a_new_bundle(replay: tuple[Scenario, str], tmp_path: Path) -> None:
    scenario, url = replay
    target, state = tmp_path / "inbox", tmp_path / "state.json"
    fetch(client(url), QUERY, target, state)
    scenario.documents[4].version = 2
    scenario.documents[4].content = (
        (FORMATS / "jbz-2025-11-27-constructed.pdf").read_bytes().replace(b"%%EOF", b"%%EOF\n%v2")
    )
    scenario.documents[1].annexes[0].version = 3  # an annex's new version makes its letter new too
    outcome = fetch(client(url), QUERY, target, state)
    assert outcome.fetched == ("2025D40000-v2", "2025D47954-v2")
    recorded = json.loads(state.read_text(encoding="utf-8"))["documents"]["e5"]["versions"]
    assert [v["bundle"] for v in recorded] == ["2025D47954", "2025D47954-v2"]


def test_a_503_then_success_is_retried_with_backoff(replay: tuple[Scenario, str], tmp_path: Path) -> None:
    scenario, url = replay
    scenario.fail_first["/OData/v4/2.0/Document"] = [503, 429]
    scenario.fail_first["/OData/v4/2.0/Document(a1)/resource"] = [502]
    sleeps = Sleeps()
    outcome = fetch(client(url, sleep=sleeps), QUERY, tmp_path / "inbox", tmp_path / "state.json")
    assert len(outcome.fetched) == 4
    assert sleeps == [0.5, 1.0, 0.5]  # doubled per retry of one request, from the start for the next


def test_a_timeout_or_a_service_that_stays_down_leaves_everything_as_it_was(
    replay: tuple[Scenario, str], tmp_path: Path
) -> None:
    scenario, url = replay
    target, state = tmp_path / "inbox", tmp_path / "state.json"
    scenario.delay["/OData/v4/2.0/Document(e5)/resource"] = 1.0
    outcome = fetch(client(url, timeout=0.3), QUERY, target, state)
    # the letter whose file does not come is skipped with its reason, the others are fetched, and it is
    # not recorded: the next run tries it again
    [skipped] = outcome.skipped
    assert skipped.startswith("2025D47954 skipped, tried again next run:")
    assert "no answer within 0.3 s after 3 attempts: " in skipped and skipped.endswith("Document(e5)/resource")
    assert "2025D47954" not in outcome.fetched and len(outcome.fetched) == 3
    assert "e5" not in json.loads(state.read_text(encoding="utf-8"))["documents"]
    for name in outcome.fetched:
        shutil.rmtree(target / name)
    state.unlink()
    stale = target / ".fetching-killed"  # as a run killed mid-download leaves it
    stale.mkdir()
    os.utime(stale, (0, 0))
    scenario.delay.clear()
    scenario.fail_first["/OData/v4/2.0/Document"] = [503, 503, 503]
    with pytest.raises(FetchError, match="HTTP 503 Service Unavailable after 3 attempts"):
        fetch(client(url), QUERY, target, state)
    assert list(target.iterdir()) == [] and not state.exists()  # the stale staging folder is gone too


def test_malformed_json_is_retried_and_a_404_is_not(replay: tuple[Scenario, str], tmp_path: Path) -> None:
    scenario, url = replay
    scenario.broken_pages.add(1)
    with pytest.raises(FetchError, match=r"malformed JSON .* after 3 attempts"):
        fetch(client(url), QUERY, tmp_path / "inbox", tmp_path / "state.json")
    assert len([r for r in scenario.requests if r["path"].endswith("/Document")]) == 4  # page 0, page 1 three times
    scenario.broken_pages.clear()
    with pytest.raises(FetchError, match="HTTP 404"):
        find_letters(client(url.replace("/OData/v4/2.0/", "/elsewhere/")), QUERY)
    # A service that does not know a property says so, and the error passes it on.
    scenario.unknown = "BijlageDocument"
    with pytest.raises(FetchError, match=r"HTTP 400 Bad Request \(Could not find a property named 'BijlageDocument'"):
        find_letters(client(url), QUERY)


def test_requests_are_paced(replay: tuple[Scenario, str], tmp_path: Path) -> None:
    scenario, url = replay
    fetch(client(url, interval=0.1, sleep=__import__("time").sleep), QUERY, tmp_path / "inbox", tmp_path / "s.json")
    times = [r["at"] for r in scenario.requests]
    assert len(times) == 8  # three pages and five files
    # As the service sees them: the client waits 0.1 s between sends, and a loaded machine may hand one
    # request to the server's thread late and the next at once, so a gap may come in short by a scheduling
    # delay, never by most of the wait (unpaced, the gaps are a few milliseconds).
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 0.05 and times[-1] - times[0] >= 0.095 * len(gaps), gaps


# -- The commands ------------------------------------------------------------------------------------


def test_the_fetch_command_with_the_base_url_from_the_environment(replay: tuple[Scenario, str], tmp_path: Path) -> None:
    _, url = replay
    runner = CliRunner()
    result = runner.invoke(
        main, ["fetch", "--dossier", "32317", "--to", str(tmp_path / "in")], env={"AGENDADIFF_ODATA_URL": url}
    )
    assert result.exit_code == 0, result.output
    assert "4 new, 0 fetched before" in result.stdout and (tmp_path / "in" / "fetch-state.json").exists()
    result = runner.invoke(main, ["fetch", "--dossier", "32317", "--to", str(tmp_path / "in"), "--base-url", url])
    assert result.exit_code == 0 and "0 new, 4 fetched before" in result.stdout


def test_the_fetch_command_fails_in_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["fetch", "--dossier", "32317", "--to", str(tmp_path / "in"), "--base-url", "http://127.0.0.1:9/OData/v4/2.0/",
         "--timeout", "0.5", "--attempts", "1"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "cannot connect" in result.stderr and "127.0.0.1:9" in result.stderr
    # the reason first, then where, short: not the whole OData query with its filter
    assert result.stderr.startswith("agendadiff: cannot connect") and len(result.stderr) < 200, result.stderr
    assert "$filter" not in result.stderr and "Document?…" in result.stderr
    result = runner.invoke(main, ["fetch", "--dossier", "32317", "--to", str(tmp_path / "in"), "--base-url", "ftp://x"])
    assert result.exit_code == 2 and "must start with http" in result.stderr


def _archive(tmp_path: Path, url: str) -> Path:
    root = tmp_path / "jbz"
    runner = CliRunner()
    assert runner.invoke(main, ["archive", "init", str(root)], env=GIT).exit_code == 0
    settings = root / "agendadiff.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + f'\n[fetch]\ndossier = "32317"\nbase_url = "{url}"\n', encoding="utf-8"
    )
    import git

    repo = git.Repo(root)
    repo.index.add(["agendadiff.toml"])
    repo.index.commit(
        "fetch settings", author=git.Actor("Test", "test@example.org"), committer=git.Actor("Test", "test@example.org")
    )
    return root


def test_archive_update_fetch_stores_the_letters_with_their_annexes_and_the_state(
    replay: tuple[Scenario, str], tmp_path: Path
) -> None:
    _scenario, url = replay
    root = _archive(tmp_path, url)
    runner = CliRunner()
    result = runner.invoke(main, ["archive", "update", "--archive", str(root), "--fetch"], env=GIT)
    assert result.exit_code == 0, result.output
    assert "4 new letter(s)" in result.stdout  # three agendas and the verslag of October
    import git

    repo = git.Repo(root)
    tracked = repo.git.ls_files().splitlines()
    assert "fetch-state.json" in tracked
    october = [p for p in tracked if p.startswith("letters/2025-10-02") and "/original/" in p]
    assert sorted(Path(p).name for p in october) == ["annex-2025D40001.docx", "document.json", "letter-2025D40000.pdf"]
    stored = json.loads(
        (root / "letters" / Path(october[0]).parent.parent.name / "letter.json").read_text(encoding="utf-8")
    )
    assert any(s["kind"] == "item" and s["title"] == "Terugkeerverordening" for s in stored["sections"])
    assert len([p for p in tracked if p.startswith("reports/") and p.endswith(".html")]) == 2
    # the October verslag is stored as one and held against its agenda
    assert "letters/2025-10-24_verslag_jbz-2025-10-13-luxemburg/meta.json" in tracked
    assert [p for p in tracked if p.startswith("outcomes/") and p.endswith(".html")] == [
        "outcomes/2025-10-02_jbz-2025-10-13-luxemburg__2025-10-24_verslag_jbz-2025-10-13-luxemburg.html"
    ]
    check = runner.invoke(main, ["archive", "check", "--archive", str(root)], env=GIT)
    assert check.exit_code == 0, check.output
    head = repo.head.commit.hexsha
    again = runner.invoke(main, ["archive", "update", "--archive", str(root), "--fetch"], env=GIT)
    assert again.exit_code == 0 and "nothing new" in again.stdout and repo.head.commit.hexsha == head


def test_archive_update_fetch_that_fails_leaves_the_archive_untouched(
    replay: tuple[Scenario, str], tmp_path: Path
) -> None:
    scenario, url = replay
    root = _archive(tmp_path, url)
    import git

    repo = git.Repo(root)
    head = repo.head.commit.hexsha
    scenario.broken_pages.add(1)
    result = CliRunner().invoke(main, ["archive", "update", "--archive", str(root), "--fetch"], env=GIT)
    assert result.exit_code == 2 and "malformed JSON" in result.stderr and result.stderr.count("\n") == 1
    assert repo.head.commit.hexsha == head and not repo.is_dirty(untracked_files=True)
    assert not (root / "fetch-state.json").exists()
    inbox = root / "inbox"
    assert not inbox.exists() or not [p for p in inbox.iterdir() if not p.name.startswith(".")]


def test_the_base_url_variable_is_documented() -> None:
    readme = (ROOT / "docs" / "archive.md").read_text(encoding="utf-8")
    assert "AGENDADIFF_ODATA_URL" in readme and "local replay" in readme
    assert os.environ.get("AGENDADIFF_ODATA_URL") is None  # no test run talks to a real service by accident


def test_fetched_letters_are_letters_for_every_command(replay: tuple[Scenario, str], tmp_path: Path) -> None:
    _, url = replay
    target = tmp_path / "inbox"
    fetch(client(url), QUERY, target, tmp_path / "state.json")
    runner = CliRunner()
    result = runner.invoke(main, ["timeline", str(target), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [letter["date"] for letter in data["letters"]] == ["2025-07-10", "2025-10-02", "2025-11-27"]
    thread = next(t for t in data["threads"] if t["id"] == "terugkeerverordening")
    assert [a["title"] for a in thread["appearances"]][1:] == ["Terugkeerverordening", "Terugkeerverordening"]
    result = runner.invoke(
        main, ["compare", str(target / "2025D40000"), str(target / "2025D47954"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["old"]["source"]["path"] == str(target / "2025D40000")
    result = runner.invoke(main, ["sections", str(target / "2025D40000")])
    assert result.exit_code == 0 and "Terugkeerverordening [(Gedeeltelijke) algemene oriëntatie]" in result.stdout
    archive = tmp_path / "jbz"
    assert runner.invoke(main, ["archive", "init", str(archive)], env=GIT).exit_code == 0
    result = runner.invoke(main, ["archive", "add", str(target / "2025D40000"), "--archive", str(archive)], env=GIT)
    assert result.exit_code == 0 and "added 2025-10-02_jbz-2025-10-13-luxemburg" in result.stdout
    (target / "2025D40000" / "document.json").write_text("{}", encoding="utf-8")
    result = runner.invoke(main, ["sections", str(target / "2025D40000")])
    assert result.exit_code == 2 and "document.json does not list the letter's files" in result.stderr


def test_endless_paging_and_a_document_without_an_id_are_clear_errors(
    replay: tuple[Scenario, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    scenario, url = replay
    import agendadiff.fetch

    monkeypatch.setattr(agendadiff.fetch, "MAX_PAGES", 1)
    with pytest.raises(FetchError, match="more than 1 pages of results; narrow the query with --since"):
        find_letters(client(url), QUERY)
    monkeypatch.setattr(agendadiff.fetch, "MAX_PAGES", 200)
    scenario.documents[0].id = ""
    monkeypatch.setattr(Doc, "entity", lambda self: {"DocumentNummer": self.number, "Onderwerp": self.subject})
    with pytest.raises(FetchError, match="a document without 'Id' in the answer"):
        find_letters(client(url), QUERY)


@pytest.mark.parametrize("point", ["after-reading", "after-letters", "after-index"])
def test_a_fetching_update_killed_midway_is_finished_by_the_next_run(
    replay: tuple[Scenario, str], tmp_path: Path, point: str
) -> None:
    """Killed after the fetch, the downloads wait in the inbox and the state was not committed: the next run
    fetches again into the same places and reaches the tree of a run that was never stopped."""
    import subprocess
    import sys

    import git

    _, url = replay

    def update(root: Path, kill: str | None = None) -> subprocess.CompletedProcess[str]:
        env = os.environ | GIT | {"GIT_AUTHOR_DATE": "1795863600 +0100", "GIT_COMMITTER_DATE": "1795863600 +0100"}
        if kill:
            env["AGENDADIFF_KILL_AT"] = kill
        return subprocess.run(
            [sys.executable, "-m", "agendadiff", "archive", "update", "--archive", str(root), "--fetch"],
            capture_output=True, text=True, env=env, cwd=ROOT, timeout=300,
        )  # fmt: skip

    reference = _archive(tmp_path / "reference", url)
    assert update(reference).returncode == 0
    root = _archive(tmp_path / "killed", url)
    before = git.Repo(root).head.commit.hexsha
    assert update(root, point).returncode == -9
    assert git.Repo(root).head.commit.hexsha == before
    finished = update(root)
    assert finished.returncode == 0, finished.stderr
    assert git.Repo(root).head.commit.tree.hexsha == git.Repo(reference).head.commit.tree.hexsha
    assert not git.Repo(root).is_dirty(untracked_files=True)


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        ("cut", "bytes, the service lists"),
        ("short", "the file has 9 bytes, the service lists"),
        ("html", "the service sent an HTML page where a PDF file should be"),
        ("missing", "HTTP 404"),
    ],
)
def test_a_bad_download_is_retried_then_skipped_and_the_others_go_in(
    replay: tuple[Scenario, str], tmp_path: Path, fault: str, reason: str
) -> None:
    """A truncated file, an error page served for the PDF, a file that always 404s: never stored as a
    letter, never recorded as fetched, and never holding up the other letters."""
    scenario, url = replay
    if fault == "cut":
        scenario.cut.add("a1")
    elif fault == "short":
        scenario.served["a1"] = b"%PDF-1.4 "
    elif fault == "html":
        scenario.served["a1"] = b"<!DOCTYPE html><html><body>Er ging iets mis</body></html>"
    else:
        scenario.missing.add("a1")
    target, state = tmp_path / "inbox", tmp_path / "state.json"
    outcome = fetch(client(url), QUERY, target, state)
    [skipped] = outcome.skipped
    assert skipped.startswith("2025D31000 skipped") and reason in skipped
    assert "2025D31000" not in outcome.fetched and len(outcome.fetched) == 3
    assert not (target / "2025D31000").exists()
    assert "a1" not in json.loads(state.read_text(encoding="utf-8"))["documents"]
    scenario.cut.clear()
    scenario.served.clear()
    scenario.missing.clear()
    again = fetch(client(url), QUERY, target, state)
    assert again.fetched == ("2025D31000",) and again.skipped == ()


def test_a_document_listed_on_two_pages_is_fetched_once(replay: tuple[Scenario, str], tmp_path: Path) -> None:
    scenario, url = replay
    scenario.repeat_on_next_page = True
    outcome = fetch(client(url), QUERY, tmp_path / "inbox", tmp_path / "state.json")
    assert sorted(outcome.fetched) == ["2025D31000", "2025D40000", "2025D42000", "2025D47954"]


def test_a_next_page_on_another_host_is_not_followed(replay: tuple[Scenario, str], tmp_path: Path) -> None:
    scenario, url = replay
    scenario.next_host = "elsewhere.example.org"
    with pytest.raises(FetchError, match="points to another host for its next page"):
        fetch(client(url), QUERY, tmp_path / "inbox", tmp_path / "state.json")
    assert not any("elsewhere" in r["path"] for r in scenario.requests)


@pytest.mark.parametrize("number", ["../../etc", "a/b", ".hidden", ""])
def test_a_document_number_that_would_make_a_path_is_refused(
    replay: tuple[Scenario, str], tmp_path: Path, number: str
) -> None:
    scenario, url = replay
    scenario.documents[0].number = number or "\u0000"
    with pytest.raises(FetchError, match="a document number that is no plain name"):
        fetch(client(url), QUERY, tmp_path / "inbox", tmp_path / "state.json")
    assert not (tmp_path / "etc").exists() and not (tmp_path / "inbox").exists()


@contextmanager
def _local_server(handler: type) -> Iterator[str]:
    """A throwaway HTTP server on a free local port with `handler`; yields its OData base URL."""
    import threading

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/OData/v4/2.0/"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_a_server_that_trickles_is_given_up_within_the_whole_request_deadline() -> None:
    """The timeout is per socket read: a server sending a byte now and then held a request for ever."""
    import time as clock

    class Trickle(_Quiet):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(100000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    clock.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                pass

    with _local_server(Trickle) as base:
        slow = client(base, timeout=0.5, attempts=1)
        started = clock.monotonic()
        with pytest.raises(FetchError, match=r"no answer within 0\.5 s after 1 attempts"):
            slow.file(slow.url("Document(x)/resource"))
        assert clock.monotonic() - started < 0.5 * 4 + 2  # the deadline, not the 5,000 s of trickle


def test_a_redirect_to_another_host_is_not_followed() -> None:
    class Elsewhere(_Quiet):
        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", "http://evil.example.org/letter.pdf")
            self.send_header("Content-Length", "0")
            self.end_headers()

    with _local_server(Elsewhere) as base:
        moved = client(base, attempts=1)
        with pytest.raises(FetchError, match=r"redirects to another host \(evil.example.org\); not followed"):
            moved.file(moved.url("Document(x)/resource"))
