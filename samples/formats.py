"""Write the sample letters in the formats they are published in, to test agendadiff's readers with.

    python samples/formats.py            # write samples/formats/<letter>.{xml,html,docx,pdf}

Each sample letter is read from its text, then written as officielebekendmakingen-style XML (`kop`, `al`,
`noot`, `ondertekening`, ...), HTML (the site's classes: `stuktitel`, `divisiekop`, `al`, `noot`) and DOCX (Word
numbering for parts and items, so their numbers are not in the text; real footnotes; Dutch style ids) and PDF
(reportlab: Helvetica, bold headings, superscript markers, smaller footnotes at the page bottoms, page
numbers). The
tests build the same files in a temporary folder and check that every format reads back to the same letter.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from agendadiff import read_letter  # noqa: E402
from agendadiff.lang import dutch  # noqa: E402
from agendadiff.model import Footnote, Letter, Paragraph, Section, SectionKind  # noqa: E402

LETTERS = sorted(HERE.glob("jbz-*.txt")) + sorted((HERE / "verslagen").glob("jbz-*.txt"))


def _date_line(letter: Letter) -> str:
    assert letter.date is not None
    return f"Den Haag, {letter.date.day} {dutch.MONTH_NAMES[letter.date.month - 1]} {letter.date.year}"


def _with_notes(paragraph: Paragraph, notes: dict[int, Footnote], marker: callable) -> str:  # type: ignore[valid-type]
    """The paragraph's text, escaped, with each footnote's marker where it stood."""
    out, cursor = [], 0
    for ref in sorted(paragraph.refs, key=lambda r: r.offset):
        out += [escape(paragraph.text[cursor : ref.offset]), marker(notes[ref.number])]
        cursor = ref.offset
    out.append(escape(paragraph.text[cursor:]))
    return "".join(out)


def _note_parts(note: Footnote) -> tuple[str, str | None]:
    """The footnote's text, and its web address when the letter prints it apart from the text."""
    return note.text, (note.url if note.url and note.url not in note.text else None)


# -- officielebekendmakingen XML -------------------------------------------------------------------


def to_xml(letter: Letter) -> str:
    notes = {n.number: n for s in letter.sections for n in s.footnotes}

    def marker(note: Footnote) -> str:
        text, url = _note_parts(note)
        address = f'<extref soort="URL" doc={quoteattr(url)}>{escape(url)}</extref>' if url else ""
        return (
            f'<noot id="n{note.number}" type="voet"><noot.nr>{note.number}</noot.nr>'
            f"<noot.al>{escape(text)}{' ' + address if address else ''}</noot.al></noot>"
        )

    body: list[str] = []
    if letter.addressee:
        body.append(f"<adres><al>{escape(letter.addressee)}</al></adres>")
    if letter.date:
        body.append(
            f'<dagtekening><datum isodatum="{letter.date.isoformat()}">{escape(_date_line(letter))}</datum></dagtekening>'
        )
    open_divisions: list[str] = []
    for section in letter.sections:
        body += list(_xml_section(section, notes, marker, open_divisions))
    body += ["</divisie>" for _ in open_divisions]
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<officiele-publicatie>\n<kamerstuk>\n<stuk>\n'
        "<algemeen>\n<brief>\n" + "\n".join(body) + "\n</brief>\n</algemeen>\n</stuk>\n</kamerstuk>\n"
        "</officiele-publicatie>\n"
    )


