"""Timeline: follow each topic through many letters, and every sentence of it through the topic.

Letters are put in date order and each consecutive pair is aligned (align.py), so a topic's sections
chain into a thread whatever their titles or places; a section split off another starts a thread of its
own that remembers where it came from, and a merged one ends in the thread it joined. A thread that
stops and a thread that starts a few letters later are the same topic when align pairs them: that
bridges a letter that skipped the topic.

Along each thread the sentences are followed letter by letter, like `git blame`: a sentence equal or
nearly equal (small edits) to one of the previous appearance keeps its age; one taken from another
topic keeps its age and says where it came from; anything else is new in that letter.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agendadiff.align import Pairing, align
from agendadiff.diff import words_alike, words_in_common
from agendadiff.errors import AgendadiffError
from agendadiff.kept import Kept
from agendadiff.lang.dutch import FUNCTION_WORDS
from agendadiff.lang.typography import canonical
from agendadiff.lang.words import SESSION_LABEL, WORD, unique_name
from agendadiff.model import (
    Alignment,
    Appearance,
    ChangeKind,
    Chunk,
    Cue,
    Letter,
    LetterKind,
    Op,
    PositionStep,
    Section,
    SectionKind,
    SentenceHistory,
    Signal,
    Status,
    Step,
    Thread,
    Timeline,
    TopicLabel,
    TopicName,
    Turn,
)
from agendadiff.positions import Lexicon, classify, load_lexicon, mark_sentences, section_changes
from agendadiff.readers import Supplied
from agendadiff.topics import TopicLexicon, label_section, load_topics

if TYPE_CHECKING:
    from concurrent.futures import Executor

EDITED = 0.6  # a sentence this alike (in order, by words) to an old one is that sentence, edited
# A sentence taken from another topic must be this alike and this long: short stock phrases ("Het kabinet
# is voornemens in te stemmen.") recur between unrelated topics by chance.
MOVED_IN = 0.8
MOVED_IN_WORDS = 6
REWRITTEN = 0.5  # a dropped and a new position statement sharing this share of content words are one, rewritten
MAX_GAP = 6  # a topic may be missing from this many letters in a row (about a year of a Council's) and go on
THREAD_TOPIC_FLOOR = 0.15  # a thread carries a topic whose mean score over its appearances reaches this
_THREADED = (SectionKind.TOPIC, SectionKind.ITEM, SectionKind.TEXT)
_COVER = (SectionKind.TOPIC, SectionKind.TEXT)

Aligner = Callable[[Letter, Letter], Alignment]


class TimelineError(AgendadiffError):
    """Letters that cannot make a timeline."""


def ordered(letters: Iterable[Letter]) -> tuple[Letter, ...]:
    """The letters by their own date (then file name); a letter without a date cannot be placed."""
    letters = tuple(letters)
    for letter in letters:
        if letter.date is None:
            raise TimelineError(f"{letter.source.path}: no date found in the letter; a timeline orders letters by date")
    seen: dict[str, str] = {}
    for letter in letters:
        if letter.source.sha256 in seen:
            raise TimelineError(f"{letter.source.path}: the same letter as {seen[letter.source.sha256]}; give it once")
        seen[letter.source.sha256] = letter.source.path
    return tuple(sorted(letters, key=lambda letter: (letter.date, letter.source.path)))


def _key(kind: str, *texts: str) -> str:
    """The key of work kept between runs: its kind and what it was made from."""
    return f"{kind} " + hashlib.sha256("\0".join(texts).encode()).hexdigest()


def _compared_key(before: Section, section: Section) -> str:
    return _key("compared", before.text, section.text)


def _compared_steps(before: Section, section: Section, lexicon: Lexicon) -> list[list[Any]]:
    """The position statements compare finds changed from `before` to `section`, as data to keep."""
    return [
        _step_data(PositionStep(change.status, change.old_text, change.new_text, change.kind, change.cues, change.diff))
        for change in section_changes(before, section, lexicon)
        if change.position
    ]


def _compare_ahead(
    letters: Sequence[Letter], drafts: Sequence[_Draft], lexicon: Lexicon, kept: Kept, pool: Executor
) -> None:
    """Compare on every core, into `kept`, the sections that follow each other in a thread from one letter
    to the next: most of a long timeline's work, and each pair's own."""
    from agendadiff.pipeline import mapped

    sections = [{s.id: s for s in letter.sections} for letter in letters]
    pairs: dict[str, tuple[Section, Section]] = {}
    for draft in drafts:
        for (i, old), (j, new) in pairwise(draft.nodes):
            if j == i + 1:
                key = _compared_key(sections[i][old], sections[j][new])
                if key not in kept.known:
                    pairs.setdefault(key, (sections[i][old], sections[j][new]))
    keys = list(pairs)
    befores, afters = [pairs[k][0] for k in keys], [pairs[k][1] for k in keys]
    kept.ahead(dict(zip(keys, mapped(pool, _compared_steps, befores, afters, [lexicon] * len(keys)), strict=True)))


def _step_data(step: PositionStep) -> list[Any]:
    cues = [[c.signal.value, list(c.removed), list(c.added), list(c.replaced_by)] for c in step.cues]
    kind = step.kind.value if step.kind else None
    return [step.status.value, step.old_text, step.new_text, kind, cues, [[c.op.value, c.text] for c in step.diff]]


def _step_from(item: list[Any]) -> PositionStep:
    status, old, new, kind, cues, diff = item
    return PositionStep(
        Status(status),
        old,
        new,
        ChangeKind(kind) if kind else None,
        tuple(Cue(Signal(c[0]), tuple(c[1]), tuple(c[2]), tuple(c[3])) for c in cues),
        tuple(Chunk(Op(op), text) for op, text in diff),
    )


def build_timeline(
    letters: Iterable[Letter],
    topics: TopicLexicon | None = None,
    lexicon: Lexicon | None = None,
    alignments: Sequence[Alignment] | None = None,
    dossiers: TopicLexicon | None = None,
    kept: Kept | None = None,
    pool: Executor | None = None,
) -> Timeline:
    """Threads through `letters` (put in date order). `alignments` of the consecutive pairs may be given
    when they were made elsewhere (in parallel, say); by default they are made here, with `dossiers` (or
    those agendadiff ships) and `topics` as evidence. `kept` holds the changed positions of section pairs
    compared before (made with the same lexicon, topics and dossiers), and takes those compared now, with the
    other work an archive's next timeline would do again: gaps bridged, sentences classified, sections
    labelled. With a `pool`, the sections a thread follows are compared on its workers first."""
    ordered_letters = ordered(letters)
    pairing = Pairing(dossiers=dossiers, topics=topics)
    topics = topics or load_topics()
    lexicon = lexicon or load_lexicon()
    if alignments is None:
        alignments = [align(a, b, pairing) for a, b in pairwise(ordered_letters)]
    if len(alignments) != max(0, len(ordered_letters) - 1):
        raise ValueError("one alignment per consecutive pair of letters")
    drafts = _chain(ordered_letters, alignments)
    kept = kept or Kept()
    if pool is not None:
        _compare_ahead(ordered_letters, drafts, lexicon, kept, pool)
    drafts = _bridge_gaps(ordered_letters, drafts, pairing, kept)
    threads = _Follower(ordered_letters, drafts, topics, lexicon, kept).threads()
    names = tuple(TopicName(t.id, t.nl, t.en) for t in topics.topics)
    return Timeline(ordered_letters, threads, tuple(t.id for t in topics.topics), names)


LETTER_SUFFIXES = (".txt", ".pdf", ".docx", ".xml", ".html", ".htm")
PARALLEL_FROM = 12  # below this many letters, starting worker processes costs more than it saves


def _followed(letters: list[Letter]) -> list[Letter]:
    """The letters a timeline follows: the agendas (and other letters), not the verslagen among them, which
    report on a meeting rather than take positions for it; only verslagen, when there is nothing else."""
    kept = [letter for letter in letters if letter.kind is not LetterKind.REPORT]
    return kept or letters


def letter_files(paths: Sequence[Path | Supplied]) -> list[Path | Supplied]:
    """The files named, with a folder standing for the letters in it (files by their suffix, and folders that
    `agendadiff fetch` wrote, a letter with its annexes; not recursing), and an archive for its stored letters.
    A letter `Supplied` from standard input stands for itself."""
    from agendadiff.readers.bundle import is_bundle

    files: list[Path | Supplied] = []
    for path in paths:
        if isinstance(path, Supplied) or is_bundle(path):
            files.append(path)
        elif (path / "agendadiff.toml").is_file() and (path / "letters").is_dir():
            found = sorted((path / "letters").glob("*/original*"))
            if not found:
                raise TimelineError(f"{path}: an archive without letters yet")
            files += found
        elif path.is_dir():
            found = sorted(
                p for p in path.iterdir() if (p.is_file() and p.suffix.lower() in LETTER_SUFFIXES) or is_bundle(p)
            )
            if not found:
                raise TimelineError(f"{path}: no letters in this folder (files ending in {', '.join(LETTER_SUFFIXES)})")
            files += found
        else:
            files.append(path)
    return files


def timeline_of_files(
    paths: Sequence[Path | Supplied],
    topics: TopicLexicon | None = None,
    lexicon: Lexicon | None = None,
    format_in: str | None = None,
    dossiers: TopicLexicon | None = None,
) -> Timeline:
    """Read the letters and build their timeline; with many letters, reading and aligning run on every core."""
    from agendadiff.pipeline import mapped, read_letters, worker_pool

    with worker_pool(len(paths), worth_from=PARALLEL_FROM) as pool:
        if pool is None:
            return build_timeline(_followed(read_letters(paths, format_in)), topics, lexicon, dossiers=dossiers)
        letters = ordered(_followed(read_letters(paths, format_in, pool)))
        pairings = [Pairing(dossiers=dossiers, topics=topics)] * (len(letters) - 1)
        alignments = mapped(pool, align, letters[:-1], letters[1:], pairings)
        return build_timeline(letters, topics, lexicon, alignments, dossiers, pool=pool)


# -- Chaining sections into threads -----------------------------------------------------------------

Node = tuple[int, str]  # (letter index, section id)


@dataclass
class _Draft:
    nodes: list[Node]
    split_from: Node | None = None  # the section, one letter earlier, this thread's first one split from
    merged_into: Node | None = None  # the section, one letter later, this thread's last one merged into


def _threaded(section: Section) -> bool:
    return section.kind in _THREADED


def _chain(letters: Sequence[Letter], alignments: Sequence[Alignment]) -> list[_Draft]:
    drafts: list[_Draft] = []
    draft_of: dict[Node, _Draft] = {}
    for i, letter in enumerate(letters):
        continues: dict[str, str] = {}
        splits: dict[str, str] = {}
        if i:
            previous = {s.id for s in letters[i - 1].sections if _threaded(s)}
            for match in alignments[i - 1].matches:
                if match.old in previous and match.new:
                    continues[match.new] = match.old
                elif match.split_from in previous and match.new:
                    splits[match.new] = match.split_from
                elif match.old in previous and match.merged_into:
                    draft_of[(i - 1, match.old)].merged_into = (i, match.merged_into)
        for section in letter.sections:
            if not _threaded(section):
                continue
            node = (i, section.id)
            if section.id in continues and (i - 1, continues[section.id]) in draft_of:
                draft = draft_of[(i - 1, continues[section.id])]
                draft.nodes.append(node)
            else:
                source = splits.get(section.id)
                draft = _Draft([node], split_from=(i - 1, source) if source else None)
                drafts.append(draft)
            draft_of[node] = draft
    # A merge target that was not a threaded section leaves nothing to merge into.
    for draft in drafts:
        if draft.merged_into and draft.merged_into not in draft_of:
            draft.merged_into = None
    return drafts


def _bridge_gaps(letters: Sequence[Letter], drafts: list[_Draft], pairing: Pairing, kept: Kept) -> list[_Draft]:
    """Join a thread that stopped to one that starts a few letters later when align pairs their sections.

    Letter by letter, the threads starting in it are aligned with those that stopped two to MAX_GAP + 1
    letters before; a thread joined here can be joined again later (a topic with two gaps is one thread)."""
    starting: dict[int, list[_Draft]] = {}
    for draft in drafts:
        if not draft.split_from:
            starting.setdefault(draft.nodes[0][0], []).append(draft)
    joined: set[int] = set()
    for letter in sorted(starting):
        news = starting[letter]
        olds = [
            d
            for d in drafts
            if id(d) not in joined and not d.merged_into and letter - MAX_GAP - 1 <= d.nodes[-1][0] <= letter - 2
        ]
        if not olds:
            continue
        old_sections = [_renamed(letters, d.nodes[-1], f"o{k}") for k, d in enumerate(olds)]
        new_sections = [_renamed(letters, d.nodes[0], f"n{k}") for k, d in enumerate(news)]
        by_old = {s.id: d for s, d in zip(old_sections, olds, strict=True)}
        by_new = {s.id: d for s, d in zip(new_sections, news, strict=True)}
        key = _key("bridge", repr(old_sections), repr(new_sections))
        for old_id, new_id in kept.get(key, partial(_joins, letters[0], old_sections, new_sections, pairing)):
            head, tail = by_old[old_id], by_new[new_id]
            head.nodes += tail.nodes
            head.merged_into = tail.merged_into
            joined.add(id(tail))
    return [d for d in drafts if id(d) not in joined]


def _joins(template: Letter, olds: list[Section], news: list[Section], pairing: Pairing) -> list[list[str]]:
    """The (old, new) section ids align pairs among `olds` and `news`, as two letters like `template`."""
    alignment = align(_bare(template, olds), _bare(template, news), pairing)
    return [[m.old, m.new] for m in alignment.matches if m.old is not None and m.new is not None]


def _renamed(letters: Sequence[Letter], node: Node, prefix: str) -> Section:
    section = next(s for s in letters[node[0]].sections if s.id == node[1])
    return replace(section, id=f"{prefix}:{section.id}", parent=None)


def _bare(template: Letter, sections: Sequence[Section]) -> Letter:
    return replace(template, sections=tuple(sections))


# -- Following the sentences -----------------------------------------------------------------------


@dataclass
class _Tracked:
    """A sentence as it stands in one section, with its history so far."""

    text: str
    key: str
    words: tuple[str, ...]
    introduced: int
    edited: list[int]
    position: bool
    start: int
    end: int
    origin: str | None = None


class _Follower:
    def __init__(
        self,
        letters: Sequence[Letter],
        drafts: Sequence[_Draft],
        topics: TopicLexicon,
        lexicon: Lexicon,
        kept: Kept,
    ) -> None:
        self.letters = letters
        self.kept = kept
        self.drafts = list(drafts)
        self.topics = topics
        self.lexicon = lexicon
        self.sections = [{s.id: s for s in letter.sections} for letter in letters]
        self.draft_of = {node: d for d in self.drafts for node in d.nodes}
        self.ids = _thread_ids(letters, self.drafts, self.sections)
        self.tracked: dict[Node, list[_Tracked]] = {}
        self.tracked_in: list[list[Node]] = [[] for _ in letters]  # the tracked sections of each letter
        self.nodes_in: list[list[tuple[_Draft, Node]]] = [[] for _ in letters]
        for draft in self.drafts:
            for node in draft.nodes:
                self.nodes_in[node[0]].append((draft, node))
        self.merged_at: dict[Node, list[_Draft]] = {}
        self.label_cache: dict[tuple[str, str | None, str], tuple[TopicLabel, ...]] = {}
        self.sentence_cache: dict[str, list[tuple[tuple[str, str, tuple[str, ...]], bool, int, int]]] = {}
        for draft in self.drafts:
            if draft.merged_into:
                self.merged_at.setdefault(draft.merged_into, []).append(draft)
        self.appearances: dict[int, list[Appearance]] = {id(d): [] for d in self.drafts}
        self.dropped: dict[int, list[SentenceHistory]] = {id(d): [] for d in self.drafts}

    def threads(self) -> tuple[Thread, ...]:
        for i in range(len(self.letters)):
            self._letter(i)
        threads = []
        for draft in self.drafts:
            last = self.tracked[draft.nodes[-1]]
            appearances = tuple(self.appearances[id(draft)])
            threads.append(
                Thread(
                    id=self.ids[id(draft)],
                    topics=_thread_topics(appearances),
                    appearances=appearances,
                    sentences=tuple(_history(t) for t in last),
                    dropped=tuple(self.dropped[id(draft)]),
                    split_from=self.ids[id(self.draft_of[draft.split_from])] if draft.split_from else None,
                    merged_into=self.ids[id(self.draft_of[draft.merged_into])] if draft.merged_into else None,
                )
            )
        return tuple(threads)

    def _letter(self, i: int) -> None:
        order = {section_id: k for k, section_id in enumerate(self.sections[i])}
        here = sorted(self.nodes_in[i], key=lambda item: order[item[1][1]])
        consumed: set[int] = set()  # id() of old _Tracked taken by a sentence of this letter
        results = []
        for draft, node in here:
            section = self.sections[i][node[1]]
            fresh = [
                _Tracked(*known, i, [], position, start, end)
                for known, position, start, end in self._sentences(section)
            ]
            previous, olds = self._predecessors(draft, node)
            pairs = _match(olds, fresh, consumed)
            results.append((draft, node, section, fresh, previous, pairs))
        # Sentences no predecessor had may have come from another topic of the letter before.
        if i:
            pool = [(source, t) for source in self.tracked_in[i - 1] for t in self.tracked[source]]
            source_of = {id(t): source for source, t in pool}
            for draft, _node, _, fresh, _, pairs in results:
                taken = {id(n) for _, n in pairs}
                rest = [n for n in fresh if id(n) not in taken]
                if not rest:
                    continue
                candidates = [
                    t for source, t in pool if self.draft_of[source] is not draft and len(t.words) >= MOVED_IN_WORDS
                ]
                for old, new in _match(candidates, rest, consumed, MOVED_IN):
                    new.origin = self.ids[id(self.draft_of[source_of[id(old)]])]
                    pairs.append((old, new))
        for draft, node, section, fresh, previous, pairs in results:
            self._appearance(draft, node, section, fresh, previous, pairs)

    def _predecessors(self, draft: _Draft, node: Node) -> tuple[Node | None, list[_Tracked]]:
        """The thread's previous appearance (across a gap too), and the sentences this section's may
        continue: that appearance's, the section's it split from, and those of sections merged into it."""
        position = draft.nodes.index(node)
        previous = draft.nodes[position - 1] if position else None
        sources = [previous] if previous else [draft.split_from] if draft.split_from else []
        sources += [d.nodes[-1] for d in self.merged_at.get(node, ())]
        return previous, [t for n in sources if n in self.tracked for t in self.tracked[n]]

    def _appearance(
        self,
        draft: _Draft,
        node: Node,
        section: Section,
        fresh: list[_Tracked],
        previous: Node | None,
        pairs: list[tuple[_Tracked, _Tracked]],
    ) -> None:
        i = node[0]
        old_of = {id(new): old for old, new in pairs}
        for new in fresh:
            old = old_of.get(id(new))
            if old is None:
                continue
            new.introduced = old.introduced
            new.edited = list(old.edited) + ([i] if old.key != new.key else [])
            new.origin = new.origin or old.origin
        self.tracked[node] = fresh
        self.tracked_in[i].append(node)
        # What the thread's previous appearance had and this one has not: dropped, or taken by another topic.
        olds = self.tracked[previous] if previous else []
        kept = {id(old) for old, _ in pairs}
        lost = [t for t in olds if id(t) not in kept]
        for t in lost:
            self.dropped[id(draft)].append(replace(_history(t), dropped=i))
        self.appearances[id(draft)].append(self._describe(draft, node, section, fresh, olds, lost, old_of, previous))

    def _describe(
        self,
        draft: _Draft,
        node: Node,
        section: Section,
        fresh: list[_Tracked],
        olds: list[_Tracked],
        lost: list[_Tracked],
        old_of: dict[int, _Tracked],
        previous: Node | None,
    ) -> Appearance:
        i = node[0]
        deleted = sum(len(t.words) for t in lost)
        inserted = 0
        positions: list[PositionStep] = []
        own = {id(t) for t in olds}
        for new in fresh:
            old = old_of.get(id(new))
            if old is None or (id(old) not in own and previous is not None):
                # new here, or moved in from another topic: new to this thread either way
                inserted += len(new.words)
                if new.position:
                    origin = new.origin if old is not None else None
                    positions.append(PositionStep(Status.ADDED, "", new.text, origin=origin))
                continue
            if old.key != new.key:
                common = words_in_common(old.words, new.words)
                deleted += len(old.words) - common
                inserted += len(new.words) - common
            if old.position or new.position:
                positions.append(self._position_step(old, new))
        positions += [PositionStep(Status.REMOVED, t.text, "") for t in lost if t.position]
        positions = self._rewritten(positions)
        before = self.sections[previous[0]][previous[1]] if previous else None
        if before is not None and previous is not None and previous[0] == i - 1:
            positions = self._as_compared(before, section, positions, fresh)
        turns = _turns(before, section)
        if draft.split_from and not draft.nodes.index(node):
            turns.append(Turn.SPLIT)
        merged = self.merged_at.get(node, [])
        if merged:
            turns.append(Turn.MERGED)
        if previous is None:
            step = Step.NEW
        elif previous[0] < i - 1:
            step = Step.RETURNED
        elif deleted or inserted or turns:
            step = Step.CHANGED
        else:
            step = Step.UNCHANGED
        old_words = sum(len(t.words) for t in olds)
        new_words = sum(len(t.words) for t in fresh)
        related = [self.ids[id(self.draft_of[draft.split_from])]] if Turn.SPLIT in turns and draft.split_from else []
        related += [self.ids[id(d)] for d in merged]
        return Appearance(
            letter=i,
            section=section.id,
            title=section.title,
            kind=section.kind,
            step=step,
            turns=tuple(turns),
            words=new_words,
            deleted=deleted,
            inserted=inserted,
            share=round((deleted + inserted) / max(1, old_words + new_words), 3),
            topics=self._labels(section),
            positions=tuple(positions),
            related=tuple(related),
            decision=section.decision,
        )

    def _sentences(self, section: Section) -> list[tuple[tuple[str, str, tuple[str, ...]], bool, int, int]]:
        # Most of a topic's text recurs unchanged from letter to letter: split and mark each text once, and
        # keep that for the archive's next timeline.
        if section.text not in self.sentence_cache:
            marked = self.kept.get(
                _key("sentences", section.text),
                lambda: [[s.text, s.position, s.start, s.end] for s in mark_sentences(section.text, self.lexicon)],
            )
            self.sentence_cache[section.text] = [
                (_words(text), position, start, end) for text, position, start, end in marked
            ]
        return self.sentence_cache[section.text]

    def _labels(self, section: Section) -> tuple[TopicLabel, ...]:
        # A topic's text often recurs unchanged from letter to letter: label each text once.
        key = (section.title, section.formal_title, section.text)
        if key not in self.label_cache:
            found = self.kept.get(
                _key("labels", *(part or "" for part in key)),
                lambda: [[label.topic, label.score] for label in label_section(section, self.topics)],
            )
            self.label_cache[key] = tuple(TopicLabel(topic, score) for topic, score in found)
        return self.label_cache[key]

    def _as_compared(
        self, before: Section, section: Section, own: list[PositionStep], fresh: list[_Tracked]
    ) -> list[PositionStep]:
        """The position steps of an appearance right after the one before, as `compare` finds them in the two
        sections (one definition of a position change, the same counts): its changed sentences that are or
        were position statements, and the timeline's own unchanged ones. A position statement taken from
        another topic keeps the name of that topic's thread (also when compare, which sees no moves between
        two sections on their own, counts it as an edit of the sentence it replaced)."""

        taken = [t for t in fresh if t.origin]
        steps = [step for step in own if step.status is Status.UNCHANGED]
        kept = self.kept.get(_compared_key(before, section), partial(_compared_steps, before, section, self.lexicon))
        for step in map(_step_from, kept):
            came = [t.origin for t in taken if t.text in step.new_text and t.text not in step.old_text]
            steps.append(replace(step, origin=came[0]) if came else step)
        return steps

    def _rewritten(self, positions: list[PositionStep]) -> list[PositionStep]:
        """A dropped and a new position statement that share half the shorter one's content words (in order;
        not function words, not the actor) are one position rewritten, as `compare` shows it: "is voornemens in
        te stemmen" -> "kan instemmen ..., mits ...". The sentence history still counts the new one as new."""
        added = [k for k, p in enumerate(positions) if p.status is Status.ADDED and not p.origin]
        removed = [k for k, p in enumerate(positions) if p.status is Status.REMOVED]
        if not added or not removed:
            return positions
        candidates = []
        for a in added:
            new_words = _content(positions[a].new_text)
            for r in removed:
                old_words = _content(positions[r].old_text)
                share = words_in_common(old_words, new_words) / max(1, min(len(old_words), len(new_words)))
                if share >= REWRITTEN:
                    candidates.append((share, a, r))
        paired: dict[int, int] = {}
        for _, a, r in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
            if a not in paired and r not in paired.values():
                paired[a] = r
        result = []
        for k, step in enumerate(positions):
            if k in paired:
                old_text = positions[paired[k]].old_text
                result.append(
                    self._position_step(
                        _Tracked(*_words(old_text), 0, [], True, 0, 0),
                        _Tracked(*_words(step.new_text), 0, [], True, 0, 0),
                    )
                )
            elif k not in paired.values():
                result.append(step)
        return result

    def _position_step(self, old: _Tracked, new: _Tracked) -> PositionStep:
        if old.key == new.key:
            return PositionStep(Status.UNCHANGED, old.text, new.text)

        def step() -> list[Any]:
            from agendadiff.diff import word_diff

            _, kind, cues = classify(old.text, new.text, self.lexicon)
            diff = tuple(word_diff(old.text, new.text))
            return _step_data(PositionStep(Status.CHANGED, old.text, new.text, kind, cues, diff))

        return _step_from(self.kept.get(_key("step", old.text, new.text), step))


