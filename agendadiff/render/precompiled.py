"""The templates compiled to Python ahead of time, so that a report does not compile its template first.

Jinja2 compiles a template into Python source and runs it. That takes a report 40-80 ms on every run, more
than the rest of rendering; the compiled source, kept as a module of agendadiff.templates.compiled, is
imported like any module (from its cached bytecode) in 1-2 ms. Each module names the template's sha256
and the jinja2 it was compiled by; when either differs (a template edited, another jinja2), the template
is compiled from its source as before, so an edit is never rendered stale.

    python -m agendadiff.render.precompiled      # after editing a template; a test checks it was done
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment, Template

TEMPLATES = Path(__file__).parent.parent / "templates"
COMPILED = TEMPLATES / "compiled"
HEADER = "# Compiled from templates/{name} by `python -m agendadiff.render.precompiled`; do not edit.\n"


def module_name(template_name: str) -> str:
    """compare.html.j2 -> compare_html"""
    return template_name.removesuffix(".j2").replace(".", "_").replace("-", "_")


def compiled_source(environment: Environment, name: str, source: str) -> str:
    """The module for template `name`: jinja2's compiled code, with what it was compiled from."""
    import jinja2

    code = environment.compile(source, name, name, raw=True, defer_init=True)
    return (
        HEADER.format(name=name)
        + f"SOURCE_SHA256 = {_digest(source)!r}\nJINJA2 = {jinja2.__version__!r}\n"
        + code
        + "\n"
    )


def load(environment: Environment, name: str, source: str) -> Template | None:
    """Template `name` from its compiled module, or None when there is none for this very source."""
    import jinja2

    try:
        module = importlib.import_module(f"agendadiff.templates.compiled.{module_name(name)}")
    except ImportError:
        return None
    made_from = getattr(module, "SOURCE_SHA256", None), getattr(module, "JINJA2", None)
    if made_from != (_digest(source), jinja2.__version__):
        return None
    return environment.template_class.from_module_dict(environment, module.__dict__, environment.make_globals(None))


def write_all() -> list[Path]:
    """Compile every template into COMPILED; the files written."""
    from agendadiff.render.common import environment

    written = []
    for template in sorted(TEMPLATES.glob("*.j2")):
        path = COMPILED / f"{module_name(template.name)}.py"
        path.write_text(compiled_source(environment(), template.name, template.read_text("utf-8")), "utf-8")
        written.append(path)
    return written


def _digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


if __name__ == "__main__":
    for written in write_all():
        print(written.relative_to(TEMPLATES.parent.parent))
