"""Every rendering of a letter a user can get reads to the same sections and compares with itself as no change.

The renderings are written fresh from each sample (and the constructed verslag) by samples/renderings.py
(page text indented and flat, the docx preview, officielebekendmakingen text) and samples/formats.py (XML,
HTML, DOCX, PDF, a PDF with a Rijksoverheid letterhead column); the sample text itself is the pdftotext form.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agendadiff import compare_letters, read_letter
from agendadiff.lang.typography import fold
from agendadiff.model import Letter, LetterKind, Op, Status
from tests.conftest import ROOT
from tests.helpers import comparable

LETTERS = sorted((ROOT / "samples").glob("jbz-*.txt")) + sorted((ROOT / "samples" / "verslagen").glob("jbz-*.txt"))
# The rendering written, and the profile agendadiff must tell it by.
TEXT_RENDERINGS = {
    "page-indented": "page-indented",
    "page-flat": "page-flat",
    "docx-preview": "docx-preview",
    "ob-text": "paragraph-lines",
}
FORMATS = {"xml": "ob-xml", "html": "ob-html", "docx": "docx", "pdf": "pdf", "letterhead.pdf": "pdf"}


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "samples" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def renderings() -> ModuleType:
    return _module("renderings")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory, renderings: ModuleType) -> Path:
    folder = tmp_path_factory.mktemp("renderings")
    renderings.write_all(folder)
    _module("formats").write_all(folder)
    return folder


def same_reading(letter: Letter) -> list[tuple[object, ...]]:
    """What must be the same in every rendering: the sections (kinds, titles, numbers, decisions, text,
    footnotes) with case folded, since a publisher capitalises "Minister" where the letter did not."""
    return [tuple(fold(v) if isinstance(v, str) else v for v in row) for row in comparable(letter)]


def assert_reads_the_same(original: Letter, rendered: Letter) -> None:
    assert same_reading(rendered) == same_reading(original)
    # Flat page text loses a paragraph break where a paragraph's last line is full; sub-headings stay.
    assert [[p.text for p in s.paragraphs if p.subheading] for s in rendered.sections] == [
        [p.text for p in s.paragraphs if p.subheading] for s in original.sections
    ]
    assert (rendered.date, rendered.meeting, rendered.addressee, rendered.kind) == (
        original.date,
        original.meeting,
        original.addressee,
        original.kind,
    )
    assert [(s.name, fold(s.function)) for s in rendered.signatories] == [
        (s.name, fold(s.function)) for s in original.signatories
    ]
    comparison = compare_letters(original, rendered)
    changed = [
        (pair.id, [c.text for c in pair.diff if c.op is not Op.EQUAL])
        for pair in comparison.pairs
        if pair.status is not Status.UNCHANGED or pair.counts.deleted or pair.counts.inserted
    ]
    assert changed == []
    assert comparison.moves == () and comparison.position_changes == ()


@pytest.mark.parametrize("rendering", [*TEXT_RENDERINGS, *FORMATS])
@pytest.mark.parametrize("letter", LETTERS, ids=lambda p: p.stem)
def test_every_rendering_reads_to_the_same_sections(letter: Path, rendering: str, written: Path) -> None:
    original = read_letter(letter)
    suffix = f"{rendering}.txt" if rendering in TEXT_RENDERINGS else rendering
    rendered = read_letter(written / f"{letter.stem}.{suffix}")
    assert rendered.rendering is not None
    assert rendered.rendering.profile == {**TEXT_RENDERINGS, **FORMATS}[rendering]
    assert_reads_the_same(original, rendered)


def test_a_letterhead_column_gives_the_date_and_nothing_else(written: Path) -> None:
    """The Rijksoverheid template's column ("Postbus 20301", "Ons kenmerk") is no text of the letter: its
    numbers would read as footnote markers; its date is the letter's date."""
    letter = read_letter(written / f"{LETTERS[0].stem}.letterhead.pdf")
    assert letter.date is not None and letter.date == read_letter(LETTERS[0]).date
    text = " ".join(p.text for s in letter.sections for p in s.paragraphs)
    assert "Postbus" not in text and "kenmerk" not in text and "Turfmarkt" not in text
    assert not letter.warnings


@pytest.mark.parametrize("letter", LETTERS, ids=lambda p: p.stem)
def test_the_sample_text_is_read_as_a_pdf_extraction(letter: Path) -> None:
    rendering = read_letter(letter).rendering
    assert rendering is not None and rendering.profile == "pdf-text"


def test_page_renderings_carry_the_kamerstuk(written: Path) -> None:
    for rendering in ("page-indented", "page-flat", "ob-text"):
        letter = read_letter(written / f"{LETTERS[0].stem}.{rendering}.txt")
        assert letter.kamerstuk == "32 317, nr. 990", rendering


def test_the_verslag_is_read_as_a_verslag_with_its_structure() -> None:
    verslagen = [path for path in LETTERS if "verslag" in path.stem]
    assert all(read_letter(path).kind is LetterKind.REPORT for path in verslagen) and len(verslagen) == 2
    assert all(read_letter(path).kind is LetterKind.AGENDA for path in LETTERS if path not in verslagen)
    letter = read_letter(next(p for p in verslagen if "10-24" in p.stem))
    kinds = {s.title: (s.kind.value, s.parent) for s in letter.sections if s.title}
    assert kinds["Toezeggingen"] == ("group", None)
    assert kinds["Terugkeerhubs en de rol van de Europese Commissie"] == ("topic", "group:toezeggingen")
    [appreciation] = [s for s in letter.sections if s.title.startswith("Kabinetsappreciatie")]
    assert [p.text for p in appreciation.paragraphs if p.subheading] == [
        "Aanleiding",
        "Essentie voorstel",
        "Kabinetsinzet",
    ]
    assert not any(s.title in ("Aanleiding", "Essentie voorstel", "Kabinetsinzet") for s in letter.sections)
    agenda = next(s for s in letter.sections if s.kind.value == "agenda")
    assert agenda.title.startswith("Verslag van de formele bijeenkomst")


def test_the_committed_renderings_are_current(written: Path) -> None:
    committed = ROOT / "samples" / "renderings"
    fresh = sorted(p for p in written.iterdir() if p.name.endswith(".txt"))
    assert [p.name for p in fresh] == sorted(p.name for p in committed.iterdir())
    for path in fresh:
        assert (committed / path.name).read_text("utf-8") == path.read_text("utf-8"), (
            f"samples/renderings/{path.name} is stale: run python samples/renderings.py"
        )


_ORIGINALS: dict[Path, Letter] = {}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    letter=st.sampled_from(LETTERS),
    rendering=st.sampled_from(["page-indented", "page-flat"]),
    width=st.integers(62, 130),
    indent=st.integers(3, 24),  # a PDF extraction indents a line by a space at most
)
def test_any_width_and_indent_of_page_text_reads_the_same(
    letter: Path, rendering: str, width: int, indent: int, renderings: ModuleType
) -> None:
    original = _ORIGINALS.setdefault(letter, read_letter(letter))
    if rendering == "page-indented":
        text = renderings.page_indented(original, width=width, indent=indent)
    else:
        text = renderings.page_flat(original, width=width)
    from tests.helpers import letter_of

    assert same_reading(letter_of(text)) == same_reading(original)
