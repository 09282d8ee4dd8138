"""Pairing topics whose title and text were both rewritten: dossiers, topics and their reasons."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from agendadiff.align import Pairing, align
from agendadiff.cli import main
from agendadiff.lang.stems import first_part, stems, vocabulary
from agendadiff.model import Letter, Reason
from agendadiff.pipeline import read_letter
from agendadiff.timeline import build_timeline
from agendadiff.topics import TopicsError, load_dossiers
from tests.pairing_cases import Case, letter_text, letters_of, load_cases, score

ROOT = Path(__file__).resolve().parent.parent
ANNEX = ROOT / "tests" / "data" / "pairing" / "jbz-2025-12-annex-constructed.txt"
JULY = ROOT / "samples" / "jbz-2025-07-10.txt"
SESSION = "item:werksessie-ii-stappen-naar-een-effectief-terugkeersysteem"


@pytest.fixture(scope="module")
def july() -> Letter:
    return read_letter(JULY)


@pytest.fixture(scope="module")
def annex() -> Letter:
    return read_letter(ANNEX)


@pytest.mark.parametrize("case", load_cases(), ids=lambda c: c.name)
def test_each_constructed_case_pairs_as_a_careful_reader_does(case: Case, tmp_path: Path) -> None:
    old, new = letters_of(case, tmp_path)
    result, paired = score(case, old, new, align(old, new))
    assert result.correct == result.made == result.expected, paired


def test_the_july_return_session_pairs_with_the_rewritten_return_regulation(july: Letter, annex: Letter) -> None:
    matches = align(july, annex).matches
    match = next(m for m in matches if m.new == "item:terugkeerverordening")
    assert match.old == SESSION
    assert Reason.SAME_DOSSIER in match.reasons and match.dossier == "Terugkeerverordening"
    assert match.topic == "Terugkeer"
    # nothing else pairs with either of them, and the other return-minded item stays unpaired
    assert [m for m in matches if "item:terugkeerverordening" in (m.new, m.merged_into)] == [match]
    assert [m for m in matches if SESSION in (m.old, m.split_from)] == [match]
    operational = "item:werklunch-operationalisering-van-innovatieve-vormen-van"
    assert all(m.new is None for m in matches if m.old == operational)
    # the preparedness, child-rights and organised-crime items never pair with the return regulation
    for other in ("paraatheidsunie", "kinderrechten", "georganiseerde-criminaliteit"):
        assert not any(other in (m.old or "") and m.new == "item:terugkeerverordening" for m in matches)


def test_the_reason_names_the_dossier_in_every_output(tmp_path: Path) -> None:
    text = CliRunner().invoke(main, ["compare", str(JULY), str(ANNEX), "--no-color", "--lang", "en"])
    assert text.exit_code == 0, text.output
    assert "paired: same dossier: Terugkeerverordening, same topic: Terugkeer" in text.stdout
    html = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["compare", str(JULY), str(ANNEX), "-o", str(html)])
    assert result.exit_code == 0, result.output
    assert "zelfde dossier: Terugkeerverordening" in html.read_text(encoding="utf-8")
    data = CliRunner().invoke(main, ["compare", str(JULY), str(ANNEX), "--format", "json"])
    import json

    pair = next(p for p in json.loads(data.stdout)["pairs"] if p["new"] == "item:terugkeerverordening")
    assert pair["dossier"] == "Terugkeerverordening" and "same dossier" in pair["reasons"]


def _return_threads(letters: list[Letter]) -> list[list[tuple[str, str]]]:
    timeline = build_timeline(letters)
    threads = []
    for thread in timeline.threads:
        places = [(str(timeline.letters[a.letter].date), a.section) for a in thread.appearances]
        if any("terugkeer" in section_id for _, section_id in places):
            threads.append(places)
    return threads


def test_the_timeline_follows_the_return_topic_into_the_rewritten_annex(july: Letter, annex: Letter) -> None:
    earlier = [read_letter(ROOT / "samples" / f"jbz-2025-{d}-constructed.txt") for d in ("02-27", "05-28")]
    threads = _return_threads([*earlier, july, annex])
    main_thread = next(t for t in threads if (str(july.date), SESSION) in t)
    assert main_thread[-1] == (str(annex.date), "item:terugkeerverordening")
    assert main_thread[0][0] == "2025-02-27"  # from the February cover topic on
    assert not [t for t in threads if t is not main_thread and (str(annex.date), "item:terugkeerverordening") in t]


def test_the_timeline_of_all_samples_and_the_annex_keeps_one_return_thread(annex: Letter) -> None:
    samples = [read_letter(p) for p in sorted((ROOT / "samples").glob("jbz-*.txt"))]
    threads = _return_threads([*samples, annex])
    regulation = [t for t in threads if any(s == "item:terugkeerverordening" for _, s in t)]
    assert len(regulation) == 1
    assert [d for d, _ in regulation[0]] == ["2025-02-27", "2025-07-10", "2025-10-02", "2025-11-27", "2025-12-01"]


def test_without_dossier_evidence_the_rewritten_pairs_are_lost(july: Letter, annex: Letter, tmp_path: Path) -> None:
    """The mutation the dossier file guards against: with no dossiers the July session finds no partner."""
    own = tmp_path / "none.toml"
    own.write_text('replace = true\n[[dossier]]\nid = "x"\nterms = ["zzzz"]\n', encoding="utf-8")
    matches = align(july, annex, Pairing(dossiers=load_dossiers(own))).matches
    assert not any(m.old == SESSION and m.new for m in matches)


def test_a_users_dossier_makes_a_pair_the_words_do_not(tmp_path: Path) -> None:
    case = Case(
        "own dossier",
        (
            {
                "key": "a",
                "place": "item",
                "title": "Werksessie: Het Gemeenschappelijk Loket",
                "decision": "Beleidsdebat",
                "text": "De ministers bespreken hoe het loket voor slachtoffers van grensoverschrijdende fraude "
                "werkt. Nederland deelt zijn ervaringen met het loket.",
            },
        ),
        (
            {
                "key": "b",
                "place": "item",
                "title": "Evaluatie van de meldvoorziening",
                "decision": "Informatie van de Commissie",
                "text": "De Commissie presenteert de evaluatie van het Fraudeloket. Het kabinet steunt voortzetting "
                "van het Fraudeloket en vraagt om jaarlijkse cijfers.",
            },
        ),
        {"a": "b"},
    )
    (tmp_path / "old.txt").write_text(letter_text(case.old, 0), encoding="utf-8")
    (tmp_path / "new.txt").write_text(letter_text(case.new, 1), encoding="utf-8")
    own = tmp_path / "dossiers.toml"
    own.write_text(
        '[[dossier]]\nid = "fraudeloket"\nnl = "Fraudeloket"\nterms = ["fraudeloket*", "gemeenschappelijk loket"]\n',
        encoding="utf-8",
    )
    args = ["compare", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), "--no-color", "--lang", "en"]
    without = CliRunner().invoke(main, args)
    assert "same dossier" not in without.stdout
    result = CliRunner().invoke(main, [*args, "--dossiers", str(own)])
    assert result.exit_code == 0, result.output
    assert "paired: same dossier: Fraudeloket" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[dossier]]\nid = 'x'\n", "not a dossiers file"),
        ("[[dossier]]\nid = 'x'\nterms = ['a']\npart_of = 'nowhere'\n", "part_of 'nowhere', which is no dossier"),
        ("[[dossier]\n", "not a dossiers file (TOML"),
    ],
)
def test_a_bad_dossiers_file_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    own = tmp_path / "dossiers.toml"
    own.write_text(content, encoding="utf-8")
    with pytest.raises(TopicsError, match=r"dossiers\.toml") as raised:
        load_dossiers(own)
    assert message in str(raised.value)
    result = CliRunner().invoke(main, ["compare", str(JULY), str(ANNEX), "--dossiers", str(own)])
    assert result.exit_code == 2
    assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_a_reference_cited_all_over_a_letter_pairs_nothing(tmp_path: Path) -> None:
    """The last verslag is cited in many sections; sharing it says nothing about one topic."""
    cited = "(Kamerstuk 32 317, nr. 900)"
    old = tuple(
        {"key": k, "place": "cover", "title": t, "text": body.format(cited=cited)}
        for k, t, body in (
            (
                "a",
                "Visumbeleid Westelijke Balkan",
                "Het kabinet volgt de visumvrijstelling voor de regio nauwgezet {cited}. Aanvragen uit Servië "
                "en Albanië nemen toe; de marechaussee rapporteert maandelijks over weigeringen aan de grens.",
            ),
            (
                "b",
                "Cybersecurity van ziekenhuizen",
                "Nederland deelt zijn aanpak van digitale weerbaarheid in de zorg {cited}. Sinds de aanval op "
                "een academisch centrum oefenen instellingen jaarlijks met uitval van hun systemen.",
            ),
            (
                "c",
                "Jeugdcriminaliteit",
                "Het kabinet wil meer preventie in wijken waar jongeren worden geronseld {cited}. Gemeenten "
                "krijgen daarvoor tot 2027 extra middelen voor jongerenwerk en straatcoaches.",
            ),
        )
    )
    new = (
        {
            "key": "x",
            "place": "cover",
            "title": "Gevangeniswezen",
            "text": f"Er is een tekort aan cellen in de penitentiaire inrichtingen {cited}. Het kabinet "
            "onderzoekt tijdelijke capaciteit op bestaande terreinen.",
        },
    )
    case = Case("spread", old, new, {"a": "", "b": "", "c": ""})
    letters = letters_of(case, tmp_path)
    result, paired = score(case, *letters, align(*letters))
    assert result.made == 0, paired


def test_one_name_in_two_policy_contexts_stays_apart(tmp_path: Path) -> None:
    """A dossier named by sections about different topics is no reason to pair them: the topics must agree."""
    from agendadiff.topics import load_topics

    def section(key: str, title: str, text: str) -> dict[str, str]:
        return {"key": key, "place": "cover", "title": title, "text": text}

    old = (section("a", "Het loket voor fraudeslachtoffers", "Slachtoffers van fraude melden zich bij het loket."),)
    new = (section("b", "Een loket voor ziekenhuizen", "Ziekenhuizen melden storingen bij het nieuwe loket."),)
    letters = letters_of(Case("context", old, new, {}), tmp_path)
    dossiers = tmp_path / "dossiers.toml"
    dossiers.write_text('replace = true\n[[dossier]]\nid = "loket"\nterms = ["loket*"]\n', encoding="utf-8")
    topics = tmp_path / "topics.toml"

    def paired(topic_terms: str) -> bool:
        topics.write_text(f"replace = true\n{topic_terms}", encoding="utf-8")
        pairing = Pairing(dossiers=load_dossiers(dossiers), topics=load_topics(topics))
        return any(
            m.old == "topic:het-loket-voor-fraudeslachtoffers" and m.new for m in align(*letters, pairing).matches
        )

    apart = '[[topic]]\nid = "fraude"\nterms = ["fraude*"]\n[[topic]]\nid = "zorg"\nterms = ["ziekenhui*"]\n'
    together = '[[topic]]\nid = "meldingen"\nterms = ["meld*", "loket*"]\n'
    assert not paired(apart)
    assert paired(together)


def test_a_summary_naming_every_file_once_pairs_with_none_of_them() -> None:
    """The verslag's 'Belangrijkste resultaten' names returns, the Pact and preparedness once each."""
    october = read_letter(ROOT / "samples" / "jbz-2025-10-02-constructed.txt")
    verslag = read_letter(ROOT / "samples" / "verslagen" / "jbz-verslag-2025-10-24-constructed.txt")
    assert not [m for m in align(october, verslag).matches if m.new == "topic:belangrijkste-resultaten" and m.old]


def test_compounds_share_their_first_word_when_the_letters_use_it_alone() -> None:
    known = vocabulary(["terugkeer", "van", "paraatheid", "systeem"])
    assert first_part("terugkeersysteem", known) == "terugkeer"
    assert first_part("terugkeerverordening", known) == "terugkeer"
    assert first_part("paraatheidsunie", known) == "paraatheid"  # the linking s
    assert first_part("verordening", known) is None  # no known first word
    assert first_part("terugkeer", known) is None  # the word itself is no compound
    assert stems(["verordeningen", "verordening"])[0] == stems(["verordeningen", "verordening"])[1]
