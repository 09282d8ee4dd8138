"""The archive's git store: the only module that runs git. It commits what the other modules wrote,
tells what nobody committed, puts back what a killed run left, and pushes (never forced).

The work tree's commands are git's own, run as a process: GitPython takes longer to import (70 ms) than an
update's git commands take to run. A push goes through GitPython, which reads git's report of each ref.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from agendadiff.archive.layout import CONFIG, ArchiveError, first_line

F = TypeVar("F", bound=Callable[..., Any])
PUSH_TIMEOUT = 120.0  # seconds a push may take (AGENDADIFF_PUSH_TIMEOUT): a remote that never answers holds the lock
PUSH_TIMEOUT_VARIABLE = "AGENDADIFF_PUSH_TIMEOUT"


def git_reason(error: BaseException) -> str:
    """What git itself said, in one line: its fatal: or error: line rather than GitPython's "exit code(128)"."""
    stderr = str(getattr(error, "stderr", "") or "")
    lines = [line.strip().strip("'").strip() for line in stderr.replace("stderr:", "").splitlines()]
    said = [line for line in lines if re.match(r"(?:fatal|error|remote|ssh|hint):", line)] or [x for x in lines if x]
    return re.sub(r"\s+", " ", said[0]) if said else first_line(error)


class GitFailed(Exception):
    """A git command that exited with an error, and what it said."""

    def __init__(self, command: Sequence[str], status: int, stderr: str) -> None:
        super().__init__(f"git {' '.join(command)} exited with {status}")
        self.status = status
        self.stderr = stderr


