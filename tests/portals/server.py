"""A fixture portal on 127.0.0.1 that behaves like a real one: validators, 304s, POST paging, blockers.

Pages live in a dict (path -> bytes), so a test can change or remove a report
between two crawls. Every request is logged with its method, path, status,
time and conditional headers, so tests assert what the crawler asked for.
"""

from __future__ import annotations

import hashlib
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlsplit

from crawler.demo.server import LoopbackServer

# A route answers (status, headers, body) for a method, path, query and form.
Route = Callable[[str, dict[str, str], dict[str, str]], tuple[int, dict[str, str], bytes]]


@dataclass
class Hit:
    method: str
    path: str
    status: int
    at: float
    if_none_match: str | None
    if_modified_since: str | None
    form: dict[str, str] = field(default_factory=dict)
    query: str = ""
    # When the answer began to go out (`at` is when the request came in), on the same clock: the
    # client cannot have read it before, so a wait it counts from the answer starts after this.
    answered: float = 0.0


@dataclass
class Portal:
    pages: dict[str, bytes]
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    # Fixed validators: a re-crawl's 304 depends on content, not on the clock.
    last_modified: str = formatdate(1_600_000_000, usegmt=True)
    # Paths served with no ETag or Last-Modified (as many government servers do): never a 304.
    bare: set[str] = field(default_factory=set)
    # Seconds each answer takes (a slow server), so that requests sent at once overlap in the log.
    latency: float = 0.0

    def requested(self, path: str, status: int | None = None) -> list[Hit]:
        return [h for h in self.hits if h.path == path and (status is None or h.status == status)]


def content_type(path: str) -> str:
    ext = path.rsplit(".", 1)[-1].lower()
    return {
        "html": "text/html",
        "jhtml": "text/html",
        "shtml": "text/html",
        "txt": "text/plain",
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc": "application/msword",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xml": "text/xml",
        "js": "application/javascript",
    }.get(ext, "application/octet-stream")


def _handler(portal: Portal) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - stdlib name
            self._answer("GET", {})

        def do_POST(self) -> None:  # noqa: N802 - stdlib name
            length = int(self.headers.get("Content-Length") or 0)
            form = dict(parse_qsl(self.rfile.read(length).decode("utf-8")))
            self._answer("POST", form)

        def _answer(self, method: str, form: dict[str, str]) -> None:
            started = time.monotonic()
            parts = urlsplit(self.path)
            query = dict(parse_qsl(parts.query))
            inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            headers: dict[str, str] = {}
            if parts.path in portal.routes:
                status, headers, body = portal.routes[parts.path](method, query, form)
            elif parts.path in portal.pages:
                body = portal.pages[parts.path]
                etag = f'"{hashlib.sha1(body).hexdigest()[:16]}"'
                headers = {"Content-Type": content_type(parts.path)}
                if parts.path not in portal.bare:
                    headers |= {"ETag": etag, "Last-Modified": portal.last_modified}
                status = 304 if inm == etag and parts.path not in portal.bare else 200
                if status == 304:
                    body = b""
            else:
                status, headers, body = 404, {"Content-Type": "text/html"}, b"<html>404</html>"
            hit = Hit(method, parts.path, status, started, inm, ims, form, parts.query)
            portal.hits.append(hit)
            time.sleep(portal.latency)
            hit.answered = time.monotonic()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve_portal(portal: Portal, tls: ssl.SSLContext | None = None) -> Iterator[str]:
    """The portal on a free loopback port; over TLS with the server context `tls`."""
    server = LoopbackServer(("127.0.0.1", 0), _handler(portal))
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
