"""Every format a letter is published in reads to the same letter as its text; bad files get one clear line."""

from __future__ import annotations

import importlib.util
import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from agendadiff import compare_letters, read_letter
from agendadiff.cli import main
from agendadiff.errors import InputError
from agendadiff.readers import sniff
from agendadiff.render.comparison import comparison_data
from tests.conftest import ROOT
from tests.helpers import comparable

pytestmark = pytest.mark.slow

SAMPLES = sorted((ROOT / "samples").glob("jbz-*.txt"))
FORMATS = ["xml", "html", "docx", "pdf"]


def _formats_module() -> object:
    spec = importlib.util.spec_from_file_location("formats", ROOT / "samples" / "formats.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples written in every format, fresh from the generator."""
    folder = tmp_path_factory.mktemp("formats")
    _formats_module().write_all(folder)  # type: ignore[attr-defined]
    return folder


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_format_reads_to_the_same_letter(sample: Path, fmt: str, published: Path) -> None:
    from_text = read_letter(sample)
    from_format = read_letter(published / f"{sample.stem}.{fmt}")
    assert comparable(from_format) == comparable(from_text)
    assert [s.paragraphs and [p.normalized for p in s.paragraphs] for s in from_format.sections] == [
        s.paragraphs and [p.normalized for p in s.paragraphs] for s in from_text.sections
    ]
    assert (from_format.date, from_format.meeting, from_format.addressee, from_format.signatories) == (
        from_text.date,
        from_text.meeting,
        from_text.addressee,
        from_text.signatories,
    )


@pytest.mark.parametrize(("margin", "size"), [(50.0, 9.0), (100.0, 11.5)])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_a_pdf_in_another_layout_reads_to_the_same_letter(
    sample: Path, margin: float, size: float, tmp_path: Path
) -> None:
    """Other margins and type size: other line breaks, page breaks and footnote places."""
    from_text = read_letter(sample)
    pdf = tmp_path / f"{sample.stem}.pdf"
    pdf.write_bytes(_formats_module().to_pdf(from_text, margin=margin, size=size))  # type: ignore[attr-defined]
    assert comparable(read_letter(pdf)) == comparable(from_text)


def test_the_committed_format_samples_are_current(published: Path) -> None:
    """samples/formats/ holds what `python samples/formats.py` writes: the same bytes for the markup formats,
    the same letter for DOCX and PDF (whose bytes depend on the zlib and reportlab versions)."""
    committed = ROOT / "samples" / "formats"
    for fresh in sorted(published.iterdir()):
        stale = f"samples/formats/{fresh.name} is stale: run python samples/formats.py"
        if fresh.suffix in (".xml", ".html"):
            assert (committed / fresh.name).read_bytes() == fresh.read_bytes(), stale
        else:
            assert comparable(read_letter(committed / fresh.name)) == comparable(read_letter(fresh)), stale


def _without_sources(data: dict[str, object]) -> dict[str, object]:
    for side in ("old", "new"):
        letter = data[side]
        assert isinstance(letter, dict)
        letter["source"] = None
    return data


@pytest.mark.parametrize(
    ("old_format", "new_format"), [("pdf", "docx"), ("xml", "html"), ("docx", "xml"), ("html", "pdf")]
)
def test_compare_across_formats_equals_compare_of_the_texts(old_format: str, new_format: str, published: Path) -> None:
    for old, new in pairwise(SAMPLES):
        of_texts = comparison_data(compare_letters(read_letter(old), read_letter(new)))
        across = comparison_data(
            compare_letters(
                read_letter(published / f"{old.stem}.{old_format}"), read_letter(published / f"{new.stem}.{new_format}")
            )
        )
        assert _without_sources(across) == _without_sources(of_texts)


def test_the_format_comes_from_the_content_not_the_name(published: Path, tmp_path: Path) -> None:
    disguised = tmp_path / "letter.txt"
    disguised.write_bytes((published / f"{SAMPLES[0].stem}.xml").read_bytes())
    assert comparable(read_letter(disguised)) == comparable(read_letter(SAMPLES[0]))
    assert sniff(b"%PDF-1.7\n") == "pdf" and sniff(b"PK\x03\x04") == "docx"
    assert sniff(b"\xef\xbb\xbf<?xml version='1.0'?><officiele-publicatie>") == "xml"
    assert sniff(b"<!DOCTYPE html><html>") == "html" and sniff(b"Aan de Voorzitter") == "text"
    # Forced: the XML read as text is a letter of one section of XML source, not the letter.
    forced = read_letter(disguised, "text")
    assert comparable(forced) != comparable(read_letter(SAMPLES[0]))


def test_the_kamerstuk_numbers_of_the_xml_make_the_letters_kamerstuk(tmp_path: Path) -> None:
    xml = tmp_path / "kst-32317-967.xml"
    xml.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<officiele-publicatie><kamerstuk>
<kamerstukkop><tekstregel inhoud="vergaderjaar">Vergaderjaar 2024-2025</tekstregel></kamerstukkop>
<dossier><dossiernummer><dossiernr>32 317</dossiernr></dossiernummer><titel>JBZ-Raad</titel></dossier>
<stuk><stuknr>Nr. <ondernummer>967</ondernummer></stuknr><titel>BRIEF VAN DE MINISTER</titel>
<algemeen><brief><adres><al>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</al></adres>
<dagtekening><datum isodatum="2025-07-10">Den Haag, 10 juli 2025</datum></dagtekening>
<al>Hierbij bieden wij uw Kamer de geannoteerde agenda aan.<noot id="n1" type="voet"><noot.nr>1</noot.nr>
<noot.al>Kamerstuk 32 317, nr. 964.</noot.al></noot></al>
<onbekend-element><al>Ook tekst in <blink>onbekende</blink> opmaak telt mee.</al></onbekend-element>
</brief></algemeen></stuk></kamerstuk></officiele-publicatie>""",
        encoding="utf-8",
    )
    letter = read_letter(xml)
    assert letter.kamerstuk == "32 317, nr. 967"
    assert letter.date is not None and letter.date.isoformat() == "2025-07-10"
    [intro] = [s for s in letter.sections if s.kind.value == "intro"]
    assert [p.text for p in intro.paragraphs] == [
        "Hierbij bieden wij uw Kamer de geannoteerde agenda aan.",
        "Ook tekst in onbekende opmaak telt mee.",
    ]
    assert [(n.number, n.text) for n in intro.footnotes] == [(1, "Kamerstuk 32 317, nr. 964.")]


def test_html_keeps_the_words_of_links_within_the_page(tmp_path: Path) -> None:
    page = tmp_path / "kst.html"
    page.write_text(
        '<!DOCTYPE html><html><body><nav><a href="/">Home</a></nav><div class="stuk">'
        '<p class="dagtekening">Den Haag, 10 juli 2025</p>'
        '<p class="al">Het kabinet verwijst naar <a href="#bijlage">de bijlage</a> bij deze brief'
        '<sup><a href="#n1" class="noot">1</a></sup>.</p>'
        '<div class="noot" id="n1"><p><span class="nr">1</span> Kamerstuk 32 317, nr. 964.</p></div>'
        "</div></body></html>",
        encoding="utf-8",
    )
    letter = read_letter(page)
    [intro] = letter.sections
    assert [p.text for p in intro.paragraphs] == ["Het kabinet verwijst naar de bijlage bij deze brief."]
    assert [(n.number, n.text) for n in intro.footnotes] == [(1, "Kamerstuk 32 317, nr. 964.")]


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<officiele-publicatie><al>&lol3;</al></officiele-publicatie>"""


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("laughs.xml", BILLION_LAUGHS, "entity declarations"),
        ("broken.xml", b"<?xml version='1.0'?><officiele-publicatie><al>open", "not well-formed XML"),
        ("other.xml", b"<?xml version='1.0'?><officiele-publicatie-lijst/>", "not an officielebekendmakingen"),
        (
            "unrelated.html",
            b"<!DOCTYPE html><html><head><title>Weer</title><script>x()</script></head><body></body></html>",
            "without a letter on it",
        ),
        ("letter.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "damaged PDF"),
        ("truncated.docx", b"PK\x03\x04\x14\x00\x00\x00", "not a DOCX file"),
    ],
)
def test_bad_files_get_one_clear_line(name: str, content: bytes, problem: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem):
        read_letter(path)
    result = CliRunner().invoke(main, ["sections", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"agendadiff: {path}: ") and len(result.stderr.splitlines()) == 1


def _pdf(draw: str, **options: object) -> bytes:
    """A one-page PDF that shows a line of text, or a black square (a scan has no text)."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, **options)
    if draw == "text":
        canvas.drawString(72, 700, "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal")
    else:
        canvas.rect(72, 72, 300, 300, fill=1)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_bad_pdfs_get_one_clear_line(published: Path, tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    whole = (published / f"{SAMPLES[0].stem}.pdf").read_bytes()
    cases = {
        "truncated.pdf": (whole[: len(whole) // 2], "damaged PDF"),
        "encrypted.pdf": (_pdf("text", encrypt=StandardEncryption("geheim", "eigenaar")), "encrypted PDF"),
        "scan.pdf": (_pdf("square"), "without text"),
    }
    for name, (content, problem) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        result = CliRunner().invoke(main, ["sections", str(path)])
        assert result.exit_code == 2, name
        assert result.stderr.startswith(f"agendadiff: {path}: is ") and problem in result.stderr, result.stderr
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output


def _zip(parts: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("parts", "problem"),
    [
        ({"word/document.xml": b"<w:document/>" + b" " * (20 * 1024 * 1024)}, "unpack to 20 MB"),
        ({"content.xml": b"<office:document/>"}, "not a Word document"),
        ({"word/document.xml": b"<w:document><w:body>"}, "damaged part"),
        ({"word/document.xml": BILLION_LAUGHS}, "entity declarations"),
    ],
)
def test_bad_docx_files_get_one_clear_line(parts: dict[str, bytes], problem: str, tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    path.write_bytes(_zip(parts))
    with pytest.raises(InputError, match=problem):
        read_letter(path)


@pytest.mark.parametrize(
    "head",
    [b"<?xml version='1.0'?><officiele-publicatie>", b"<!DOCTYPE html><html>", b"PK\x03\x04", b"%PDF-1.7", b"Aan de "],
)
def test_a_50_mb_file_is_refused_before_it_is_read(head: bytes, tmp_path: Path) -> None:
    path = tmp_path / "huge"
    with path.open("wb") as handle:
        handle.write(head)
        handle.seek(50 * 1024 * 1024)
        handle.write(b"\n")
    with pytest.raises(InputError, match=r"is 50\.0 MB, more than"):
        read_letter(path)


def test_sections_and_compare_take_format_in(published: Path) -> None:
    real = next(path for path in SAMPLES if "constructed" not in path.name)
    xml = published / f"{real.stem}.xml"
    result = CliRunner().invoke(main, ["sections", str(xml), "--format-in", "xml", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["date"] == "2025-07-10"
    result = CliRunner().invoke(main, ["compare", str(xml), str(real), "--exit-code"])
    assert result.exit_code == 0, result.output  # the same letter in two formats: nothing changed


def test_a_pdf_paragraph_is_joined_once_not_again_with_every_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader joins a paragraph's wrapped lines with the normalizer's rule: once per paragraph. Joined
    line by line, the paragraph so far was cleaned up again with each line: work that grew with the square
    of a paragraph's length."""
    import agendadiff.normalize
    from agendadiff.readers.pdf import read_pdf

    real = agendadiff.normalize.join_lines
    joined: list[int] = []

    def counted(lines: Any) -> Any:
        joined.append(sum(len(line.text) for line in lines))
        return real(lines)

    monkeypatch.setattr(agendadiff.normalize, "join_lines", counted)
    document = read_pdf((ROOT / "samples" / "formats" / "jbz-2025-07-10.pdf").read_bytes(), "letter.pdf")
    assert len(joined) > 20  # paragraphs of wrapped lines
    assert sum(joined) <= sum(len(line) for line in document.lines)  # each line's text joined once


@pytest.mark.parametrize(
    "path", sorted((Path(__file__).parent.parent / "samples" / "formats").glob("*.pdf")), ids=lambda p: p.name
)
def test_what_the_pdf_reader_assumes_of_pdfium(path: Path) -> None:
    """What the PDF reader relies on (readers/pdf.py): its bare calls give what pypdfium2's own give; the
    characters pdfium made up are the ones that belong to no text object; and pdfium gives every character
    of one object the same size, weight and font, so that they are asked once per object."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from agendadiff.readers.pdf import _calls

    calls = _calls()
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    box, bare_box = raw.FS_RECTF(), raw.FS_RECTF()
    x, y, bare_x, bare_y = (ctypes.c_double() for _ in range(4))
    document = pdfium.PdfDocument(str(path))
    pages: list[dict[int, set[tuple[float, int, bytes]]]] = []
    try:
        for page in document:  # an address is an object's while its page is loaded: one page at a time
            styles: dict[int, set[tuple[float, int, bytes]]] = {}
            pages.append(styles)
            textpage = page.get_textpage()
            handle = textpage.raw
            address = ctypes.cast(handle, ctypes.c_void_p).value
            for index in range(textpage.count_chars()):
                assert calls.unicode(address, index) == raw.FPDFText_GetUnicode(handle, index)
                owner = calls.text_object(address, index)
                assert owner == ctypes.cast(raw.FPDFText_GetTextObject(handle, index), ctypes.c_void_p).value
                assert (owner is None) == (raw.FPDFText_IsGenerated(handle, index) == 1)
                if owner is None:
                    continue
                raw.FPDFText_GetLooseCharBox(handle, index, box)
                calls.loose_box(address, index, ctypes.addressof(bare_box))
                assert (bare_box.left, bare_box.right, bare_box.top) == (box.left, box.right, box.top)
                raw.FPDFText_GetCharOrigin(handle, index, x, y)
                calls.origin(address, index, ctypes.addressof(bare_x), ctypes.addressof(bare_y))
                assert (bare_x.value, bare_y.value) == (x.value, y.value)
                raw.FPDFText_GetFontInfo(handle, index, name, len(name), flags)
                style = (raw.FPDFText_GetFontSize(handle, index), raw.FPDFText_GetFontWeight(handle, index), name.value)
                styles.setdefault(owner, set()).add(style)
    finally:
        document.close()
    assert any(pages) and all(len(found) == 1 for styles in pages for found in styles.values())
