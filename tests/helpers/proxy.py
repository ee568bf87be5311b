"""A forwarding HTTP proxy on loopback that remembers every request it relayed."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

from crawler.demo.server import LoopbackServer

# Hop-by-hop headers a proxy does not pass on (RFC 9110 §7.6.1), and the length it sets itself.
_NOT_FORWARDED = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "content-length"}


@contextmanager
def serve_proxy() -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """Yield the proxy's URL and the (method, absolute URL) of every request relayed. It relays
    only to 127.0.0.1, so a test cannot reach the network through it."""
    relayed: list[tuple[str, str]] = []
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    class Handler(BaseHTTPRequestHandler):
        def _relay(self) -> None:
            target = self.path
            if urlsplit(target).hostname != "127.0.0.1":
                self.send_error(403, "loopback only")
                return
            relayed.append((self.command, target))
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _NOT_FORWARDED | {"host"}}
            request = urllib.request.Request(target, data=body, headers=headers, method=self.command)
            try:
                with opener.open(request, timeout=30) as answer:
                    status, answer_headers, content = answer.status, answer.headers, answer.read()
            except urllib.error.HTTPError as error:
                status, answer_headers, content = error.code, error.headers, error.read()
            self.send_response(status)
            for name, value in answer_headers.items():
                if name.lower() not in _NOT_FORWARDED:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        do_GET = do_POST = do_HEAD = _relay  # noqa: N815 - stdlib names

        def log_message(self, *args: object) -> None:
            pass

    server = LoopbackServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", relayed
    finally:
        server.shutdown()
        server.server_close()
