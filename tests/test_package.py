"""The package as a user installs it: the sdist holds what the wheel needs, the wheel holds the templates, data
files and schemas, and the wheel installed into a fresh virtual environment compares the samples."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from agendadiff._version import __version__
from tests.conftest import ROOT


@pytest.mark.slow
def test_the_wheel_built_from_the_sdist_runs_in_a_fresh_venv(tmp_path: Path) -> None:
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    source = tmp_path / "source"
    for name in tracked:
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    dist = tmp_path / "dist"
    # --no-isolation: build with the setuptools already installed, so that no test needs the network
    built = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(source)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    wheel = dist / f"agendadiff-{__version__}-py3-none-any.whl"
    assert wheel.is_file() and (dist / f"agendadiff-{__version__}.tar.gz").is_file()
    names = set(zipfile.ZipFile(wheel).namelist())
    patterns = ("templates/*", "data/*.toml", "data/schemas/*.json")
    shipped = {path.relative_to(ROOT).as_posix() for pattern in patterns
               for path in (ROOT / "agendadiff").glob(pattern) if path.is_file()}  # fmt: skip
    assert shipped and shipped <= names, shipped - names
    assert not any(name.startswith(("tests/", "samples/", "bench/")) for name in names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-index", "--no-deps", str(wheel)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    # The dependencies come from the test environment's site-packages, added as a plain folder: its .pth files
    # (the editable install of this checkout among them) are not run, so agendadiff is the installed wheel.
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    (Path(site) / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "samples", elsewhere / "samples")
    where = subprocess.run([str(python), "-c", "import agendadiff; print(agendadiff.__file__)"], cwd=elsewhere,
                           capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert where.startswith(str(venv)), where
    run = subprocess.run(
        [str(venv / "bin" / "agendadiff"), "compare", "samples/jbz-2025-07-10.txt", "samples/jbz-2025-10-02-constructed.txt",
         "-o", "report.html"],
        cwd=elsewhere, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    report = (elsewhere / "report.html").read_text(encoding="utf-8")
    assert report.startswith("<!DOCTYPE html>") and "Terugkeer" in report
    schema = subprocess.run([str(venv / "bin" / "agendadiff"), "schema", "timeline"], capture_output=True, text=True)
    assert schema.returncode == 0 and '"timeline.schema.json"' not in schema.stdout and "$defs" in schema.stdout
    # the installed package keeps its compiled templates in the user's cache folder
    cache = tmp_path / "cache"
    again = subprocess.run(
        [str(venv / "bin" / "agendadiff"), "compare", "samples/jbz-2025-07-10.txt", "samples/jbz-2025-10-02-constructed.txt",
         "-o", "again.html"],
        cwd=elsewhere, capture_output=True, text=True, timeout=120, env=os.environ | {"XDG_CACHE_HOME": str(cache)},
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert list(cache.glob("agendadiff/templates-*/*.cache"))
    assert (elsewhere / "again.html").read_text(encoding="utf-8") == report
