"""Render: show what the model holds, in every output format. Nothing here does a stage's work: render
imports only the model, lang, the templates and the version.

`OUTPUTS` is the one registry of output formats: for each kind of thing shown (a letter, a comparison, a
timeline) and each format, the function that writes it and which of the `Options` it takes. The CLI and
the archive read it; a new format is one function in its module and one line here.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any


@dataclass(frozen=True)
class Options:
    lang: str = "nl"  # the language of the HTML's labels
    colour: bool = False  # terminal colours in text
    sources: tuple[str, str] | None = None  # links from a comparison page to its two letters
    history: bool = False  # a timeline's sentence history, in text
    topic: str | None = None  # the topic a timeline was narrowed to, for its heading
    links_from: str = ""  # the folder a page is written to, relative to the letters' paths (links to letters)
    made: str | None = None  # when the page was made, for its footer (the archive leaves it out: its git log says)


@dataclass(frozen=True)
class Output:
    module: str  # under agendadiff.render, imported only when the format is asked for
    function: str
    options: tuple[str, ...] = ()  # the Options it is called with, by name


OUTPUTS: dict[str, dict[str, Output]] = {
    "letter": {
        "text": Output("letter", "outline_text"),
        "json": Output("letter", "letter_json"),
        "markdown": Output("letter", "letter_markdown"),
    },
    "comparison": {
        "text": Output("comparison", "comparison_text", ("colour", "lang")),
        "json": Output("comparison", "comparison_json"),
        "html": Output("comparison", "comparison_html", ("lang", "sources", "made")),
    },
    "timeline": {
        "text": Output("timeline", "timeline_text", ("history", "lang")),
        "json": Output("timeline", "timeline_json"),
        "html": Output("timeline", "timeline_html", ("lang", "topic")),
    },
    "outcome": {
        "text": Output("followthrough", "outcome_text", ("lang",)),
        "json": Output("followthrough", "outcome_json"),
        "html": Output("followthrough", "outcome_html", ("lang",)),
    },
    "register": {
        "text": Output("followthrough", "register_text", ("lang",)),
        "json": Output("followthrough", "register_json"),
        "html": Output("followthrough", "register_html", ("lang", "links_from")),
    },
    "log": {
        "text": Output("log", "log_text"),
        "json": Output("log", "log_json"),
    },
}


def formats(kind: str) -> tuple[str, ...]:
    return tuple(OUTPUTS[kind])


def render(kind: str, output_format: str, thing: Any, options: Options = Options()) -> str:
    """`thing` (a Letter, Comparison, Timeline, Outcome, Register or an archive's log entries) written in `output_format`."""
    output = OUTPUTS[kind][output_format]
    function = getattr(import_module(f"agendadiff.render.{output.module}"), output.function)
    return str(function(thing, **{name: getattr(options, name) for name in output.options}))
