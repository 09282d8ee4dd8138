"""Fetch: find new letters of a Kamerstukdossier in the Tweede Kamer's open data (OData v4) and download
each, with its annexes, as a bundle folder that `read_letter` reads as one letter.

Written from the service's public documentation (opendata.tweedekamer.nl: the `Document` entity, its
`Kamerstukdossier`, `DocumentVersie` and `BijlageDocument` links, `Document(<Id>)/resource` for the file,
`@odata.nextLink` for paging) and tested against a local server replaying responses of that shape; no test
reaches the real service.

What was fetched is kept in a state file (document id -> the versions fetched), so a re-run fetches nothing
twice and a new version of a document (or of one of its annexes) is fetched again, as a new bundle.
Everything is downloaded into a staging folder first: a failure anywhere leaves the target folder and the
state as they were.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import json
import os
import re
import shutil
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from agendadiff.errors import AgendadiffError
from agendadiff.files import write_atomically
from agendadiff.jsontext import json_text

DEFAULT_BASE_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"
BASE_URL_VARIABLE = "AGENDADIFF_ODATA_URL"
# The subjects of the letters of a JBZ-Raad: "Geannoteerde agenda JBZ-Raad ...", "Verslag JBZ-Raad 13 en 14 juni
# 2024" (and "Verslag van de (in)formele JBZ-Raad ..."); a "verslag van een schriftelijk overleg" is not one.
DEFAULT_MATCH = (
    "geannoteerde agenda",
    "verslag jbz-raad",
    "verslag van de jbz-raad",
    "verslag van de formele",
    "verslag van de informele",
)
RETRY_STATUSES = (429, 500, 502, 503, 504)
MAX_PAGES = 200  # a guard against a service that keeps sending nextLinks
MAX_FILE_BYTES = 50 * 1024 * 1024
STAGING = ".fetching-"  # downloads wait in a folder of this prefix inside the target until all succeeded
_EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc",
    "text/html": ".html",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "text/plain": ".txt",
}
_DOSSIER = re.compile(r"^\s*(\d{4,6})(?:-([A-Za-z0-9]+))?\s*$")


class FetchError(AgendadiffError):
    """The service could not be reached, or answered what a client cannot use."""


@dataclass(frozen=True)
class Query:
    """Which letters to look for: those of one Kamerstukdossier whose subject holds one of `match`."""

    dossier: int
    addition: str | None = None  # the dossier's Toevoeging ("VI" in 36410-VI)
    match: tuple[str, ...] = DEFAULT_MATCH
    since: dt.date | None = None

    @property
    def label(self) -> str:
        return f"{self.dossier}-{self.addition}" if self.addition else str(self.dossier)


def parse_dossier(text: str) -> tuple[int, str | None]:
    """ "32317" or "36410-VI" -> (number, addition)."""
    found = _DOSSIER.match(text)
    if not found:
        raise FetchError(
            f"--dossier {text}: a Kamerstukdossier number, with its addition after a hyphen (32317, 36410-VI)"
        )
    return int(found.group(1)), found.group(2)


@dataclass(frozen=True)
class Client:
    """A polite, patient HTTP client for the OData service: a clear User-Agent, a timeout on every request,
    retries with exponential backoff on 429 and 5xx answers and on timeouts, and at most one request per
    `interval` seconds."""

    base_url: str = DEFAULT_BASE_URL
    timeout: float = 30.0
    attempts: int = 4
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    interval: float = 0.35  # at least this long between two requests
    user_agent: str = ""
    sleep: Callable[[float], None] = time.sleep
    _last: list[float] = field(default_factory=list, repr=False)

    def agent(self) -> str:
        from agendadiff._version import __version__

        return self.user_agent or f"agendadiff/{__version__} (geannoteerde agenda archive; Python urllib)"

    def url(self, path: str, params: dict[str, str] | None = None) -> str:
        base = self.base_url if self.base_url.endswith("/") else self.base_url + "/"
        query = "?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote, safe="$(),'/:") if params else ""
        return urllib.parse.urljoin(base, path) + query

    def json(self, url: str) -> dict[str, Any]:
        data = json.loads(self._get(url, "application/json", _json_problem).decode("utf-8"))
        if not isinstance(data, dict):
            raise FetchError(f"the service answered JSON that is not an object: {_short(url)}")
        return data

    def file(self, url: str, document: Published | None = None) -> bytes:
        """A document's file; one cut short (fewer bytes than the service lists), or an error page where a
        PDF or DOCX should be, is fetched again like any other transient fault."""
        return self._get(url, "*/*", lambda body: _file_problem(body, document))

    def same_host(self, url: str) -> bool:
        return urllib.parse.urlsplit(url).netloc == urllib.parse.urlsplit(self.base_url).netloc

    def _get(self, url: str, accept: str, problem_of: Callable[[bytes], str | None] | None = None) -> bytes:
        problem, asked = "", None
        opener = urllib.request.build_opener(_SameHostRedirects(urllib.parse.urlsplit(self.base_url).netloc))
        for attempt in range(self.attempts):
            if attempt:
                self.sleep(self._delay(attempt, asked))
            self._pace()
            request = urllib.request.Request(url, headers={"User-Agent": self.agent(), "Accept": accept})
            try:
                with opener.open(request, timeout=self.timeout) as response:
                    body = _read_capped(response, url, time.monotonic() + self.timeout * DEADLINE_FACTOR)
                wrong = problem_of(body) if problem_of else None
                if wrong is None:
                    return body
                problem, asked = wrong, None
                continue
            except _OtherHost as error:
                raise FetchError(
                    f"the service redirects to another host ({error}); not followed: {_short(url)}"
                ) from None
            except urllib.error.HTTPError as error:
                problem = f"HTTP {error.code} {error.reason}"
                if error.code not in RETRY_STATUSES:
                    raise FetchError(f"{problem}{_service_message(error)}: {_short(url)}") from None
                asked = error.headers.get("Retry-After") if error.headers else None
            except TimeoutError:
                problem, asked = f"no answer within {self.timeout:g} s", None
            except urllib.error.URLError as error:
                timed_out = isinstance(error.reason, TimeoutError)
                problem = f"no answer within {self.timeout:g} s" if timed_out else f"cannot connect ({error.reason})"
                asked = None
            except (OSError, http.client.HTTPException) as error:  # a connection reset, a chunked body cut short
                problem, asked = f"connection failed ({error.__class__.__name__})", None
        raise FetchError(f"{problem} after {self.attempts} attempts: {_short(url)}")

    def _delay(self, attempt: int, asked: str | None) -> float:
        """Exponential backoff; a Retry-After of the service counts when it asks for longer (up to a minute)."""
        delay: float = self.backoff * 2 ** (attempt - 1)
        seconds = _retry_after(asked) if asked else None
        return max(delay, min(seconds, 60.0)) if seconds is not None else delay

    def _pace(self) -> None:
        now = time.monotonic()
        if self._last and now - self._last[0] < self.interval:
            self.sleep(self.interval - (now - self._last[0]))
        self._last[:] = [time.monotonic()]


def _short(url: str, limit: int = 100) -> str:
    """A URL for a message: its host and path without the query (an OData filter runs to hundreds of
    characters), cut at `limit`."""
    parts = urllib.parse.urlsplit(url)
    short = f"{parts.scheme}://{parts.netloc}{parts.path}" + ("?…" if parts.query else "")
    return short if len(short) <= limit else short[: limit - 1] + "…"


def client_from(base_url: str | None = None, timeout: float = 30.0, attempts: int = 4) -> Client:
    """A client for `base_url`, else the AGENDADIFF_ODATA_URL environment variable, else the real service."""
    url = base_url or os.environ.get(BASE_URL_VARIABLE) or DEFAULT_BASE_URL
    if not url.startswith(("http://", "https://")):
        raise FetchError(f"{url}: the base URL must start with http:// or https://")
    return Client(base_url=url, timeout=timeout, attempts=attempts)


def _service_message(error: urllib.error.HTTPError) -> str:
    """What an OData service says went wrong ({"error": {"message": ...}}), e.g. a property it does not know."""
    try:
        data = json.loads(error.read(65536).decode("utf-8"))
        message = data["error"]["message"]
        text = message if isinstance(message, str) else message.get("value", "")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return ""
    text = " ".join(str(text).split())
    return f" ({text[:200]})" if text else ""


DEADLINE_FACTOR = 4  # a whole answer must come within this many timeouts: a server that trickles is given up


def _read_capped(response: Any, url: str, deadline: float) -> bytes:
    """The answer's body, in pieces: at most MAX_FILE_BYTES, and all of it before `deadline` (the timeout is
    per read, so a server sending a byte a second would otherwise hold the request for ever)."""
    pieces: list[bytes] = []
    size = 0
    read = getattr(response, "read1", response.read)  # what has come, not a wait for the whole piece
    while True:
        piece: bytes = read(65536)
        if not piece:
            return b"".join(pieces)
        pieces.append(piece)
        size += len(piece)
        if size > MAX_FILE_BYTES:
            raise FetchError(f"the answer is larger than {MAX_FILE_BYTES // 2**20} MB: {_short(url)}")
        if time.monotonic() > deadline:
            raise TimeoutError("the answer did not come in time")


def _json_problem(body: bytes) -> str | None:
    """Why a JSON answer is no use (cut short, say), as a transient fault: None when it parses."""
    try:
        json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        return f"the service answered with malformed JSON ({error.__class__.__name__})"
    return None


_MAGIC = {".pdf": (b"%PDF",), ".docx": (b"PK\x03\x04",), ".doc": (b"\xd0\xcf\x11\xe0",)}


def _file_problem(body: bytes, document: Published | None) -> str | None:
    """Why a downloaded file is not the document (empty, cut short, an HTML error page), or None."""
    if not body:
        return "the service sent an empty file"
    if document is None:
        return None
    expected = _MAGIC.get(document.extension)
    if expected and not body.startswith(expected):
        head = body[:200].lstrip().lower()
        what = "an HTML page" if head.startswith((b"<!doctype html", b"<html")) else "something else"
        return f"the service sent {what} where a {document.extension[1:].upper()} file should be"
    if document.size is not None and len(body) != document.size:
        return f"the file has {len(body)} bytes, the service lists {document.size}"
    return None


class _OtherHost(Exception):
    pass


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects on the service's own host only: a letter is never fetched from elsewhere."""

    def __init__(self, host: str) -> None:
        self.host = host

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        if urllib.parse.urlsplit(newurl).netloc != self.host:
            raise _OtherHost(urllib.parse.urlsplit(newurl).netloc)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _retry_after(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


# -- Finding letters --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Published:
    """One document as the service lists it: a letter, or an annex of one."""

    id: str
    number: str  # DocumentNummer, e.g. 2025D47954
    subject: str
    title: str
    kind: str  # Soort
    date: str | None
    version: int
    extension: str
    kamerstuk: str | None  # e.g. kst-32317-736
    annexes: tuple[Published, ...] = ()
    size: int | None = None  # ContentLength: the bytes the service says the file has

    @property
    def fingerprint(self) -> str:
        """What changes when the letter or any annex gets a new version."""
        parts = [f"{self.id}:{self.version}"] + [f"{a.id}:{a.version}" for a in self.annexes]
        return ",".join(parts)


def letter_filter(query: Query) -> str:
    dossier = f"d/Nummer eq {query.dossier}"
    if query.addition:
        dossier += f" and d/Toevoeging eq '{_literal(query.addition)}'"
    parts = [
        "Verwijderd eq false",
        f"Kamerstukdossier/any(d: {dossier})",
        _any_of([f"contains(tolower(Onderwerp),'{_literal(m.lower())}')" for m in query.match]),
    ]
    if query.since:
        parts.append(f"Datum ge {query.since.isoformat()}T00:00:00Z")
    return " and ".join(parts)


def _any_of(conditions: list[str]) -> str:
    return conditions[0] if len(conditions) == 1 else "(" + " or ".join(conditions) + ")"


def _literal(text: str) -> str:
    return text.replace("'", "''")  # OData's escape for a quote inside a string literal


_VERSIONS = "DocumentVersie($select=Id,Versienummer,Extensie,ExterneIdentifier)"
_FIELDS = "Id,Soort,DocumentNummer,Titel,Onderwerp,Datum,Volgnummer,ContentType,ContentLength,Verwijderd"


def find_letters(client: Client, query: Query) -> list[Published]:
    """Every document of the dossier whose subject holds the match text, oldest first, following
    @odata.nextLink; deleted documents and annexes listed on their own are left out."""
    params = {
        "$filter": letter_filter(query),
        "$select": _FIELDS,
        "$expand": f"{_VERSIONS},BijlageDocument($select={_FIELDS};$expand={_VERSIONS})",
        "$orderby": "Datum",
    }
    url: str | None = client.url("Document", params)
    rows: list[dict[str, Any]] = []
    pages = 0
    while url is not None:
        pages += 1
        if pages > MAX_PAGES:
            raise FetchError(
                f"{client.base_url}: more than {MAX_PAGES} pages of results; narrow the query with --since"
            )
        page = client.json(url)
        values = page.get("value")
        if not isinstance(values, list):
            raise FetchError(f"the answer has no list of documents ('value'): {_short(url)}")
        rows += [row for row in values if isinstance(row, dict)]
        link = page.get("@odata.nextLink")
        url = urllib.parse.urljoin(url, link) if isinstance(link, str) and link else None
        if url is not None and not client.same_host(url):
            raise FetchError(f"the service points to another host for its next page: {_short(url)}")
    unique = {str(row.get("Id")): row for row in rows}  # a document listed on two pages is one document
    found = [_published(row, client.base_url) for row in unique.values() if not row.get("Verwijderd")]
    annex_ids = {a.id for letter in found for a in letter.annexes}
    return [p for p in found if p.id not in annex_ids and not p.kind.lower().startswith(_NOT_LETTERS)]


# Kinds (Soort) of documents in a dossier that are not the cabinet's letters: an annex listed on its own, and
# the committee's report of a written consultation, whose subject often names the geannoteerde agenda.
_NOT_LETTERS = ("bijlage", "verslag van een schriftelijk overleg")


def _published(row: dict[str, Any], where: str) -> Published:
    try:
        versions = [v for v in row.get("DocumentVersie") or [] if isinstance(v, dict)]
        current = max(versions, key=lambda v: int(v.get("Versienummer") or 0)) if versions else {}
        extension = str(current.get("Extensie") or "") or _EXTENSIONS.get(str(row.get("ContentType") or ""), "")
        annexes = tuple(
            _published(a, where)
            for a in row.get("BijlageDocument") or []
            if isinstance(a, dict) and not a.get("Verwijderd")
        )
        number = str(row.get("DocumentNummer") or row["Id"])
        if not _SAFE_NAME.fullmatch(number):  # it names a folder: never a path that leaves the target
            raise FetchError(f"{where}: a document number that is no plain name ({number[:40]!r})")
        size = row.get("ContentLength")
        return Published(
            id=str(row["Id"]),
            number=number,
            subject=str(row.get("Onderwerp") or ""),
            title=str(row.get("Titel") or ""),
            kind=str(row.get("Soort") or ""),
            date=str(row["Datum"])[:10] if row.get("Datum") else None,
            version=int(current.get("Versienummer") or 1),
            extension=_safe_extension(extension),
            kamerstuk=str(current["ExterneIdentifier"]) if current.get("ExterneIdentifier") else None,
            annexes=annexes,
            size=int(size) if isinstance(size, int | str) and str(size).isdigit() else None,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise FetchError(f"{where}: a document without {error} in the answer") from None


_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def _safe_extension(extension: str) -> str:
    """ ".pdf" from "pdf" or ".PDF"; anything that is not a short plain suffix becomes ".bin"."""
    suffix = "." + extension.lstrip(".").lower() if extension else ""
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix) else ".bin"


# -- Fetching ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FetchOutcome:
    fetched: tuple[str, ...] = ()  # bundle folder names written to the target
    known: int = 0  # documents found whose version was fetched before
    skipped: tuple[str, ...] = ()  # letters whose files could not be had this time, each in a line: tried next run
    state: dict[str, Any] = field(default_factory=dict)  # the state after this run (already written unless told not to)


def load_state(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"documents": {}}
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data.get("documents"), dict):
            raise ValueError("no documents")
    except (OSError, ValueError, AttributeError) as error:
        raise FetchError(
            f"{path}: not a fetch state file ({error.__class__.__name__}); move it away to start afresh"
        ) from None
    return data


