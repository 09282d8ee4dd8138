"""The timeline: topic labels, threads through many letters, sentence history, and its three outputs."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agendadiff import read_letter
from agendadiff.cli import main
from agendadiff.model import Letter, Paragraph, Section, SectionKind, Source, Span, Step, Thread, Timeline, Turn
from agendadiff.positions import mark_sentences
from agendadiff.render.timeline import select, timeline_data, timeline_html, timeline_text
from agendadiff.timeline import MAX_GAP, TimelineError, build_timeline, ordered
from agendadiff.topics import TopicsError, label_section, load_topics
from tests.conftest import ROOT

SAMPLES = sorted((ROOT / "samples").glob("jbz-*.txt"))


@pytest.fixture(scope="module")
def sample_timeline():  # type: ignore[no-untyped-def]
    return build_timeline(read_letter(path) for path in SAMPLES)


def _thread(timeline: Timeline, thread_id: str) -> Thread:
    return next(t for t in timeline.threads if t.id == thread_id)


# -- The return topic through the samples, checked by hand -------------------------------------------


def test_the_return_topic_is_one_thread_through_retitles_a_move_and_a_gap(sample_timeline) -> None:  # type: ignore[no-untyped-def]
    """February: a cover-letter topic; May: absent; July: back as an agenda item under another title;
    October: retitled again; November: goes on."""
    thread = _thread(sample_timeline, "terugkeerverordening")
    dates = [sample_timeline.letters[a.letter].date.isoformat() for a in thread.appearances]
    assert dates == ["2025-02-27", "2025-07-10", "2025-10-02", "2025-11-27"]
    assert [a.title for a in thread.appearances] == [
        "Nieuw voorstel voor een Terugkeerverordening",
        "Werksessie II: Stappen naar een effectief terugkeersysteem",
        "Terugkeerverordening",
        "Terugkeerverordening",
    ]
    assert [a.kind for a in thread.appearances] == [SectionKind.TOPIC] + [SectionKind.ITEM] * 3
    assert [a.step for a in thread.appearances] == [Step.NEW, Step.RETURNED, Step.CHANGED, Step.CHANGED]
    assert [a.turns for a in thread.appearances] == [(), (Turn.RETITLED, Turn.TO_AGENDA), (Turn.RETITLED,), ()]
    assert thread.topics[0].topic == "terugkeer"
    # No other thread holds any of its sections.
    others = [a.section for t in sample_timeline.threads if t is not thread for a in t.appearances]
    assert not {"topic:nieuw-voorstel-voor-een-terugkeerverordening", "item:terugkeerverordening"} & set(others)


# The latest return section, sentence by sentence, as I read the five letters: the letter that first had
# the sentence, the letters that edited it, and the topic it came from when it came from another one.
RETURN_HISTORY = [
    ("Het Voorzitterschap streeft ernaar", "2025-10-02", ["2025-11-27"], None),  # "(gedeeltelijke)" went
    ("Voor het kabinet is een belangrijke stap", "2025-02-27", [], None),
    ("Daarbij zal het kabinet onderstrepen", "2025-02-27", ["2025-07-10"], None),  # "zet zich ervoor in dat"
    ("Het kabinet kan instemmen", "2025-11-27", [], None),  # rewritten, not edited: "is voornemens"
    ("Het kabinet ondersteunt bovendien", "2025-02-27", [], None),
    ("Verder is het voor het kabinet van belang", "2025-02-27", [], None),
    (
        "Tot slot vindt het kabinet",
        "2025-07-10",
        [],
        "operationalisering-van-innovatieve-vormen-van-migratiesamenwerking",
    ),
    ("Naar verwachting zal een ruime meerderheid", "2025-10-02", [], None),
]
RETURN_DROPPED = [
    ("De Europese Commissie presenteert", "2025-02-27", "2025-07-10"),
    ("Het kabinet verwelkomt dat de Commissie", "2025-02-27", "2025-07-10"),
    ("Uw Kamer ontvangt over het voorstel", "2025-02-27", "2025-07-10"),
    ("De informele JBZ-Raad zal", "2025-07-10", "2025-10-02"),
    ("De precieze focus", "2025-07-10", "2025-10-02"),
    ("Het kabinet zal daarom tijdens de Raad", "2025-07-10", "2025-10-02"),
    ("Ten slotte zal het kabinet oproepen", "2025-07-10", "2025-10-02"),
    ("Naar verwachting zullen andere lidstaten", "2025-07-10", "2025-10-02"),
    ("De brede partnerschapsinzet", "2025-07-10", "2025-10-02"),
    ("Het kabinet is voornemens in te stemmen", "2025-10-02", "2025-11-27"),
]


def test_the_sentence_history_of_the_latest_return_section(sample_timeline) -> None:  # type: ignore[no-untyped-def]
    thread = _thread(sample_timeline, "terugkeerverordening")
    date = [letter.date.isoformat() for letter in sample_timeline.letters]
    got = [(s.text, date[s.introduced], [date[k] for k in s.edited], s.origin) for s in thread.sentences]
    assert len(got) == len(RETURN_HISTORY)
    for (text, introduced, edited, origin), (start, *expected) in zip(got, RETURN_HISTORY, strict=True):
        assert text.startswith(start), (text, start)
        assert [introduced, edited, origin] == expected, text
    dropped = [(s.text, date[s.introduced], date[s.dropped]) for s in thread.dropped if s.dropped is not None]
    assert len(dropped) == len(RETURN_DROPPED)
    for (text, introduced, gone), (start, *expected) in zip(dropped, RETURN_DROPPED, strict=True):
        assert text.startswith(start) and [introduced, gone] == expected, text
    # The latest sentences are the latest section's, in order and in full.
    latest = sample_timeline.letters[thread.latest.letter]
    section = next(s for s in latest.sections if s.id == thread.latest.section)
    assert [s.text for s in thread.sentences] == [m.text for m in mark_sentences(section.text)]


def test_position_changes_letter_by_letter(sample_timeline) -> None:  # type: ignore[no-untyped-def]
    thread = _thread(sample_timeline, "terugkeerverordening")
    november = [p for p in thread.appearances[-1].positions if p.status.value != "unchanged"]
    # The rewritten position is one change, with compare's reasons, though its sentence counts as new text.
    assert len(november) == 1 and november[0].status.value == "changed"
    assert november[0].old_text == "Het kabinet is voornemens in te stemmen met de algemene oriëntatie."
    assert november[0].new_text.startswith("Het kabinet kan instemmen met de algemene oriëntatie, mits")
    assert {c.signal.value for c in november[0].cues} == {"stance", "condition"}
    assert november[0].kind is not None and november[0].kind.value == "position"
    # Two unrelated position statements that share little more than "het kabinet" stay added and dropped.
    july = {(p.status.value, (p.new_text or p.old_text)[:30]) for p in thread.appearances[1].positions}
    assert ("removed", "Het kabinet verwelkomt dat de ") in july
    assert ("added", "Het kabinet zal daarom tijdens") in july
    october = thread.appearances[2]
    moved = [p for p in october.positions if p.origin]
    assert len(moved) == 1 and moved[0].new_text.startswith("Tot slot vindt het kabinet")
    assert moved[0].origin == "operationalisering-van-innovatieve-vormen-van-migratiesamenwerking"
    july_appearance = thread.appearances[1]
    edited = [p for p in july_appearance.positions if p.status.value == "changed"]
    assert len(edited) == 1 and edited[0].kind is not None and edited[0].kind.value == "position"
    assert any(c.signal.value == "stance" for c in edited[0].cues)


def test_a_split_off_topic_remembers_where_it_came_from(sample_timeline) -> None:  # type: ignore[no-untyped-def]
    thread = _thread(sample_timeline, "ministeriële-weerbaarheidscoalitie")
    assert thread.split_from == "strategie-voor-een-europese-paraatheidsunie"
    assert thread.appearances[0].turns == (Turn.SPLIT,)
    # Its first two sentences were written into the preparedness item in July.
    date = [letter.date.isoformat() for letter in sample_timeline.letters]
    assert [date[s.introduced] for s in thread.sentences] == ["2025-07-10", "2025-07-10", "2025-11-27", "2025-11-27"]


# -- Threads on small made-up letters -------------------------------------------------------------

TEXTS = {
    "return": "Het kabinet steunt de herziening van de terugkeerprocedure en wil dat meer vreemdelingen vertrekken. "
    "De Commissie presenteert binnenkort een voorstel voor terugkeerhubs in derde landen.",
    "dublin": "Het kabinet vraagt aandacht voor de naleving van de Dublinverordening door alle lidstaten. "
    "Secundaire migratie blijft een groot probleem voor het functioneren van het stelsel.",
    "ukraine": "De tijdelijke bescherming voor ontheemden uit Oekraïne loopt tot maart 2027. "
    "Het kabinet werkt aan een nationaal plan voor de periode daarna en informeert uw Kamer.",
    "drugs": "Drugshandel via de havens vraagt om Europese samenwerking tussen douane en politie. "
    "Het kabinet steunt de havenalliantie en wil meer scanapparatuur in de grote havens.",
}


def made_letter(day: int, sections: list[tuple[str, str, str]]) -> Letter:
    """A letter of `sections` (kind 'topic' or 'item', title, text) dated `day` days after 1 Jan 2025."""
    date = dt.date(2025, 1, 1) + dt.timedelta(days=day)
    built = []
    for k, (kind, title, text) in enumerate(sections):
        paragraphs = tuple(Paragraph(p, p, Span(k * 10 + n, k * 10 + n)) for n, p in enumerate(text.split("\n\n")))
        built.append(
            Section(
                f"{kind}:{title.lower().replace(' ', '-')}",
                SectionKind(kind),
                title,
                Span(k * 10, k * 10 + 9),
                paragraphs=paragraphs,
            )
        )
    source = Source(f"letter-{day}.txt", f"sha-{day}-{len(sections)}-{hash(tuple(sections))}", "utf-8")
    return Letter(source, date, None, None, (), tuple(built))


def test_a_topic_absent_for_a_few_letters_continues_its_thread_and_a_long_absence_does_not() -> None:
    def letters(absent: int) -> list[Letter]:
        out = [made_letter(0, [("topic", "Terugkeer", TEXTS["return"]), ("item", "Dublin", TEXTS["dublin"])])]
        out += [made_letter(10 * (k + 1), [("item", "Dublin", TEXTS["dublin"])]) for k in range(absent)]
        out.append(
            made_letter(
                10 * (absent + 1),
                [("item", "Terugkeerverordening", TEXTS["return"]), ("item", "Dublin", TEXTS["dublin"])],
            )
        )
        return out

    short = build_timeline(letters(1))
    back = next(t for t in short.threads if t.appearances[0].title == "Terugkeer")
    assert len(back.appearances) == 2 and back.appearances[1].step is Step.RETURNED
    assert set(back.appearances[1].turns) == {Turn.RETITLED, Turn.TO_AGENDA}
    assert all(s.introduced == 0 for s in back.sentences)  # same text: as old as the first letter
    longest = build_timeline(letters(MAX_GAP))
    assert any(len(t.appearances) == 2 for t in longest.threads if "return" not in t.id)
    assert len([t for t in longest.threads if "terugkeer" in t.id]) == 1
    too_long = build_timeline(letters(MAX_GAP + 1))
    assert len([t for t in too_long.threads if "terugkeer" in t.id]) == 2


def test_a_topic_with_two_gaps_is_one_thread() -> None:
    dublin = ("item", "Dublin", TEXTS["dublin"])
    letters = [
        made_letter(0, [("topic", "Terugkeer", TEXTS["return"]), dublin]),
        made_letter(10, [dublin]),
        made_letter(20, [("item", "Terugkeer", TEXTS["return"]), dublin]),
        made_letter(30, [dublin]),
        made_letter(40, [("item", "Terugkeer en vertrek", TEXTS["return"] + " Het kabinet zal dit steunen."), dublin]),
    ]
    timeline = build_timeline(letters)
    threads = [t for t in timeline.threads if t.appearances[0].title == "Terugkeer"]
    assert len(threads) == 1
    assert [a.letter for a in threads[0].appearances] == [0, 2, 4]
    assert [a.step for a in threads[0].appearances] == [Step.NEW, Step.RETURNED, Step.RETURNED]
    assert [s.introduced for s in threads[0].sentences] == [0, 0, 4]


def test_a_merged_topic_ends_in_the_thread_it_joined_and_its_sentences_keep_their_age() -> None:
    first = made_letter(
        0,
        [
            ("item", "Terugkeer", TEXTS["return"]),
            ("item", "Dublin", TEXTS["dublin"]),
            ("item", "Drugs", TEXTS["drugs"]),
        ],
    )
    second = made_letter(10, [("item", "Drugs", TEXTS["drugs"])])
    third = made_letter(
        20,
        [
            ("item", "Terugkeer en Dublin", TEXTS["return"] + "\n\n" + TEXTS["dublin"]),
            ("item", "Drugs", TEXTS["drugs"]),
        ],
    )
    pair = build_timeline([second, third])  # without the first letter both are new in the third
    assert all(s.introduced == 1 for t in pair.threads if t.latest.title == "Terugkeer en Dublin" for s in t.sentences)
    timeline = build_timeline([first, made_letter(5, [(s.kind.value, s.title, s.text) for s in first.sections]), third])
    joined = next(t for t in timeline.threads if t.latest.title == "Terugkeer en Dublin")
    merged = [t for t in timeline.threads if t.merged_into == joined.id]
    assert len(merged) == 1 and merged[0].latest.title in ("Terugkeer", "Dublin")
    assert Turn.MERGED in joined.latest.turns and merged[0].id in joined.latest.related
    assert all(s.introduced == 0 for s in joined.sentences)  # every sentence as old as the first letter


def test_letters_are_ordered_by_their_own_date_not_by_argument_order() -> None:
    letters = [read_letter(path) for path in SAMPLES]
    shuffled = letters[:]
    random.Random(7).shuffle(shuffled)
    assert shuffled != letters
    assert timeline_data(build_timeline(shuffled)) == timeline_data(build_timeline(letters))


def test_a_letter_without_a_date_or_given_twice_is_refused() -> None:
    letter = read_letter(SAMPLES[0])
    with pytest.raises(TimelineError, match="the same letter as"):
        ordered([letter, letter])
    from dataclasses import replace

    with pytest.raises(TimelineError, match="no date found"):
        ordered([replace(letter, date=None)])


# -- Invariants ------------------------------------------------------------------------------------

_SUBJECTS = list(TEXTS)


@st.composite
def letter_series(draw: st.DrawFn) -> list[Letter]:
    """Letters in which each subject comes and goes, is retitled, moves between cover letter and agenda
    and has sentences added or dropped."""
    count = draw(st.integers(2, 6))
    letters = []
    for k in range(count):
        sections = []
        for subject in _SUBJECTS:
            if not draw(st.booleans()) and k:
                continue
            kind = draw(st.sampled_from(["topic", "item"]))
            title = draw(st.sampled_from([subject.capitalize(), f"Stand van zaken {subject}", f"{subject} en meer"]))
            sentences = TEXTS[subject].split(". ")
            extra = draw(st.integers(0, 2))
            text = ". ".join(
                sentences
                + [f"Het kabinet zal in brief {k} iets nieuws zeggen over {subject} nummer {n}" for n in range(extra)]
            )
            if draw(st.booleans()):
                text = text.replace("Het kabinet", "Nederland", 1)
            sections.append((kind, title, text.rstrip(".") + "."))
        letters.append(made_letter(10 * k, sections or [("topic", "Leeg", "Geen onderwerpen deze keer.")]))
    return letters


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letter_series())
def test_every_section_is_in_exactly_one_thread_and_histories_are_consistent(letters: list[Letter]) -> None:
    timeline = build_timeline(letters)
    seen = [(a.letter, a.section) for t in timeline.threads for a in t.appearances]
    expected = [(k, s.id) for k, letter in enumerate(timeline.letters) for s in letter.sections]
    assert sorted(seen) == sorted(expected)
    for thread in timeline.threads:
        letters_of = [a.letter for a in thread.appearances]
        assert letters_of == sorted(set(letters_of))
        gaps = [b - a - 1 for a, b in itertools.pairwise(letters_of)]
        assert all(gap <= MAX_GAP for gap in gaps)
        assert [a.step is Step.RETURNED for a in thread.appearances[1:]] == [gap > 0 for gap in gaps]
        latest = thread.latest.letter
        for sentence in thread.sentences:
            assert sentence.introduced <= latest
            assert list(sentence.edited) == sorted(set(sentence.edited))
            assert all(sentence.introduced < k <= latest for k in sentence.edited)
        for sentence in thread.dropped:
            assert sentence.dropped is not None and sentence.introduced < sentence.dropped <= latest
        for appearance in thread.appearances:
            assert 0 <= appearance.share <= 1
    assert timeline_data(build_timeline(reversed(letters))) == timeline_data(timeline)


def test_the_same_text_in_every_letter_is_as_old_as_the_first_letter() -> None:
    sections = [("topic", "Terugkeer", TEXTS["return"]), ("item", "Oekraïne", TEXTS["ukraine"])]
    timeline = build_timeline([made_letter(10 * k, sections) for k in range(5)])
    assert len(timeline.threads) == 2
    for thread in timeline.threads:
        assert [a.step for a in thread.appearances] == [Step.NEW] + [Step.UNCHANGED] * 4
        assert all(s.introduced == 0 and not s.edited for s in thread.sentences) and not thread.dropped


# -- Topics ----------------------------------------------------------------------------------------


def test_topic_labels_with_scores() -> None:
    topics = load_topics()
    section = made_letter(0, [("item", "Terugkeerverordening", TEXTS["return"])]).sections[0]
    labels = label_section(section, topics)
    assert labels[0].topic == "terugkeer" and labels[0].score > 0.8
    passing = made_letter(
        0, [("item", "Drugs", TEXTS["drugs"] + " " + "Dit is verder een lange tekst. " * 60 + " Over terugkeer.")]
    ).sections[0]
    assert "terugkeer" not in [x.topic for x in label_section(passing, topics)]  # one passing mention
    # A term with '*' matches the words it begins; one without only itself.
    avg = made_letter(0, [("item", "Gegevens", "De AVG geldt. De avgdata ook.")]).sections[0]
    assert [x.topic for x in label_section(avg, topics)] == ["gegevensbescherming"]


def test_a_sections_labels_are_worked_out_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """A report, its timeline and each gap the timeline bridges label the same sections (under other ids)."""
    import dataclasses

    import agendadiff.topics as topics_module

    topics = dataclasses.replace(load_topics())  # a lexicon of its own, with nothing remembered yet
    section = made_letter(0, [("item", "Terugkeerverordening", TEXTS["return"])]).sections[0]
    worked: list[str] = []
    real = topics_module._labels
    monkeypatch.setattr(topics_module, "_labels", lambda s, lexicon: worked.append(s.id) or real(s, lexicon))
    first = label_section(section, topics)
    again = label_section(dataclasses.replace(section, id="o0:" + section.id), topics)
    assert again == first == real(section, topics) and worked == [section.id]
    other = dataclasses.replace(section, title="Drugs")
    assert label_section(other, topics) == real(other, topics) and worked == [section.id, other.id]


def test_the_shipped_topics_cover_the_issue_list() -> None:
    ids = {t.id for t in load_topics().topics}
    assert {
        "terugkeer", "dublin", "migratiepact", "paraatheid", "oekraine", "schengen", "grenzen-visa",
        "georganiseerde-criminaliteit", "drugs", "terrorisme", "gegevensbescherming", "kinderrechten",
        "rechtsstaat", "cybercrime", "eu-agentschappen",
    } <= ids  # fmt: skip


def test_a_users_topics_file_extends_overrides_or_replaces(tmp_path: Path) -> None:
    own = tmp_path / "topics.toml"
    own.write_text(
        '[[topic]]\nid = "terugkeer"\nnl = "Vertrek"\nen = "Departure"\nterms = ["vertrek*"]\n\n'
        '[[topic]]\nid = "visserij"\nnl = "Visserij"\nterms = ["vis*"]\n',
        encoding="utf-8",
    )
    topics = load_topics(own)
    assert topics.get("terugkeer").terms == ("vertrek*",)  # type: ignore[union-attr]
    assert topics.get("visserij") is not None and topics.get("dublin") is not None
    own.write_text("replace = true\n" + own.read_text(encoding="utf-8"), encoding="utf-8")
    assert [t.id for t in load_topics(own).topics] == ["terugkeer", "visserij"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[[topic]]\nid = 'x'\n", "not a topics file"),
        ("[[topic]]\nid = 'Bad Id'\nterms = ['a']\n", "must be lower-case"),
        ("[[topic]]\nid = 'x'\nterms = ['']\n", "needs terms"),
        ("topic = 3\n", "must be a list"),
        ("[[topic]\n", "TOML"),
    ],
)
def test_a_bad_topics_file_is_one_line_naming_it(tmp_path: Path, content: str, problem: str) -> None:
    own = tmp_path / "topics.toml"
    own.write_text(content, encoding="utf-8")
    with pytest.raises(TopicsError, match=problem):
        load_topics(own)
    result = CliRunner().invoke(main, ["timeline", str(SAMPLES[0]), str(SAMPLES[1]), "--topics", str(own)])
    assert result.exit_code == 2 and str(own) in result.stderr and len(result.stderr.strip().splitlines()) == 1


# -- The command -----------------------------------------------------------------------------------


def test_the_command_writes_each_format_and_orders_by_date(tmp_path: Path) -> None:
    args = [str(p) for p in reversed(SAMPLES)]
    runner = CliRunner()
    text = runner.invoke(main, ["timeline", *args])
    assert text.exit_code == 0, text.output
    assert text.stdout.splitlines()[1].split()[1] == "2025-02-27"
    result = runner.invoke(main, ["timeline", *args, "-o", str(tmp_path / "t.json"), "--topic", "terugkeer"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert next(t["id"] for t in data["threads"]) == "terugkeerverordening"
    assert all(any(x["topic"] == "terugkeer" for a in t["appearances"] for x in a["topics"]) for t in data["threads"])
    result = runner.invoke(main, ["timeline", str(ROOT / "samples"), "-o", str(tmp_path / "t.html"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Topics through the letters" in (tmp_path / "t.html").read_text(encoding="utf-8")


def test_the_command_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["timeline", str(SAMPLES[0]), "--topic", "visserij"])
    assert result.exit_code == 2 and "no such topic" in result.stderr and "terugkeer" in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(main, ["timeline", str(empty)])
    assert result.exit_code == 2 and "no letters in this folder" in result.stderr
    result = runner.invoke(main, ["timeline", str(SAMPLES[0]), str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "missing.txt: no such file" in result.stderr
    assert not list(tmp_path.glob("*.html"))


def test_the_text_output_shows_the_history_with_a_topic(sample_timeline) -> None:  # type: ignore[no-untyped-def]
    text = timeline_text(select(sample_timeline, "terugkeer"), history=True, lang="en")
    assert "2025-02-27     Voor het kabinet is een belangrijke stap" in text.replace("  P", "   ")
    assert "dropped 2025-11-27 (from 2025-10-02): Het kabinet is voornemens" in text


def test_the_html_escapes_letter_text_and_runs_no_script() -> None:
    hostile = '<script>alert(1)</script> Het kabinet steunt <img src=x onerror="alert(2)"> de terugkeer.'
    letters = [
        made_letter(0, [("item", "Terugkeer <b>x</b>", TEXTS["return"])]),
        made_letter(10, [("item", "Terugkeer <b>x</b>", TEXTS["return"] + " " + hostile)]),
    ]
    page = timeline_html(build_timeline(letters))
    assert "<script" not in page and "<img" not in page and "<b>x" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;x" in page
    assert "script-src" not in page and "default-src 'none'" in page


def test_the_timeline_counts_position_changes_as_compare_does(sample_timeline) -> None:  # type: ignore[no-untyped-def]
    """One definition of a position change: for a topic from one letter to the next, the timeline finds the
    changes compare finds (unless text moved between topics, which only a whole comparison sees)."""
    from itertools import pairwise

    from agendadiff import compare_letters
    from agendadiff.model import Step

    letters = sample_timeline.letters
    comparisons = [compare_letters(a, b) for a, b in pairwise(letters)]
    checked = 0
    for thread in sample_timeline.threads:
        for appearance in thread.appearances:
            if appearance.step not in (Step.CHANGED, Step.UNCHANGED):
                continue
            comparison = comparisons[appearance.letter - 1]
            pair = next(p for p in comparison.pairs if p.new is not None and p.new.id == appearance.section)
            moved = [m for m in comparison.moves if pair.new and m.target.section == pair.new.id]
            moved += [m for m in comparison.moves if pair.old and m.source.section == pair.old.id]
            if moved or {f.value for f in pair.flags} & {"split", "merged"}:
                continue
            expected = len([c for c in comparison.position_changes if c.pair == pair.id])
            assert sum(p.changes_position for p in appearance.positions) == expected, (
                appearance.letter,
                appearance.section,
            )
            checked += 1
    assert checked > 20


def test_the_change_cache_gives_the_same_timeline_and_is_reused(monkeypatch: pytest.MonkeyPatch) -> None:
    import agendadiff.timeline as timeline_module
    from agendadiff import read_letter
    from agendadiff.align import align
    from agendadiff.kept import Kept
    from agendadiff.render.timeline import timeline_json
    from agendadiff.timeline import build_timeline, ordered

    letters = ordered(read_letter(path) for path in SAMPLES)
    alignments = [align(a, b) for a, b in itertools.pairwise(letters)]  # made apart, as an archive keeps them
    calls: Counter[str] = Counter()
    for name in ("section_changes", "align", "classify", "label_section", "mark_sentences"):  # the work kept
        real = getattr(timeline_module, name)
        monkeypatch.setattr(
            timeline_module, name, lambda *a, real=real, name=name, **k: calls.update([name]) or real(*a, **k)
        )
    fresh = Kept()
    first = timeline_json(build_timeline(letters, alignments=alignments, kept=fresh))
    assert fresh.used and first == timeline_json(build_timeline(letters))
    assert set(calls) == {"section_changes", "align", "classify", "label_section", "mark_sentences"}, calls
    # from what the first run kept, none of that work is done again, and the timeline is the same
    calls.clear()
    again = Kept(dict(fresh.used))
    assert timeline_json(build_timeline(letters, alignments=alignments, kept=again)) == first
    assert not calls and again.used.keys() == fresh.used.keys()


def test_a_timeline_compared_ahead_on_workers_is_the_timeline_made_in_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import agendadiff.timeline as timeline_module
    from agendadiff import read_letter
    from agendadiff.kept import Kept
    from agendadiff.render.timeline import timeline_json
    from agendadiff.timeline import build_timeline

    letters = [read_letter(path) for path in SAMPLES]
    alone = timeline_json(build_timeline(letters))
    real, here = timeline_module.section_changes, []  # a worker's calls are counted in the worker's copy
    monkeypatch.setattr(timeline_module, "section_changes", lambda *a, **k: here.append(1) or real(*a, **k))
    kept = Kept()
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        ahead = timeline_json(build_timeline(letters, kept=kept, pool=pool))
    assert ahead == alone
    assert here == []  # in this process, nothing was compared: the workers compared every pair followed
    assert any(key.startswith("compared ") for key in kept.known)
