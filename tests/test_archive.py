"""The archive on real git repositories in temporary folders: init, add, update with an inbox, idempotent
re-runs, out-of-order backfill, locks and concurrent runs, kills at several points, a corrupted letter, refusals,
push to a local bare repository, log and check."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import git
import pytest
from click.testing import CliRunner, Result

from agendadiff.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
JULY = SAMPLES / "jbz-2025-07-10.txt"
OCTOBER = SAMPLES / "jbz-2025-10-02-constructed.txt"
NOVEMBER = SAMPLES / "jbz-2025-11-27-constructed.txt"
JULY_NAME = "2025-07-10_jbz-2025-07-22-kopenhagen"
OCTOBER_NAME = "2025-10-02_jbz-2025-10-13-luxemburg"
NOVEMBER_NAME = "2025-11-27_jbz-2025-12-08-brussel"


@pytest.fixture(autouse=True)
def fixed_author(monkeypatch: pytest.MonkeyPatch) -> None:
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Archivaris")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "archief@example.org")
        monkeypatch.setenv(f"GIT_{role}_DATE", "1795863600 +0100")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def ok(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, (args, result.output, result.exception)
    return str(result.stdout)


def commits(folder: Path) -> list[str]:
    return [str(c.message).splitlines()[0] for c in git.Repo(folder).iter_commits()]


def tree(folder: Path) -> str:
    return git.Repo(folder).head.commit.tree.hexsha


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archief"
    ok("archive", "init", str(folder), "--series", "JBZ-Raad")
    return folder


def inbox(folder: Path, *letters: Path) -> Path:
    box = folder / "inbox"
    box.mkdir(exist_ok=True)
    for letter in letters:
        shutil.copy(letter, box / letter.name)
    return box


def test_an_archive_commits_on_a_machine_nobody_told_who_commits(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    for role in ("AUTHOR", "COMMITTER"):
        for part in ("NAME", "EMAIL"):
            monkeypatch.delenv(f"GIT_{role}_{part}")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("EMAIL", "")
    ok("archive", "add", str(JULY), "--archive", str(archive))
    head = git.Repo(archive).head.commit
    assert head.author.name == head.committer.name == getpass.getuser()
    assert str(head.author.email).startswith(getpass.getuser() + "@")
    assert str(head.message).startswith("Add ")  # the message as agendadiff wrote it


def test_the_leftovers_of_a_killed_write_are_removed_and_git_is_not_walked(tmp_path: Path) -> None:
    from agendadiff.files import remove_leftovers

    def made(relative: str, folder: bool = False) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.mkdir() if folder else path.write_text("x", encoding="utf-8")
        return path

    ours = [made("reports/.agendadiff-a1.tmp"), made("letters/x/.agendadiff-.tmp"), made(".agendadiff-b.tmp")]
    others = [
        made(".git/objects/.agendadiff-c.tmp"),  # git's own folder, at any depth, is git's
        made("letters/y/.git/.agendadiff-d.tmp"),
        made("reports/x.tmp"),
        made("reports/.agendadiff-e.json"),
        made("reports/.agendadiff-f.tmp", folder=True),
    ]
    assert sorted(remove_leftovers(tmp_path)) == sorted(ours)
    assert not any(path.exists() for path in ours) and all(path.exists() for path in others)


# -- init and add -----------------------------------------------------------------------------------


def test_init_makes_a_repository_with_settings_and_a_readme(archive: Path) -> None:
    assert (archive / ".git").is_dir()
    assert 'series = "JBZ-Raad"' in (archive / "agendadiff.toml").read_text(encoding="utf-8")
    assert "JBZ-Raad" in (archive / "README.md").read_text(encoding="utf-8")
    assert commits(archive) == ["Start the JBZ-Raad archive"]
    again = CliRunner().invoke(main, ["archive", "init", str(archive)])
    assert again.exit_code == 2 and "already an agendadiff archive" in again.stderr


def test_add_stores_the_original_bytes_sections_and_metadata(archive: Path) -> None:
    ok("archive", "add", str(JULY), "--archive", str(archive))
    folder = archive / "letters" / JULY_NAME
    assert (folder / "original.txt").read_bytes() == JULY.read_bytes()
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["date"] == "2025-07-10" and meta["source_name"] == JULY.name and meta["format"] == "text"
    import hashlib

    assert meta["sha256"] == hashlib.sha256(JULY.read_bytes()).hexdigest()
    sections = json.loads((folder / "letter.json").read_text(encoding="utf-8"))["sections"]
    assert len(sections) == 16 and sections[-1]["title"].startswith("Werklunch: Bescherming")
    assert "## " in (folder / "letter.md").read_text(encoding="utf-8")
    assert commits(archive)[0].startswith("Add letter 2025-07-10 (informal Raad Justitie")
    assert git.Repo(archive).is_dirty(untracked_files=True) is False


def test_adding_the_same_bytes_twice_changes_nothing(archive: Path) -> None:
    ok("archive", "add", str(JULY), "--archive", str(archive))
    head = git.Repo(archive).head.commit.hexsha
    output = ok("archive", "add", str(JULY), "--archive", str(archive))
    assert "already in the archive" in output
    assert git.Repo(archive).head.commit.hexsha == head


def test_one_commit_per_letter_and_reports_between_consecutive_letters(archive: Path) -> None:
    ok("archive", "add", str(JULY), str(OCTOBER), "--archive", str(archive))
    assert len(commits(archive)) == 3
    assert (archive / "reports" / f"{JULY_NAME}__{OCTOBER_NAME}.html").exists()
    assert "Update" not in commits(archive)[0] and "2025-10-02" in commits(archive)[0]


def test_a_backfilled_letter_takes_its_place_in_date_order(archive: Path) -> None:
    ok("archive", "add", str(JULY), str(NOVEMBER), "--archive", str(archive))
    skipped = archive / "reports" / f"{JULY_NAME}__{NOVEMBER_NAME}.html"
    assert skipped.exists()
    ok("archive", "add", str(OCTOBER), "--archive", str(archive))
    reports = sorted(p.name for p in (archive / "reports").glob("*.html"))
    assert reports == [f"{JULY_NAME}__{OCTOBER_NAME}.html", f"{OCTOBER_NAME}__{NOVEMBER_NAME}.html"]
    manifest = json.loads((archive / "reports" / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest) == [p.removesuffix(".html") for p in reports]
    message = git.Repo(archive).head.commit.message
    assert "no longer consecutive" in message
    # history keeps the report that is gone from the tree
    assert f"{JULY_NAME}__{NOVEMBER_NAME}.html" in git.Repo(archive).git.log("--all", "--name-only", "--format=")
    # the same archive built in date order holds the same files
    other = archive.parent / "in-order"
    ok("archive", "init", str(other))
    ok("archive", "add", str(JULY), str(OCTOBER), str(NOVEMBER), "--archive", str(other))
    assert tree(other) == tree(archive)


# -- update -----------------------------------------------------------------------------------------


def test_update_takes_the_inbox_in_one_commit_and_is_idempotent(archive: Path) -> None:
    box = inbox(archive, JULY, OCTOBER, NOVEMBER)
    output = ok("archive", "update", "--archive", str(archive))
    assert output.strip().splitlines() == [output.strip()]  # no terminal: one summary line
    assert "3 new letter(s), 2 report(s) written, committed" in output
    assert commits(archive)[0] == "Update: 3 letters, 2 reports"
    assert sorted(p.name for p in (box / "archived").iterdir()) == sorted(p.name for p in (JULY, OCTOBER, NOVEMBER))
    assert [p.name for p in box.iterdir()] == ["archived"]
    index = (archive / "index.html").read_text(encoding="utf-8")
    assert index.count("vergelijking</a>") == 2
    assert "informele Raad Justitie en Binnenlandse Zaken, 22 en 23 juli 2025, Kopenhagen" in index
    assert ">27 november 2025</a>" in index
    head = git.Repo(archive).head.commit.hexsha
    again = ok("archive", "update", "--archive", str(archive))
    assert again == f"agendadiff: nothing new in {box}\n"
    assert git.Repo(archive).head.commit.hexsha == head
    inbox(archive, OCTOBER)  # a letter already stored, sent again
    assert "nothing new" in ok("archive", "update", "--archive", str(archive))
    assert git.Repo(archive).head.commit.hexsha == head


def test_an_inbox_elsewhere_in_the_archive_is_no_uncommitted_change(archive: Path) -> None:
    incoming = archive / "binnen"
    incoming.mkdir()
    shutil.copy(JULY, incoming / JULY.name)
    assert "1 new letter(s)" in ok("archive", "update", "--archive", str(archive), "--inbox", str(incoming))


def test_a_corrupted_letter_is_named_and_quarantined_while_the_others_go_in(archive: Path) -> None:
    box = inbox(archive, JULY, OCTOBER)
    (box / "kapot.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    result = CliRunner().invoke(main, ["archive", "update", "--archive", str(archive)])
    assert result.exit_code == 2
    assert "kapot.pdf" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "2 new letter(s)" in result.stdout
    assert (box / "failed" / "kapot.pdf").exists() and (box / "failed" / "kapot.pdf.error.txt").exists()
    assert not (box / "kapot.pdf").exists()
    assert run("archive", "update", "--archive", str(archive)).exit_code == 0  # quarantined: not again


def test_add_names_a_letter_it_cannot_read_and_stores_the_others(archive: Path, tmp_path: Path) -> None:
    missing = tmp_path / "weg.txt"
    result = CliRunner().invoke(main, ["archive", "add", str(JULY), str(missing), "--archive", str(archive)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"agendadiff: {missing}: no such file"
    assert commits(archive)[0].startswith("Add letter 2025-07-10")


def test_a_terminal_gets_a_progress_bar(archive: Path) -> None:
    import pty

    inbox(archive, JULY, OCTOBER)
    controller, terminal = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "agendadiff", "archive", "update", "--archive", str(archive)],
        stderr=terminal,
        stdout=subprocess.PIPE,
        text=True,
        timeout=300,
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert done.returncode == 0 and "2 new letter(s)" in done.stdout
    assert b"agendadiff" in shown and b"2/2" in shown  # the bar, with letters done of total


def test_settings_changes_rebuild_the_reports(archive: Path) -> None:
    inbox(archive, JULY, OCTOBER)
    ok("archive", "update", "--archive", str(archive))
    pairing = "forbid topic:kopgroep-dublin = item:implementatie-asiel-en-migratiepact-kopgroep-dublin\n"
    (archive / "pairings.txt").write_text(pairing, encoding="utf-8")
    settings = archive / "agendadiff.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + 'pairings = "pairings.txt"\n', encoding="utf-8")
    repo = git.Repo(archive)
    repo.index.add(["pairings.txt", "agendadiff.toml"])
    repo.index.commit("Pairings for the Dublin topic")
    assert "1 report(s) written" in ok("archive", "update", "--archive", str(archive))


def test_a_missing_pairings_file_is_one_line_and_leaves_nothing_behind(archive: Path) -> None:
    settings = archive / "agendadiff.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + 'pairings = "pairings.txt"\n', encoding="utf-8")
    repo = git.Repo(archive)
    repo.index.add(["agendadiff.toml"])
    repo.index.commit("Pairings that were never written")
    head = tree(archive)
    box = inbox(archive, JULY, OCTOBER)
    result = run("archive", "update", "--archive", str(archive))
    assert result.exit_code == 2
    assert result.output.strip() == f"agendadiff: {archive / 'pairings.txt'}: no such file"
    assert tree(archive) == head and not repo.is_dirty(untracked_files=True)
    assert sorted(p.name for p in box.iterdir()) == sorted([JULY.name, OCTOBER.name])  # the letters wait


def test_an_english_archive_writes_english_reports_and_index(archive: Path) -> None:
    inbox(archive, JULY, OCTOBER)
    ok("archive", "update", "--archive", str(archive))
    settings = archive / "agendadiff.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + 'lang = "en"\n', encoding="utf-8")
    repo = git.Repo(archive)
    repo.index.add(["agendadiff.toml"])
    repo.index.commit("In English")
    assert "1 report(s) written" in ok("archive", "update", "--archive", str(archive))
    index = (archive / "index.html").read_text(encoding="utf-8")
    assert "annotated agendas" in index and ">27 November 2025<" not in index and ">2 October 2025</a>" in index
    report = (archive / "reports" / f"{JULY_NAME}__{OCTOBER_NAME}.html").read_text(encoding="utf-8")
    assert "Changed cabinet positions" in report
    settings.write_text(settings.read_text(encoding="utf-8").replace('"en"', '"fr"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["archive", "update", "--archive", str(archive)])
    assert result.exit_code == 2 and 'lang must be "nl" or "en"' in result.stderr


# -- refusals and locks -----------------------------------------------------------------------------


def test_uncommitted_changes_and_a_detached_head_are_refused(archive: Path) -> None:
    inbox(archive, JULY, OCTOBER)
    ok("archive", "update", "--archive", str(archive))
    index = archive / "index.html"
    index.write_text("my own notes", encoding="utf-8")
    inbox(archive, NOVEMBER)
    result = CliRunner().invoke(main, ["archive", "update", "--archive", str(archive)])
    assert result.exit_code == 2 and "uncommitted changes (index.html)" in result.stderr
    assert index.read_text(encoding="utf-8") == "my own notes"
    assert (archive / "inbox" / NOVEMBER.name).exists()
    git.Repo(archive).git.checkout("--", "index.html")
    repo = git.Repo(archive)
    repo.git.checkout(repo.head.commit.hexsha)
    result = CliRunner().invoke(main, ["archive", "update", "--archive", str(archive)])
    assert result.exit_code == 2 and "HEAD is detached" in result.stderr


def hold_lock(archive: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process that holds the archive's lock for `seconds`; returns once it holds it."""
    script = (
        "import sys, time; from filelock import FileLock; lock = FileLock(sys.argv[1]); lock.acquire(); "
        "print('held', flush=True); time.sleep(float(sys.argv[2])); lock.release()"
    )
    (archive / ".agendadiff").mkdir(exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(archive / ".agendadiff" / "lock"), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout and holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_run_waits_for_the_lock_or_says_why_it_stops(archive: Path) -> None:
    inbox(archive, JULY)
    holder = hold_lock(archive, 30)
    result = CliRunner().invoke(main, ["archive", "update", "--archive", str(archive)])
    holder.kill()
    holder.wait()
    assert result.exit_code == 2 and "another agendadiff is working on this archive" in result.stderr
    assert len(commits(archive)) == 1 and (archive / "inbox" / JULY.name).exists()
    holder = hold_lock(archive, 1.5)
    started = time.monotonic()
    ok("archive", "update", "--archive", str(archive), "--wait", "30")
    assert time.monotonic() - started >= 1.0
    holder.wait()
    assert len(commits(archive)) == 2


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agendadiff", *args],
        capture_output=True,
        text=True,
        env=os.environ | (env or {}),
        cwd=ROOT,
        timeout=300,
    )


