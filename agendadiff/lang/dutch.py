"""What the genre's lines look like: Dutch function words, dates and the patterns of headings.

Shared by normalize (to decide whether a page break cuts a sentence) and segment.
"""

from __future__ import annotations

import datetime as dt
import re

# A line that ends in one of these is cut mid-phrase; a title never ends this way.
FUNCTION_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "van",
        "voor",
        "en",
        "of",
        "in",
        "op",
        "met",
        "tot",
        "naar",
        "over",
        "om",
        "aan",
        "bij",
        "te",
        "door",
        "uit",
        "die",
        "dat",
        "dit",
        "deze",
        "als",
        "zoals",
        "waaronder",
        "inzake",
        "tegen",
        "tussen",
        "onder",
        "na",
        "sinds",
        "zonder",
        "binnen",
        "buiten",
        "via",
        "per",
        "ter",
        "ten",
        "waarbij",
        "waarin",
        "waarmee",
        "welke",
        "wiens",
        "hun",
        "haar",
        "zijn",
        "is",
        "wordt",
        "worden",
        "zal",
        "zullen",
        "kan",
        "kunnen",
        "nog",
        "ook",
        "niet",
        "wel",
        "maar",
        "dan",
        "hoe",
        "wat",
        "wie",
        "waar",
        "wanneer",
        "the",
        "of",
        "and",
        "for",
        "to",
        "on",
        "in",
    ]
)

# Words that, capitalized at the start of a line, can only begin a new sentence.
SENTENCE_OPENERS = FUNCTION_WORDS | frozenset(
    [
        "voorafgaand",
        "tijdens",
        "daarnaast",
        "daarbij",
        "daarom",
        "verder",
        "tevens",
        "bovendien",
        "vervolgens",
        "hoewel",
        "gelet",
        "conform",
        "inmiddels",
        "momenteel",
        "hierbij",
        "hiermee",
        "hierover",
        "hiervoor",
        "namens",
        "onlangs",
        "eerder",
        "thans",
        "recent",
        "afgelopen",
        "vanuit",
        "vanaf",
        "volgens",
        "gezien",
        "ondanks",
        "omdat",
        "indien",
        "nadat",
        "voordat",
        "zodra",
        "terwijl",
        "er",
        "wij",
        "ik",
        "u",
        "uw",
        "zo",
        "nu",
        "tot",
        "ten",
        "na",
        "naast",
        "mede",
        "eveneens",
        "ook",
        "tenslotte",
        "kortom",
        "nederland",
        "kabinet",
    ]
)

