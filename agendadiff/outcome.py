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

from agendadiff.align import Pairing, align
from agendadiff.errors import AgendadiffError
from agendadiff.lang.dutch import FUNCTION_WORDS
from agendadiff.lang.typography import canonical
from agendadiff.lang.words import WORD
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


def _item(agenda: Section, account: Section | None, lexicon: Lexicon) -> ItemOutcome:
    announced = _announced(agenda, lexicon)
    vote, conditions = _announced_vote(announced, lexicon)
    said = _first(announced, vote, lexicon) if announced else None
    if account is None:
        verdict = Verdict.NOT_REPORTED if announced else Verdict.NO_POSITION
        return ItemOutcome(agenda, None, verdict, said, None, tuple(announced), (), vote, None, conditions)
    reported = _reported(account, lexicon)
    reported_vote = next((v for q in reported if (v := _vote(q.text, lexicon))), None)

    def result(verdict: Verdict, done: Quote | None, missing: tuple[str, ...] = ()) -> ItemOutcome:
        return ItemOutcome(
            agenda,
            account,
            verdict,
            said,
            done,
            tuple(announced),
            tuple(reported),
            vote,
            reported_vote,
            conditions,
            missing,
        )

    if vote is not None:
        if reported_vote is None:
            return result(Verdict.NOT_REPORTED, None)
        done = next(q for q in reported if _vote(q.text, lexicon) == reported_vote)
        if reported_vote != vote:
            return result(Verdict.DIVERGED, done)
        missing = tuple(c for c in conditions if not _mentioned(c, account.text))
        return result(Verdict.DIVERGED if missing else Verdict.AS_ANNOUNCED, done, missing)
    if not reported:
        return result(Verdict.NOT_REPORTED if announced else Verdict.NO_POSITION, None)
    unannounced = next((q for q in reported if _share(q.text, agenda.text) < ANNOUNCED), None)
    if unannounced is not None:
        return result(Verdict.NOT_ANNOUNCED, unannounced)
    done = reported[0]
    if announced:
        said = max(announced, key=lambda q: _share(done.text, q.text))
    return ItemOutcome(
        agenda, account, Verdict.AS_ANNOUNCED, said, done, tuple(announced), tuple(reported), None, None, conditions
    )


def _announced(section: Section, lexicon: Lexicon) -> list[Quote]:
    return [Quote(section.id, s.text, s.start, s.end) for s in mark_sentences(section.text, lexicon) if s.position]


def _reported(section: Section, lexicon: Lexicon) -> list[Quote]:
    """The sentences of an account in which the Netherlands or the cabinet acted."""
    found = []
    for sentence in mark_sentences(section.text, lexicon):
        actor = lexicon.actors.search(sentence.text)
        if actor and (sentence.stances or _ACTED.search(sentence.text)):
            found.append(Quote(section.id, sentence.text, sentence.start, sentence.end))
    return found


def _vote(sentence: str, lexicon: Lexicon) -> str | None:
    """The vote a sentence states (for / against / abstain), a negation turning for into against."""
    for stance in lexicon.stances:
        if stance.vote and any(p.search(sentence) for p in stance.patterns):
            if stance.vote == "for" and lexicon.negations.search(sentence):
                return "against"
            return stance.vote
    return None


def _announced_vote(announced: Sequence[Quote], lexicon: Lexicon) -> tuple[str | None, tuple[str, ...]]:
    """The vote the agenda announces (its first sentence that states one) and the conditions given with it."""
    for quote in announced:
        vote = _vote(quote.text, lexicon)
        if vote:
            conditions = tuple(
                quote.text[found.start() :].rstrip(" .;") for found in lexicon.conditions.finditer(quote.text)
            )
            return vote, conditions
    return None, ()


def _first(announced: Sequence[Quote], vote: str | None, lexicon: Lexicon) -> Quote:
    return next((q for q in announced if _vote(q.text, lexicon) == vote), announced[0])


def _content(text: str) -> list[str]:
    words = [w.lower() for w in WORD.findall(canonical(text))]
    from agendadiff.lang.stems import stems

    return stems([w for w in words if w not in FUNCTION_WORDS and len(w) > 2 and not w.isdigit()])


def _share(part: str, whole: str) -> float:
    """How much of `part`'s content (stems) is in `whole`."""
    wanted = set(_content(part)) - _ACTOR_STEMS
    return len(wanted & set(_content(whole))) / len(wanted) if wanted else 1.0


def _mentioned(condition: str, account: str) -> bool:
    # the condition word itself ("mits") is no content
    return _share(condition.split(" ", 1)[1] if " " in condition else condition, account) >= MENTIONED


_ACTOR_STEMS = frozenset({"kabinet", "nederland", "regering", "heeft", "hebben"})


class OutcomeError(AgendadiffError):
    """Two letters that are not an agenda and the verslag of one meeting."""


def meeting_pair(
    first: Letter,
    second: Letter,
    paths: tuple[str, str],
    lexicon: Lexicon | None = None,
    pairing: Pairing | None = None,
) -> tuple[Outcome, list[str]]:
    """The outcome of a geannoteerde agenda and a verslag given in either order, and warnings: a verslag of
    another meeting than the agenda's is compared, but said."""
    kinds = {first.kind, second.kind}
    if kinds != {LetterKind.AGENDA, LetterKind.REPORT}:
        named = ", ".join(
            f"{path} is {(letter.kind.value if letter.kind else 'not a letter of a known kind')}"
            for path, letter in zip(paths, (first, second), strict=True)
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
