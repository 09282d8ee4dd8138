"""Segment: split a normalized letter into its sections and read its metadata.

A geannoteerde agenda is a cover letter (opening paragraphs, then topics under unnumbered
headings, then the signatures) followed by the annotated agenda (its title, parts, and items
with the cabinet's position). The rules here serve the genre, not one letter: where a line is
ambiguous they decide from the lines around it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from agendadiff.lang import dutch
from agendadiff.lang.typography import canonical, slug
from agendadiff.lang.words import unique_name
from agendadiff.meeting import conflict, kamerstuk_of, kind_of, parse_meeting
from agendadiff.model import (
    Footnote,
    Layout,
    Letter,
    LetterKind,
    Line,
    NoteRef,
    Paragraph,
    Section,
    SectionKind,
    Signatory,
    Span,
)
from agendadiff.normalize import join_lines

NO_STRUCTURE = "no recognisable structure (no headings, agenda items or signatures): the whole text is one section"
NO_DATE = "no letter date found (a line such as 'Den Haag, 10 juli 2025')"
NO_MARKER = "no marker found in the text for footnote {numbers}; kept with the section it stood under"
_MAX_TITLE_LINES = 12
_MAX_HEADING_WORDS = 20
_PREAMBLE_LINES = 40  # the addressee and date stand near the top, under the letterhead


@dataclass
class _Draft:
    """A section being built; frozen into a `Section` when the letter is done."""

    kind: SectionKind
    title_lines: list[Line] = field(default_factory=list)
    number: str | None = None
    parent: _Draft | None = None
    decision: str | None = None
    formal_title: str | None = None
    paragraphs: list[list[Line]] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    subheadings: set[int] = field(default_factory=set)  # indexes into paragraphs

    @property
    def title(self) -> str:
        return join_lines(self.title_lines)[0]

    def add_paragraph(self, lines: Sequence[Line], subheading: bool = False) -> None:
        if subheading:
            self.subheadings.add(len(self.paragraphs))
        self.paragraphs.append(list(lines))
        self.lines.extend(lines)


class _Parser:
    """Walks the body line by line; `starts` marks the first line of each block."""

    def __init__(self, layout: Layout) -> None:
        self.lines: list[Line] = [line for block in layout.blocks for line in block]
        self.starts: set[int] = set()
        position = 0
        for block in layout.blocks:
            self.starts.add(position)
            position += len(block)
        self.width = layout.width
        self.drafts: list[_Draft] = []
        # Kept as drafts are added, so that an item finds its part and the item before it at once (a walk
        # back through the drafts for each item made 10,000 items take 17 s).
        self._open_part: _Draft | None = None
        self._last_item: dict[int, _Draft] = {}  # id of a part or group -> its last numbered item
        self.signatories: list[Signatory] = []
        self.addressee: str | None = None
        self.date_text: str | None = None
        self.dossier: str | None = None
        self.number: str | None = None
        self._split_glued_headings()

    # -- navigation --------------------------------------------------------------------------

    def text(self, i: int) -> str:
        return self.lines[i].text.strip()

    def block_end(self, i: int) -> int:
        """Index just past the block that holds line i."""
        j = i + 1
        while j < len(self.lines) and j not in self.starts:
            j += 1
        return j

    def _split_glued_headings(self) -> None:
        """Start a new block where a heading stands glued to the text around it.

        PDF text glues an item line to the sentence above it ("AVG." / "2. ..."); text with hard
        line breaks and no blank lines glues everything, so headings, decision lines and the text
        after a decision line are split off here too.
        """
        for i in range(1, len(self.lines)):
            if i not in self.starts and self._glued_start(i):
                self.starts.add(i)

    def _glued_start(self, i: int) -> bool:
        """Whether line i starts a block though nothing set it apart: one of the six ways a heading glues."""
        before = self.text(i - 1)
        return (
            (dutch.ends_sentence(before) and self._signature_starts(i))
            or self._glued_numbered_heading(i)
            or bool(dutch.DECISION.match(before))  # the text after a decision line
            or self._glued_decision(i)
            or self._glued_heading_above_a_title(i)
            or (dutch.ends_sentence(before) and self._heading_above_sentence(i))
        )

    def _glued_numbered_heading(self, i: int) -> bool:
        """An item, part or agenda title under a sentence or a title: "AVG." / "2. ..."."""
        line, before = self.text(i), self.text(i - 1)
        numbered = dutch.ITEM.match(line) or dutch.PART.match(line) or dutch.AGENDA_TITLE.match(line)
        after_title = not dutch.has_sentence(before) and not dutch.ends_mid_phrase(before)
        return bool(numbered) and (dutch.ends_sentence(before) or after_title)

    def _glued_decision(self, i: int) -> bool:
        """A decision line marked as one: "= Algemene oriëntatie"."""
        line = self.text(i)
        return line.startswith("=") and bool(dutch.DECISION.match(line))

    def _glued_heading_above_a_title(self, i: int) -> bool:
        """A short heading, ended early, after a sentence or another heading, above a decision line, formal
        title, item or part."""
        before = self.text(i - 1)
        return (
            self._heading_like(i)
            and self._ends_early(i)
            and (dutch.ends_sentence(before) or self._heading_like(i - 1))
            and self._heads_something(i + 1)
        )

    def _heading_like(self, i: int) -> bool:
        """A short capitalized line without a sentence in it, that does not visibly go on."""
        line = self.text(i)
        return (
            bool(line)
            and (line[0].isupper() or bool(dutch.PART.match(line)))
            and len(line.split()) <= 10
            and not dutch.has_sentence(line)
            and not dutch.ends_mid_phrase(line)
            and not dutch.DECISION.match(line)
            and not dutch.SIGNATURE_FUNCTION.match(line)
            and not dutch.NAME_WITH_INITIALS.match(line)
        )

    def _heads_something(self, i: int, depth: int = 2) -> bool:
        """Whether the line at i is what follows a heading: a decision line, a formal title, an
        item or part line, or another heading that is itself followed by one of these."""
        if i >= len(self.lines) or depth == 0:
            return False
        line = self.text(i)
        if (
            dutch.DECISION.match(line)
            or dutch.FORMAL_TITLE.match(line)
            or dutch.ITEM.match(line)
            or dutch.PART.match(line)
        ):
            return True
        return self._heading_like(i) and self._ends_early(i) and self._heads_something(i + 1, depth - 1)

    def _heading_above_sentence(self, i: int) -> bool:
        """A heading of up to four lines glued above a sentence: "Kopgroep Dublin" / "Met het oog op ...".

        In prose the line before a line that opens a sentence ends one; a line without closing
        punctuation there, that ended before it had to, is a heading.
        """
        if not self.text(i)[:1].isupper() or self._opens_sentence(self.text(i)):
            return False
        for k in range(i, min(i + 4, len(self.lines) - 1)):
            line = self.text(k)
            if dutch.has_sentence(line) or (k > i and k in self.starts):
                return False
            if not dutch.ends_mid_phrase(line):
                if self._opens_sentence(self.text(k + 1)):
                    return True
                if self._ends_early(k):
                    return False  # ended, but no sentence follows: not a heading above one
        return False

    def _ends_early(self, i: int) -> bool:
        """Whether the next line's first word would have fitted: the line was ended, not wrapped."""
        if i + 1 >= len(self.lines):
            return True
        return len(self.text(i)) + 1 + len(dutch.first_word(self.text(i + 1))) <= self.width

    # -- the walk ----------------------------------------------------------------------------

    def parse(self) -> None:
        i = self._preamble()
        in_agenda = False  # the cover letter comes first; signatures, parts or items end it
        while i < len(self.lines):
            line = self.text(i)
            if self._signature_starts(i):
                i = self._signatures(i)
            elif dutch.AGENDA_TITLE.match(line) and i in self.starts:
                i = self._agenda_title(i)
            elif dutch.PART.match(line) and i in self.starts and (in_agenda or self._followed_by_item(i)):
                i = self._part(i)
            elif dutch.ITEM.match(line) and i in self.starts and self._item_number_fits(line, in_agenda):
                i = self._item(i)
            elif in_agenda:
                i = self._agenda_block(i)
                continue
            else:
                i = self._cover_block(i)
                continue
            in_agenda = True

    def _preamble(self) -> int:
        """Skip the letterhead (often cut) up to the addressee and date lines; read both."""
        last = -1
        for i in range(min(len(self.lines), _PREAMBLE_LINES)):
            line = self.text(i)
            if (dossier := dutch.DOSSIER_HEADING.match(line)) and last < 0 and self.dossier is None:
                self.dossier = dossier.group("dossier")
            elif (number := dutch.NUMBER_HEADING.match(line)) and last < 0 and self.number is None:
                self.number = number.group("number")
            elif dutch.ADDRESSEE.match(line):
                self.addressee = line
                last = i
            elif (date := dutch.LETTER_DATE.match(line)) and self.date_text is None:
                self.date_text = date.group("date")
                last = i
            elif last >= 0:
                break  # the letter proper starts after the first addressee and date lines
        if last < 0:
            return 0
        start = last + 1
        if start < len(self.lines):
            self.starts.add(start)
        return start

    # -- cover letter ------------------------------------------------------------------------

    def _cover_block(self, i: int) -> int:
        end = self.block_end(i)
        heading = self._heading_length(i, end)
        if heading and self._subheading(i, heading):
            self._add_paragraph(i, end)
            return end
        if heading and self._is_group_heading(i, heading, end):
            return self._open(SectionKind.GROUP, i, i + heading)
        if heading:
            i = self._open(SectionKind.TOPIC, i, i + heading, parent=self._current_group())
        if i < end:  # the text glued under a heading is its first paragraph
            self._add_paragraph(i, end)
        return end

    def _current_group(self) -> _Draft | None:
        for draft in reversed(self.drafts):
            if draft.kind is SectionKind.GROUP:
                return draft
            if draft.kind is SectionKind.TOPIC and draft.parent is None:
                return None
        return None

    def _is_group_heading(self, i: int, length: int, end: int) -> bool:
        """'Asiel- en migratie thema's:' or 'Toezeggingen' heads a group when a topic heading follows it
        straight away, with no text of its own."""
        if i + length < end or end >= len(self.lines):
            return False
        following = self._heading_length(end, self.block_end(end))
        return following > 0 and not self._subheading(end, following)

    def _subheading(self, i: int, length: int) -> bool:
        """'Aanleiding', 'Essentie voorstel': a sub-heading, when there is a topic or item for it to be in."""
        current = self.drafts[-1] if self.drafts else None
        inside = current is not None and current.kind in (SectionKind.TOPIC, SectionKind.ITEM)
        return inside and length == 1 and bool(dutch.SUBHEADING.match(self.text(i)))

    def _heading_length(self, i: int, end: int) -> int:
        """How many lines at i form a heading: short lines without closing punctuation, then text."""
        first = self.text(i)
        if not first or not (first[0].isupper() or first[0].isdigit() or first[0] in "\"'‘“"):
            return 0
        if dutch.SIGNATURE_FUNCTION.match(first) or dutch.NAME_WITH_INITIALS.match(first) or dutch.CLOSING.match(first):
            return 0
        words = 0
        for k in range(i, min(end, i + 4)):
            line = self.text(k)
            words += len(line.split())
            if words > _MAX_HEADING_WORDS or dutch.has_sentence(line) or (line.endswith((";", ",")) and k + 1 == end):
                return 0
            if k + 1 == end:  # the block ends here: text must follow in the next block
                return k + 1 - i if end < len(self.lines) and not dutch.ends_mid_phrase(line) else 0
            after = self.text(k + 1)
            if (self._opens_sentence(after) or self._ends_early(k)) and not dutch.ends_mid_phrase(line):
                # Body text glued under the heading starts with a new sentence.
                starts_text = after[:1].isupper() or bool(dutch.DECISION.match(after))
                return k + 1 - i if starts_text and not line.endswith(":") else 0
        return 0

    # -- signatures --------------------------------------------------------------------------

    def _signature_starts(self, i: int) -> bool:
        """'De minister van ...,' starts the signatures only when a name (or the next function) follows."""
        line = self.text(i)
        if dutch.CLOSING.match(line) or dutch.SIGNATURE_INLINE.match(line):
            return True
        if not dutch.SIGNATURE_FUNCTION.match(line) or i + 1 >= len(self.lines):
            return False
        after = self.text(i + 1)
        return bool(dutch.SIGNATURE_FUNCTION.match(after)) or dutch.is_name(after)

    def _signatures(self, i: int) -> int:
        draft = _Draft(SectionKind.SIGNATURES)
        self._add(draft)
        function: list[Line] = []
        while i < len(self.lines):
            line = self.text(i)
            inline = dutch.SIGNATURE_INLINE.match(line)
            if dutch.CLOSING.match(line):
                draft.lines.append(self.lines[i])
            elif inline and not function:
                self.signatories.append(Signatory(inline.group("function"), inline.group("name").strip()))
                draft.add_paragraph([self.lines[i]])
            elif dutch.SIGNATURE_FUNCTION.match(line) or (function and not function[-1].text.rstrip().endswith(",")):
                function.append(self.lines[i])
            elif function and dutch.is_name(line):
                # One signatory a paragraph: "De minister van ..., D.M. van Weel".
                name = join_lines(function)[0].rstrip(" ,")
                self.signatories.append(Signatory(name, line))
                draft.add_paragraph([*function, self.lines[i]])
                function = []
            else:
                break
            i += 1
        if i < len(self.lines):
            self.starts.add(i)
        return i

    # -- agenda ------------------------------------------------------------------------------

    def _agenda_title(self, i: int) -> int:
        end = self.block_end(i)
        draft = _Draft(SectionKind.AGENDA, title_lines=list(self.lines[i:end]))
        # The title wraps, sometimes with a blank line inside: take following title-like blocks.
        for _ in range(3):
            if end >= len(self.lines) or self._is_structural(end):
                break
            next_end = self.block_end(end)
            block = [self.text(k) for k in range(end, next_end)]
            if len(block) > 3 or any(dutch.has_sentence(text) for text in block):
                break
            draft.title_lines.extend(self.lines[end:next_end])
            end = next_end
        draft.lines.extend(draft.title_lines)
        self._add(draft)
        return end

    def _part(self, i: int) -> int:
        match = dutch.PART.match(self.text(i))
        assert match is not None
        draft = _Draft(SectionKind.PART, number=match.group("number"))
        draft.title_lines = [_after_numeral(self.lines[i], match.start("title"))]
        draft.lines.append(self.lines[i])
        self._add(draft)
        if i + 1 < len(self.lines):
            self.starts.add(i + 1)
        return i + 1

    def _item(self, i: int) -> int:
        match = dutch.ITEM.match(self.text(i))
        assert match is not None
        draft = _Draft(SectionKind.ITEM, number=match.group("number"), parent=self._current_part())
        return self._item_header(draft, [_after_numeral(self.lines[i], match.start("title"))], [self.lines[i]], i + 1)

    def _item_header(self, draft: _Draft, title: list[Line], consumed: list[Line], i: int) -> int:
        """Read an item's title (wrapped over lines and blocks), decision line and formal title."""
        i = self._title_continuation(title, consumed, i)
        draft.title_lines = title
        for _ in range(2):
            if i >= len(self.lines):
                break
            line = self.text(i)
            decision = dutch.DECISION.match(line)
            if decision and draft.decision is None:
                draft.decision = (decision.group("marked") or decision.group("plain")).strip()
                consumed.append(self.lines[i])
                i += 1
                self.starts.add(i)
            elif dutch.FORMAL_TITLE.match(line) and draft.formal_title is None:
                end = i + 1  # up to the block's end, a decision line, or a full stop
                while (
                    end < self.block_end(i)
                    and not dutch.DECISION.match(self.text(end))
                    and not dutch.ends_sentence(self.text(end - 1))
                ):
                    end += 1
                draft.formal_title = join_lines(self.lines[i:end])[0]
                consumed.extend(self.lines[i:end])
                i = end
        draft.lines.extend(consumed)
        self._add(draft)
        if i < len(self.lines):
            self.starts.add(i)
        return i

    def _title_continuation(self, title: list[Line], consumed: list[Line], i: int) -> int:
        while i < len(self.lines) and len(title) < _MAX_TITLE_LINES:
            line = self.text(i)
            if (
                self._is_structural(i)
                or dutch.DECISION.match(line)
                or dutch.FORMAL_TITLE.match(line)
                or dutch.has_sentence(line)
            ):
                break
            last = title[-1].text.rstrip()
            if dutch.has_sentence(last) or last.endswith(";"):
                break
            end = self.block_end(i)
            rest_is_title = end - i <= 4 and not any(dutch.has_sentence(self.text(k)) for k in range(i, end))
            visibly_goes_on = dutch.starts_lower(line) or dutch.ends_mid_phrase(last)
            if i in self.starts and end - i == 1 and self._followed_by_item(i):
                break  # "Justitie" before "1. ...": a part, not the rest of a title
            if not (visibly_goes_on or (i in self.starts and rest_is_title) or self._title_runs_on(i, end)):
                break
            title.append(self.lines[i])
            consumed.append(self.lines[i])
            i += 1
        return i

    def _title_runs_on(self, i: int, end: int) -> bool:
        """Whether a capitalized line after an unfinished title still belongs to it.

        It does when no sentence ends before the next line that plainly starts one
        ("Tijdens de ...", or a capitalized line after a short one), or before the block ends.
        """
        if self._opens_sentence(self.text(i)):
            return False
        for k in range(i + 1, min(end, i + _MAX_TITLE_LINES)):
            before, line = self.text(k - 1), self.text(k)
            if dutch.has_sentence(before):
                return False
            sentence_starts = self._opens_sentence(line) or len(before) <= 0.6 * self.width
            if line[:1].isupper() and not dutch.ends_mid_phrase(before) and sentence_starts:
                return True
        return end - i < _MAX_TITLE_LINES and not any(dutch.has_sentence(self.text(k)) for k in range(i, end))

    @staticmethod
    def _opens_sentence(line: str) -> bool:
        return line[:1].isupper() and dutch.first_word(line).lower() in dutch.SENTENCE_OPENERS

    def _agenda_block(self, i: int) -> int:
        end = self.block_end(i)
        heading = self._heading_length(i, end)
        if heading and self._subheading(i, heading):
            self._add_paragraph(i, end)
            return end
        part = self._current_part()
        if heading and i + heading == end and self._followed_by_item(i + heading - 1):
            return self._open(SectionKind.PART, i, i + heading)
        if heading and i + heading == end and self._heading_follows(end):
            # "Raad wetgevende besprekingen" groups the items of a part; "Justitie" after a
            # part's items starts a part of its own.
            numbered = self._numbered_part()
            if numbered is not None and (self._is_empty(numbered) or self._has_groups(numbered)):
                return self._open(SectionKind.GROUP, i, i + heading, parent=numbered)
            return self._open(SectionKind.PART, i, i + heading)
        if heading and self._last_numbered_item(part) is None and not self._in_numbered_item():
            draft = _Draft(SectionKind.ITEM, parent=part)
            consumed = list(self.lines[i : i + heading])
            return self._item_header(draft, list(self.lines[i : i + heading]), consumed, i + heading)
        self._add_paragraph(i, end)
        return end

    def _numbered_part(self) -> _Draft | None:
        for draft in reversed(self.drafts):
            if draft.kind is SectionKind.PART:
                return draft if draft.number is not None else None
        return None

    def _is_empty(self, part: _Draft) -> bool:
        return self.drafts[-1] is part and not part.paragraphs

    def _has_groups(self, part: _Draft) -> bool:
        return any(d.kind is SectionKind.GROUP and d.parent is part for d in self.drafts)

    def _heading_follows(self, i: int) -> bool:
        return i < len(self.lines) and (self._is_structural(i) or self._heading_length(i, self.block_end(i)) > 0)

    def _in_numbered_item(self) -> bool:
        return bool(self.drafts) and self.drafts[-1].kind is SectionKind.ITEM and self.drafts[-1].number is not None

    def _followed_by_item(self, i: int) -> bool:
        j = self.block_end(i)
        return j < len(self.lines) and bool(dutch.ITEM.match(self.text(j)))

    def _item_number_fits(self, line: str, in_agenda: bool) -> bool:
        """Item numbers run 1, 2, 3 within a part; a stray '2.' in a paragraph is not an item."""
        match = dutch.ITEM.match(line)
        assert match is not None
        if dutch.has_sentence(match.group("title")) and not dutch.ends_mid_phrase(match.group("title")):
            return False
        number = int(match.group("number"))
        previous = self._last_numbered_item(self._current_part())
        if previous is not None and previous.number is not None:
            return number == int(previous.number) + 1
        return number == 1 or in_agenda

    def _last_numbered_item(self, parent: _Draft | None) -> _Draft | None:
        """The last numbered item of a part or group (None for none, or outside any part)."""
        return self._last_item.get(id(parent)) if parent is not None else None

    def _add(self, draft: _Draft) -> None:
        self.drafts.append(draft)
        if draft.kind is SectionKind.PART or (draft.kind is SectionKind.GROUP and draft.parent is not None):
            self._open_part = draft
        elif draft.kind in (SectionKind.SIGNATURES, SectionKind.AGENDA, SectionKind.TOPIC, SectionKind.INTRO):
            self._open_part = None
        if draft.kind is SectionKind.ITEM and draft.number is not None and draft.parent is not None:
            self._last_item[id(draft.parent)] = draft

    def _current_part(self) -> _Draft | None:
        """The part, or the group within a part, that an agenda item belongs to."""
        return self._open_part

    def _is_structural(self, i: int) -> bool:
        line = self.text(i)
        return bool(
            (dutch.ITEM.match(line) and i in self.starts)
            or dutch.PART.match(line)
            or self._signature_starts(i)
            or dutch.AGENDA_TITLE.match(line)
        )

    # -- helpers -----------------------------------------------------------------------------

    def _open(self, kind: SectionKind, start: int, end: int, parent: _Draft | None = None) -> int:
        """Open a section whose title is lines start..end; the text after it starts a new block."""
        draft = _Draft(kind, title_lines=list(self.lines[start:end]), parent=parent)
        draft.lines.extend(draft.title_lines)
        self._add(draft)
        if end < len(self.lines):
            self.starts.add(end)
        return end

    def _add_paragraph(self, start: int, end: int) -> None:
        """Lines start..end as a paragraph of the current section; a sub-heading above them on its own."""
        if not self.drafts:
            self._add(_Draft(SectionKind.INTRO))
        elif self.drafts[-1].kind is SectionKind.SIGNATURES:
            # Text after the signatures is an annex, whether or not its title was kept.
            self._add(_Draft(SectionKind.AGENDA))
        if self._subheading(start, 1):
            self.drafts[-1].add_paragraph(self.lines[start : start + 1], subheading=True)
            start += 1
        if start < end:
            self.drafts[-1].add_paragraph(self.lines[start:end])


