"""Debian's Chromium for Playwright: where it is and how it is started here (used by the browser tests, the
screenshots and the benchmark)."""

from __future__ import annotations

import shutil

# Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Chromium is not installed: run scripts/install-chromium.sh (Debian's chromium package)")
    return path
