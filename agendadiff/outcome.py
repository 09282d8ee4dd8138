"""Outcome: a meeting's geannoteerde agenda against its verslag, item by item.

The agenda's items are paired with the verslag's accounts by align (their titles, text and dossiers). Per item,
what the agenda announced is its position statements (positions.py), with the vote they announce when a stance
says one (`vote` in data/positions.toml: "is voornemens in te stemmen" is for, "zal zich onthouden" abstains; a
negation turns for into against) and the conditions that vote was given on ("kan instemmen, mits ..."). What
the verslag reports is its sentences in which the Netherlands or the cabinet acted ("Nederland heeft
ingestemd", "heeft gepleit voor ..."). The verdict:

- as announced: the reported vote is the announced one and every condition is mentioned in the account, or,
  for an item without a vote, what the Netherlands reportedly did is what the agenda said it would do;
- diverged: another vote, or a condition the account does not mention;
- not reported: no account of the item, or an account that does not say how the Netherlands acted;
- not announced: the verslag reports a Dutch act that the agenda did not announce (or an item it did not have).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from agendadiff.align import Pairing, align
from agendadiff.errors import AgendadiffError
from agendadiff.lang.words import content_words
from agendadiff.model import ItemOutcome, Letter, LetterKind, Outcome, Quote, Section, SectionKind, Verdict
from agendadiff.positions import Lexicon, load_lexicon, mark_sentences

MENTIONED = 0.5  # a condition is mentioned when the account holds this share of its content words
ANNOUNCED = 0.3  # a reported act is announced when this share of its content words is in the agenda item
_ACTED = re.compile(r"\b(?:heeft|hebben|had|hadden)\b", re.IGNORECASE)  # a verslag's account is in the perfect
_KINDS = (SectionKind.ITEM, SectionKind.TEXT)


def outcome(agenda: Letter, verslag: Letter, lexicon: Lexicon | None = None, pairing: Pairing | None = None) -> Outcome:
    """Each agenda item against its account in the verslag of the same meeting, and the verslag's items that
    the agenda did not have but that report what the Netherlands did."""
    lexicon = lexicon or load_lexicon()
    alignment = align(agenda, verslag, pairing or Pairing())
    by_id = {s.id: s for s in verslag.sections}
    partner = {m.old: by_id[m.new] for m in alignment.matches if m.old and m.new}
    items = []
    accounted: set[str] = set()
    for section in agenda.sections:
        if section.kind not in _KINDS:
            continue
        account = partner.get(section.id)
        if account is not None and account.kind not in _KINDS:
            account = None  # an agenda item paired with a cover-letter topic of the verslag is not its account
        if account is not None:
            accounted.add(account.id)
        items.append(_item(section, account, lexicon))
    for section in verslag.sections:
        if section.kind in _KINDS and section.id not in accounted:
            reported = _reported(section, lexicon)
            if reported:
                items.append(ItemOutcome(None, section, Verdict.NOT_ANNOUNCED, None, reported[0], (), tuple(reported)))
    return Outcome(agenda, verslag, tuple(items))


class _Marked(NamedTuple):
    quote: Quote
    vote: str | None  # the vote the sentence states, if any


def _item(agenda: Section, account: Section | None, lexicon: Lexicon) -> ItemOutcome:
    marked = _announced(agenda, lexicon)
    announced = tuple(m.quote for m in marked)
    stating = next((m for m in marked if m.vote), None)  # the first sentence that announces a vote
    vote = stating.vote if stating else None
    conditions = _conditions(stating.quote.text, lexicon) if stating else ()
    said = stating.quote if stating else (announced[0] if announced else None)
    if account is None:
        verdict = Verdict.NOT_REPORTED if announced else Verdict.NO_POSITION
        return ItemOutcome(agenda, None, verdict, said, None, announced, (), vote, None, conditions)
    acts = _reported_marked(account, lexicon)
    reported = tuple(m.quote for m in acts)
    voting = next((m for m in acts if m.vote), None)
    reported_vote = voting.vote if voting else None

    def result(
        verdict: Verdict, done: Quote | None, missing: tuple[str, ...] = (), quoted: Quote | None = said
    ) -> ItemOutcome:
        return ItemOutcome(
            agenda, account, verdict, quoted, done, announced, reported, vote, reported_vote, conditions, missing
        )

    if vote is not None:
        if voting is None:
            return result(Verdict.NOT_REPORTED, None)
        if reported_vote != vote:
            return result(Verdict.DIVERGED, voting.quote)
        missing = tuple(c for c in conditions if not _mentioned(c, account.text))
        return result(Verdict.DIVERGED if missing else Verdict.AS_ANNOUNCED, voting.quote, missing)
    if not reported:
        return result(Verdict.NOT_REPORTED if announced else Verdict.NO_POSITION, None)
    agenda_content = set(_content(agenda.text))
    unannounced = next((q for q in reported if _share(q.text, agenda_content) < ANNOUNCED), None)
    if unannounced is not None:
        return result(Verdict.NOT_ANNOUNCED, unannounced)
    done = reported[0]
    closest = max(announced, key=lambda q: _share(done.text, set(_content(q.text)))) if announced else None
    return result(Verdict.AS_ANNOUNCED, done, quoted=closest)


def _announced(section: Section, lexicon: Lexicon) -> list[_Marked]:
    """The agenda item's position statements, each with the vote it states."""
    return [
        _Marked(Quote(section.id, s.text, s.start, s.end), _vote(s.stances, s.text, lexicon))
        for s in mark_sentences(section.text, lexicon)
        if s.position
    ]


