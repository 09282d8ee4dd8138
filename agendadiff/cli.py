"""The command line: click only. Every command calls the library and prints what it returns."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from agendadiff._version import __version__
from agendadiff.errors import AgendadiffError
from agendadiff.render import formats

F = TypeVar("F", bound=Callable[..., Any])


EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED = 2, 3, 130
DEBUG_VARIABLE = "AGENDADIFF_DEBUG"


def _reported(command: F) -> F:
    """The one error boundary: an AgendadiffError becomes one line on stderr and exit code 2; anything else
    unexpected one line and exit 3 (never 1, which --exit-code gives to differences), Ctrl-C exit 130.
    With --debug or AGENDADIFF_DEBUG=1 an unexpected error shows its traceback."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except AgendadiffError as error:
            click.echo(f"agendadiff: {error}", err=True)
            raise SystemExit(EXIT_BAD_INPUT) from None
        except KeyboardInterrupt:
            click.echo("agendadiff: interrupted", err=True)
            raise SystemExit(EXIT_INTERRUPTED) from None
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as error:
            if _debugging():
                raise
            reason = str(error).splitlines()[0][:200] if str(error) else ""
            click.echo(
                f"agendadiff: internal error ({type(error).__name__}{': ' + reason if reason else ''}); "
                f"run again with --debug for the traceback, and please report it",
                err=True,
            )
            raise SystemExit(EXIT_INTERNAL) from None

    return run  # type: ignore[return-value]


def _debugging() -> bool:
    import os

    context = click.get_current_context(silent=True)
    root = context.find_root() if context else None
    return bool(root and root.params.get("debug")) or os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


def _format_in(command: F) -> F:
    """The --format-in option both commands take."""
    return click.option(
        "--format-in",
        type=click.Choice(["text", "xml", "html", "pdf", "docx"]),
        help="Read the letters as this format instead of the one their content shows.",
    )(command)


def _lexicon_option(command: F) -> F:
    """The --lexicon option compare and timeline take."""
    return click.option(
        "--lexicon",
        type=click.Path(dir_okay=False, path_type=str),
        help="A positions lexicon (TOML) to use instead of the shipped one.",
    )(command)


def _output_options(kind: str, noun: str) -> Callable[[F], F]:
    """-o and --format, as compare and timeline take them: the formats the render registry has for `kind`."""

    def decorate(command: F) -> F:
        command = click.option(
            "--format",
            "output_format",
            type=click.Choice(formats(kind)),
            help=f"The {noun}'s format; by default taken from the -o file's extension, else text.",
        )(command)
        return click.option(
            "-o", "--output", type=click.Path(dir_okay=False, path_type=str), help=f"Write the {noun} here."
        )(command)

    return decorate


_EXIT_CODES = (
    "Exit codes: 0 done; 1 the letters differ (only with compare --exit-code); 2 bad input or usage (a letter "
    "that cannot be read, an archive check that finds problems, an unknown option); 3 internal error; "
    "130 interrupted. `-` for a letter reads standard input; `-o -` writes to standard output."
)


def _chosen_format(kind: str, output: str | None, output_format: str | None) -> str:
    """--format, else the -o file's extension (when `kind` has that format), else text."""
    if output_format:
        return output_format
    import os

    suffix = os.path.splitext(output or "")[1].lower()
    chosen = {".html": "html", ".htm": "html", ".json": "json", ".md": "markdown"}.get(suffix, "text")
    return chosen if chosen in formats(kind) else "text"


def _letters_in(paths: tuple[str, ...] | list[str]) -> list[Any]:
    """The letters named on the command line as the library reads them (a Path, or the bytes Supplied from
    standard input for `-`, which can be read once)."""
    from pathlib import Path

    if list(paths).count("-") > 1:
        raise click.UsageError("standard input (-) can stand for one letter only")
    return [_standard_input() if path == "-" else Path(path) for path in paths]


def _standard_input() -> Any:
    import sys

    from agendadiff.readers import Supplied
    from agendadiff.readers.common import MAX_BINARY_BYTES

    return Supplied(sys.stdin.buffer.read(MAX_BINARY_BYTES + 1))


def _to_stdout(output: str | None) -> bool:
    return output in (None, "-")


def _emit(output: str | None, report: str, inputs: Any = (), color: bool | None = None) -> None:
    """The report on standard output (no -o, or -o -), else into the file `output`, which must not be one of
    the letters read (`inputs`): a report never replaces a letter."""
    if _to_stdout(output):
        click.echo(report, nl=False, color=color)
        return
    assert output is not None
    _refuse_overwriting(output, inputs)
    _write_atomically(output, report)