def state_text(state: dict[str, Any]) -> str:
    return json_text(state, sort_keys=True) + "\n"


def fetch(
    client: Client,
    query: Query,
    target: Path,
    state_path: Path,
    write_state: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
) -> FetchOutcome:
    """Download every letter of `query` not fetched before (or fetched in an older version) into `target`,
    each as a bundle folder. The state is written to `state_path` after all bundles are in place, unless
    `write_state` is false (the archive commits it itself)."""
    state = load_state(state_path)
    documents: dict[str, Any] = state["documents"]
    if target.is_dir():
        _clear_stale_staging(target)
    letters = find_letters(client, query)
    new = [p for p in letters if p.fingerprint not in _fingerprints(documents.get(p.id))]
    target.mkdir(parents=True, exist_ok=True)
    fetched: list[str] = []
    with tempfile.TemporaryDirectory(prefix=STAGING, dir=target) as staging:
        staged: list[tuple[Published, str, Path, dict[str, Any]]] = []
        skipped: list[str] = []
        for done, letter in enumerate(new):
            record = documents.get(letter.id) or {"number": letter.number, "versions": []}
            version = len(record["versions"]) + 1
            name = letter.number if version == 1 else f"{letter.number}-v{version}"
            folder = Path(staging) / name
            try:
                staged.append((letter, name, folder, _download(client, letter, folder, query)))
            except FetchError as error:  # one letter's file that cannot be had never holds up the others
                shutil.rmtree(folder, ignore_errors=True)
                skipped.append(f"{letter.number} skipped, tried again next run: {error}")
            if progress:
                progress(done + 1, len(new), letter.number)
        for letter, name, folder, sidecar in staged:
            destination = target / name
            if destination.exists():  # left by a run that was stopped before it could record it
                shutil.rmtree(destination)
            os.replace(folder, destination)
            record = documents.setdefault(letter.id, {"number": letter.number, "versions": []})
            record["versions"].append(
                {"fingerprint": letter.fingerprint, "bundle": name, "date": letter.date, "files": sidecar["files"]}
            )
            fetched.append(name)
    if fetched and write_state:
        write_atomically(state_path, state_text(state))
    return FetchOutcome(tuple(fetched), len(letters) - len(new), tuple(skipped), state)


