"""The pipeline: read, normalize and segment a letter; align, diff and classify two; many letters on every core.

The package's face (`agendadiff.read_letter`, ...) is this module. Each stage is imported where it is first
needed, so that a command that does not compare never loads the comparing stages.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from agendadiff.lang.words import unique_name
from agendadiff.model import Comparison, Letter, LetterKind, Section, SectionKind
from agendadiff.readers import Supplied

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from agendadiff.align import Pairing
    from agendadiff.model import Alignment
    from agendadiff.positions import Lexicon

_OWN_DATE_MISSING = "no letter date found"
PARALLEL_FROM = 4  # jobs; fewer are not worth starting processes for
T = TypeVar("T")


def read_letter(path: str | Path | Supplied, format_in: str | None = None) -> Letter:
    """Read, normalize and segment the letter at `path` (or the bytes `Supplied` from standard input), in the
    format its content shows or `format_in`. A folder that `agendadiff fetch` wrote (a letter with its
    annexes) is read as one letter."""
    if isinstance(path, Supplied):
        return _read_file(path, format_in)
    if Path(path).is_dir():
        from agendadiff.readers.bundle import is_bundle

        if is_bundle(Path(path)):
            return read_bundle(Path(path), format_in)
    return _read_file(Path(path), format_in)


def _read_file(path: Path | Supplied, format_in: str | None) -> Letter:
    """One file through read, normalize and segment, within the genre's limits; markup nested too deep for
    any reader is one InputError, like every other unreadable file."""
    from agendadiff.normalize import normalize
    from agendadiff.readers import read_document
    from agendadiff.segment import segment

    name = path.name if isinstance(path, Supplied) else str(path)
    try:
        return within_limits(segment(normalize(read_document(path, format_in))), name)
    except RecursionError:
        from agendadiff.errors import TOO_DEEP, InputError

        raise InputError(name, TOO_DEEP) from None


# The size of a letter agendadiff reads. A real geannoteerde agenda or verslag is under 100 pages and far
# under 1,000 sections, its longest section a few thousand words; past these, work grows faster than the
# text (a diff of two long rewritten passages), so such a file is refused in one line instead.
MAX_SECTIONS = 1_000
MAX_SECTION_WORDS = 10_000


def within_limits(letter: Letter, path: str) -> Letter:
    """`letter`, or an InputError naming `path` when it is larger than any letter of the genre."""
    from agendadiff.errors import SECTION_TOO_LONG, TOO_MANY_SECTIONS, InputError

    if len(letter.sections) > MAX_SECTIONS:
        raise InputError(path, TOO_MANY_SECTIONS.format(count=len(letter.sections), limit=MAX_SECTIONS))
    longest = max(letter.sections, key=lambda s: s.words, default=None)
    if longest is not None and longest.words > MAX_SECTION_WORDS:
        name = longest.title or longest.id
        raise InputError(path, SECTION_TOO_LONG.format(section=name[:60], words=longest.words, limit=MAX_SECTION_WORDS))
    return letter


def compare_letters(
    old: Letter,
    new: Letter,
    pairing: Pairing | None = None,
    lexicon: Lexicon | None = None,
    alignment: Alignment | None = None,
) -> Comparison:
    """Align the sections of two letters by topic (or take their `alignment`, made before), diff each pair
    and classify each changed sentence (with `lexicon`, or the positions lexicon agendadiff ships)."""
    from agendadiff.align import Pairing, align
    from agendadiff.diff import compare
    from agendadiff.positions import with_sentence_changes

    alignment = alignment or align(old, new, pairing or Pairing())
    return with_sentence_changes(compare(old, new, alignment), lexicon)


def compare_files(old: str | Path, new: str | Path, pairing: Pairing | None = None) -> Comparison:
    return compare_letters(read_letter(old), read_letter(new), pairing)


@contextmanager
def worker_pool(jobs: int, worth_from: int = PARALLEL_FROM) -> Iterator[Executor | None]:
    """A process pool on every core (forked where the platform can, so workers start at once), or None when
    fewer than `worth_from` jobs are not worth starting processes for, or there is one core."""
    cores = os.cpu_count() or 1
    if jobs < worth_from or cores < 2:
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if forks() else None)
    workers = min(cores, 8, jobs)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_die_with_parent) as pool:
        yield pool


def forks() -> bool:
    """Whether worker processes are forked here: they start at once, where a spawned one imports everything."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _die_with_parent() -> None:
    """A worker ends when the process that started it does, however it ends (even by SIGKILL): a forked
    worker holds the parent's open files, the archive's lock among them, and an orphan would keep it."""
    import signal
    import sys

    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the parent died before the line above: do not outlive it
            os._exit(1)


def mapped(pool: Executor | None, function: Callable[..., T], *iterables: Iterable[object]) -> list[T]:
    """`function` over the iterables, in order: on the pool when there is one."""
    if pool is None:
        return list(map(function, *iterables))
    return list(pool.map(function, *iterables, chunksize=4))


def read_letters(
    paths: Sequence[Path | Supplied], format_in: str | None = None, pool: Executor | None = None
) -> list[Letter]:
    return mapped(pool, read_letter, paths, [format_in] * len(paths))


def read_bundle(path: Path, format_in: str | None = None) -> Letter:
    """A bundle as one letter: each file read, normalized and segmented on its own (an annex numbers its
    footnotes from 1 again and has no date line of its own), then the annexes' sections after the cover
    letter's, and what the cover letter lacks (the meeting, say) taken from the annexes."""
    from agendadiff.meeting import disagreement
    from agendadiff.readers.bundle import bundle_digest, bundle_files

    letters = [_read_file(file, format_in) for file in bundle_files(path)]
    main, annexes = letters[0], letters[1:]
    sections = list(main.sections)
    taken = {s.id for s in sections}
    for annex in annexes:
        for section in annex.sections:
            if section.kind is SectionKind.INTRO and not section.text.strip():
                continue  # an annex's empty opening (its address block, left out by the segmenter)
            sections.append(_unique(section, taken))
    # The annex's agenda title names the meeting more reliably than a cover letter copied from the last one.
    first = next((a for a in annexes if a.meeting), None)
    meeting = first.meeting if first else main.meeting
    conflict = disagreement(main.meeting, first.meeting) if first else None
    warnings = list(main.warnings) + [
        f"{file.name}: {w}"
        for file, a in zip(bundle_files(path)[1:], annexes, strict=True)
        for w in a.warnings
        if not w.startswith(_OWN_DATE_MISSING)
    ]
    if conflict is not None and conflict not in warnings:
        warnings.append(conflict)
    source = replace(
        main.source,
        path=str(path),
        sha256=bundle_digest(path),
        repairs=tuple(dict.fromkeys(r for letter in letters for r in letter.source.repairs)),
    )
    return replace(
        main,
        source=source,
        sections=tuple(sections),
        meeting=meeting,
        kind=main.kind if main.kind is not LetterKind.OTHER else next((a.kind for a in annexes), main.kind),
        date=main.date or next((a.date for a in annexes if a.date), None),
        kamerstuk=main.kamerstuk or next((a.kamerstuk for a in annexes if a.kamerstuk), None),
        warnings=tuple(warnings),
    )


def _unique(section: Section, taken: set[str]) -> Section:
    """The annex's section, renamed if the cover letter has a section of that id already."""
    name = unique_name(section.id, taken)
    taken.add(name)
    return section if name == section.id else replace(section, id=name)