def _refuse_overwriting(output: str, inputs: Any) -> None:
    import os

    from agendadiff.errors import InputError

    if not os.path.exists(output):
        return
    for given in inputs:
        if isinstance(given, str | os.PathLike) and os.path.exists(given) and os.path.samefile(output, given):
            raise InputError(output, "is one of the letters being read; write the report to another file")


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=_EXIT_CODES)
@click.version_option(__version__, prog_name="agendadiff")
@click.option("--debug", is_flag=True, help=f"Show the traceback of an internal error (also: {DEBUG_VARIABLE}=1).")
def main(debug: bool) -> None:
    """Follow how the cabinet's positions change from one geannoteerde agenda to the next."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@_output_options("letter", "outline")
@_format_in
@_reported
def sections(file: str, output: str | None, output_format: str | None, format_in: str | None) -> None:
    """Read a letter and show its metadata and sections: the outline for reading (text), the whole Letter as
    JSON, or the letter's text as Markdown. FILE `-` reads standard input.

    \b
    Examples:
      agendadiff sections samples/jbz-2025-07-10.txt
      agendadiff sections letter.pdf -o letter.json
      curl -s https://example.org/letter.txt | agendadiff sections - --format markdown
    """
    from agendadiff import read_letter
    from agendadiff.render import render

    (given,) = _letters_in([file])
    letter = read_letter(given, format_in)
    _emit(output, render("letter", _chosen_format("letter", output, output_format), letter), [file])
    for warning in letter.warnings:
        click.echo(f"agendadiff: {letter.source.path}: warning: {warning}", err=True)


_lang_option = click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="nl",
    show_default=True,
    help="Language of the output (text and HTML).",
)
_dossiers_option = click.option(
    "--dossiers",
    "dossiers_file",
    type=click.Path(dir_okay=False, path_type=str),
    help="A dossiers file (TOML) that extends or overrides the shipped dossiers, which pair rewritten topics.",
)


@main.command()
@click.argument("old", type=click.Path(dir_okay=True, path_type=str))
@click.argument("new", type=click.Path(dir_okay=True, path_type=str))
@_output_options("comparison", "report")
@click.option("--pin", multiple=True, metavar="OLD=NEW", help="Pair these two sections (ids or title words).")
@click.option("--forbid", multiple=True, metavar="OLD=NEW", help="Never pair these two sections.")
@click.option(
    "--pairings",
    type=click.Path(dir_okay=False, path_type=str),
    help="A file of 'pin OLD = NEW' and 'forbid OLD = NEW' lines.",
)
@_dossiers_option
@click.option(
    "--color/--no-color", default=None, help="Colour the text report (default: on a terminal, unless NO_COLOR)."
)
@click.option("--exit-code", is_flag=True, help="Exit with 1 when something changed, 0 when nothing did.")
@_lexicon_option
@_lang_option
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
    dossiers_file: str | None,
    color: bool | None,
    exit_code: bool,
    lexicon: str | None,
    lang: str,
    format_in: str | None,
) -> None:
    """Compare two letters topic by topic and show what changed. OLD or NEW `-` reads standard input.

    \b
    Examples:
      agendadiff compare samples/jbz-2025-07-10.txt samples/jbz-2025-10-02-constructed.txt
      agendadiff compare old.pdf new.pdf -o report.html
      agendadiff compare old.txt new.txt --format json -o - | jq .summary
      agendadiff compare old.txt new.txt --pin "4=Kopgroep Dublin" --exit-code
    """
    import os
    import sys
    from pathlib import Path

    from agendadiff import compare_letters, read_letter
    from agendadiff.align import Pairing, load_pairings, parse_pair
    from agendadiff.render import Options, render
    from agendadiff.topics import load_dossiers

    pairing = load_pairings(pairings) if pairings else Pairing()
    pairing = Pairing(
        pairing.pin + tuple(parse_pair(p) for p in pin),
        pairing.forbid + tuple(parse_pair(f) for f in forbid),
        dossiers=load_dossiers(Path(dossiers_file)) if dossiers_file else None,
    )
    output_format = _chosen_format("comparison", output, output_format)

    from agendadiff.positions import load_lexicon

    positions = load_lexicon(Path(lexicon)) if lexicon else None
    given_old, given_new = _letters_in([old, new])
    comparison = compare_letters(
        read_letter(given_old, format_in), read_letter(given_new, format_in), pairing, positions
    )
    # the page links to the letters by paths relative to where it is written
    here = os.getcwd() if _to_stdout(output) else os.path.dirname(os.path.abspath(str(output)))
    old_link, new_link = (
        "" if p == "-" else os.path.relpath(os.path.abspath(p), here).replace(os.sep, "/") for p in (old, new)
    )
    if color is None:
        color = _to_stdout(output) and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    made = _now_label(lang) if output_format == "html" else None
    options = Options(lang=lang, colour=bool(color), sources=(old_link, new_link), made=made)
    report = render("comparison", output_format, comparison, options)
    _emit(output, report, [old, new], color=bool(color) if output_format == "text" else None)
    for letter in (comparison.old, comparison.new):
        for warning in letter.warnings:
            click.echo(f"agendadiff: {letter.source.path}: warning: {warning}", err=True)
    if exit_code and comparison.changed:
        raise SystemExit(1)


@main.command()
@click.argument("letters", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--topic", metavar="ID", help="Only the threads about this topic (an id from the topic lexicon).")
@_output_options("timeline", "timeline")
@click.option(
    "--topics",
    "topics_file",
    type=click.Path(dir_okay=False, path_type=str),
    help="A topics file (TOML) that extends or overrides the shipped topic lexicon.",
)
@_dossiers_option
@_lexicon_option
@_lang_option
@click.option(
    "--history/--no-history", default=None, help="Sentence history in the text output (default: with --topic)."
)
@_format_in
@_reported
def timeline(
    letters: tuple[str, ...],
    topic: str | None,
    output: str | None,
    output_format: str | None,
    topics_file: str | None,
    dossiers_file: str | None,
    lexicon: str | None,
    lang: str,
    history: bool | None,
    format_in: str | None,
) -> None:
    """Follow every topic through LETTERS (files, folders, an archive; `-` reads one from standard input), in
    the order of the letters' own dates.

    \b
    Examples:
      agendadiff timeline samples/ -o timeline.html
      agendadiff timeline samples/ --topic terugkeer
      agendadiff timeline path/to/archive --format json -o timeline.json
    """
    from pathlib import Path

    from agendadiff.positions import load_lexicon
    from agendadiff.render import Options, render
    from agendadiff.render.timeline import select
    from agendadiff.timeline import TimelineError, letter_files, timeline_of_files
    from agendadiff.topics import load_dossiers, load_topics

    topic_lexicon = load_topics(Path(topics_file) if topics_file else None)
    dossiers = load_dossiers(Path(dossiers_file)) if dossiers_file else None
    if topic and topic_lexicon.get(topic) is None:
        known = ", ".join(t.id for t in topic_lexicon.topics)
        raise TimelineError(f"--topic {topic}: no such topic; the topics are {known}")
    positions = load_lexicon(Path(lexicon)) if lexicon else None
    files = letter_files(_letters_in(letters))
    result = select(timeline_of_files(files, topic_lexicon, positions, format_in, dossiers), topic)
    output_format = _chosen_format("timeline", output, output_format)
    options = Options(lang=lang, topic=topic, history=bool(topic) if history is None else history)
    _emit(output, render("timeline", output_format, result, options), files)
    for letter in result.letters:
        for warning in letter.warnings:
            click.echo(f"agendadiff: {letter.source.path}: warning: {warning}", err=True)
    if len(result.letters) < len(files):
        left = len(files) - len(result.letters)
        click.echo(f"agendadiff: warning: {left} verslag(en) left out: the timeline follows the agendas", err=True)


@main.command()
@click.argument("agenda", type=click.Path(dir_okay=True, path_type=str))
@click.argument("verslag", type=click.Path(dir_okay=True, path_type=str))
@_output_options("outcome", "report")
@_dossiers_option
@_lexicon_option
@_lang_option
@_format_in
@_reported
def outcome(
    agenda: str,
    verslag: str,
    output: str | None,
    output_format: str | None,
    dossiers_file: str | None,
    lexicon: str | None,
    lang: str,
    format_in: str | None,
) -> None:
    """Hold a meeting's geannoteerde agenda against its verslag: per item the announced stance, the reported
    outcome and a verdict (as announced, diverged, not reported, not announced).

    \b
    Example:
      agendadiff outcome samples/jbz-2025-10-02-constructed.txt \\
          samples/verslagen/jbz-verslag-2025-10-24-constructed.txt -o outcome.html
    """
    from pathlib import Path

    from agendadiff import read_letter
    from agendadiff.align import Pairing
    from agendadiff.outcome import meeting_pair
    from agendadiff.positions import load_lexicon
    from agendadiff.render import Options, render
    from agendadiff.topics import load_dossiers

    pairing = Pairing(dossiers=load_dossiers(Path(dossiers_file)) if dossiers_file else None)
    positions = load_lexicon(Path(lexicon)) if lexicon else None
    given_agenda, given_verslag = _letters_in([agenda, verslag])
    result, warnings = meeting_pair(
        read_letter(given_agenda, format_in),
        read_letter(given_verslag, format_in),
        positions,
        pairing,
    )
    report = render("outcome", _chosen_format("outcome", output, output_format), result, Options(lang=lang))
    _emit(output, report, [agenda, verslag])
    for warning in warnings:
        click.echo(f"agendadiff: warning: {warning}", err=True)


@main.command()
@click.argument("letters", nargs=-1, required=True, type=click.Path(path_type=str))
@_output_options("register", "register")
@_lang_option
@_format_in
@_reported
def commitments(
    letters: tuple[str, ...], output: str | None, output_format: str | None, lang: str, format_in: str | None
) -> None:
    """The commitments to the Kamer (toezeggingen) in LETTERS (files, folders, an archive; `-` reads one from
    standard input), each followed to the latest letter: open, repeated, fulfilled, overdue or silently dropped.

    \b
    Example:
      agendadiff commitments samples/ samples/verslagen/ -o commitments.html
    """
    import os

    from agendadiff.commitments import register
    from agendadiff.pipeline import read_letters
    from agendadiff.render import Options, render
    from agendadiff.timeline import letter_files

    files = letter_files(_letters_in(letters))
    result = register(read_letters(files, format_in))
    # the page links to the letters by paths relative to where it is written
    here = "" if _to_stdout(output) else os.path.relpath(os.path.dirname(os.path.abspath(str(output))))
    options = Options(lang=lang, links_from="" if here == "." else here)
    report = render("register", _chosen_format("register", output, output_format), result, options)
    _emit(output, report, files)


@main.command()
@click.argument("name", required=False)
@_reported
def schema(name: str | None) -> None:
    """Print the JSON Schema of an output (letter, comparison, timeline, outcome, commitments, log); without
    NAME, list them with the commands that write each.

    \b
    Examples:
      agendadiff schema
      agendadiff schema comparison > comparison.schema.json
    """
    from agendadiff.jsontext import json_text
    from agendadiff.schemas import OUTPUTS
    from agendadiff.schemas import schema as shipped

    if name is None:
        width = max(map(len, OUTPUTS))
        for known, written_by in OUTPUTS.items():
            click.echo(f"{known:<{width}}  {written_by}")
        return
    click.echo(json_text(shipped(name)))


def _now_label(lang: str) -> str:
    """Now, as a report's footer gives it: "1 december 2026, 14:05"."""
    import datetime as dt

    from agendadiff.render.common import date_label

    now = dt.datetime.now().astimezone()
    return f"{date_label(now.date(), lang)}, {now:%H:%M}"