def _after_numeral(line: Line, start: int) -> Line:
    """The title part of "1. Werksessie ..." (start counts in the stripped text), references moved along."""
    offset = len(line.text) - len(line.text.lstrip()) + start
    refs = tuple(NoteRef(ref.number, ref.offset - offset) for ref in line.refs if ref.offset >= offset)
    return Line(line.number, line.text[offset:], refs)


def segment(layout: Layout) -> Letter:
    """The letter's sections (intro, groups, topics, signatures, agenda, parts, items) and its metadata (date,
    meeting, addressee, signatories, Kamerstuk, kind), with warnings for what it could not find."""
    parser = _Parser(layout)
    parser.parse()
    drafts = parser.drafts
    warnings: list[str] = []
    if parser.date_text is None:
        # Rijksoverheid letters repeat "Datum 10 juli 2025" on every page: normalize took it out as furniture.
        parser.date_text = next(
            (m.group("date") for line in layout.furniture if (m := dutch.LETTER_DATE.match(line))), None
        )
    kamerstuk = kamerstuk_of(parser.dossier, parser.number, layout.furniture)
    is_letter = parser.addressee is not None or parser.date_text is not None
    structured = is_letter or any(d.kind is not SectionKind.INTRO for d in drafts)
    if not structured:
        lines = parser.lines
        text_draft = _Draft(SectionKind.TEXT)
        for block in layout.blocks:
            text_draft.add_paragraph(block)
        drafts = [text_draft] if lines else []
        warnings.append(NO_STRUCTURE)
    date = dutch.parse_date(parser.date_text) if parser.date_text else None
    if date is None:
        warnings.append(NO_DATE)
    owners, unreferred = _footnote_owners(drafts, layout.footnotes)
    sections = _freeze(drafts, layout.footnotes, owners)
    if unreferred:
        warnings.append(NO_MARKER.format(numbers=", ".join(map(str, unreferred))))
    agenda = next((s.title for s in sections if s.kind is SectionKind.AGENDA), "")
    intro = next((s.text for s in sections if s.kind is SectionKind.INTRO), "")
    if (disagreement := conflict(agenda, intro, date)) is not None:
        warnings.append(disagreement)
    return Letter(
        source=layout.source,
        date=date,
        meeting=parse_meeting(agenda, intro, date),
        addressee=parser.addressee,
        signatories=tuple(parser.signatories),
        sections=sections,
        warnings=tuple(warnings),
        kamerstuk=kamerstuk,
        rendering=layout.rendering,
        kind=kind_of(agenda, intro) if structured else LetterKind.OTHER,
    )