_MONTH_SPELLINGS = (
    ("januari", "jan"),
    ("februari", "feb"),
    ("maart", "mrt"),
    ("april", "apr"),
    ("mei",),
    ("juni", "jun"),
    ("juli", "jul"),
    ("augustus", "aug"),
    ("september", "sep", "sept"),
    ("oktober", "okt"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTH_NAMES = tuple(names[0] for names in _MONTH_SPELLINGS)  # "juli" for month 7
MONTHS = {name: number for number, names in enumerate(_MONTH_SPELLINGS, start=1) for name in names}
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# "1. Werksessie I: ...", "12) Terugkeerverordening"
ITEM = re.compile(r"^\s*(?P<number>\d{1,3})[.)]\s+(?P<title>[\"'‘“(A-ZÀ-Þ0-9].*)$")
# "I. Binnenlandse Zaken", "IV. Immigratie en asiel"; not "I.W. Opstelten", not "II 2016-17"
PART = re.compile(r"^\s*(?P<number>[IVX]{1,5})\.\s+(?P<title>[A-ZÀ-Þ][\w’'-]*[a-zà-ÿ][\w’'-]*(?:[\s,’'-]+\S+)*)\s*$")
# "Geannoteerde agenda van de informele bijeenkomst ...": capitalized, as a title is.
# The title of a verslag's report part stands where an agenda's title does: "Verslag van de formele JBZ-Raad
# van 13 en 14 oktober 2025", "VERSLAG RAAD JUSTITIE EN BINNENLANDSE ZAKEN 13 JUNI 2025".
AGENDA_TITLE = re.compile(
    r"^\s*(?:Geannoteerde\s+[Aa]genda|GEANNOTEERDE\s+AGENDA|Agenda\s+(?:van\s+de\s+)?(?:formele\s+|informele\s+)?(?:[Bb]ijeenkomst|[Rr]aad|JBZ)"
    r"|(?:Verslag|VERSLAG)\s+(?:(?:van|VAN)\s+(?:de|DE)\s+)?(?:(?:in)?formele\s+|(?:IN)?FORMELE\s+)?(?:[Bb]ijeenkomst|BIJEENKOMST|[Rr]aad|RAAD|JBZ))"
)
# "De minister van Justitie en Veiligheid," - capitalized, one comma at most, at the end.
SIGNATURE_FUNCTION = re.compile(
    r"^\s*(?:De|Het)\s+(?:[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris|[Vv]ice-minister-president|[Pp]remier)\b[^.!?,]{0,90},?\s*$"
)
# "De Minister van Justitie en Veiligheid, F.B.J. Grapperhaus" on one line, as HTML text gives it.
SIGNATURE_INLINE = re.compile(
    r"^\s*(?P<function>(?:De|Het)\s+(?:[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris|[Pp]remier)\b[^.!?,]{0,90}),\s+"
    r"(?P<name>(?:[A-ZÀ-Þ][a-z]?\.\s?){1,5}\s*[a-zà-ÿ' ]{0,12}[A-ZÀ-Þ][\w’'-]+(?:[\s-][\w’'-]+){0,3})\s*$"
)
CLOSING = re.compile(r"^\s*(?:hoogachtend|met\s+vriendelijke\s+groet(?:en)?)\s*,?\s*$", re.I)
# "D.M. van Weel", "M.C.G. Keijzer", "mr. I.W. Opstelten"
NAME_WITH_INITIALS = re.compile(
    r"^\s*(?:(?:mr|dr|drs|ir|prof)\.\s*)*(?:[A-ZÀ-Þ][a-z]?\.\s?){1,5}\s*[a-zà-ÿ' ]{0,12}[A-ZÀ-Þ][\w’'-]+(?:[\s-][\w’'-]+){0,3}\s*$"
)
# Decision lines under an item title.
DECISION = re.compile(
    r"^\s*(?:=\s*(?P<marked>\S.*?)|(?P<plain>\(?(?:gedeeltelijke|partiële)?\)?\s*algemene\s+oriëntatie"
    r"|beleidsdebat|gedachtewisseling|politiek\s+akkoord|aanneming(?:\s+van\s+\S.*)?|goedkeuring|besluitvorming"
    r"|informatie\s+van\s+(?:het|de)\s+\S.*|presentatie\s+door\s+\S.*|voortgangsrapport(?:age)?|stand\s+van\s+zaken))\s*$",
    re.I,
)
# The full formal title of a proposal that may follow an item's short title.
FORMAL_TITLE = re.compile(
    r"^\s*(?:(?:gewijzigd\s+)?voorstel\s+(?:voor|tot)\b|ontwerp(?:-|\s+)|wetgevingsvoorstel\b"
    r"|(?:richtlijn|verordening|besluit|raadsbesluit|aanbeveling|kaderbesluit)\s+"
    r"(?:\(eu\)|\(eg\)|betreffende|tot|inzake|over|van\s+het\s+europees|van\s+de\s+raad)\b)",
    re.I,
)
# Sub-headings that structure a topic or item (a BNC-fiche's parts, a report's outcome) without being one.
SUBHEADING = re.compile(
    r"^\s*(?:Aanleiding|Essentie(?:\s+(?:van\s+het\s+)?voorstel)?|Inhoud(?:\s+en\s+doel)?(?:\s+(?:van\s+het\s+)?voorstel)?"
    r"|Doel(?:\s+van\s+het\s+voorstel)?|Achtergrond|Toelichting|Stand\s+van\s+zaken|Kabinetsinzet|Kabinetsappreciatie"
    r"|(?:Inzet|Standpunt|Appreciatie|Positie)(?:\s+van)?\s+(?:het\s+)?kabinet|Nederlandse\s+(?:positie|inzet)"
    r"|Krachtenveld|Impact\s+assessment(?:\s+(?:van\s+de\s+)?Commissie)?|Tijdlijn|Tijdpad|Verwachte\s+uitkomst"
    r"|Bevoegdheid|Subsidiariteit(?:\s+en\s+proportionaliteit)?|Proportionaliteit|Financiële\s+(?:implicaties|gevolgen)"
    r"|Resultaat|Uitkomst(?:\s+van\s+de\s+(?:bespreking|Raad))?|Besluitvorming(?:\s+in\s+de\s+Raad)?)\s*:?\s*$"
)
URL = re.compile(r"(?:https?://|www\.)\S+")
KAMERSTUK_HEADER = re.compile(
    r"^\s*(?:Tweede|Eerste) Kamer,? vergaderjaar \d{4}\s*[-–]\s*\d{2,4},"
    r"\s*(?P<dossier>[\d ]+[A-Z]*(?:-\w+)?),\s*nr\.\s*(?P<number>\d+)\s*\d*\s*$"
    r"|^\s*kst-\d+-\d+(?:-\d+)?\s*$|^\s*ISSN \d{4}\s*-\s*\d{4}\s*$|^\s*'s-Gravenhage \d{4}\s*$"
    r"|^\s*[Pp]agina \d+ van \d+\s*$",
)
# "32 317 JBZ-Raad" over "Nr. 967" at the top of a Kamerstuk (its footer is in KAMERSTUK_HEADER).
DOSSIER_HEADING = re.compile(r"^\s*(?P<dossier>\d{2}\s?\d{3}(?:-[A-Z0-9]+)?)\s+[A-Z][\w-].*$")
NUMBER_HEADING = re.compile(r"^\s*Nr\.\s*(?P<number>\d+)\b")
LETTER_DATE = re.compile(
    r"^\s*(?:(?:Den Haag|'s-Gravenhage|Brussel),?|Datum)\s+(?P<date>\d{1,2}\s+" + MONTH + r"\s+\d{4})\s*$", re.I
)
ADDRESSEE = re.compile(r"^\s*Aan\s+de\s+[Vv]oorzitter\s+van\s+de\s+(?:Tweede|Eerste)\s+Kamer\b.*$")

_TERMINAL = re.compile(r"[.!?;:][\"'’”)\]]*$")
_SENTENCE_INSIDE = re.compile(r"[a-zà-ÿ)][.!?][\"'’”]?\s+[A-ZÀ-Þ]")


def ends_sentence(text: str) -> bool:
    """True when text ends in closing punctuation (full stop, colon, semicolon, ? or !)."""
    return bool(_TERMINAL.search(text.rstrip()))


def has_sentence(text: str) -> bool:
    """True when text ends a sentence or holds a sentence boundary: body text, not a title."""
    stripped = text.rstrip()
    return bool(re.search(r"[.!?][\"'’”)\]]*$", stripped) or _SENTENCE_INSIDE.search(stripped))


def first_word(text: str) -> str:
    parts = text.split(maxsplit=1)
    return parts[0] if parts else ""


def last_word(text: str) -> str:
    parts = text.rsplit(maxsplit=1)
    return parts[-1] if parts else ""


def ends_mid_phrase(text: str, open_parenthesis: bool = True) -> bool:
    """True when a line visibly goes on: a function word, comma, hyphen or dash at its end, or
    (unless told otherwise) a parenthesis still open."""
    stripped = text.rstrip()
    if not stripped:
        return False
    if stripped[-1] in ",-–—‐(/&":
        return True
    if open_parenthesis and stripped.count("(") > stripped.count(")"):
        return True
    return last_word(stripped).lower() in FUNCTION_WORDS


def starts_lower(text: str) -> bool:
    stripped = text.lstrip("\"'‘“(")
    return bool(stripped) and (stripped[0].islower() or stripped[0].isdigit())


def parse_date(text: str) -> dt.date | None:
    """Parse '10 juli 2025' into a date; None when it is not one."""
    match = re.fullmatch(r"\s*(\d{1,2})\s+(" + MONTH + r")\s+(\d{4})\s*", text, re.I)
    if not match:
        return None
    month = MONTHS[match.group(2).lower().rstrip(".")]
    try:
        return dt.date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None


def is_name(line: str) -> bool:
    """'D.M. van Weel', 'Dilan Yeşilgöz-Zegerius': initials or a few capitalized words, no sentence."""
    if NAME_WITH_INITIALS.match(line):
        return True
    words = line.split()
    particles = {"van", "de", "der", "den", "ten", "ter", "te", "het", "'t", "in", "op"}
    return (
        1 < len(words) <= 5
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in particles for w in words)
        and not ends_sentence(line)
    )