def _clear_stale_staging(target: Path) -> None:
    """Staging folders a killed run left behind (an hour old: not those of a run going on now)."""
    for folder in target.glob(f"{STAGING}*"):
        if folder.is_dir() and time.time() - folder.stat().st_mtime > 3600:
            shutil.rmtree(folder, ignore_errors=True)


def _fingerprints(record: dict[str, Any] | None) -> set[str]:
    return {str(v.get("fingerprint")) for v in (record or {}).get("versions", [])}


def _download(client: Client, letter: Published, folder: Path, query: Query) -> dict[str, Any]:
    folder.mkdir(parents=True)
    files = []
    for role, document in [("letter", letter)] + [("annex", a) for a in letter.annexes]:
        url = client.url(f"Document({document.id})/resource")
        data = client.file(url, document)
        name = f"{role}-{document.number}{document.extension}"
        (folder / name).write_bytes(data)
        files.append(
            {
                "name": name,
                "role": role,
                "id": document.id,
                "document_number": document.number,
                "version": document.version,
                "subject": document.subject,
                "kind": document.kind,
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        )
    sidecar = {
        "source": client.base_url,
        "dossier": query.label,
        "id": letter.id,
        "document_number": letter.number,
        "subject": letter.subject,
        "title": letter.title,
        "date": letter.date,
        "version": letter.version,
        "kamerstuk": letter.kamerstuk,
        "files": files,
    }
    (folder / "document.json").write_text(json_text(sidecar) + "\n", encoding="utf-8")
    return sidecar