def _git_errors(method: F) -> F:
    """A git command that fails becomes one line saying what git said and what to do; nothing is committed."""

    @functools.wraps(method)
    def run(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except GitFailed as error:
            reason = git_reason(error)
            hint = ""
            if "index.lock" in reason:
                hint = f"; if no other git works on it, remove {self.root / '.git' / 'index.lock'} and run again"
            raise ArchiveError(f"{self.root}: git failed: {reason}{hint}; nothing was committed") from None

    return run  # type: ignore[return-value]


class Store:
    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def open(cls, root: Path) -> Store:
        """The git repository whose work tree is `root` (not one of the folders above it)."""
        if not (root / ".git").exists():
            raise ArchiveError(f"{root}: {CONFIG} is there but this is not a git repository")
        return cls(root)

    @classmethod
    def create(cls, root: Path) -> Store:
        """The git repository in `root`, made (branch main) when there is none."""
        store = cls(root)
        if not (root / ".git").exists():
            try:
                store._git("init", "-q", "--initial-branch=main")
            except GitFailed as error:
                raise ArchiveError(f"{root}: git init failed: {git_reason(error)}") from None
        return store

    def _git(self, *arguments: str, check: bool = True) -> str:
        """What git prints for `arguments`, run in the work tree (its last line end taken off); GitFailed
        when it exits with an error and `check`. Its messages in English, as git_reason reads them."""
        try:
            done = subprocess.run(
                ["git", *arguments],
                cwd=self.root,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                encoding="utf-8",
                errors="surrogateescape",
                env={**os.environ, "LANGUAGE": "C", "LC_ALL": "C"},
            )
        except OSError as error:  # no git on this machine's PATH
            raise ArchiveError(f"{self.root}: cannot run git ({error.strerror or error})") from None
        if check and done.returncode:
            raise GitFailed(arguments, done.returncode, done.stderr)
        return done.stdout.removesuffix("\n")

    def clear_stale_index_lock(self, grace: float = 2.0) -> bool:
        """Remove .git/index.lock when no git is using it: it is left when a git command is killed (with the
        agendadiff run that started it), and git refuses to work while it is there. Called under the
        archive's lock, so no agendadiff git runs now; a git someone else runs holds it only for moments,
        so one that stays `grace` seconds without changing is stale. Whether it was removed."""
        import time

        lock = self.root / ".git" / "index.lock"
        while True:
            try:
                age = time.time() - lock.stat().st_mtime
            except FileNotFoundError:
                return False
            if age >= grace:
                lock.unlink(missing_ok=True)
                return True
            time.sleep(0.1)

    def head_detached(self) -> bool:
        try:
            self._git("symbolic-ref", "-q", "HEAD")
        except GitFailed as error:
            if error.status == 1:  # HEAD names a commit, not a branch
                return True
            raise ArchiveError(f"{self.root}: git failed: {git_reason(error)}") from None
        return False

    @_git_errors
    def changes(self, leave_out: Sequence[str]) -> list[str]:
        """Paths in the work tree that differ from HEAD (untracked ones too), but for `leave_out` pathspecs."""
        status = self._git("status", "--porcelain", "--untracked-files=all", "--", ".", *leave_out)
        return [line[3:] for line in status.splitlines() if line.strip()]

    @_git_errors
    def restore(self, paths: Sequence[str], keep: Sequence[str] = ()) -> None:
        """`paths` as HEAD has them: unstaged, tracked files checked out, new files removed; but the files in
        `keep` (relative paths: changes someone else made) are left as they are."""
        if not paths:
            return
        self._git("reset", "-q", "HEAD", "--", *paths)
        kept = set(keep)
        entries = [(path, tracked) for path, tracked in self.changed_files(paths) if path not in kept]
        tracked = [path for path, is_tracked in entries if is_tracked]
        if tracked:
            self._git("checkout", "HEAD", "--", *tracked)
        for path, is_tracked in entries:
            if not is_tracked:
                (self.root / path).unlink(missing_ok=True)
        for path in paths:  # the folders a killed run made, now empty
            folder = self.root / path
            if folder.is_dir():
                for below, _, _ in sorted(os.walk(folder, topdown=False), key=lambda w: -len(w[0])):
                    if not os.listdir(below):
                        os.rmdir(below)

    @_git_errors
    def changed_files(self, paths: Sequence[str]) -> list[tuple[str, bool]]:
        """The files under `paths` that differ from HEAD, or that git does not track: (relative path, tracked)."""
        status = self._git("status", "--porcelain", "-z", "--untracked-files=all", "--", *paths)
        entries = [entry for entry in status.split("\0") if entry]
        found = []
        skip = False
        for entry in entries:
            if skip:  # the old name of a rename
                skip = False
                continue
            code, path = entry[:2], entry[3:]
            skip = code[0] in "RC"
            found.append((path, code != "??"))
        return found

    @_git_errors
    def commit(self, paths: Sequence[str], message: str) -> str:
        """Stage everything under `paths` (new, changed and deleted files) and commit it; the commit's id."""
        self._git("add", "--all", "--", *paths)
        # git's own commit: GitPython's index.commit costs 50-60 ms more, reading and writing the index in
        # Python. As index.commit did: the message verbatim, unsigned, a commit even when nothing changed,
        # and someone to commit as on a machine nobody told who that is.
        options = ["-c", "commit.gpgSign=false", *self._identity()]
        self._git(*options, "commit", "-q", "--allow-empty", "--cleanup=verbatim", "-m", message)
        return self._git("rev-parse", "HEAD")

    def _identity(self) -> list[str]:
        """Options naming who commits when neither the environment nor git's configuration does: the user at
        this machine, as GitPython did, so a scheduled job on a fresh machine still commits."""
        keys = [
            key
            for key in ("name", "email")
            if not all(os.environ.get(f"GIT_{role}_{key.upper()}") for role in ("AUTHOR", "COMMITTER"))
        ]
        if not keys:  # the environment says who commits: no need to ask git
            return []
        import getpass
        import socket

        # git's own reading of its configuration (GitPython's reader does not see GIT_CONFIG_GLOBAL)
        found = self._git("config", "--get-regexp", r"^user\.(name|email)$", check=False)
        configured = {line.split(" ", 1)[0].removeprefix("user.") for line in found.splitlines()}
        user = getpass.getuser()
        fallbacks = {"name": user, "email": f"{user}@{socket.gethostname()}"}
        return [option for key in keys if key not in configured for option in ("-c", f"user.{key}={fallbacks[key]}")]

    def push(self, remote_name: str, kept: bool) -> bool:
        """Push the branch to `remote_name`, never forced; whether anything went. `kept`: a commit was just
        made, which a failed push leaves in place."""
        import git

        after = "; the commit is kept and the next --push sends it" if kept else ""
        limit = float(os.environ.get(PUSH_TIMEOUT_VARIABLE) or PUSH_TIMEOUT)
        try:
            repo = git.Repo(self.root)
            remote = repo.remote(remote_name)
            branch = repo.active_branch.name
            refspec = f"refs/heads/{branch}:refs/heads/{branch}"  # never forced
            results = remote.push(refspec, kill_after_timeout=limit)
        except ValueError as error:
            raise ArchiveError(f"{self.root}: push to {remote_name} failed: {first_line(error)}{after}") from None
        except git.GitCommandError as error:
            reason = git_reason(error)
            if error.status in (-9, 9, -15, 15) or "timeout" in str(error).lower():
                reason = f"no answer within {limit:g} s"
            raise ArchiveError(f"{self.root}: push to {remote_name} failed: {reason}{after}") from None
        if not results:  # killed after the timeout before git said anything
            raise ArchiveError(f"{self.root}: push to {remote_name} failed: no answer within {limit:g} s{after}")
        if any(r.flags & r.ERROR for r in results):
            raise ArchiveError(
                f"{self.root}: push to {remote_name} refused ({results[0].summary.strip()}); "
                f"pull and merge first, agendadiff never forces a push{after}"
            )
        return any(not r.flags & r.UP_TO_DATE for r in results)
