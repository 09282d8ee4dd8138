"""A local stand-in for the Tweede Kamer's OData service: it replays answers in the documented shape
(`Document` entities with `DocumentVersie`, `Kamerstukdossier` and `BijlageDocument`, paging through
`@odata.nextLink`, files at `Document(<Id>)/resource`) from a scenario the test sets, and records every
request. Faults are scripted per path: a status to answer first (503, 429), a delay (for timeouts), a body
that is not JSON."""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PREFIX = "/OData/v4/2.0/"


@dataclass
class Doc:
    id: str
    number: str
    subject: str
    date: str
    content: bytes
    extension: str = "pdf"
    kind: str = "Brief regering"
    version: int = 1
    deleted: bool = False
    annexes: list[Doc] = field(default_factory=list)
    dossier: int = 32317
    volgnummer: int = 1

    def entity(self) -> dict[str, Any]:
        return {
            "Id": self.id,
            "Soort": self.kind,
            "DocumentNummer": self.number,
            "Titel": "Raad voor Justitie en Binnenlandse Zaken",
            "Onderwerp": self.subject,
            "Datum": f"{self.date}T00:00:00+01:00",
            "Volgnummer": self.volgnummer,
            "ContentType": "application/pdf" if self.extension == "pdf" else "application/octet-stream",
            "ContentLength": len(self.content),
            "Verwijderd": self.deleted,
            "DocumentVersie": [
                {
                    "Id": f"{self.id}-v{k}",
                    "Versienummer": k,
                    "Extensie": f".{self.extension}",
                    "ExterneIdentifier": f"kst-{self.dossier}-{self.volgnummer}",
                }
                for k in range(1, self.version + 1)
            ],
            "BijlageDocument": [a.entity() for a in self.annexes],
        }


@dataclass
class Scenario:
    documents: list[Doc] = field(default_factory=list)
    page_size: int = 2
    fail_first: dict[str, list[int]] = field(default_factory=dict)  # path -> statuses to answer first, in turn
    delay: dict[str, float] = field(default_factory=dict)  # path -> seconds to wait before answering
    broken_pages: set[int] = field(default_factory=set)  # listing pages (0, 1, ...) answered with malformed JSON
    unknown: str | None = None  # a navigation property the service does not know: listings answer 400
    served: dict[str, bytes] = field(default_factory=dict)  # document id -> the body sent instead of its content
    cut: set[str] = field(default_factory=set)  # document ids whose body is cut off after the headers promised more
    missing: set[str] = field(default_factory=set)  # document ids whose file always answers 404
    next_host: str | None = None  # the host the nextLink points to, instead of the service's own
    repeat_on_next_page: bool = False  # the last document of a page listed again on the next
    requests: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def paths(self) -> list[str]:
        return [r["path"] for r in self.requests]


class _Handler(BaseHTTPRequestHandler):
    scenario: Scenario

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet tests

    def do_GET(self) -> None:
        parsed = urllib.parse.urlsplit(self.path)
        path = parsed.path
        params = dict(urllib.parse.parse_qsl(parsed.query))
        scenario = self.scenario
        with scenario.lock:
            scenario.requests.append(
                {"path": path, "params": params, "agent": self.headers.get("User-Agent"), "at": time.monotonic()}
            )
            pending = scenario.fail_first.get(path)
            status = pending.pop(0) if pending else None
        if path in scenario.delay:
            time.sleep(scenario.delay[path])
        if status:
            self._send(status, b'{"error": "busy"}', "application/json", {"Retry-After": "0"})
            return
        if not path.startswith(PREFIX):
            self._send(404, b"not found", "text/plain")
            return
        resource = path[len(PREFIX) :]
        if resource == "Document":
            self._listing(params)
        elif resource.startswith("Document(") and resource.endswith(")/resource"):
            self._file(resource[len("Document(") : -len(")/resource")])
        else:
            self._send(404, b"not found", "text/plain")

    def _listing(self, params: dict[str, str]) -> None:
        scenario = self.scenario
        if scenario.unknown and scenario.unknown in params.get("$expand", ""):
            message = f"Could not find a property named '{scenario.unknown}' on type 'Document'."
            self._send(400, json.dumps({"error": {"code": "", "message": message}}).encode(), "application/json")
            return
        skip = int(params.get("$skiptoken", "0"))
        if skip // scenario.page_size in scenario.broken_pages:
            self._send(200, b'{"value": [ {"Id": "x", ', "application/json")
            return
        # the subject texts the filter asks for: contains(tolower(Onderwerp),'...') or ...
        wanted = [
            t.replace("''", "'")
            for t in re.findall(r"contains\(tolower\(Onderwerp\),'((?:[^']|'')*)'\)", params.get("$filter", ""))
        ]
        chosen = [d for d in scenario.documents if any(w in d.subject.lower() for w in wanted)]
        page = chosen[skip : skip + scenario.page_size]
        if scenario.repeat_on_next_page and skip:
            page = [chosen[skip - 1], *page]
        body: dict[str, Any] = {"@odata.context": f"{PREFIX}$metadata#Document", "value": [d.entity() for d in page]}
        if skip + scenario.page_size < len(chosen):
            query = dict(params)
            query["$skiptoken"] = str(skip + scenario.page_size)
            host = scenario.next_host or self.headers["Host"]
            body["@odata.nextLink"] = f"http://{host}{PREFIX}Document?" + urllib.parse.urlencode(query)
        self._send(200, json.dumps(body).encode(), "application/json")

    def _file(self, doc_id: str) -> None:
        scenario = self.scenario
        for doc in scenario.documents:
            for candidate in [doc, *doc.annexes]:
                if candidate.id == doc_id and doc_id in scenario.missing:
                    self._send(404, b"no such file", "text/plain")
                    return
                if candidate.id == doc_id and doc_id in scenario.cut:
                    self._send(200, candidate.content[: len(candidate.content) // 2], "application/octet-stream",
                               length=len(candidate.content))  # fmt: skip
                    return
                if candidate.id == doc_id:
                    self._send(200, scenario.served.get(doc_id, candidate.content), "application/octet-stream")
                    return
        self._send(404, b"no such document", "text/plain")

    def _send(
        self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None, length: int | None = None
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body) if length is None else length))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)


@contextmanager
def serving(scenario: Scenario) -> Iterator[str]:
    """Run the replay on a free local port; yields the base URL."""
    handler = type("Handler", (_Handler,), {"scenario": scenario})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()