def test_two_updates_at_once_do_the_work_once(archive: Path) -> None:
    inbox(archive, JULY, OCTOBER, NOVEMBER)
    command = [sys.executable, "-m", "agendadiff", "archive", "update", "--archive", str(archive), "--wait", "120"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [r.communicate(timeout=300) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], outputs
    said = sorted(out for out, _ in outputs)
    assert "nothing new" in said[1] and "3 new letter(s)" in said[0]
    assert commits(archive) == ["Update: 3 letters, 2 reports", "Start the JBZ-Raad archive"]
    subprocess.run(["git", "fsck", "--strict"], cwd=archive, check=True, capture_output=True)


# -- kills ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference_tree(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The tree an uninterrupted update leaves: July added, then October and November from the inbox."""
    folder = tmp_path_factory.mktemp("reference") / "archief"
    env = {
        f"GIT_{role}_{part}": value
        for role in ("AUTHOR", "COMMITTER")
        for part, value in (("NAME", "Archivaris"), ("EMAIL", "archief@example.org"))
    }
    assert cli("archive", "init", str(folder), env=env).returncode == 0
    assert cli("archive", "add", str(JULY), "--archive", str(folder), env=env).returncode == 0
    inbox(folder, OCTOBER, NOVEMBER)
    assert cli("archive", "update", "--archive", str(folder), env=env).returncode == 0
    return tree(folder)


@pytest.mark.slow
@pytest.mark.parametrize(
    "point", ["after-reading", "after-journal", "after-letters", "after-reports", "after-index", "after-commit"]
)
def test_a_killed_update_leaves_before_or_after_and_the_next_run_finishes(
    archive: Path, point: str, reference_tree: str
) -> None:
    ok("archive", "add", str(JULY), "--archive", str(archive))
    before = git.Repo(archive).head.commit.hexsha
    box = inbox(archive, OCTOBER, NOVEMBER)
    killed = cli("archive", "update", "--archive", str(archive), env={"AGENDADIFF_KILL_AT": point})
    assert killed.returncode == -9, killed.stderr
    head = git.Repo(archive).head.commit
    if point == "after-commit":
        assert head.parents[0].hexsha == before and head.tree.hexsha == reference_tree
    else:
        assert head.hexsha == before  # nothing committed, nothing half-committed
    subprocess.run(["git", "fsck", "--strict"], cwd=archive, check=True, capture_output=True)
    finished = cli("archive", "update", "--archive", str(archive))
    assert finished.returncode == 0, finished.stderr
    assert tree(archive) == reference_tree
    assert len(commits(archive)) == 3  # init, July, the update: one commit whatever the kill
    assert not git.Repo(archive).is_dirty(untracked_files=True)
    assert [p.name for p in box.iterdir()] == ["archived"]
    assert not (archive / ".agendadiff" / "journal.json").exists()


# -- push -------------------------------------------------------------------------------------------


def test_update_pushes_to_the_configured_remote_and_never_forces(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    git.Repo.init(remote, bare=True, initial_branch="main")
    folder = tmp_path / "archief"
    ok("archive", "init", str(folder), "--remote", "origin")
    repo = git.Repo(folder)
    repo.create_remote("origin", str(remote))
    inbox(folder, JULY, OCTOBER)
    output = ok("archive", "update", "--archive", str(folder), "--push")
    assert output.rstrip().endswith(", pushed")
    assert git.Repo(remote).heads.main.commit.hexsha == repo.head.commit.hexsha
    # someone else pushed meanwhile: the push is refused, the local commit stays, nothing is forced
    other = git.Repo.clone_from(str(remote), tmp_path / "other")
    (Path(other.working_dir) / "NOTE.md").write_text("note", encoding="utf-8")
    other.index.add(["NOTE.md"])
    other.index.commit("A note")
    other.remote("origin").push("main")
    theirs = git.Repo(remote).heads.main.commit.hexsha
    inbox(folder, NOVEMBER)
    result = CliRunner().invoke(main, ["archive", "update", "--archive", str(folder), "--push"])
    assert result.exit_code == 2 and "never forces a push" in result.stderr
    assert git.Repo(remote).heads.main.commit.hexsha == theirs
    assert commits(folder)[0] == "Update: 1 letter, 1 report"


def test_a_push_that_failed_is_made_by_the_next_run(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    git.Repo.init(remote, bare=True, initial_branch="main")
    folder = tmp_path / "archief"
    ok("archive", "init", str(folder), "--remote", "origin")
    git.Repo(folder).create_remote("origin", str(remote))
    away = tmp_path / "away.git"
    remote.rename(away)  # the remote cannot be reached
    inbox(folder, JULY)
    result = CliRunner().invoke(main, ["archive", "update", "--archive", str(folder), "--push"])
    assert result.exit_code == 2 and "push to origin failed" in result.stderr
    assert "the commit is kept" in result.stderr and commits(folder)[0] == "Update: 1 letter, 0 reports"
    away.rename(remote)
    output = ok("archive", "update", "--archive", str(folder), "--push")
    assert output == f"agendadiff: nothing new in {folder / 'inbox'}; pushed earlier commits\n"
    assert git.Repo(remote).heads.main.commit.hexsha == git.Repo(folder).head.commit.hexsha
    assert (
        ok("archive", "update", "--archive", str(folder), "--push")
        == f"agendadiff: nothing new in {folder / 'inbox'}\n"
    )


# -- log and check ----------------------------------------------------------------------------------


def test_log_lists_letters_and_follows_a_topic(archive: Path) -> None:
    inbox(archive, JULY, OCTOBER, NOVEMBER)
    ok("archive", "update", "--archive", str(archive))
    output = ok("archive", "log", "--archive", str(archive), "--topic", "terugkeer")
    lines = output.splitlines()
    assert lines[0].startswith("2025-07-10") and "first letter" in lines[1]
    # the counts the comparison gives: one definition of a position change
    from agendadiff import compare_files

    for old, new in ((JULY, OCTOBER), (OCTOBER, NOVEMBER)):
        assert f"{len(compare_files(old, new).position_changes)} position change(s)" in output
    # A topic id follows the topic's threads through the timeline, whatever their titles.
    assert lines[2] == "    - new: Werksessie II: Stappen naar een effectief terugkeersysteem"
    for old, new, turn in ((JULY, OCTOBER, "changed, retitled"), (OCTOBER, NOVEMBER, "changed")):
        changes = compare_files(old, new).position_changes
        count = len([c for c in changes if c.pair.endswith(">item:terugkeerverordening")])
        plural = "s" if count > 1 else ""
        assert f"    - {turn}: Terugkeerverordening ({count} position change{plural})" in lines
    # Other words are looked for in the titles of each report.
    output = ok("archive", "log", "--archive", str(archive), "--topic", "Terugkeerverordening")
    assert "    - changed: Terugkeerverordening (3 position changes)" in output.splitlines()
    assert "Werksessie II" not in output


def test_an_archive_of_another_series_follows_its_own_topics(archive: Path) -> None:
    """The `topics` setting: an archive of another Council's letters gives its timeline its own topics."""
    own = 'replace = true\n\n[[topic]]\nid = "havens"\nnl = "Havens"\nen = "Ports"\nterms = ["haven*"]\n'
    (archive / "topics.toml").write_text(own, encoding="utf-8")
    settings = archive / "agendadiff.toml"
    settings.write_text('topics = "topics.toml"\n' + settings.read_text(encoding="utf-8"), encoding="utf-8")
    repo = git.Repo(archive)
    repo.index.add(["topics.toml", "agendadiff.toml"])
    repo.index.commit("Our own topics")
    inbox(archive, JULY, OCTOBER)
    ok("archive", "update", "--archive", str(archive))
    data = json.loads((archive / "timeline.json").read_text(encoding="utf-8"))
    assert [t["id"] for t in data["topics"]] == ["havens"]
    assert {x["topic"] for t in data["threads"] for x in t["topics"]} == {"havens"}
    assert "- " in ok("archive", "log", "--archive", str(archive), "--topic", "havens")
    (archive / "topics.toml").write_text("[[topic]]\nid = 1\n", encoding="utf-8")
    repo.index.add(["topics.toml"])
    repo.index.commit("A broken topics file")
    result = run("archive", "update", "--archive", str(archive))
    assert result.exit_code == 2 and "topics.toml" in result.output


def test_the_archive_keeps_a_timeline_of_its_latest_letters(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox(archive, JULY, OCTOBER)
    ok("archive", "update", "--archive", str(archive))
    tracked = git.Repo(archive).git.ls_files().splitlines()
    assert "timeline.html" in tracked and "timeline.json" in tracked
    assert 'href="timeline.html"' in (archive / "index.html").read_text(encoding="utf-8")
    (archive / "timeline.html").unlink()
    result = CliRunner().invoke(main, ["archive", "check", "--archive", str(archive)])
    assert result.exit_code == 2 and "timeline: timeline missing (html)" in result.stdout
    git.Repo(archive).git.checkout("--", "timeline.html")
    data = json.loads((archive / "timeline.json").read_text(encoding="utf-8"))
    assert [letter["date"] for letter in data["letters"]] == ["2025-07-10", "2025-10-02"]
    # A new letter costs one alignment: its report's, which the timeline takes; the others come from the cache.
    import agendadiff.align

    calls = []
    real = agendadiff.align.align

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(agendadiff.align, "align", counted)
    inbox(archive, NOVEMBER)
    ok("archive", "update", "--archive", str(archive))
    assert len(calls) == 1
    thread = next(
        t
        for t in json.loads((archive / "timeline.json").read_text(encoding="utf-8"))["threads"]
        if t["id"] == "terugkeerverordening"
    )
    assert [a["letter"] for a in thread["appearances"]] == ["2025-07-10", "2025-10-02", "2025-11-27"]
    # Each appearance after the first letter links to its topic in the archive's comparison report.
    page = (archive / "timeline.html").read_text(encoding="utf-8")
    link = f"reports/{OCTOBER_NAME}__{NOVEMBER_NAME}.html#t-item-terugkeerverordening"
    assert f'href="{link}"' in page
    assert 'id="t-item-terugkeerverordening"' in (archive / link.split("#")[0]).read_text(encoding="utf-8")
    assert f"reports/__{JULY_NAME}" not in page and "__" + JULY_NAME + ".html" not in page
    # `agendadiff timeline ARCHIVE` follows all its letters.
    everything = json.loads(ok("timeline", str(archive), "--format", "json"))
    assert [letter["date"] for letter in everything["letters"]] == ["2025-07-10", "2025-10-02", "2025-11-27"]
    # The span is a setting; 1 letter is its own timeline, 0 none.
    settings = archive / "agendadiff.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + "timeline = 0\n", encoding="utf-8")
    repo = git.Repo(archive)
    repo.index.add(["agendadiff.toml"])
    repo.index.commit("no timeline")
    shutil.copy(SAMPLES / "jbz-2025-05-28-constructed.txt", archive / "inbox" / "may.txt")
    ok("archive", "update", "--archive", str(archive))
    assert 'href="timeline.html"' not in (archive / "index.html").read_text(encoding="utf-8")
    settings.write_text(settings.read_text(encoding="utf-8").replace("timeline = 0", "timeline = -3"), encoding="utf-8")
    result = CliRunner().invoke(main, ["archive", "log", "--archive", str(archive)])
    assert result.exit_code == 2 and "timeline must be a number of letters" in result.stderr


def test_check_finds_changed_originals_other_readings_and_missing_reports(archive: Path) -> None:
    inbox(archive, JULY, OCTOBER, NOVEMBER)
    ok("archive", "update", "--archive", str(archive))
    assert "3 letter(s) checked, 0 problem(s)" in CliRunner().invoke(
        main, ["archive", "check", "--archive", str(archive)]
    ).stderr + ok("archive", "check", "--archive", str(archive))
    # an older agendadiff read a section differently: simulated by editing what it stored
    stored = archive / "letters" / OCTOBER_NAME / "letter.json"
    data = json.loads(stored.read_text(encoding="utf-8"))
    paragraph = data["sections"][3]["paragraphs"][0]
    paragraph["text"] = paragraph["text"].replace("kabinet", "kabinet zelf", 1)
    stored.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    original = archive / "letters" / NOVEMBER_NAME / "original.txt"
    original.write_bytes(original.read_bytes() + b"\n")
    (archive / "reports" / f"{JULY_NAME}__{OCTOBER_NAME}.json").unlink()
    result = CliRunner().invoke(main, ["archive", "check", "--archive", str(archive)])
    assert result.exit_code == 2
    assert (
        f"{OCTOBER_NAME}: this agendadiff reads these sections differently: {data['sections'][3]['id']}"
        in result.stdout
    )
    assert f"{NOVEMBER_NAME}: the original's sha256 is not the one recorded" in result.stdout
    assert f"{JULY_NAME}__{OCTOBER_NAME}: report missing (json)" in result.stdout
    assert "3 problem(s)" in result.stderr


def test_not_an_archive_is_one_clear_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["archive", "update", "--archive", str(tmp_path)])
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"agendadiff: {tmp_path}: not an agendadiff archive (no agendadiff.toml); make one with `agendadiff archive init`"
    )


def test_check_names_letters_a_changed_reading_would_read_differently(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newer agendadiff whose segmenter reads titles differently: check names every letter it affects."""
    from dataclasses import replace

    import agendadiff.segment
    from agendadiff.archive import open_archive

    inbox(archive, JULY, OCTOBER)
    ok("archive", "update", "--archive", str(archive))
    assert open_archive(archive).check() == []
    original = agendadiff.segment.segment

    def newer(layout: object) -> object:
        letter = original(layout)  # type: ignore[arg-type]
        sections = tuple(replace(s, title=s.title.upper()) if s.kind.value == "item" else s for s in letter.sections)
        return replace(letter, sections=sections)

    monkeypatch.setattr(agendadiff.segment, "segment", newer)
    problems = open_archive(archive).check()
    assert [p.subject for p in problems] == [JULY_NAME, OCTOBER_NAME]
    assert all("reads these sections differently: item:" in p.problem for p in problems)


def test_a_temporary_file_a_killed_write_left_does_not_stop_the_archive(archive: Path) -> None:
    """A kill between writing a temporary file and renaming it left `.agendadiff-*.tmp`: it is agendadiff's own
    to clean, not an uncommitted change that stops every later update."""
    inbox(archive, JULY)
    ok("archive", "update", "--archive", str(archive))
    left = [archive / "reports" / ".agendadiff-x1y2.tmp", archive / "letters" / ".agendadiff-z3.tmp"]
    for path in left:
        path.write_text("half a report", encoding="utf-8")
    inbox(archive, OCTOBER)
    assert "1 new letter(s)" in ok("archive", "update", "--archive", str(archive))
    assert not any(path.exists() for path in left)
    assert not git.Repo(archive).is_dirty(untracked_files=True)


def test_a_link_out_of_the_inbox_is_refused_and_the_letters_beside_it_go_in(archive: Path, tmp_path: Path) -> None:
    """A symlink in the inbox to a file elsewhere (/etc/passwd in the trial) must never be committed, or pushed."""
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    box = inbox(archive, JULY)
    (box / "evil.txt").symlink_to(secret)
    (box / "loop.txt").symlink_to(box / "loop.txt")
    result = run("archive", "update", "--archive", str(archive))
    assert result.exit_code == 2
    assert "evil.txt" in result.output and "leads out of the inbox" in result.output
    repo = git.Repo(archive)
    committed = repo.git.ls_files().splitlines()
    assert any(JULY_NAME in path for path in committed)
    assert not any(
        "root:x:0:0" in (archive / path).read_text(encoding="utf-8", errors="replace")
        for path in committed
        if (archive / path).is_file()
    )
    assert (box / "failed" / "evil.txt").is_symlink() and (box / "failed" / "evil.txt.error.txt").is_file()
    assert (box / "failed" / "loop.txt.error.txt").is_file()


def test_check_waits_for_a_running_update_instead_of_reporting_its_half_work(archive: Path) -> None:
    """While an update holds the lock, check says the archive is busy (exit 2), not that reports are missing."""
    from filelock import FileLock

    inbox(archive, JULY, OCTOBER)
    ok("archive", "update", "--archive", str(archive))
    (archive / "reports" / f"{JULY_NAME}__{OCTOBER_NAME}.txt").unlink()  # as an update rewriting it would
    with FileLock(archive / ".agendadiff" / "lock"):
        busy = run("archive", "check", "--archive", str(archive))
    assert busy.exit_code == 2 and "another agendadiff is working on this archive" in busy.output
    assert "report missing" not in busy.output
    assert "report missing (txt)" in run("archive", "check", "--archive", str(archive)).output


def test_a_file_name_that_is_not_utf8_is_quarantined_and_the_others_go_in(archive: Path) -> None:
    """A name the file system gives as bytes that are no UTF-8 gave a traceback and stopped every update."""
    box = inbox(archive, JULY)
    name = os.fsencode(box) + b"/brief-\xff\xfe.txt"
    with open(name, "wb") as handle:
        handle.write(JULY.read_bytes())
    result = run("archive", "update", "--archive", str(archive))
    assert result.exit_code == 2
    assert "not UTF-8" in result.output and "Traceback" not in result.output
    assert any(JULY_NAME in p for p in git.Repo(archive).git.ls_files().splitlines())
    assert os.path.exists(os.fsencode(box) + b"/failed/brief-\xff\xfe.txt")


def test_an_inbox_entry_that_is_no_letter_file_is_quarantined_with_its_reason(archive: Path, tmp_path: Path) -> None:
    """A folder, a pipe, a file that cannot be read, deeply nested markup and files that read as no letter of
    the series each go to inbox/failed/ with the reason; the letters beside them go in."""
    box = inbox(archive, JULY)
    (box / "notes").mkdir()
    (box / "notes" / "todo.txt").write_text("bellen\n", encoding="utf-8")
    os.mkfifo(box / "pipe.txt")
    depth = 1200
    (box / "nested.xml").write_text(
        '<?xml version="1.0"?><officiele-publicatie><kamerstuk>' + "<al>" * depth + "Den Haag, 10 juli 2025"
        + "</al>" * depth + "</kamerstuk></officiele-publicatie>",
        encoding="utf-8",
    )  # fmt: skip
    (box / "one-line.txt").write_text("Het kabinet steunt het voorstel.\n", encoding="utf-8")
    (box / "english.txt").write_text("The Hague, 10 July 2025\n\nDear Chair,\n\nThe government supports it.\n")
    (box / "memo.txt").write_text("Den Haag, 3 maart 2025\n\nGeachte voorzitter,\n\nEen brief over iets anders.\n")
    (box / "page.html").write_text(
        "<!DOCTYPE html><html><head><title>Nieuws</title></head><body><nav>Home</nav><p>Den Haag, 10 juli 2025: "
        "het laatste nieuws.</p></body></html>",
        encoding="utf-8",
    )
    (box / "broken.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3 this is where the file stops")
    result = run("archive", "update", "--archive", str(archive))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    reasons = {
        p.name.removesuffix(".error.txt"): p.read_text(encoding="utf-8") for p in (box / "failed").glob("*.error.txt")
    }
    assert "is a folder, not a letter" in reasons["notes"]
    assert "is not a regular file" in reasons["pipe.txt"]
    assert "nested deeper than any letter's" in reasons["nested.xml"]
    assert "not a letter of this series (no letter date)" in reasons["one-line.txt"]
    assert "not a letter of this series (no letter date)" in reasons["english.txt"]
    assert "neither a geannoteerde agenda nor a verslag" in reasons["memo.txt"]
    assert set(reasons) == {
        "notes",
        "pipe.txt",
        "nested.xml",
        "one-line.txt",
        "english.txt",
        "memo.txt",
        "page.html",
        "broken.pdf",
    }
    assert [p.name for p in box.iterdir() if p.name not in ("failed", "archived")] == []
    assert any(JULY_NAME in p for p in git.Repo(archive).git.ls_files().splitlines())


def test_an_unreadable_inbox_file_is_quarantined(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    box = inbox(archive, JULY, OCTOBER)
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == OCTOBER.name:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = run("archive", "update", "--archive", str(archive))
    assert result.exit_code == 2 and "cannot be read (PermissionError)" in result.output
    assert (box / "failed" / f"{OCTOBER.name}.error.txt").is_file()


def test_a_file_still_being_copied_waits_for_the_next_run(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A half-copied letter was stored and the full copy became a -2 duplicate: a file changed in the last
    seconds is left for the next run, and said so."""
    monkeypatch.setenv("AGENDADIFF_SETTLE_SECONDS", "30")
    box = inbox(archive, JULY, OCTOBER)
    settled = time.time() - 60
    os.utime(box / JULY.name, (settled, settled))
    result = run("archive", "update", "--archive", str(archive))
    assert result.exit_code == 0, result.output
    assert f"1 file(s) still being written, left for the next run: {OCTOBER.name}" in result.output
    assert (box / OCTOBER.name).exists() and not (box / JULY.name).exists()
    os.utime(box / OCTOBER.name, (settled, settled))
    again = run("archive", "update", "--archive", str(archive))
    assert again.exit_code == 0 and "1 new letter(s)" in again.output


def test_a_stale_git_index_lock_is_cleared_and_the_run_goes_on(archive: Path) -> None:
    """A git killed with an update leaves .git/index.lock, and git refused every later run (the soak found
    it): a lock nobody renews is cleared under the archive's own lock."""
    inbox(archive, JULY)
    lock = archive / ".git" / "index.lock"
    lock.touch()
    old = time.time() - 60
    os.utime(lock, (old, old))
    assert "1 new letter(s)" in ok("archive", "update", "--archive", str(archive))
    assert not lock.exists()


def test_a_git_failure_is_one_line_with_gits_words(archive: Path) -> None:
    inbox(archive, JULY)
    (archive / ".git" / "index").write_bytes(b"DIRC this is no index")
    result = run("archive", "update", "--archive", str(archive))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "git failed: " in result.output and "exit code" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert commits(archive) == ["Start the JBZ-Raad archive"]  # nothing half committed


def test_an_update_runs_git_without_importing_gitpython(archive: Path) -> None:
    """GitPython takes longer to import than an update's git commands take to run: only a push needs it."""
    inbox(archive, JULY)
    script = (
        "import sys; from agendadiff.cli import main\n"
        "try: main(['archive', 'update', '--archive', sys.argv[1]])\n"
        "except SystemExit as end: assert not end.code, end.code\n"
        "print('git' in sys.modules, 'gitdb' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script, str(archive)], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False False", done.stdout + done.stderr
    assert commits(archive)[0] == "Update: 1 letter, 0 reports"


def test_git_is_not_asked_who_commits_when_the_environment_says(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from agendadiff.archive.store import Store

    asked: list[tuple[str, ...]] = []
    real = Store._git

    def recorded(self: Store, *arguments: str, check: bool = True) -> str:
        asked.append(arguments)
        return real(self, *arguments, check=check)

    monkeypatch.setattr(Store, "_git", recorded)
    inbox(archive, JULY)
    ok("archive", "update", "--archive", str(archive))
    assert any("commit" in arguments for arguments in asked)
    assert not any("config" in arguments for arguments in asked)  # GIT_AUTHOR_* and GIT_COMMITTER_* are set


def test_an_update_puts_its_files_on_disk_together_before_its_commit(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One fsync for the journal, then the files the transaction wrote go to disk in one syncfs (Linux), before
    the commit that takes them: not an fsync per file (22 for an update with one new letter)."""
    import agendadiff.files as files
    from agendadiff.archive.store import Store

    events: list[str] = []
    real_fsync, real_syncfs, real_commit = os.fsync, files._syncfs(), Store.commit
    assert real_syncfs is not None  # the test machine is Linux

    def fsync(handle: int) -> None:
        events.append("fsync")
        real_fsync(handle)

    def syncfs(handle: int) -> int:
        events.append("syncfs")
        return real_syncfs(handle)

    def commit(self: Store, *args: Any) -> str:
        events.append("commit")
        return real_commit(self, *args)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(files, "_syncfs", lambda: syncfs)
    monkeypatch.setattr(Store, "commit", commit)
    inbox(archive, JULY, OCTOBER)
    ok("archive", "update", "--archive", str(archive))
    assert events == ["fsync", "syncfs", "commit"]


@pytest.mark.parametrize("syncfs", [None, lambda handle: -1], ids=["no syncfs", "syncfs fails"])
def test_without_syncfs_each_file_written_is_put_on_disk_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, syncfs: Any
) -> None:
    import agendadiff.files as files

    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda handle: (synced.append(handle), real_fsync(handle))[1])
    monkeypatch.setattr(files, "_syncfs", lambda: syncfs)
    files.write_atomically(tmp_path / "alone.txt", "written outside a recording: on disk at once")
    assert len(synced) == 1
    with files.recording(tmp_path / "written.log"):
        for k in range(3):
            files.write_atomically(tmp_path / f"{k}.txt", f"file {k}")
        assert len(synced) == 1  # not yet
        files.sync_written()
        assert len(synced) == 4
        files.sync_written()  # nothing written since
        assert len(synced) == 4
    assert [(tmp_path / f"{k}.txt").read_text() for k in range(3)] == ["file 0", "file 1", "file 2"]


@pytest.mark.parametrize(("methods", "worth_from"), [(["fork", "spawn"], 1), (["spawn"], None)])
def test_one_report_is_made_on_another_core_only_where_workers_fork(
    archive: Path, monkeypatch: pytest.MonkeyPatch, methods: list[str], worth_from: int | None
) -> None:
    """A forked worker starts at once, so even one report is made beside the timeline; a spawned one imports
    everything first, which costs more than the report."""
    import multiprocessing
    from contextlib import contextmanager

    import agendadiff.pipeline as pipeline

    asked: list[int] = []

    @contextmanager
    def no_pool(jobs: int, worth_from: int = pipeline.PARALLEL_FROM) -> Any:
        asked.append(worth_from)
        yield None

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: methods)
    monkeypatch.setattr(pipeline, "worker_pool", no_pool)
    inbox(archive, JULY)
    ok("archive", "update", "--archive", str(archive))
    assert asked == [worth_from or pipeline.PARALLEL_FROM]


def test_an_archive_must_be_a_git_work_tree_of_its_own(archive: Path, tmp_path: Path) -> None:
    """An archive's folder without its .git is refused in one line, also inside another repository (git
    itself would take the repository above it and commit there)."""
    outer = tmp_path / "outer"
    shutil.copytree(archive, outer / "archief", ignore=shutil.ignore_patterns(".git"))
    git.Repo.init(outer)
    for folder in (outer / "archief", tmp_path / "lone"):
        if not folder.exists():
            shutil.copytree(archive, folder, ignore=shutil.ignore_patterns(".git"))
        result = run("archive", "update", "--archive", str(folder))
        assert result.exit_code == 2 and "is not a git repository" in result.output, result.output
        assert len(result.output.strip().splitlines()) == 1
    assert not git.Repo(outer).head.is_valid()  # nothing committed in the repository above


def test_an_update_without_git_on_the_path_says_so(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox(archive, JULY)
    monkeypatch.setenv("PATH", str(archive / "nowhere"))
    result = run("archive", "update", "--archive", str(archive))
    assert result.exit_code == 2 and "cannot run git" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    monkeypatch.undo()
    assert commits(archive) == ["Start the JBZ-Raad archive"]


def test_a_push_to_a_remote_that_never_answers_times_out_and_keeps_the_commit(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = git.Repo(archive)
    repo.create_remote("origin", "ssh://example.invalid/archief.git")
    settings = archive / "agendadiff.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace('# remote = "origin"  # for --push', 'remote = "origin"')
    )
    repo.index.add(["agendadiff.toml"])
    repo.index.commit("remote")
    monkeypatch.setenv("GIT_SSH_COMMAND", "sh -c 'sleep 60'")  # a server that takes the connection and says nothing
    monkeypatch.setenv("AGENDADIFF_PUSH_TIMEOUT", "1")
    inbox(archive, JULY)
    started = time.monotonic()
    result = run("archive", "update", "--archive", str(archive), "--push")
    assert time.monotonic() - started < 30
    assert result.exit_code == 2 and "push to origin failed: no answer within 1 s" in result.output
    assert "the commit is kept and the next --push sends it" in result.output
    assert commits(archive)[0] == "Update: 1 letter, 0 reports"  # committed before the push
    monkeypatch.setenv("GIT_SSH_COMMAND", "false")  # now the remote refuses: git's own words, not an exit code
    refused = run("archive", "update", "--archive", str(archive), "--push")
    assert refused.exit_code == 2 and "fatal: Could not read from remote repository" in refused.output
    assert "exit code" not in refused.output


@pytest.mark.parametrize(("code", "words"), [(28, "No space left on device"), (30, "Read-only file system")])
def test_a_full_disk_or_a_read_only_archive_is_one_line_and_the_next_run_finishes(
    archive: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    from agendadiff.files import write_atomically as real

    inbox(archive, JULY, OCTOBER)

    def fail_on_reports(path: str | Path, data: str | bytes) -> None:
        if "reports" in Path(path).parts:
            raise OSError(code, words, str(path))
        real(path, data)

    monkeypatch.setattr("agendadiff.archive.build.write_atomically", fail_on_reports)
    result = run("archive", "update", "--archive", str(archive))
    assert result.exit_code == 2 and "Traceback" not in result.output and "internal error" not in result.output
    assert f"cannot write {archive / 'reports'}" in result.output and words in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert commits(archive) == ["Start the JBZ-Raad archive"]
    monkeypatch.setattr("agendadiff.archive.build.write_atomically", real)
    assert "2 new letter(s)" in ok("archive", "update", "--archive", str(archive))
    assert ok("archive", "check", "--archive", str(archive)).strip().endswith("0 problem(s)")


def test_a_killed_run_never_takes_a_hand_edit_with_it(archive: Path) -> None:
    """The run after a crash put back every path of the journal, hand edits made in between included; now
    only what the killed run wrote is put back, and an edit someone made stays (and is said)."""
    ok("archive", "add", str(JULY), "--archive", str(archive))
    inbox(archive, OCTOBER)
    killed = cli("archive", "update", "--archive", str(archive), env={"AGENDADIFF_KILL_AT": "after-reports"})
    assert killed.returncode == -9, killed.stderr
    index = archive / "index.html"
    edited = index.read_text(encoding="utf-8").replace("</main>", "<p>Een opmerking van de redactie.</p></main>")
    index.write_text(edited, encoding="utf-8")
    report = next((archive / "reports").glob("*.html"))  # written by the killed run: its own
    refused = cli("archive", "update", "--archive", str(archive))
    assert refused.returncode == 2 and "uncommitted changes (index.html)" in refused.stderr
    assert index.read_text(encoding="utf-8") == edited  # the edit is still there
    assert not report.exists()  # what the killed run wrote was taken back
    git.Repo(archive).git.checkout("--", "index.html")
    assert cli("archive", "update", "--archive", str(archive)).returncode == 0
    assert len(commits(archive)) == 3


def test_report_workers_die_with_a_killed_update_and_leave_the_lock_free(tmp_path: Path) -> None:
    """With filelock 3.13 a SIGKILLed update left its forked report workers running, and they held the lock."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: the reports are made without workers")  # the CI machine has two
    from filelock import FileLock

    folder = tmp_path / "archief"
    ok("archive", "init", str(folder))
    box = folder / "inbox"
    box.mkdir()
    for path in sorted((ROOT / "samples").glob("jbz-*.txt")):  # five letters: four reports, on the workers
        shutil.copy(path, box / path.name)
    killed = cli("archive", "update", "--archive", str(folder), env={"AGENDADIFF_KILL_AT": "during-reports"})
    assert killed.returncode == -9, killed.stderr
    deadline = time.monotonic() + 10
    left = ["?"]
    while time.monotonic() < deadline and left:
        found = subprocess.run(["pgrep", "-f", str(folder)], capture_output=True, text=True).stdout.split()
        left = [pid for pid in found if pid != str(os.getpid())]
        time.sleep(0.2)
    assert left == [], "report workers outlived the update"
    with FileLock(folder / ".agendadiff" / "lock", timeout=5):
        pass
    assert cli("archive", "update", "--archive", str(folder)).returncode == 0


def test_the_timeline_keeps_its_compared_topics_and_a_broken_cache_is_no_harm(archive: Path) -> None:
    inbox(archive, JULY, OCTOBER)
    ok("archive", "update", "--archive", str(archive))
    cache = archive / ".agendadiff" / "position-changes.json"
    assert json.loads(cache.read_text(encoding="utf-8"))["kept"]
    inbox(archive, NOVEMBER)
    cache.write_text("{not json", encoding="utf-8")
    ok("archive", "update", "--archive", str(archive))
    with_broken = (archive / "timeline.json").read_text(encoding="utf-8")
    # the same timeline as one built from nothing
    cache.unlink()
    (archive / "reports" / "manifest.json").write_text("{}\n", encoding="utf-8")
    git.Repo(archive).git.commit("-qam", "forget")
    ok("archive", "update", "--archive", str(archive))
    assert (archive / "timeline.json").read_text(encoding="utf-8") == with_broken