def _reported(section: Section, lexicon: Lexicon) -> list[Quote]:
    """The sentences of an account in which the Netherlands or the cabinet acted."""
    return [m.quote for m in _reported_marked(section, lexicon)]


def _reported_marked(section: Section, lexicon: Lexicon) -> list[_Marked]:
    found = []
    for sentence in mark_sentences(section.text, lexicon):
        actor = lexicon.actors.search(sentence.text)
        if actor and (sentence.stances or _ACTED.search(sentence.text)):
            quote = Quote(section.id, sentence.text, sentence.start, sentence.end)
            found.append(_Marked(quote, _vote(sentence.stances, sentence.text, lexicon)))
    return found


def _vote(stance_ids: Sequence[str], sentence: str, lexicon: Lexicon) -> str | None:
    """The vote a sentence's stances (as positions.py found them) state: for / against / abstain, a negation
    turning for into against."""
    votes = {stance.id: stance.vote for stance in lexicon.stances}
    vote = next((votes[s] for s in stance_ids if votes.get(s)), None)
    if vote == "for" and lexicon.negations.search(sentence):
        return "against"
    return vote


def _conditions(sentence: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The conditions a sentence sets: from each condition word ("mits", "op voorwaarde dat") to its end."""
    return tuple(sentence[found.start() :].rstrip(" .;") for found in lexicon.conditions.finditer(sentence))


def _content(text: str) -> list[str]:
    """The stems of a text's content words of three letters or more."""
    from agendadiff.lang.stems import stems

    return stems([w for w in content_words(text) if len(w) > 2])


def _share(part: str, whole: set[str]) -> float:
    """How much of `part`'s content (stems) is in `whole` (stems)."""
    wanted = set(_content(part)) - _ACTOR_STEMS
    return len(wanted & whole) / len(wanted) if wanted else 1.0


def _mentioned(condition: str, account: str) -> bool:
    # the condition word itself ("mits") is no content
    return _share(condition.split(" ", 1)[1] if " " in condition else condition, set(_content(account))) >= MENTIONED


_ACTOR_STEMS = frozenset({"kabinet", "nederland", "regering", "heeft", "hebben"})


class OutcomeError(AgendadiffError):
    """Two letters that are not an agenda and the verslag of one meeting."""


def meeting_pair(
    first: Letter,
    second: Letter,
    lexicon: Lexicon | None = None,
    pairing: Pairing | None = None,
) -> tuple[Outcome, list[str]]:
    """The outcome of a geannoteerde agenda and a verslag given in either order, and warnings: a verslag of
    another meeting than the agenda's is compared, but said."""
    kinds = {first.kind, second.kind}
    if kinds != {LetterKind.AGENDA, LetterKind.REPORT}:
        named = ", ".join(
            f"{letter.source.path} is {(letter.kind.value if letter.kind else 'not a letter of a known kind')}"
            for letter in (first, second)
        )
        raise OutcomeError(f"give a geannoteerde agenda and its verslag ({named})")
    agenda, verslag = (first, second) if first.kind is LetterKind.AGENDA else (second, first)
    warnings = []
    a, v = agenda.meeting, verslag.meeting
    if a and v and a.dates and v.dates and set(a.dates) != set(v.dates):
        warnings.append(
            f"the verslag is of the meeting of {v.dates[0].isoformat()}, the agenda of {a.dates[0].isoformat()}"
        )
    return outcome(agenda, verslag, lexicon, pairing), warnings