def _xml_section(
    section: Section, notes: dict[int, Footnote], marker: object, open_divisions: list[str]
) -> Iterator[str]:
    paragraphs = [f"<al>{_with_notes(p, notes, marker)}</al>" for p in section.paragraphs]  # type: ignore[arg-type]
    if section.kind is SectionKind.SIGNATURES:
        for paragraph in section.paragraphs:
            function, _, name = paragraph.text.rpartition(", ")
            yield f"<ondertekening><functie>{escape(function)},</functie><naam>{escape(name)}</naam></ondertekening>"
        return
    # Parts and groups hold the sections after them: close what this section is not inside of.
    while open_divisions and section.parent not in open_divisions[-1:]:
        open_divisions.pop()
        yield "</divisie>"
    if section.kind in (SectionKind.INTRO, SectionKind.TEXT):
        yield from paragraphs
        return
    if section.kind is SectionKind.AGENDA:
        while open_divisions:
            open_divisions.pop()
            yield "</divisie>"
        yield f"<kop><titel>{escape(section.title)}</titel></kop>"
        yield from paragraphs
        return
    number = f"<nr>{escape(section.number)}.</nr>" if section.number else ""
    subtitles = "".join(
        f"<subtitel>{escape(line)}</subtitel>" for line in (_decision_line(section), section.formal_title) if line
    )
    head = f"<divisie><kop>{number}<titel>{escape(section.title)}</titel>{subtitles}</kop>"
    if section.kind in (SectionKind.PART, SectionKind.GROUP):
        open_divisions.append(section.id)
        yield head
        yield from paragraphs
        return
    yield head
    yield from paragraphs
    yield "</divisie>"


def _decision_line(section: Section) -> str | None:
    if not section.decision:
        return None
    return section.decision if section.decision.startswith("(") else f"= {section.decision}"


# -- officielebekendmakingen HTML ------------------------------------------------------------------


def to_html(letter: Letter) -> str:
    notes = {n.number: n for s in letter.sections for n in s.footnotes}

    def marker(note: Footnote) -> str:
        return f'<sup><a href="#n{note.number}" class="noot" id="supn{note.number}">{note.number}</a></sup>'

    body: list[str] = []
    if letter.addressee:
        body.append(f'<p class="adres">{escape(letter.addressee)}</p>')
    if letter.date:
        body.append(f'<p class="dagtekening">{escape(_date_line(letter))}</p>')
    for section in letter.sections:
        paragraphs = [f'<p class="al">{_with_notes(p, notes, marker)}</p>' for p in section.paragraphs]
        if section.kind is SectionKind.SIGNATURES:
            for paragraph in section.paragraphs:
                function, _, name = paragraph.text.rpartition(", ")
                body.append(
                    f'<p class="ondertekening"><span class="functie">{escape(function)},</span><br>'
                    f'<span class="naam">{escape(name)}</span></p>'
                )
            continue
        if section.kind is SectionKind.AGENDA:
            body.append(f'<h2 class="stuktitel">{escape(section.title)}</h2>')
        elif section.title:
            number = f"{escape(section.number)}. " if section.number else ""
            level = 3 if section.kind in (SectionKind.PART, SectionKind.TOPIC, SectionKind.GROUP) else 4
            body.append(f'<h{level} class="divisiekop{level - 2}">{number}{escape(section.title)}</h{level}>')
            for line in (_decision_line(section), section.formal_title):
                if line:
                    body.append(f'<p class="subtitel">{escape(line)}</p>')
        body += paragraphs
    footnotes = []
    for number in sorted(notes):
        text, url = _note_parts(notes[number])
        address = f' <a href="{escape(url)}">{escape(url)}</a>' if url else ""
        footnotes.append(
            f'<div class="noot" id="n{number}"><p><span class="nr">{number}</span> {escape(text)}{address}</p></div>'
        )
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head><meta charset="utf-8"><title>Kamerstuk</title>'
        "<script>var tracking = 1;</script></head>\n<body>\n"
        '<nav class="breadcrumb"><a href="/">Home</a></nav>\n<div class="stuk">\n'
        + "\n".join(body)
        + '\n<div class="noten">\n'
        + "\n".join(footnotes)
        + "\n</div>\n</div>\n</body>\n</html>\n"
    )


