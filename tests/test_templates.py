"""The templates' compiled modules (agendadiff/render/precompiled.py): current, used, and never stale."""

from __future__ import annotations

import importlib

import jinja2
import pytest

from agendadiff.render import precompiled
from agendadiff.render.common import environment, template

NAMES = sorted(path.name for path in precompiled.TEMPLATES.glob("*.j2"))


def _module(name: str) -> object:
    return importlib.import_module(f"agendadiff.templates.compiled.{precompiled.module_name(name)}")


@pytest.mark.parametrize("name", NAMES)
def test_each_template_was_compiled_after_its_last_edit(name: str) -> None:
    source = (precompiled.TEMPLATES / name).read_text("utf-8")
    assert getattr(_module(name), "SOURCE_SHA256", None) == precompiled._digest(source), (
        f"run: python -m agendadiff.render.precompiled ({name} changed since it was compiled)"
    )


@pytest.mark.parametrize("name", NAMES)
def test_each_compiled_module_is_what_this_jinja2_makes_of_its_template_or_is_left_unused(name: str) -> None:
    """With the jinja2 that compiled them, the modules are exactly its output and the reports use them; with
    another (a newer release installed), they are left alone and the templates are compiled as before."""
    source = (precompiled.TEMPLATES / name).read_text("utf-8")
    path = precompiled.COMPILED / f"{precompiled.module_name(name)}.py"
    compiled_here = getattr(_module(name), "JINJA2", None) == jinja2.__version__
    if compiled_here:
        assert path.read_text("utf-8") == precompiled.compiled_source(environment(), name, source)
        assert (template(name).filename or "").endswith(f"compiled/{precompiled.module_name(name)}.py")
    else:
        assert precompiled.load(environment(), name, source) is None
        assert template(name).filename == "<template>"


def test_a_template_edited_since_it_was_compiled_is_compiled_from_its_source() -> None:
    source = (precompiled.TEMPLATES / "compare.html.j2").read_text("utf-8")
    if getattr(_module("compare.html.j2"), "JINJA2", None) == jinja2.__version__:
        assert precompiled.load(environment(), "compare.html.j2", source) is not None
    assert precompiled.load(environment(), "compare.html.j2", source + "<!-- edited -->") is None
    assert precompiled.load(environment(), "no-such.html.j2", source) is None


def test_a_module_compiled_by_another_jinja2_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    source = (precompiled.TEMPLATES / "timeline.html.j2").read_text("utf-8")
    monkeypatch.setattr(jinja2, "__version__", "0.0.1")
    assert precompiled.load(environment(), "timeline.html.j2", source) is None
