"""The scheduled jobs docs/ offers (GitHub Actions, GitLab CI) are valid YAML, and their commands, run in order
in a clone of an archive against the local replay of the open-data service, fetch, update, commit and push."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import click
import git
import pytest
import yaml

from agendadiff.cli import main
from tests.conftest import ROOT
from tests.odata_replay import serving
from tests.test_fetch import _archive, october_split, scenario_of

WORKFLOWS = ROOT / "docs" / "workflows"
GITHUB = WORKFLOWS / "github-actions.yml"
GITLAB = WORKFLOWS / "gitlab-ci.yml"
# The one step a test cannot take: installing agendadiff from PyPI (the tests use the agendadiff being tested).
INSTALL = "pip install agendadiff"


def github_scripts() -> list[str]:
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True
    triggers = workflow.get("on", workflow.get(True))
    assert len(triggers["schedule"][0]["cron"].split()) == 5 and "workflow_dispatch" in triggers
    assert workflow["permissions"]["contents"] == "write" and workflow["concurrency"]["cancel-in-progress"] is False
    steps = workflow["jobs"]["update"]["steps"]
    uses = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/upload-pages-artifact", "actions/deploy-pages"]
    return [step["run"] for step in steps if "run" in step]


def gitlab_scripts() -> list[str]:
    pipeline = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    return ["\n".join(pipeline["update"]["script"])]


def agendadiff_lines(scripts: list[str]) -> list[list[str]]:
    return [
        shlex.split(line)[1:] for script in scripts for line in script.splitlines() if line.startswith("agendadiff ")
    ]


@pytest.mark.parametrize("scripts", [github_scripts, gitlab_scripts], ids=["github", "gitlab"])
def test_the_workflows_are_valid_and_their_commands_exist(scripts: object) -> None:
    lines = agendadiff_lines(scripts())  # type: ignore[operator]
    assert ["archive", "update", "--fetch", "--push", "--wait", "600"] in lines
    for args in lines:
        context = main.make_context("agendadiff", list(args), resilient_parsing=True)
        command: click.Command = main
        rest = list(args)
        while isinstance(command, click.Group) and rest and rest[0] in command.commands:
            command = command.commands[rest.pop(0)]
        assert isinstance(command, click.Command) and not isinstance(command, click.Group), args
        command.make_context(command.name or "", rest, parent=context)  # unknown options raise here
    documented = (ROOT / "docs" / "archive.md").read_text(encoding="utf-8")
    assert "docs/workflows/github-actions.yml" in documented and "docs/workflows/gitlab-ci.yml" in documented


def _bin_with_agendadiff(tmp_path: Path) -> str:
    """A PATH on which `agendadiff` is the one under test and `pip install agendadiff` is a no-op."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "agendadiff").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m agendadiff "$@"\n', encoding="utf-8")
    (folder / "pip").write_text('#!/bin/sh\n[ "$*" = "install agendadiff" ] || exit 9\n', encoding="utf-8")
    for tool in folder.iterdir():
        tool.chmod(0o755)
    return f"{folder}{os.pathsep}{os.environ['PATH']}"


@pytest.mark.slow
@pytest.mark.parametrize("which", ["github", "gitlab"])
def test_the_workflow_fetches_updates_commits_and_pushes(which: str, tmp_path: Path) -> None:
    with serving(scenario_of(october_split())) as url:
        _run_the_workflow(which, url, tmp_path)


def _run_the_workflow(which: str, url: str, tmp_path: Path) -> None:
    archive = _archive(tmp_path, url)  # an archive with a [fetch] table, as the docs say to make one
    settings = archive / "agendadiff.toml"
    settings.write_text('remote = "origin"\n' + settings.read_text(encoding="utf-8"), encoding="utf-8")  # above [fetch]
    repo = git.Repo(archive)
    repo.index.add(["agendadiff.toml"])
    repo.index.commit("push to origin")
    origin = tmp_path / "origin.git"
    git.Repo.init(origin, bare=True)
    repo.create_remote("origin", str(origin)).push(f"{repo.active_branch.name}:{repo.active_branch.name}")
    branch = repo.active_branch.name
    checkout = tmp_path / "checkout"
    cloned = git.Repo.clone_from(str(origin), checkout, branch=branch)
    if which == "gitlab":
        cloned.git.checkout(cloned.head.commit.hexsha)  # GitLab's runner leaves a detached HEAD
    env = {
        "PATH": _bin_with_agendadiff(tmp_path),
        "HOME": str(tmp_path),
        "AGENDADIFF_SETTLE_SECONDS": "0",
        "AGENDADIFF_REMOTE_URL": str(origin),
        "CI_COMMIT_BRANCH": branch,
        "PYTHONPATH": str(ROOT),
    }
    scripts = github_scripts() if which == "github" else gitlab_scripts()
    assert any(INSTALL in script for script in scripts)
    for script in scripts:
        result = subprocess.run(
            ["bash", "-e", "-c", script], cwd=checkout, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, (script, result.stdout, result.stderr)
    published = git.Repo(origin).commit(branch)
    assert published.hexsha != repo.head.commit.hexsha, "the update was pushed"
    files = set(git.Repo(origin).git.ls_tree("-r", "--name-only", published.hexsha).splitlines())
    assert {"index.html", "feed.xml", "fetch-state.json", "timeline.html"} <= files
    assert len([f for f in files if f.startswith("reports/") and f.endswith(".html")]) == 2
    assert published.author.name == "agendadiff"
