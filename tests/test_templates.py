"""The templates' compiled modules (agendadiff/render/precompiled.py): current, used, and never stale."""

from __future__ import annotations

import pytest

from agendadiff.render import precompiled
from agendadiff.render.common import environment, template

NAMES = sorted(path.name for path in precompiled.TEMPLATES.glob("*.j2"))


@pytest.mark.parametrize("name", NAMES)
def test_each_template_has_its_compiled_module_up_to_date(name: str) -> None:
    path = precompiled.COMPILED / f"{precompiled.module_name(name)}.py"
    source = (precompiled.TEMPLATES / name).read_text("utf-8")
    assert path.exists(), f"run: python -m agendadiff.render.precompiled ({name} has no compiled module)"
    assert path.read_text("utf-8") == precompiled.compiled_source(environment(), name, source), (
        f"run: python -m agendadiff.render.precompiled ({name} changed since it was compiled)"
    )


@pytest.mark.parametrize("name", NAMES)
def test_a_report_renders_with_the_compiled_module(name: str) -> None:
    assert (template(name).filename or "").endswith(f"compiled/{precompiled.module_name(name)}.py")


def test_a_template_edited_since_it_was_compiled_is_compiled_from_its_source() -> None:
    source = (precompiled.TEMPLATES / "compare.html.j2").read_text("utf-8")
    assert precompiled.load(environment(), "compare.html.j2", source) is not None
    assert precompiled.load(environment(), "compare.html.j2", source + "<!-- edited -->") is None
    assert precompiled.load(environment(), "no-such.html.j2", source) is None


def test_a_module_compiled_by_another_jinja2_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    import jinja2

    source = (precompiled.TEMPLATES / "timeline.html.j2").read_text("utf-8")
    monkeypatch.setattr(jinja2, "__version__", "0.0.1")
    assert precompiled.load(environment(), "timeline.html.j2", source) is None
