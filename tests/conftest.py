from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Files the tests put in an inbox are complete at once: no waiting for a copy to settle (a test of it sets its own).
os.environ["AGENDADIFF_SETTLE_SECONDS"] = "0"
# The templates' bytecode cache (render/common.py) in a folder of the test run's, for it and every command it runs.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="agendadiff-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "jbz-2025-07-10.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium (Debian's, from scripts/install-chromium.sh), driven by Playwright, for a module's tests."""
    from playwright.sync_api import sync_playwright

    from tests.chromium import FLAGS, chromium_path

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=FLAGS)
        yield launched
        launched.close()