def _freeze(drafts: Sequence[_Draft], footnotes: Sequence[Footnote], owner: dict[int, _Draft]) -> tuple[Section, ...]:
    ids: dict[int, str] = {}
    used: set[str] = set()
    for draft in drafts:
        ids[id(draft)] = _unique_id(draft, used, ids)
    sections = []
    for draft in drafts:
        numbers = [line.number for line in draft.lines]
        sections.append(
            Section(
                id=ids[id(draft)],
                kind=draft.kind,
                title=draft.title,
                span=Span(min(numbers), max(numbers)) if numbers else Span(0, 0),
                number=draft.number,
                parent=ids[id(draft.parent)] if draft.parent is not None else None,
                decision=draft.decision,
                formal_title=draft.formal_title,
                paragraphs=tuple(_paragraph(lines, k in draft.subheadings) for k, lines in enumerate(draft.paragraphs)),
                footnotes=tuple(note for note in footnotes if owner.get(note.number) is draft),
            )
        )
    return tuple(sections)


def _paragraph(lines: Sequence[Line], subheading: bool = False) -> Paragraph:
    text, refs = join_lines(lines)
    span = Span(lines[0].number, lines[-1].number)
    return Paragraph(text=text, normalized=canonical(text), span=span, refs=refs, subheading=subheading)


