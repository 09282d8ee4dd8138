"""The package passes `mypy --strict` and ruff (both configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from mypy import api

from tests.conftest import ROOT


def test_mypy_strict() -> None:
    stdout, stderr, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "agendadiff")])
    assert status == 0, stdout + stderr


def test_ruff() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "agendadiff", "tests", "bench", "samples", "reports"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