def _write_atomically(path: str, text: str) -> None:
    """Write next to the target, then rename: a reader never sees half a report."""
    from agendadiff.errors import InputError
    from agendadiff.files import write_atomically

    try:
        write_atomically(path, text)
    except OSError as error:
        raise InputError(path, f"cannot write the report ({error.strerror or error.__class__.__name__})") from None


_BASE_URL_OPTION = click.option(
    "--base-url",
    metavar="URL",
    help="The OData service (default: $AGENDADIFF_ODATA_URL, else the Tweede Kamer's gegevensmagazijn).",
)
_TIMEOUT_OPTION = click.option(
    "--timeout", type=float, default=30.0, show_default=True, help="Seconds to wait for each answer of the service."
)
_ATTEMPTS_OPTION = click.option(
    "--attempts",
    type=click.IntRange(1, 10),
    default=4,
    show_default=True,
    help="Tries per request; between them 1, 2, 4 ... seconds (or what the service asks) on 429, 5xx and timeouts.",
)


@main.command()
@click.option("--dossier", required=True, metavar="NUMBER[-ADDITION]", help="The Kamerstukdossier: 32317, 36410-VI.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only documents dated on or after this day.")
@click.option(
    "--match",
    multiple=True,
    help="Text the document's subject must hold; repeat for alternatives. Default: the geannoteerde agenda's and "
    "the verslag's subjects ('geannoteerde agenda', 'verslag jbz-raad', 'verslag van de (in)formele', ...).",
)
@click.option(
    "--to",
    "target",
    required=True,
    type=click.Path(file_okay=False, path_type=str),
    help="The folder to download into (an archive's inbox, say).",
)
@click.option(
    "--state",
    type=click.Path(dir_okay=False, path_type=str),
    help="The file that records what was fetched (default: fetch-state.json in the --to folder).",
)
@_BASE_URL_OPTION
@_TIMEOUT_OPTION
@_ATTEMPTS_OPTION
@_reported
def fetch(
    dossier: str,
    since: Any,
    match: tuple[str, ...],
    target: str,
    state: str | None,
    base_url: str | None,
    timeout: float,
    attempts: int,
) -> None:
    """Download the letters of a dossier that were not fetched before, each with its annexes.

    \b
    Examples:
      agendadiff fetch --dossier 32317 --since 2025-01-01 --to inbox/
      agendadiff fetch --dossier 21501-02 --match "geannoteerde agenda" --to letters/
    """
    from pathlib import Path

    from agendadiff.fetch import DEFAULT_MATCH, Query, client_from, fetch, parse_dossier

    number, addition = parse_dossier(dossier)
    query = Query(number, addition, match or DEFAULT_MATCH, since.date() if since else None)
    folder = Path(target)
    client = client_from(base_url, timeout, attempts)
    outcome = fetch(client, query, folder, Path(state) if state else folder / "fetch-state.json")
    for name in outcome.fetched:
        click.echo(f"fetched {folder / name}")
    for line in outcome.skipped:
        click.echo(f"agendadiff: warning: {line}", err=True)
    matched = " or ".join(f"'{m}'" for m in query.match)
    click.echo(f"agendadiff: {len(outcome.fetched)} new, {outcome.known} fetched before ({query.label}, {matched})")