# -- Word (DOCX) --------------------------------------------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_PACKAGE = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    ),
    "word/_rels/document.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
        "</Relationships>"
    ),
    # Dutch Word's style ids, with the names the reader goes by.
    "word/styles.xml": (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {_W}>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Ondertitel"><w:name w:val="Subtitle"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Lijstalinea"><w:name w:val="List Paragraph"/></w:style>'
        "</w:styles>"
    ),
}


def to_docx(letter: Letter) -> bytes:
    import io
    import zipfile

    notes = {n.number: n for s in letter.sections for n in s.footnotes}
    body: list[str] = []
    parts_seen = 0

    def run(text: str, bold: bool = False) -> str:
        properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
        return f'<w:r>{properties}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'

    def marker(note: Footnote) -> str:
        return (
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{note.number}"/></w:r>'
        )

    def paragraph(content: str, style: str = "", numbering: tuple[int, int] | None = None) -> str:
        properties = f'<w:pStyle w:val="{style}"/>' if style else ""
        if numbering:
            properties += f'<w:numPr><w:ilvl w:val="{numbering[1]}"/><w:numId w:val="{numbering[0]}"/></w:numPr>'
        return f"<w:p>{'<w:pPr>' + properties + '</w:pPr>' if properties else ''}{content}</w:p>"

    def prose(p: Paragraph) -> str:
        out, cursor = [], 0
        for ref in sorted(p.refs, key=lambda r: r.offset):
            out += [run(p.text[cursor : ref.offset]), marker(notes[ref.number])]
            cursor = ref.offset
        out.append(run(p.text[cursor:]))
        return paragraph("".join(out))

    if letter.addressee:
        body.append(paragraph(run(letter.addressee)))
    if letter.date:
        body.append(paragraph(run(_date_line(letter))))
    for section in letter.sections:
        if section.kind is SectionKind.SIGNATURES:
            for p in section.paragraphs:
                function, _, name = p.text.rpartition(", ")
                body.append(paragraph(run(function + ",") + "<w:r><w:br/></w:r>" + run(name)))
            continue
        if section.kind is SectionKind.AGENDA:
            body.append(paragraph(run(section.title), style="Titel"))
        elif section.kind is SectionKind.PART:
            parts_seen += 1
            numbering = (1, 0) if section.number else None  # the parts' roman numbers are Word's, not text
            body.append(
                paragraph(run(section.title, bold=True), style="Lijstalinea" if numbering else "", numbering=numbering)
            )
        elif section.kind is SectionKind.ITEM and section.number:
            # Each part's items are a list of their own that starts at 1 (num 1 + the part's count).
            body.append(paragraph(run(section.title, bold=True), style="Lijstalinea", numbering=(1 + parts_seen, 0)))
        elif section.title:
            body.append(paragraph(run(section.title, bold=True)))
        for line in (_decision_line(section), section.formal_title) if section.kind is SectionKind.ITEM else ():
            if line:
                body.append(paragraph(run(line), style="Ondertitel"))
        body += [prose(p) for p in section.paragraphs]
    parts_total = max(parts_seen, 1)
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {_W}>'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        + "".join(
            f'<w:num w:numId="{2 + k}"><w:abstractNumId w:val="1"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            for k in range(parts_total)
        )
        + "</w:numbering>"
    )
    footnote_parts = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for number in sorted(notes):
        text, url = _note_parts(notes[number])
        paragraphs = [
            '<w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p>'
        ]
        if url:
            paragraphs.append(f"<w:p>{run(url)}</w:p>")
        footnote_parts.append(f'<w:footnote w:id="{number}">{"".join(paragraphs)}</w:footnote>')
    document_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>'
        + "".join(body)
        + "<w:sectPr/></w:body></w:document>"
    )
    footnotes_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {_W}>'
        + "".join(footnote_parts)
        + "</w:footnotes>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in {
            **_PACKAGE,
            "word/document.xml": document_xml,
            "word/numbering.xml": numbering,
            "word/footnotes.xml": footnotes_xml,
        }.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))  # fixed: the same bytes every time
            archive.writestr(info, content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# -- PDF ---------------------------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0  # A4 in points
TOP, BOTTOM = 780.0, 70.0
BODY = 10.0
NOTE, NOTE_LEADING = 7.5, 9.5


# The letterhead's column of a Rijksoverheid letter: small type right of the body, in full on page 1, with
# the date and reference on the pages after it. Label and value on lines of their own, as the template sets them.
COLUMN_WIDTH = 130.0
COLUMN = (
    "Ministerie van Justitie en Veiligheid",
    "Directie Europese en Internationale",
    "Aangelegenheden",
    "",
    "Turfmarkt 147",
    "2511 DP  Den Haag",
    "Postbus 20301",
    "2500 EH  Den Haag",
    "www.rijksoverheid.nl/jenv",
    "",
)


def _column(letter: Letter, first_page: bool) -> list[str]:
    assert letter.date is not None
    date = f"{letter.date.day} {dutch.MONTH_NAMES[letter.date.month - 1]} {letter.date.year}"
    subject = ["Betreft", "Geannoteerde agenda JBZ-Raad", ""] if first_page else []
    return [*(COLUMN if first_page else ()), "Datum", date, "", *subject, "Ons kenmerk", "6543210"]


def to_pdf(letter: Letter, margin: float = 72.0, size: float = BODY, letterhead: bool = False) -> bytes:
    """The letter laid out as the Rijksoverheid prints one: Helvetica, bold headings, footnotes in a smaller
    size at the bottom of the page that holds their marker, superscript markers, page numbers. With
    `letterhead`, the template's column of small type right of a narrower body (the date in it, not above
    the text) and "Pagina 1 van 8" footers."""
    import io

    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    notes = {n.number: n for s in letter.sections for n in s.footnotes}
    left, right = margin, margin + (COLUMN_WIDTH + 20 if letterhead else 0)
    leading = size * 1.4
    width = PAGE_WIDTH - left - right
    # The body as lines: (words, bold, gap before); a word is (text, footnote number or None).
    lines: list[tuple[list[tuple[str, int | None]], bool, float]] = []

    def block(text: str, bold: bool = False, refs: tuple = (), gap: float = leading * 0.6) -> None:
        font = "Helvetica-Bold" if bold else "Helvetica"
        words: list[tuple[str, int | None]] = []
        cursor = 0
        marks = {ref.offset: ref.number for ref in refs}
        for token in text.split(" "):
            end = cursor + len(token)
            note = next((n for offset, n in marks.items() if cursor < offset <= end), None)
            if note is not None:
                offset = next(o for o, n in marks.items() if n == note)
                token = token[: offset - cursor] + "\x00" + str(note) + "\x00" + token[offset - cursor :]
            words.append((token, note))
            cursor = end + 1
        line: list[tuple[str, int | None]] = []
        used = 0.0
        first = True
        for word, note in words:
            advance = stringWidth(word.replace("\x00", ""), font, size) + stringWidth(" ", font, size)
            if line and used + advance > width:
                lines.append((line, bold, gap if first else 0.0))
                first, line, used = False, [], 0.0
            line.append((word, note))
            used += advance
        if line:
            lines.append((line, bold, gap if first else 0.0))

    if letter.addressee:
        block(letter.addressee, gap=0)
    if letter.date and not letterhead:
        block(_date_line(letter), gap=0)
    for section in letter.sections:
        if section.kind is SectionKind.SIGNATURES:
            for paragraph in section.paragraphs:
                function, _, name = paragraph.text.rpartition(", ")
                block(function + ",")
                block(name, gap=0)
            continue
        if section.title:
            number = f"{section.number}. " if section.number else ""
            block(number + section.title, bold=True, gap=leading)
            for line in (_decision_line(section), section.formal_title) if section.kind is SectionKind.ITEM else ():
                if line:
                    block(line, gap=0)
        for paragraph in section.paragraphs:
            block(paragraph.text, refs=paragraph.refs)

    def render(pages: int) -> tuple[bytes, int]:
        """The pages, with `pages` as the count in the footers; and how many pages it took."""
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1)  # invariant: the same bytes every time
        canvas.setTitle("Geannoteerde agenda")
        page = 1
        y = TOP
        pending: list[int] = []

        def notes_height(numbers: list[int]) -> float:
            total = 0.0
            for number in numbers:
                text, url = _note_parts(notes[number])
                total += len(_wrap_note(f"{number} {text}", width)) * NOTE_LEADING + (NOTE_LEADING if url else 0)
            return total + (6 if numbers else 0)

        def finish_page() -> None:
            nonlocal page, y, pending
            if pending:
                ny = BOTTOM + notes_height(pending) - NOTE_LEADING
                canvas.line(left, ny + NOTE_LEADING + 2, left + 120, ny + NOTE_LEADING + 2)
                for number in pending:
                    text, url = _note_parts(notes[number])
                    for piece in _wrap_note(f"{number} {text}", width):
                        canvas.setFont("Helvetica", NOTE)
                        canvas.drawString(left, ny, piece)
                        ny -= NOTE_LEADING
                    if url:
                        canvas.drawString(left, ny, url)
                        ny -= NOTE_LEADING
            canvas.setFont("Helvetica", 7)  # the running header, small, as the Rijksoverheid sets it
            if letterhead:
                cy = TOP
                for text in _column(letter, page == 1):
                    canvas.drawString(PAGE_WIDTH - margin - COLUMN_WIDTH, cy, text)
                    cy -= 9.0
            else:
                canvas.drawRightString(
                    PAGE_WIDTH - right, TOP + 28, f"Datum {letter.date or ''}  Onze referentie 6543210"
                )
            canvas.setFont("Helvetica", 8)
            canvas.drawCentredString(
                PAGE_WIDTH / 2, 36, f"Pagina {page} van {pages}" if letterhead else f"Pagina {page}"
            )
            canvas.showPage()
            page += 1
            y = TOP
            pending = []

        for words, bold, gap in lines:
            new_notes = [note for _, note in words if note is not None]
            if y - gap - leading < BOTTOM + notes_height(pending + new_notes):
                finish_page()
                gap = 0.0
            y -= gap if y < TOP else 0.0
            x = left
            font = "Helvetica-Bold" if bold else "Helvetica"
            for word, _ in words:
                for k, piece in enumerate(word.split("\x00")):
                    if k % 2:  # a footnote marker: superscript, smaller, raised
                        canvas.setFont("Helvetica", NOTE)
                        canvas.drawString(x, y + 0.35 * size, piece)
                        x += stringWidth(piece, "Helvetica", NOTE)
                    else:
                        canvas.setFont(font, size)
                        canvas.drawString(x, y, piece)
                        x += stringWidth(piece, font, size)
                x += stringWidth(" ", font, size)
            y -= leading
            pending += new_notes
        finish_page()
        canvas.save()
        return buffer.getvalue(), page - 1

    data, count = render(0)
    return render(count)[0] if letterhead else data


def _wrap_note(text: str, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if line and stringWidth(candidate, "Helvetica", NOTE) > width:
            out.append(line)
            line = word
        else:
            line = candidate
    return [*out, line] if line else out


def to_letterhead_pdf(letter: Letter) -> bytes:
    return to_pdf(letter, letterhead=True)


WRITERS = {"xml": to_xml, "html": to_html, "docx": to_docx, "pdf": to_pdf, "letterhead.pdf": to_letterhead_pdf}


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path in LETTERS:
        letter = read_letter(path)
        for extension, writer in WRITERS.items():
            target = folder / f"{path.stem}.{extension}"
            content = writer(letter)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
            written.append(target)
    return written


if __name__ == "__main__":
    for path in write_all(HERE / "formats"):
        print(f"wrote {path.relative_to(HERE.parent)}")
