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


def _format_in(command: F) -> F:
    """The --format-in option both commands take."""
    return click.option(
        "--format-in",
        type=click.Choice(["text", "xml", "html", "pdf", "docx"]),
        help="Read the letters as this format instead of the one their content shows.",
    )(command)


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
@_format_in
@_reported
def sections(file: str, output_format: str, format_in: str | None) -> None:
    """Read a letter and show its metadata and sections."""
    from agendadiff import read_letter
    from agendadiff.render import letter_json, letter_markdown, outline_text

    letter = read_letter(file, format_in)
    render = {"json": letter_json, "markdown": letter_markdown}.get(output_format, outline_text)
    click.echo(render(letter), nl=False)
    for warning in letter.warnings:
        click.echo(f"agendadiff: {file}: warning: {warning}", err=True)


@main.command()
@click.argument("old", type=click.Path(dir_okay=True, path_type=str))
@click.argument("new", type=click.Path(dir_okay=True, path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str), help="Write the report here.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "html"]),
    help="Report format; by default taken from the -o file's extension, else text.",
)
@click.option("--pin", multiple=True, metavar="OLD=NEW", help="Pair these two sections (ids or title words).")
@click.option("--forbid", multiple=True, metavar="OLD=NEW", help="Never pair these two sections.")
@click.option(
    "--pairings",
    type=click.Path(dir_okay=False, path_type=str),
    help="A file of 'pin OLD = NEW' and 'forbid OLD = NEW' lines.",
)
@click.option(
    "--color/--no-color", default=None, help="Colour the text report (default: on a terminal, unless NO_COLOR)."
)
@click.option("--exit-code", is_flag=True, help="Exit with 1 when something changed, 0 when nothing did.")
@click.option(
    "--lexicon",
    type=click.Path(dir_okay=False, path_type=str),
    help="A positions lexicon (TOML) to use instead of the shipped one.",
)
@click.option(
    "--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language of the HTML report."
)
@_format_in
@_reported
def compare(
    old: str,
    new: str,
    output: str | None,
    output_format: str | None,
    pin: tuple[str, ...],
    forbid: tuple[str, ...],
    pairings: str | None,
    color: bool | None,
    exit_code: bool,
    lexicon: str | None,
    lang: str,
    format_in: str | None,
) -> None:
    """Compare two letters topic by topic and show what changed."""
    import os
    import sys

    from agendadiff import compare_letters, read_letter
    from agendadiff.align import Pairing, parse_pair
    from agendadiff.report import comparison_html, comparison_json, comparison_text

    pairing = _pairing_file(pairings) if pairings else Pairing()
    pairing = Pairing(
        pairing.pin + tuple(parse_pair(p) for p in pin), pairing.forbid + tuple(parse_pair(f) for f in forbid)
    )
    if output_format is None:
        suffix = os.path.splitext(output or "")[1].lower()
        output_format = {".html": "html", ".htm": "html", ".json": "json"}.get(suffix, "text")
    from pathlib import Path

    from agendadiff.positions import load_lexicon

    positions = load_lexicon(Path(lexicon)) if lexicon else None
    comparison = compare_letters(read_letter(old, format_in), read_letter(new, format_in), pairing, positions)
    if output_format == "html":
        # the page links to the letters by paths relative to where it is written
        here = os.path.dirname(os.path.abspath(output)) if output else os.getcwd()
        sources = (os.path.relpath(os.path.abspath(old), here), os.path.relpath(os.path.abspath(new), here))
        report = comparison_html(comparison, lang, tuple(p.replace(os.sep, "/") for p in sources))  # type: ignore[arg-type]
    elif output_format == "json":
        report = comparison_json(comparison)
    else:
        if color is None:
            color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        report = comparison_text(comparison, colour=color)
    if output:
        _write_atomically(output, report)
    else:
        click.echo(report, nl=False, color=bool(color) if output_format == "text" else None)
    for letter, path in ((comparison.old, old), (comparison.new, new)):
        for warning in letter.warnings:
            click.echo(f"agendadiff: {path}: warning: {warning}", err=True)
    if exit_code and comparison.changed:
        raise SystemExit(1)


def _pairing_file(path: str) -> Any:
    from agendadiff.align import parse_pairings
    from agendadiff.errors import UNREADABLE, InputError

    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, UNREADABLE.format(reason=error.__class__.__name__)) from None
    return parse_pairings(text, path)


def _write_atomically(path: str, text: str) -> None:
    """Write next to the target, then rename: a reader never sees half a report."""
    import os
    import tempfile

    from agendadiff.errors import InputError

    folder = os.path.dirname(os.path.abspath(path))
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".agendadiff-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as open() would have made it, not mkstemp's owner-only mode
        os.replace(temporary, path)
    except OSError as error:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
        raise InputError(path, f"cannot write the report ({error.strerror or error.__class__.__name__})") from None
