"""The archive's git store: the only module that imports git. It commits what the other modules wrote,
tells what nobody committed, puts back what a killed run left, and pushes (never forced)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from agendadiff.archive.layout import CONFIG, ArchiveError, first_line


class Store:
    def __init__(self, root: Path, repo: Any) -> None:
        self.root = root
        self.repo = repo

    @classmethod
    def open(cls, root: Path) -> Store:
        import git

        try:
            return cls(root, git.Repo(root))
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise ArchiveError(f"{root}: {CONFIG} is there but this is not a git repository") from None

    @classmethod
    def create(cls, root: Path) -> Store:
        """The git repository in `root`, made (branch main) when there is none."""
        import git

        try:
            return cls(root, git.Repo(root))
        except git.InvalidGitRepositoryError:
            return cls(root, git.Repo.init(root, initial_branch="main"))

    def head_detached(self) -> bool:
        return bool(self.repo.head.is_detached)

    def changes(self, leave_out: Sequence[str]) -> list[str]:
        """Paths in the work tree that differ from HEAD (untracked ones too), but for `leave_out` pathspecs."""
        status = self.repo.git.status("--porcelain", "--untracked-files=all", "--", ".", *leave_out)
        return [line[3:] for line in status.splitlines() if line.strip()]

    def restore(self, paths: Sequence[str]) -> None:
        """`paths` as HEAD has them: unstaged, tracked files checked out, new files removed."""
        if not paths:
            return
        self.repo.git.reset("-q", "HEAD", "--", *paths)
        in_head = {p for p in paths if self.repo.git.ls_tree("-r", "--name-only", "HEAD", "--", p)}
        if in_head:
            self.repo.git.checkout("HEAD", "--", *sorted(in_head))
        self.repo.git.clean("-f", "-d", "-q", "--", *paths)

    def commit(self, paths: Sequence[str], message: str) -> str:
        """Stage everything under `paths` (new, changed and deleted files) and commit it; the commit's id."""
        self.repo.git.add("--all", "--", *paths)
        return str(self.repo.index.commit(message).hexsha)

    def push(self, remote_name: str, kept: bool) -> bool:
        """Push the branch to `remote_name`, never forced; whether anything went. `kept`: a commit was just
        made, which a failed push leaves in place."""
        import git

        after = "; the commit is kept and the next --push sends it" if kept else ""
        try:
            remote = self.repo.remote(remote_name)
            branch = self.repo.active_branch.name
            results = remote.push(f"refs/heads/{branch}:refs/heads/{branch}")  # never forced
        except (ValueError, git.GitCommandError) as error:
            raise ArchiveError(f"{self.root}: push to {remote_name} failed: {first_line(error)}{after}") from None
        if any(r.flags & r.ERROR for r in results):
            raise ArchiveError(
                f"{self.root}: push to {remote_name} refused ({results[0].summary.strip()}); "
                f"pull and merge first, agendadiff never forces a push{after}"
            )
        return any(not r.flags & r.UP_TO_DATE for r in results)
