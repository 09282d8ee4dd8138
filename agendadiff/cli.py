"""The command line: click only. Every command calls the library and prints what it returns."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from agendadiff import __version__
from agendadiff.errors import AgendadiffError

F = TypeVar("F", bound=Callable[..., Any])


def _reported(command: F) -> F:
    """The one error boundary: an AgendadiffError becomes one line on stderr and exit code 2."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except AgendadiffError as error:
            click.echo(f"agendadiff: {error}", err=True)
            raise SystemExit(2) from None

    return run  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="agendadiff")
def main() -> None:
    """Follow how the cabinet's positions change from one geannoteerde agenda to the next."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="The outline for reading, the whole Letter as JSON, or the letter's text as Markdown.",
)
@_reported
def sections(file: str, output_format: str) -> None:
    """Read a letter and show its metadata and sections."""
    from agendadiff import read_letter
    from agendadiff.render import letter_json, letter_markdown, outline_text

    letter = read_letter(file)
    render = {"json": letter_json, "markdown": letter_markdown}.get(output_format, outline_text)
    click.echo(render(letter), nl=False)
    for warning in letter.warnings:
        click.echo(f"agendadiff: {file}: warning: {warning}", err=True)
