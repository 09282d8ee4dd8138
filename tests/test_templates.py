"""The templates' bytecode cache (render/common.py): a report loads a template compiled before, compiles an
edited one again, and renders as well without any cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

from agendadiff.render import common

PAIR = ("samples/jbz-2025-10-02-constructed.txt", "samples/jbz-2025-11-27-constructed.txt")


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A process's first report, with the cache in `tmp_path`; the usual environment afterwards."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    common.environment.cache_clear()
    common.template.cache_clear()
    yield tmp_path
    monkeypatch.undo()
    common.environment.cache_clear()
    common.template.cache_clear()


def _report() -> str:
    from agendadiff import compare_files
    from agendadiff.render.comparison import comparison_html

    root = Path(__file__).resolve().parent.parent
    return comparison_html(compare_files(root / PAIR[0], root / PAIR[1]))


def test_a_template_compiled_once_is_loaded_from_the_cache_by_the_next_process(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _report()
    cached = list(fresh.glob("agendadiff/templates-*/*.cache"))
    assert cached, "no compiled template was kept"
    # the next process (a new environment) takes it from the cache: compiling would fail now
    common.environment.cache_clear()
    common.template.cache_clear()
    monkeypatch.setattr(jinja2.Environment, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert _report() == first


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.j2").write_text("one {{ x }}", encoding="utf-8")

    def rendered() -> str:
        cache = common.bytecode_cache(tmp_path / "cache")
        environment = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), bytecode_cache=cache)
        return environment.get_template("page.j2").render(x=1)

    assert rendered() == "one 1" and list((tmp_path / "cache").iterdir())
    (folder / "page.j2").write_text("two {{ x }}", encoding="utf-8")
    assert rendered() == "two 1"


def test_a_report_renders_without_a_cache_folder(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = fresh / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # the folder cannot be made
    assert common.environment().bytecode_cache is None
    assert _report().startswith("<!DOCTYPE html>")


def test_a_report_renders_when_the_cache_cannot_be_written(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refused(*args: object, **kwargs: object) -> object:
        raise OSError("read-only")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refused)  # what jinja2 writes a cache file with
    assert _report().startswith("<!DOCTYPE html>")
    assert not list(fresh.glob("agendadiff/templates-*/*.cache"))


def test_without_a_home_there_is_no_cache_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", "")
    monkeypatch.setattr("os.path.expanduser", lambda path: path)  # "~" stays "~": no home
    assert common._cache_folder() is None