# -- archive ----------------------------------------------------------------------------------------

_ARCHIVE_OPTION = click.option(
    "--archive",
    "archive_dir",
    type=click.Path(file_okay=False, path_type=str),
    default=".",
    show_default=True,
    help="The archive's folder.",
)


@main.group()
def archive() -> None:
    """A git repository of a series of letters and the reports between them."""


@archive.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=str))
@click.option("--series", default="JBZ-Raad", show_default=True, help="The name of the series of letters.")
@click.option("--remote", help="The git remote that `archive update --push` pushes to (e.g. origin).")
@_reported
def archive_init(folder: str, series: str, remote: str | None) -> None:
    """Make FOLDER an archive: a git repository with settings and a README.

    \b
    Example:
      agendadiff archive init jbz-archive --series JBZ-Raad --remote origin
    """
    from pathlib import Path

    from agendadiff.archive import init_archive

    root = init_archive(Path(folder), series, remote)
    click.echo(f"agendadiff: {root}: archive for {series} ready; add letters with `agendadiff archive add`")


@archive.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@_ARCHIVE_OPTION
@click.option("--wait", type=float, default=0, help="Seconds to wait for another run's lock.")
@_reported
def archive_add(files: tuple[str, ...], archive_dir: str, wait: float) -> None:
    """Store letters, one commit each, with the reports that change because of them.

    \b
    Example:
      agendadiff archive add --archive jbz-archive samples/*.txt
    """
    from pathlib import Path

    from agendadiff.archive import open_archive

    if "-" in files:
        raise click.UsageError("archive add stores letters by their file name; save standard input to a file first")
    outcome = open_archive(Path(archive_dir)).add([Path(f) for f in files], wait=wait)
    for name in outcome.added:
        click.echo(f"added {name}")
    for name in outcome.known:
        click.echo(f"{name}: already in the archive")
    _report_failures(outcome.failed, quarantined=False)