def _words(text: str) -> tuple[str, str, tuple[str, ...]]:
    """A sentence's text, its comparison key and its words."""
    words = tuple(w.lower() for w in WORD.findall(canonical(text)))
    return text, " ".join(words), words


def _match(
    olds: Sequence[_Tracked], news: Sequence[_Tracked], consumed: set[int], threshold: float = EDITED
) -> list[tuple[_Tracked, _Tracked]]:
    """One-to-one pairs of old and new sentences: equal ones first, then the most alike from `threshold` up.
    Old sentences in `consumed` are taken already; those paired here are added to it."""
    pairs: list[tuple[_Tracked, _Tracked]] = []
    by_key: dict[str, list[_Tracked]] = {}
    for old in olds:
        if id(old) not in consumed:
            by_key.setdefault(old.key, []).append(old)
    rest = []
    for new in news:
        same = by_key.get(new.key)
        if same:
            old = same.pop(0)
            consumed.add(id(old))
            pairs.append((old, new))
        else:
            rest.append(new)
    if not rest:
        return pairs
    open_olds = [o for o in olds if id(o) not in consumed]
    postings: dict[str, list[int]] = {}
    for k, old in enumerate(open_olds):
        for word in set(old.words):
            postings.setdefault(word, []).append(k)
    scored = []
    for n, new in enumerate(rest):
        shared: dict[int, int] = {}
        for word in set(new.words):
            for k in postings.get(word, ()):
                shared[k] = shared.get(k, 0) + 1
        for k, count in shared.items():
            old = open_olds[k]
            # Word-set overlap bounds the in-order similarity; skip what cannot reach EDITED.
            if 2 * count / (len(set(old.words)) + len(set(new.words))) < threshold * 0.8:
                continue
            ratio = words_alike(old.words, new.words)
            if ratio >= threshold:
                scored.append((ratio, k, n))
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, k, n in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if k not in used_old and n not in used_new:
            used_old.add(k)
            used_new.add(n)
            consumed.add(id(open_olds[k]))
            pairs.append((open_olds[k], rest[n]))
    return pairs


