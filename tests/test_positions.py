"""Sentences, position statements and the classification of changed sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agendadiff import compare_files, read_letter
from agendadiff.lang.sentences import sentences
from agendadiff.model import ChangeKind, Signal, Status
from agendadiff.positions import LexiconError, chunk_owners, classify, load_lexicon, mark_sentences
from tests.conftest import SAMPLE

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).parent / "golden"


# -- The sentence splitter --------------------------------------------------------------------------


def test_real_letter_sentences_are_the_hand_checked_ones() -> None:
    """Every sentence boundary of the real letter, checked by reading: 121 sentences, none cut or run on."""
    letter = read_letter(SAMPLE)
    got = [f"{s.id} | {text}" for s in letter.sections for text in sentences(s.text)]
    expected = (GOLDEN / "jbz-2025-07-10.sentences.txt").read_text(encoding="utf-8").splitlines()
    assert got == expected
    assert len(got) == 121


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De Raad kwam op 12 juni jl. bijeen. De ministers spraken.", 2),
        ("Op 13 juni jl. Het kabinet steunt dit.", 2),  # the abbreviation's stop ends the sentence
        ("Nederland heeft op 13 juni jl. (Kamerstuk 32 317, nr. 964) aangegeven dit te steunen.", 1),
        ("De Raad van 22-23 juli a.s. in Kopenhagen. De minister neemt deel.", 2),
        ("Zie Kamerstukken II, 2024-25, 22 112, nr. 4042. Het kabinet steunt dit.", 2),
        ("Dit gebeurt o.a. in Nederland. Het kabinet steunt dit.", 2),
        ("De brief d.d. 3 mei. Daarin staat het.", 2),
        ("De periode t/m 2026. Daarna niet.", 2),
        ("Dit gebeurt i.v.m. De Commissie haar voorstel.", 1),
        ("De minister van Justitie en Veiligheid, D.M. van Weel", 1),
        ("Het kabinet steunt dit (zie nr. 12). Nederland ook.", 2),
    ],
)
def test_dutch_abbreviations_and_citations(text: str, expected: int) -> None:
    assert len(sentences(text)) == expected, sentences(text)


# -- Position statements ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stances"),
    [
        ("Het kabinet is voornemens in te stemmen.", ["voornemens_in_te_stemmen"]),
        ("Het kabinet kan instemmen met de algemene oriëntatie, mits de tekst blijft.", ["kan_instemmen"]),
        ("Nederland heeft ingestemd.", ["instemmen"]),
        ("Het kabinet verwelkomt de strategie en hecht aan een gerichte aanpak.", ["verwelkomen", "hechten"]),
        ("Nederland zet zich in een Europese kopgroep nadrukkelijk in voor innovatieve oplossingen.", ["inzetten"]),
        ("Daarnaast zal het kabinet pleiten voor een uitbreiding van het mandaat.", ["pleiten"]),
        ("Ten slotte zal het kabinet oproepen de onderhandelingen snel af te ronden.", ["oproepen"]),
        ("Tegelijkertijd heeft het kabinet een voorbehoud bij het detectiebevel.", ["voorbehoud"]),
        ("Het kabinet staat over het algemeen positief tegenover de voorstellen.", ["positief"]),
        ("Nederland onthoudt zich van stemming.", ["onthouden"]),
        ("Wij zijn kritisch over het voorstel.", ["kritisch"]),
        ("Het kabinet acht een gemeenschappelijk kader en Europese coördinatie essentieel.", ["achten"]),
    ],
)
def test_position_statements(sentence: str, stances: list[str]) -> None:
    (marked,) = mark_sentences(sentence)
    assert marked.position and list(marked.stances) == stances


@pytest.mark.parametrize(
    "sentence",
    [
        "Naar verwachting zal een ruime meerderheid van lidstaten de algemene oriëntatie steunen.",  # not the cabinet
        "In het voorjaar van 2026 vindt de periodieke Schengenevaluatie van Nederland plaats.",  # vindt ... plaats
        "De Commissie heeft op 21 mei jl. een vierde Omnibuspakket gepubliceerd.",
        "Het kabinet zal uw Kamer voor het einde van het jaar informeren.",  # a promise to report, no stance
    ],
)
def test_not_position_statements(sentence: str) -> None:
    (marked,) = mark_sentences(sentence)
    assert not marked.position


def test_real_letter_position_statements_against_a_reading() -> None:
    """tests/data/jbz-2025-07-10.positions.txt marks, by reading, each sentence of the real letter that names the
    cabinet, Nederland or wij: Y when it takes a stance. The marking agrees on all but two of 48: it takes
    "De Nederlandse inzet ... is vervat in het non-paper" (a pointer to a position) for a position, and misses
    "wil Nederland ... faciliteren" ("wil" is a modal verb, not a stance)."""
    letter = read_letter(SAMPLE)
    reading = {
        line[2:]: line[0] == "Y"
        for line in (ROOT / "tests" / "data" / "jbz-2025-07-10.positions.txt").read_text(encoding="utf-8").splitlines()
    }
    marked = {m.text: m.position for s in letter.sections for m in mark_sentences(s.text)}
    assert reading.keys() <= marked.keys()
    assert not any(marked[text] for text in marked.keys() - reading.keys())  # no actor, no position
    wrong = sorted(text[:40] for text, position in reading.items() if marked[text] != position)
    assert wrong == ["Conform de doelstelling van het Internat", "De Nederlandse inzet voor de toekomst va"]
    assert sum(reading.values()) == 33


# -- Classification ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "kind", "signals"),
    [
        (
            "Het kabinet is voornemens in te stemmen met de algemene oriëntatie.",
            "Het kabinet kan instemmen met de algemene oriëntatie, mits terugkeerhubs mogelijk blijven.",
            ChangeKind.POSITION,
            {Signal.STANCE, Signal.CONDITION},
        ),
        (
            "Nederland steunt het voorstel.",
            "Nederland steunt het voorstel niet.",
            ChangeKind.POSITION,
            {Signal.NEGATION},
        ),
        (
            "Daarnaast zal het kabinet pleiten voor een uitbreiding.",
            "Daarnaast blijft het kabinet pleiten voor een uitbreiding.",
            ChangeKind.POSITION,
            {Signal.MODAL},
        ),
        (
            "In dit kader verwelkomt het kabinet de agendering tijdens de informele JBZ-Raad.",
            "In dit kader verwelkomt het kabinet de agendering tijdens deze JBZ-Raad.",
            ChangeKind.WORDING,
            set(),
        ),
        (
            "De Commissie heeft op 21 mei jl. een vierde Omnibuspakket gepubliceerd.",
            "De Commissie heeft op 21 mei 2025 een vierde Omnibuspakket gepubliceerd.",
            ChangeKind.FACTUAL,
            {Signal.DATE},
        ),
        (
            "De Raad komt op 13 en 14 oktober bijeen in Luxemburg.",
            "De Raad komt op 8 en 9 december bijeen in Luxemburg.",
            ChangeKind.FACTUAL,
            {Signal.DATE},  # both days of a range are dates
        ),
        (
            "Zie Kamerstukken II, 2024-25, 22 112, nr. 4042 over dit punt.",
            "Zie Kamerstukken II, 2024-25, 22 112, nr. 4051 over dit punt.",
            ChangeKind.FACTUAL,
            {Signal.REFERENCE},
        ),
        (
            "De bijeenkomst vindt plaats in Kopenhagen.",
            "De bijeenkomst vindt plaats in Luxemburg.",
            ChangeKind.FACTUAL,
            {Signal.NAME},
        ),
        (
            "Het kabinet steunt de aanpak met 250 tot 750 werknemers.",
            "Het kabinet steunt de aanpak met 250 tot 500 werknemers.",
            ChangeKind.FACTUAL,  # a position sentence whose numbers changed, not its stance
            {Signal.NUMBER},
        ),
        (
            "Het kabinet heeft de Commissie opgeroepen en zal ook op deze aankomende JBZ-raad dit uitdragen.",
            "Het kabinet heeft de Commissie opgeroepen en zal dit op deze JBZ-Raad opnieuw uitdragen.",
            ChangeKind.WORDING,  # the case of a name is no fact
            set(),
        ),
        ("", "Het kabinet pleit voor een Europees kader.", ChangeKind.POSITION, {Signal.STANCE}),
        ("Op het moment van schrijven is er nog geen document.", "", ChangeKind.FACTUAL, set()),
    ],
)
def test_classify(old: str, new: str, kind: ChangeKind, signals: set[Signal]) -> None:
    position, got_kind, cues = classify(old, new)
    assert got_kind is kind, cues
    assert {c.signal for c in cues} == signals
    assert position == (kind is ChangeKind.POSITION or "kabinet" in old + new)


def test_classify_names_the_words() -> None:
    _, _, cues = classify(
        "Het kabinet is voornemens in te stemmen met de algemene oriëntatie.",
        "Het kabinet kan instemmen met de algemene oriëntatie, mits terugkeerhubs mogelijk blijven.",
    )
    stance = next(c for c in cues if c.signal is Signal.STANCE)
    assert stance.removed == ("is voornemens in te stemmen",) and stance.added == ("kan instemmen",)


POSITION_SENTENCES = [m.text for s in read_letter(SAMPLE).sections for m in mark_sentences(s.text) if m.position]
OTHER_SENTENCES = [
    m.text
    for s in read_letter(SAMPLE).sections
    for m in mark_sentences(s.text)
    if not m.position and any(ch.isdigit() for ch in m.text)
]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(POSITION_SENTENCES), st.sampled_from(["mits", "tenzij", "zolang", "indien"]))
def test_a_condition_added_to_any_position_is_a_position_change(sentence: str, condition: str) -> None:
    new = sentence.rstrip(".") + f", {condition} de Raad daarmee akkoord gaat."
    _, kind, cues = classify(sentence, new)
    assert kind is ChangeKind.POSITION
    assert any(c.signal is Signal.CONDITION and condition in c.added for c in cues)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(OTHER_SENTENCES), st.integers(min_value=2, max_value=40))
def test_another_number_in_a_sentence_without_stance_is_factual(sentence: str, shift: int) -> None:
    import re

    first = re.search(r"\d+", sentence)
    assert first
    new = sentence[: first.start()] + str(int(first.group()) + shift) + sentence[first.end() :]
    _, kind, cues = classify(sentence, new)
    assert kind is ChangeKind.FACTUAL and {c.signal for c in cues} & {Signal.DATE, Signal.NUMBER, Signal.REFERENCE}


@given(st.sampled_from(POSITION_SENTENCES + OTHER_SENTENCES))
def test_a_sentence_against_itself_has_no_cue(sentence: str) -> None:
    assert classify(sentence, sentence)[1:] == (ChangeKind.WORDING, ())


# -- The samples: exactly the positions that were changed -------------------------------------------

# Written from the manuscripts (samples/manuscripts), not from agendadiff's output: for each pair of letters,
# the position sentences that were edited, added or dropped in topics that go on or are new, as
# (status, words of the old text, words of the new text).
EXPECTED_POSITIONS = {
    # a dropped topic's positions are dropped positions ("removed"), in reading order with the others
    ("jbz-2025-07-10.txt", "jbz-2025-10-02-constructed.txt"): [
        ("removed", "De Nederlandse inzet voor de toekomst van de Europese Havenalliantie", ""),
        ("changed", "Het kabinet is voornemens in te stemmen.", "Nederland heeft ingestemd."),
        ("removed", "aandacht vragen voor een spoedige afronding", ""),
        ("added", "", "Het kabinet is voornemens in te stemmen met de algemene oriëntatie."),
        ("changed", "Ten slotte zal het kabinet oproepen", "ruime meerderheid van lidstaten"),
        ("removed", "Het kabinet hecht aan de uitwisseling van best practices", ""),
        ("added", "", "hecht groot belang aan een effectieve aanpak"),
        ("added", "", "heeft het kabinet een voorbehoud bij het detectiebevel"),
        ("changed", "staat over het algemeen positief tegenover", "Het kabinet kan instemmen met de specifieke"),
    ],
    ("jbz-2025-10-02-constructed.txt", "jbz-2025-11-27-constructed.txt"): [
        ("removed", "Nederland heeft ingestemd.", ""),
        ("removed", "acht het kabinet een gemeenschappelijk kader", ""),
        ("changed", "betrokken blijft bij het vervolg", "Het kabinet steunt het streven naar een verklaring"),
        ("changed", "Het kabinet is voornemens in te stemmen", "kan instemmen met de algemene oriëntatie, mits"),
        ("removed", "In dit kader verwelkomt het kabinet de agendering", ""),
        ("changed", "Daarnaast zal het kabinet pleiten", "Daarnaast blijft het kabinet pleiten"),
        (
            "changed",
            "een voorbehoud bij het detectiebevel zolang",
            "Het kabinet kan instemmen met de algemene oriëntatie, nu",
        ),
        ("removed", "Nederland onderschrijft dit belang.", ""),
        ("added", "", "Het kabinet pleit voor een Europees kader"),
    ],
}


@pytest.mark.parametrize(("old", "new"), list(EXPECTED_POSITIONS))
def test_sample_position_changes_are_exactly_the_edited_positions(old: str, new: str) -> None:
    comparison = compare_files(SAMPLES / old, SAMPLES / new)
    got = comparison.position_changes
    expected = EXPECTED_POSITIONS[old, new]
    assert len(got) == len(expected), [(c.old_text, c.new_text) for c in got]
    for change, (status, old_words, new_words) in zip(got, expected, strict=True):
        assert change.status.value == status
        assert old_words in change.old_text and new_words in change.new_text
        assert change.kind is ChangeKind.POSITION and change.position


@pytest.mark.parametrize(("old", "new"), list(EXPECTED_POSITIONS))
def test_every_change_belongs_to_a_sentence_change(old: str, new: str) -> None:
    """No edit is left out of the sentence changes: each changed word that did not move has one."""
    comparison = compare_files(SAMPLES / old, SAMPLES / new)
    for pair in comparison.pairs:
        owners = chunk_owners(pair, comparison.changes_of(pair))
        for chunk, owner in zip(pair.diff, owners, strict=True):
            if chunk.op.value != "equal" and not chunk.text.isspace() and chunk.move is None:
                assert owner is not None, (pair.id, chunk.text)
    assert all(c.status in (Status.CHANGED, Status.ADDED, Status.REMOVED) for c in comparison.changes)
    assert len({c.id for c in comparison.changes}) == len(comparison.changes)


def test_a_letter_against_itself_has_no_sentence_change() -> None:
    comparison = compare_files(SAMPLE, SAMPLE)
    assert comparison.changes == () and comparison.position_changes == ()


# -- The lexicon ------------------------------------------------------------------------------------


def test_a_user_lexicon_extends_the_stances(tmp_path: Path) -> None:
    shipped = (ROOT / "agendadiff" / "data" / "positions.toml").read_text(encoding="utf-8")
    own = tmp_path / "positions.toml"
    own.write_text(shipped + '\n[stances.betreuren]\nnl = "betreurt"\nen = "regrets"\npatterns = [\'betreurt\']\n')
    lexicon = load_lexicon(own)
    (marked,) = mark_sentences("Het kabinet betreurt dit besluit.", lexicon)
    assert marked.position and marked.stances == ("betreuren",)
    assert not mark_sentences("Het kabinet betreurt dit besluit.")[0].position


def test_a_user_pattern_with_alternatives_is_always_tried(tmp_path: Path) -> None:
    shipped = (ROOT / "agendadiff" / "data" / "positions.toml").read_text(encoding="utf-8")
    own = tmp_path / "positions.toml"
    own.write_text(
        shipped + "\n[stances.betreuren]\npatterns = ['betreurt|vindt\\s+het\\s+jammer']\n", encoding="utf-8"
    )
    (marked,) = mark_sentences("Het kabinet vindt het jammer dat dit gebeurt.", load_lexicon(own))
    assert "betreuren" in marked.stances


def test_a_broken_lexicon_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("actors = [", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"broken\.toml: not a positions lexicon"):
        load_lexicon(broken)


def test_compare_lexicon_governs_the_json_sentence_marks(tmp_path: Path) -> None:
    """Regression: `compare --lexicon FILE --format json` marked the sections' sentences with the shipped
    lexicon (a lexicon whose actors match nothing still gave 61 position sentences)."""
    import json

    from click.testing import CliRunner

    from agendadiff.cli import main

    shipped = (ROOT / "agendadiff" / "data" / "positions.toml").read_text(encoding="utf-8")
    start = shipped.index("actors = [")
    end = shipped.index("]", start) + 1
    nobody = tmp_path / "nobody.toml"
    nobody.write_text(shipped[:start] + "actors = ['niemandsland']" + shipped[end:], encoding="utf-8")
    october = ROOT / "samples" / "jbz-2025-10-02-constructed.txt"
    november = ROOT / "samples" / "jbz-2025-11-27-constructed.txt"

    def marks(*options: str) -> int:
        result = CliRunner().invoke(main, ["compare", str(october), str(november), "--format", "json", *options])
        assert result.exit_code in (0, 1), result.output
        data = json.loads(result.output)
        return sum(m["position"] for side in ("old", "new") for s in data[side]["sections"] for m in s["sentences"])

    assert marks() > 20
    assert marks("--lexicon", str(nobody)) == 0


def test_a_modal_verb_replaced_by_another_word_says_which() -> None:
    """ "zal" -> "blijft" is no dropped commitment: the reason says what took its place."""
    old = "Daarnaast zal het kabinet pleiten voor een uitbreiding van het mandaat van Frontex."
    new = "Daarnaast blijft het kabinet pleiten voor een uitbreiding van het mandaat van Frontex."
    _, kind, cues = classify(old, new)
    assert kind is ChangeKind.POSITION
    modal = next(cue for cue in cues if cue.signal is Signal.MODAL)
    assert modal.removed == ("zal",) and modal.added == () and modal.replaced_by == ("blijft",)
    from agendadiff.render.common import cue_text, labels

    assert cue_text(modal, labels("en")) == "modal verb: ‘zal’ → ‘blijft’"
    # a modal verb that is simply gone still says so
    _, _, cues = classify(old, old.replace("zal het kabinet pleiten", "pleit het kabinet"))
    gone = next(cue for cue in cues if cue.signal is Signal.MODAL)
    assert gone.removed == ("zal",) and cue_text(gone, labels("en")).startswith("modal verb: ‘zal’ → ")
    # a passage rewritten around it names no replacement
    rewritten = "Het Comité heeft deze aanbeveling op 23 juli jl. aangenomen en Nederland heeft ingestemd met de tekst."
    _, _, cues = classify("Naar verwachting zal het Voorzitterschap de aanbeveling voorleggen.", rewritten)
    assert all(cue.replaced_by == () for cue in cues)


_SAMPLE_COMPARISONS = [
    compare_files(SAMPLES / a, SAMPLES / b)
    for a, b in (
        ("jbz-2025-07-10.txt", "jbz-2025-10-02-constructed.txt"),
        ("jbz-2025-10-02-constructed.txt", "jbz-2025-11-27-constructed.txt"),
    )
]


def _owners_by_scanning(pair: Any, changes: list[Any]) -> list[Any]:
    """Each changed chunk's owner found by going through every change: the first whose place overlaps it."""
    out, at = [], {"old": 0, "new": 0}
    for chunk in pair.diff:
        owner = None
        side = "old" if chunk.op.value == "delete" else "new"
        if chunk.op.value != "equal" and chunk.is_change:
            start, end = at[side], at[side] + len(chunk.text)
            section = getattr(pair, side)
            owner = next(
                (
                    c
                    for c in changes
                    if (place := getattr(c, side)) and section and place.section == section.id
                    and place.start < end and start < place.end
                ),
                None,
            )  # fmt: skip
        out.append(owner)
        at["old"] += 0 if chunk.op.value == "insert" else len(chunk.text)
        at["new"] += 0 if chunk.op.value == "delete" else len(chunk.text)
    return out


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_each_chunk_has_the_owner_a_scan_of_every_change_finds(data: st.DataObject) -> None:
    comparison = data.draw(st.sampled_from(_SAMPLE_COMPARISONS))
    pairs = [p for p in comparison.pairs if any(c.op.value != "equal" for c in p.diff)]
    pair = data.draw(st.sampled_from(pairs))
    # any changes of the comparison, in any order: also ones of other pairs, and overlapping ones
    changes = data.draw(st.permutations(list(comparison.changes)).map(lambda c: c[: len(c) // 2 + 3]))
    assert chunk_owners(pair, changes) == _owners_by_scanning(pair, changes)


def test_a_lexicon_made_from_another_finds_its_own_stances() -> None:
    """The stances a lexicon found are remembered per text; a lexicon made from it with other stances must
    not take them over."""
    import dataclasses

    lexicon = load_lexicon()
    text = "Het kabinet steunt het voorstel."
    assert any(s.stances for s in mark_sentences(text, lexicon))
    without = dataclasses.replace(lexicon, stances=())
    assert not any(s.stances for s in mark_sentences(text, without))