@archive.command("update")
@_ARCHIVE_OPTION
@click.option(
    "--inbox",
    type=click.Path(file_okay=False, path_type=str),
    help="Where new letters arrive (default: the archive's inbox/).",
)
@click.option("--push", is_flag=True, help="Push the commit to the remote named in the settings.")
@click.option("--wait", type=float, default=0, help="Seconds to wait for another run's lock.")
@click.option("--fetch", "fetch_first", is_flag=True, help="First fetch new letters as the settings' [fetch] says.")
@_BASE_URL_OPTION
@_TIMEOUT_OPTION
@_ATTEMPTS_OPTION
@_reported
def archive_update(
    archive_dir: str,
    inbox: str | None,
    push: bool,
    wait: float,
    fetch_first: bool,
    base_url: str | None,
    timeout: float,
    attempts: int,
) -> None:
    """The scheduled job: new letters in, reports and index out, one commit.

    \b
    Examples:
      agendadiff archive update --archive jbz-archive
      agendadiff archive update --archive jbz-archive --fetch --push --wait 600
    """
    import sys
    from pathlib import Path

    from agendadiff.archive import open_archive

    store = open_archive(Path(archive_dir))
    folder = Path(inbox) if inbox else store.root / "inbox"
    bar: Any = None

    def progress(done: int, total: int, what: str) -> None:
        nonlocal bar
        if not sys.stderr.isatty():
            return  # under cron: only the summary line
        if bar is None or bar.length != total:
            if bar is not None:
                bar.render_finish()
            bar = click.progressbar(length=total, label="agendadiff", file=sys.stderr, show_pos=True)
        bar.update(done - bar.pos, what)

    client = None
    if fetch_first:
        import os

        from agendadiff.fetch import BASE_URL_VARIABLE, client_from

        configured = (store.settings.fetch or {}).get("base_url")
        chosen = base_url or os.environ.get(BASE_URL_VARIABLE) or (str(configured) if configured else None)
        client = client_from(chosen, timeout, attempts)
    outcome = store.update(folder, push=push, progress=progress, wait=wait, fetch=client)
    if bar is not None:
        bar.render_finish()
    if outcome.commits:
        pushed = ", pushed" if outcome.pushed else ""
        click.echo(
            f"agendadiff: {len(outcome.added)} new letter(s), {len(outcome.reports)} report(s) written, "
            f"committed {outcome.commits[-1][:10]}{pushed}"
        )
    else:
        pushed = "; pushed earlier commits" if outcome.pushed else ""
        click.echo(f"agendadiff: nothing new in {folder}{pushed}")
    for line in outcome.warnings:
        click.echo(f"agendadiff: warning: {line}", err=True)
    if outcome.waiting:
        names = ", ".join(outcome.waiting[:3]) + (" …" if len(outcome.waiting) > 3 else "")
        click.echo(f"agendadiff: {len(outcome.waiting)} file(s) still being written, left for the next run: {names}")
    _report_failures(outcome.failed, quarantined=True)