_ACTORS = {"kabinet", "nederland", "regering", "wij", "we"}


def _content(text: str) -> tuple[str, ...]:
    """The words of a sentence that say what it is about: no function words, not who says it."""
    return tuple(w for w in _words(text)[2] if w not in FUNCTION_WORDS and w not in _ACTORS)


def _history(tracked: _Tracked) -> SentenceHistory:
    return SentenceHistory(
        text=tracked.text,
        introduced=tracked.introduced,
        edited=tuple(tracked.edited),
        position=tracked.position,
        start=tracked.start,
        end=tracked.end,
        origin=tracked.origin,
    )


def _title_key(title: str) -> str:
    return " ".join(WORD.findall(SESSION_LABEL.sub("", canonical(title)).lower()))


def _turns(before: Section | None, now: Section) -> list[Turn]:
    if before is None:
        return []
    turns = []
    if _title_key(before.title) != _title_key(now.title):
        turns.append(Turn.RETITLED)
    if before.kind in _COVER and now.kind is SectionKind.ITEM:
        turns.append(Turn.TO_AGENDA)
    elif before.kind is SectionKind.ITEM and now.kind in _COVER:
        turns.append(Turn.TO_COVER)
    return turns


def _thread_topics(appearances: Sequence[Appearance]) -> tuple[TopicLabel, ...]:
    totals: dict[str, float] = {}
    for appearance in appearances:
        for label in appearance.topics:
            totals[label.topic] = totals.get(label.topic, 0.0) + label.score
    labels = [TopicLabel(topic, round(total / len(appearances), 3)) for topic, total in totals.items()]
    return tuple(sorted((x for x in labels if x.score >= THREAD_TOPIC_FLOOR), key=lambda x: -x.score))


def _thread_ids(
    letters: Sequence[Letter], drafts: Sequence[_Draft], sections: Sequence[dict[str, Section]]
) -> dict[int, str]:
    """A readable, unique name per thread, from its latest title: links keep working while it goes on."""
    ids: dict[int, str] = {}
    used: set[str] = set()
    for draft in sorted(drafts, key=lambda d: d.nodes[0]):
        letter, section_id = draft.nodes[-1]
        title = SESSION_LABEL.sub("", canonical(sections[letter][section_id].title)).lower()
        name = unique_name("-".join(WORD.findall(title)[:6]) or "untitled", used)
        used.add(name)
        ids[id(draft)] = name
    return ids
