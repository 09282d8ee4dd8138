"""The package passes `mypy --strict` (configured in pyproject.toml)."""

from __future__ import annotations

from mypy import api

from tests.conftest import ROOT


def test_mypy_strict() -> None:
    stdout, stderr, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "agendadiff")])
    assert status == 0, stdout + stderr