def _report_failures(failed: Any, quarantined: bool) -> None:
    """One line per letter that could not be read; exit 2 (bad input) when there was one, after the others
    went in."""
    for failure in failed:
        where = " (moved to failed/ in the inbox)" if quarantined else ""
        click.echo(f"agendadiff: {failure.problem}{where}", err=True)
    if failed:
        raise SystemExit(EXIT_BAD_INPUT)


@archive.command("log")
@_ARCHIVE_OPTION
@click.option(
    "--topic",
    help="Per letter, this topic's threads (a topic id, as in `timeline --topic`), or the topics whose title holds these words.",
)
@_output_options("log", "log")
@_reported
def archive_log(archive_dir: str, topic: str | None, output: str | None, output_format: str | None) -> None:
    """The letters, oldest first, with what changed in each.

    \b
    Examples:
      agendadiff archive log --archive jbz-archive
      agendadiff archive log --archive jbz-archive --topic terugkeer --format json
    """
    from pathlib import Path

    from agendadiff.archive import open_archive
    from agendadiff.render import render

    entries = open_archive(Path(archive_dir)).log(topic)
    _emit(output, render("log", _chosen_format("log", output, output_format), entries))


@archive.command("check")
@_ARCHIVE_OPTION
@click.option("--wait", type=float, default=0, help="Seconds to wait for another run's lock.")
@_reported
def archive_check(archive_dir: str, wait: float) -> None:
    """Re-read every stored letter and verify its hash, its sections and its reports.

    \b
    Example:
      agendadiff archive check --archive jbz-archive
    """
    from pathlib import Path

    from agendadiff.archive import open_archive

    store = open_archive(Path(archive_dir))
    problems = store.check(wait=wait)
    for problem in problems:
        click.echo(f"{problem.subject}: {problem.problem}")
    count = len(store.letters())
    click.echo(f"agendadiff: {count} letter(s) checked, {len(problems)} problem(s)", err=bool(problems))
    if problems:
        raise SystemExit(EXIT_BAD_INPUT)


def _with_exit_codes(group: click.Group) -> None:
    """Every command's --help ends with what its exit codes mean."""
    for command in group.commands.values():
        command.epilog = command.epilog or _EXIT_CODES
        if isinstance(command, click.Group):
            _with_exit_codes(command)


_with_exit_codes(main)
