"""Follow-through: an agenda against its verslag (verdicts), and the commitments of a series (statuses)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agendadiff.cli import main
from agendadiff.commitments import commitments_of, due_date, register
from agendadiff.model import CommitmentStatus, Letter, Outcome, Verdict
from agendadiff.outcome import outcome
from agendadiff.pipeline import read_letter

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
OCTOBER = SAMPLES / "jbz-2025-10-02-constructed.txt"
NOVEMBER = SAMPLES / "jbz-2025-11-27-constructed.txt"
VERSLAG_OCTOBER = SAMPLES / "verslagen" / "jbz-verslag-2025-10-24-constructed.txt"
VERSLAG_DECEMBER = SAMPLES / "verslagen" / "jbz-verslag-2025-12-12-constructed.txt"


@pytest.fixture(scope="module")
def october() -> Outcome:
    return outcome(read_letter(OCTOBER), read_letter(VERSLAG_OCTOBER))


@pytest.fixture(scope="module")
def december() -> Outcome:
    return outcome(read_letter(NOVEMBER), read_letter(VERSLAG_DECEMBER))


def _verdicts(result: Outcome) -> dict[str, Verdict]:
    return {item.section.id: item.verdict for item in result.items}


def test_an_announced_vote_reported_as_cast_is_as_announced(october: Outcome) -> None:
    item = next(i for i in october.items if i.agenda and i.agenda.id == "item:terugkeerverordening")
    assert item.verdict is Verdict.AS_ANNOUNCED
    assert (item.announced_vote, item.reported_vote) == ("for", "for")
    assert item.said and "voornemens in te stemmen" in item.said.text
    assert item.done and item.done.text == "Nederland heeft ingestemd met de algemene oriëntatie."


def test_another_vote_than_announced_diverged(october: Outcome, december: Outcome) -> None:
    avg = next(i for i in october.items if i.agenda and i.agenda.id.startswith("item:lastenverlichting"))
    assert avg.verdict is Verdict.DIVERGED and (avg.announced_vote, avg.reported_vote) == ("for", "abstain")
    csam = next(i for i in december.items if i.agenda and i.agenda.id.startswith("item:verordening-ter-voorkoming"))
    assert csam.verdict is Verdict.DIVERGED and (csam.announced_vote, csam.reported_vote) == ("for", "against")
    assert csam.done and "tegengestemd" in csam.done.text


def test_a_condition_the_account_leaves_out_diverged(december: Outcome) -> None:
    item = next(i for i in december.items if i.agenda and i.agenda.id == "item:terugkeerverordening")
    assert item.verdict is Verdict.DIVERGED
    assert (item.announced_vote, item.reported_vote) == ("for", "for")
    assert item.missing_conditions == ("mits de mogelijkheid van terugkeerhubs in de tekst behouden blijft",)


def test_the_same_condition_mentioned_in_the_account_is_as_announced(tmp_path: Path) -> None:
    agenda, verslag = _pair(
        tmp_path,
        [
            (
                "Terugkeerverordening",
                "Het kabinet kan instemmen met de algemene oriëntatie, mits de mogelijkheid van "
                "terugkeerhubs in de tekst behouden blijft.",
            )
        ],
        [
            (
                "Terugkeerverordening",
                "Nederland heeft ingestemd. De mogelijkheid van terugkeerhubs is in de tekst behouden gebleven.",
            )
        ],
    )
    [item] = outcome(agenda, verslag).items
    assert item.verdict is Verdict.AS_ANNOUNCED and item.conditions and not item.missing_conditions


def test_an_item_without_account_or_without_the_dutch_act_is_not_reported(october: Outcome) -> None:
    verdicts = _verdicts(october)
    assert verdicts["item:implementatie-asiel-en-migratiepact-kopgroep-dublin"] is Verdict.NOT_REPORTED
    assert verdicts["item:verordening-ter-voorkoming-en-bestrijding-van-seksueel"] is Verdict.NOT_REPORTED
    children = next(
        i for i in october.items if i.agenda and i.agenda.id == "item:werklunch-bescherming-van-kinderrechten"
    )
    assert children.verdict is Verdict.NOT_REPORTED and children.verslag is not None  # reported, but not what NL did


def test_what_the_agenda_did_not_announce_is_not_announced(october: Outcome) -> None:
    [extra] = [i for i in october.items if i.agenda is None]
    assert extra.verslag and extra.verslag.id == "item:diversen-europees-openbaar-ministerie"
    assert extra.verdict is Verdict.NOT_ANNOUNCED and extra.done and "verklaring afgelegd" in extra.done.text


def test_a_debate_item_reported_in_the_agendas_words_is_as_announced(december: Outcome) -> None:
    verdicts = _verdicts(december)
    assert verdicts["item:bewaren-van-gegevens-voor-rechtshandhaving"] is Verdict.AS_ANNOUNCED
    assert verdicts["item:operationalisering-van-innovatieve-vormen-van"] is Verdict.AS_ANNOUNCED
    assert verdicts["item:ministeriele-weerbaarheidscoalitie"] is Verdict.NO_POSITION


# -- the property: a verslag written from the agenda "as announced" diverges nowhere --------------------------

_VOTES = {
    "for": ("Het kabinet is voornemens in te stemmen met {x}.", "Nederland heeft ingestemd met {x}."),
    "can": ("Het kabinet kan instemmen met {x}.", "Nederland heeft ingestemd met {x}."),
    "against": ("Het kabinet zal tegenstemmen bij {x}.", "Nederland heeft tegengestemd bij {x}."),
    "abstain": (
        "Het kabinet zal zich onthouden van stemming over {x}.",
        "Nederland heeft zich van stemming onthouden over {x}.",
    ),
}
_SUBJECTS = ["het voorstel", "de algemene oriëntatie", "de raadsconclusies", "het mandaat", "de verordening"]
_CONDITIONS = ["de rechtsbescherming gewaarborgd blijft", "de termijnen haalbaar zijn", "de kosten gedeeld worden"]
_TITLES = ["Terugkeerverordening", "Europol", "Schengengrenscode", "Eurodac", "Kinderrechten", "Drugsbeleid"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    items=st.lists(
        st.tuples(
            st.sampled_from(sorted(_VOTES)), st.sampled_from(_SUBJECTS), st.none() | st.sampled_from(_CONDITIONS)
        ),
        min_size=1,
        max_size=5,
    )
)
def test_a_verslag_written_as_announced_diverges_nowhere(
    items: list[tuple[str, str, str | None]], tmp_path: Path
) -> None:
    agenda_items, verslag_items = [], []
    for (vote, subject, condition), title in zip(items, _TITLES, strict=False):
        said, done = _VOTES[vote]
        announced = said.format(x=subject)
        reported = done.format(x=subject)
        if condition and vote in ("for", "can"):
            announced = announced[:-1] + f", mits {condition}."
            reported += f" Daarbij is bereikt dat {condition}."
        agenda_items.append((title, announced))
        verslag_items.append((title, reported))
    agenda, verslag = _pair(tmp_path, agenda_items, verslag_items)
    result = outcome(agenda, verslag)
    assert [i.verdict for i in result.items] == [Verdict.AS_ANNOUNCED] * len(agenda_items), [
        (i.agenda.title if i.agenda else None, i.verdict, i.missing_conditions) for i in result.items
    ]


def _pair(
    folder: Path, agenda_items: list[tuple[str, str]], verslag_items: list[tuple[str, str]]
) -> tuple[Letter, Letter]:
    def letter(title: str, date: str, items: list[tuple[str, str]]) -> str:
        body = "\n\n".join(f"{k}. {t}\n\n{text}" for k, (t, text) in enumerate(items, 1))
        return (
            f"Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, {date}\n\n"
            "Hierbij ontvangt uw Kamer de brief over de JBZ-Raad van 8 en 9 december 2025.\n\n"
            "De minister van Justitie en Veiligheid, D.M. van Weel\n\n"
            f"{title} van de Raad Justitie en Binnenlandse Zaken, 8 en 9 december 2025 te Brussel\n\n"
            f"I. Justitie\n\n{body}\n"
        )

    (folder / "agenda.txt").write_text(
        letter("Geannoteerde agenda van de formele bijeenkomst", "27 november 2025", agenda_items)
    )
    (folder / "verslag.txt").write_text(letter("Verslag van de formele bijeenkomst", "12 december 2025", verslag_items))
    return read_letter(folder / "agenda.txt"), read_letter(folder / "verslag.txt")


# -- commitments ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def series() -> list[Letter]:
    paths = sorted(SAMPLES.glob("jbz-*.txt")) + sorted((SAMPLES / "verslagen").glob("*.txt"))
    return [read_letter(p) for p in paths]


def test_commitments_are_followed_to_the_latest_letter(series: list[Letter]) -> None:
    result = register(series)
    status = {t.commitment.id: t for t in result.tracks}
    [promised] = [t for t in result.tracks if t.commitment.due_text == "voor de zomer van 2026"]
    assert promised.commitment.section == "topic:terugkeerhubs-en-de-rol-van-de-europese-commissie"
    assert promised.status is CommitmentStatus.FULFILLED
    assert promised.commitment.due == dt.date(2026, 6, 21) and promised.commitment.due_text == "voor de zomer van 2026"
    assert promised.fulfilled and result.letters[promised.fulfilled[0]].date == dt.date(2025, 12, 12)
    assert promised.fulfilled[1].text.startswith("Zoals toegezegd in het verslag van de JBZ-Raad van oktober")
    [schengen] = [t for t in result.tracks if "aanbevelingen uit de Schengenevaluatie" in t.commitment.text]
    assert schengen.status is CommitmentStatus.DROPPED
    [spring] = [t for t in result.tracks if "in het voorjaar over het wetsvoorstel" in t.commitment.text]
    assert spring.status is CommitmentStatus.OVERDUE  # due 20 June 2025, never reported on
    [visit] = [t for t in result.tracks if "na afloop over de bevindingen" in t.commitment.text]
    assert visit.status is CommitmentStatus.REPEATED and len(visit.repeated) == 1
    [plan] = [t for t in result.tracks if "actieplan" in t.commitment.text]
    assert plan.status is CommitmentStatus.OPEN and plan.commitment.due == dt.date(2026, 2, 1)
    assert len(status) == len(result.tracks)  # ids are unique


def test_commitment_ids_do_not_depend_on_order_or_run(series: list[Letter]) -> None:
    forward = [t.commitment.id for t in register(series).tracks]
    backward = [t.commitment.id for t in register(list(reversed(series))).tracks]
    assert forward == backward
    assert forward[0] == "2025-02-27-" + forward[0].rsplit("-", 1)[1] and len(forward[0].rsplit("-", 1)[1]) == 6


@pytest.mark.parametrize(
    ("sentence", "due", "words"),
    [
        ("Het kabinet zal uw Kamer voor de zomer van 2026 informeren.", dt.date(2026, 6, 21), "voor de zomer van 2026"),
        ("U ontvangt het voor 1 februari 2026.", dt.date(2026, 2, 1), "voor 1 februari 2026"),
        (
            "Het kabinet zal uw Kamer voor het einde van het jaar informeren.",
            dt.date(2025, 12, 31),
            "voor het einde van het jaar",
        ),
        ("Het kabinet informeert uw Kamer eind 2026.", dt.date(2026, 12, 31), "eind 2026"),
        ("De minister zal dit in het voorjaar doen.", dt.date(2026, 6, 20), "in het voorjaar"),  # spring has passed
        ("Het kabinet zal uw Kamer voor het kerstreces informeren.", dt.date(2025, 12, 19), "voor het kerstreces"),
        ("Het kabinet zal uw Kamer na afloop informeren.", None, ""),
    ],
)
def test_due_dates_are_read_from_the_sentence(sentence: str, due: dt.date | None, words: str) -> None:
    assert due_date(sentence, dt.date(2025, 10, 24)) == (due, words)


def test_a_letter_without_promises_has_no_commitments(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("Den Haag, 10 juli 2025\n\nKopgroep Dublin\n\nHet kabinet steunt de kopgroep.\n")
    assert commitments_of(read_letter(path)) == []


# -- command line, JSON schema, goldens ----------------------------------------------------------------------


def test_outcome_takes_its_letters_in_either_order_and_refuses_two_agendas(tmp_path: Path) -> None:
    forward = CliRunner().invoke(main, ["outcome", str(OCTOBER), str(VERSLAG_OCTOBER), "--format", "json"])
    backward = CliRunner().invoke(main, ["outcome", str(VERSLAG_OCTOBER), str(OCTOBER), "--format", "json"])
    assert forward.exit_code == backward.exit_code == 0
    assert forward.stdout == backward.stdout
    wrong = CliRunner().invoke(main, ["outcome", str(OCTOBER), str(NOVEMBER)])
    assert wrong.exit_code == 2
    assert "give a geannoteerde agenda and its verslag" in wrong.output and len(wrong.output.strip().splitlines()) == 1


def test_outcome_warns_when_the_verslag_is_of_another_meeting() -> None:
    result = CliRunner().invoke(main, ["outcome", str(OCTOBER), str(VERSLAG_DECEMBER)])
    assert result.exit_code == 0
    assert "warning: the verslag is of the meeting of 2025-12-08, the agenda of 2025-10-13" in result.stderr


def test_the_json_outputs_follow_their_schemas(october: Outcome, series: list[Letter]) -> None:
    import jsonschema

    from agendadiff.render.followthrough import outcome_json, register_json
    from agendadiff.schemas import schema

    for name, text in (("outcome", outcome_json(october)), ("commitments", register_json(register(series)))):
        jsonschema.Draft202012Validator.check_schema(schema(name))
        jsonschema.validate(json.loads(text), schema(name), format_checker=jsonschema.FormatChecker())
    broken = json.loads(outcome_json(october))
    broken["items"][0]["verdict"] = "fine"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema("outcome"))


def test_the_outcome_and_register_goldens_hold_every_verdict_and_status() -> None:
    october = json.loads((ROOT / "reports" / "outcome-2025-10-24.json").read_text(encoding="utf-8"))
    december = json.loads((ROOT / "reports" / "outcome-2025-12-12.json").read_text(encoding="utf-8"))
    verdicts = {item["verdict"] for data in (october, december) for item in data["items"]}
    assert verdicts == {"as announced", "diverged", "not reported", "not announced", "no position"}
    commitments = json.loads((ROOT / "reports" / "commitments.json").read_text(encoding="utf-8"))
    assert {c["status"] for c in commitments["commitments"]} == {"open", "repeated", "fulfilled", "overdue", "dropped"}


def test_html_escapes_what_a_letter_says(tmp_path: Path) -> None:
    agenda, verslag = _pair(
        tmp_path,
        [("Terugkeer <script>", "Het kabinet kan instemmen met <b>dit</b>.")],
        [("Terugkeer <script>", "Nederland heeft zich van stemming onthouden <img src=x>.")],
    )
    from agendadiff.render.followthrough import outcome_html

    page = outcome_html(outcome(agenda, verslag), "en")
    assert "<script>" not in page.split("</style>", 1)[1] and "&lt;img src=x&gt;" in page and "<b>dit" not in page


def test_a_negated_agreement_announces_a_vote_against(tmp_path: Path) -> None:
    announced = [("Europol", "Het kabinet kan niet instemmen met het voorstel.")]
    agenda, verslag = _pair(tmp_path, announced, [("Europol", "Nederland heeft tegengestemd.")])
    [item] = outcome(agenda, verslag).items
    assert (item.announced_vote, item.reported_vote, item.verdict) == ("against", "against", Verdict.AS_ANNOUNCED)
    agenda, verslag = _pair(tmp_path, announced, [("Europol", "Nederland heeft ingestemd met het voorstel.")])
    [item] = outcome(agenda, verslag).items
    assert item.verdict is Verdict.DIVERGED


def test_an_archive_of_agendas_and_verslagen_keeps_outcomes_and_commitments(tmp_path: Path) -> None:
    from agendadiff.archive import open_archive

    archive_dir = tmp_path / "jbz"
    assert CliRunner().invoke(main, ["archive", "init", str(archive_dir), "--series", "JBZ-Raad"]).exit_code == 0
    files = [*sorted(SAMPLES.glob("jbz-2025-1*.txt")), *sorted((SAMPLES / "verslagen").glob("*.txt"))]
    result = CliRunner().invoke(main, ["archive", "add", *map(str, files), "--archive", str(archive_dir)])
    assert result.exit_code == 0, result.output
    reports = sorted(p.stem for p in (archive_dir / "reports").glob("*.json") if p.stem != "manifest")
    # agendas with agendas, verslagen with verslagen: never an agenda against a verslag
    assert reports == [
        "2025-10-02_jbz-2025-10-13-luxemburg__2025-11-27_jbz-2025-12-08-brussel",
        "2025-10-24_verslag_jbz-2025-10-13-luxemburg__2025-12-12_verslag_jbz-2025-12-08-brussel",
    ]
    outcomes = sorted(p.name for p in (archive_dir / "outcomes").glob("*.json") if p.stem != "manifest")
    assert outcomes == [
        "2025-10-02_jbz-2025-10-13-luxemburg__2025-10-24_verslag_jbz-2025-10-13-luxemburg.json",
        "2025-11-27_jbz-2025-12-08-brussel__2025-12-12_verslag_jbz-2025-12-08-brussel.json",
    ]
    register_data = json.loads((archive_dir / "commitments.json").read_text(encoding="utf-8"))
    assert any(c["status"] == "fulfilled" for c in register_data["commitments"])
    index = (archive_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="outcomes/2025-11-27_jbz-2025-12-08-brussel__2025-12-12_verslag_jbz-2025-12-08-brussel.html"' in index
    assert 'href="commitments.html"' in index and "afgeweken" in index
    # the October letters made three commitments still open: the Ukraine plan, the Schengen visit, the action plan
    assert '<a href="commitments.html#open">3</a>' in index
    assert open_archive(archive_dir).check() == []
    (archive_dir / "outcomes" / outcomes[0]).unlink()
    problems = open_archive(archive_dir).check()
    assert [p.problem for p in problems] == ["outcome report missing (json)"]
    timeline = json.loads((archive_dir / "timeline.json").read_text(encoding="utf-8"))
    assert [letter["date"] for letter in timeline["letters"]] == ["2025-10-02", "2025-11-27"]  # the agendas only


def test_a_timeline_of_agendas_and_verslagen_follows_the_agendas() -> None:
    result = CliRunner().invoke(main, ["timeline", str(SAMPLES), str(SAMPLES / "verslagen"), "--format", "json"])
    assert result.exit_code == 0, result.output
    sources = [letter["source"]["path"] for letter in json.loads(result.stdout)["letters"]]
    assert len(sources) == 5 and not any("verslag" in source for source in sources)
    assert "warning: 2 verslag(en) left out: the timeline follows the agendas" in result.stderr


def test_a_promise_recounted_and_kept_in_one_letter_is_fulfilled_there(tmp_path: Path) -> None:
    path = tmp_path / "verslag.txt"
    path.write_text(
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 22 oktober 2025\n\n"
        "Hierbij bieden wij uw Kamer het verslag aan van de JBZ-Raad.\n\nToezeggingen\n\nTerugkoppeling over de opt-out\n\n"
        "Tijdens het commissiedebat heeft de minister toegezegd in dit verslag in te gaan op de opt-out. "
        "Hierbij wordt deze toezegging gestand gedaan. Lidstaten reageerden verschillend.\n",
        encoding="utf-8",
    )
    [track] = register([read_letter(path)]).tracks
    assert track.status is CommitmentStatus.FULFILLED
    assert track.fulfilled and track.fulfilled[0] == 0 and "gestand" in track.fulfilled[1].text


def test_the_verbs_of_a_verslag_state_votes_in_the_past_tense() -> None:
    from agendadiff.outcome import _vote
    from agendadiff.positions import load_lexicon, mark_sentences

    lexicon = load_lexicon()

    def vote(text: str) -> str | None:
        [sentence] = mark_sentences(text, lexicon)
        return _vote(sentence.stances, sentence.text, lexicon)

    assert vote("Nederland stemde in met de raadspositie.") == "for"
    assert vote("Nederland stemde tegen.") == "against"
    assert vote("Nederland onthield zich van stemming.") == "abstain"


def test_the_reading_cache_gives_the_same_register_and_reads_nothing_twice(
    series: list[Letter], monkeypatch: pytest.MonkeyPatch
) -> None:
    from agendadiff.kept import Kept
    from agendadiff.render.followthrough import register_json

    fresh = Kept()
    first = register_json(register(series, kept=fresh))
    assert first == register_json(register(series)) and len(fresh.used) == len(series) + 1  # + where it stopped
    calls: list[int] = []
    import agendadiff.commitments as commitments

    real = commitments._read

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(commitments, "_read", counted)
    again = Kept(json.loads(json.dumps(fresh.used)))  # as an archive keeps it: JSON
    assert register_json(register(series, kept=again)) == first and calls == []
    # a letter read before needs only its head: the register is the same without any letter's sections
    heads = [replace(letter, sections=()) for letter in series]
    assert register_json(register(heads, kept=Kept(json.loads(json.dumps(fresh.used))))) == first
    assert any(track.fulfilled for track in register(series).tracks)  # a series that tests the kept quotes


def test_a_register_takes_up_where_the_last_one_stopped(series: list[Letter], monkeypatch: pytest.MonkeyPatch) -> None:
    """An update's register follows the promises still open through its new letter only, and comes out as one
    made from nothing; a letter that comes in between the others has the register follow them all again."""
    import agendadiff.commitments as commitments
    from agendadiff.kept import Kept
    from agendadiff.render.followthrough import register_json

    def as_kept(kept: Kept) -> Kept:
        return Kept(json.loads(json.dumps(kept.used)))  # as an archive keeps it: JSON

    ordered = sorted(series, key=lambda letter: (letter.date or dt.date.min, letter.source.path))
    before = Kept()
    register(ordered[:-1], kept=before)
    followed: list[int] = []
    real = commitments._follow
    monkeypatch.setattr(
        commitments, "_follow", lambda f, here, later, *a: followed.append(later) or real(f, here, later, *a)
    )
    assert register_json(register(ordered, kept=as_kept(before))) == register_json(register(ordered))
    assert followed[:1] == [len(ordered) - 1] and len(followed) == 1 + len(ordered)  # then the fresh one's
    followed.clear()
    without_second = Kept()
    register(ordered[:1] + ordered[2:], kept=without_second)
    followed.clear()
    assert register_json(register(ordered, kept=as_kept(without_second))) == register_json(register(series))
    assert followed[: len(ordered)] == list(range(len(ordered)))  # the letter that came in between: all again
    assert any(track.repeated for track in register(series).tracks)  # a series that tests repeated promises


def test_an_archive_with_a_broken_reading_cache_keeps_the_same_register(tmp_path: Path) -> None:
    import shutil

    import git

    folder = tmp_path / "archief"
    env = {"GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@x", "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@x"}
    runner = CliRunner(env=env)
    assert runner.invoke(main, ["archive", "init", str(folder)]).exit_code == 0
    (folder / "inbox").mkdir()
    for path in (OCTOBER, VERSLAG_OCTOBER):
        shutil.copy(path, folder / "inbox" / path.name)
    assert runner.invoke(main, ["archive", "update", "--archive", str(folder)]).exit_code == 0
    cache = folder / ".agendadiff" / "commitment-readings.json"
    assert json.loads(cache.read_text(encoding="utf-8"))["kept"]
    register_before = (folder / "commitments.json").read_text(encoding="utf-8")
    cache.write_text("[broken", encoding="utf-8")
    shutil.copy(NOVEMBER, folder / "inbox" / NOVEMBER.name)
    assert runner.invoke(main, ["archive", "update", "--archive", str(folder)]).exit_code == 0
    with_broken = (folder / "commitments.json").read_text(encoding="utf-8")
    assert with_broken != register_before  # November's commitments came in
    cache.unlink()
    (folder / "reports" / "manifest.json").write_text("{}\n", encoding="utf-8")
    git.Repo(folder).git.commit("-qam", "forget")
    assert runner.invoke(main, ["archive", "update", "--archive", str(folder)]).exit_code == 0
    assert (folder / "commitments.json").read_text(encoding="utf-8") == with_broken


def test_an_archive_update_reads_the_files_of_letters_it_read_before_no_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The register goes over every stored letter: of those read before it takes the heads an earlier update
    kept, so an update's work does not grow with the archive; a letter file changed since is read again."""
    import shutil

    from agendadiff.archive import build
    from agendadiff.archive.update import Archive

    folder = tmp_path / "archief"
    env = {"GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@x", "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@x"}
    runner = CliRunner(env=env)
    assert runner.invoke(main, ["archive", "init", str(folder)]).exit_code == 0
    (folder / "inbox").mkdir()
    for path in (OCTOBER, VERSLAG_OCTOBER, NOVEMBER):
        shutil.copy(path, folder / "inbox" / path.name)
    assert runner.invoke(main, ["archive", "update", "--archive", str(folder)]).exit_code == 0
    archive = Archive(folder)
    letters = archive.letters()
    pages, _ = build.register_pages(archive, letters)  # as the update made them, and keeps what it read
    assert (folder / "commitments.json").read_text(encoding="utf-8") == pages["json"]
    read: list[str] = []
    real = Path.read_text

    def counted(path: Path, *args: Any, **kwargs: Any) -> str:
        if path.name == "letter.json":
            read.append(path.parent.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", counted)
    assert build.register_pages(archive, letters)[0] == pages and read == []
    changed = folder / "letters" / letters[0].name / "letter.json"
    changed.write_text(real(changed, encoding="utf-8").replace('"warnings": []', '"warnings": ["edited"]'))
    again, _ = build.register_pages(archive, letters)
    assert read == [letters[0].name] and '"edited"' in again["json"] and '"edited"' not in pages["json"]