def _unique_id(draft: _Draft, used: set[str], ids: dict[int, str]) -> str:
    if (
        draft.kind in (SectionKind.INTRO, SectionKind.SIGNATURES, SectionKind.AGENDA, SectionKind.TEXT)
        or not draft.title
    ):
        base = draft.kind.value
    else:
        base = f"{draft.kind.value}:{slug(draft.title)}"
    candidate = base
    if candidate in used and draft.parent is not None:
        candidate = f"{base}@{ids[id(draft.parent)].split(':', 1)[-1]}"
    if candidate in used:
        candidate = unique_name(base, used)
    used.add(candidate)
    return candidate


def _footnote_owners(drafts: Sequence[_Draft], footnotes: Sequence[Footnote]) -> tuple[dict[int, _Draft], list[int]]:
    """Each footnote belongs to the section whose text carries its marker; one without a marker
    goes with the section it stood under, and is named in the second list."""
    owners: dict[int, _Draft] = {}
    for draft in drafts:
        for line in draft.lines:
            for ref in line.refs:
                owners.setdefault(ref.number, draft)
    unreferred = [note.number for note in footnotes if note.number not in owners]
    starts = [(min(line.number for line in d.lines), d) for d in drafts if d.lines]
    for number in unreferred:
        first = next(note.span.first for note in footnotes if note.number == number)
        before = [draft for start, draft in starts if start < first]
        if before:
            owners[number] = before[-1]
    return owners, unreferred
