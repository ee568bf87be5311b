"""A webhook receiver on loopback: a real HTTP server that records every POST it is sent."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from crawler.demo.server import LoopbackServer


@dataclass
class Received:
    path: str
    content_type: str
    body: Any  # the JSON document


@dataclass
class WebhookReceiver:
    url: str
    posts: list[Received] = field(default_factory=list)


@contextmanager
def webhook_receiver(answer: bytes = b'{"errcode": 0, "errmsg": "ok"}') -> Iterator[WebhookReceiver]:
    """Yield a receiver whose `posts` fill as POSTs arrive; each is answered 200 with `answer`
    (what the DingTalk and WeCom robots answer when they accept a message)."""
    receiver = WebhookReceiver("")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - stdlib name
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length).decode("utf-8"))
            receiver.posts.append(Received(self.path, self.headers.get("Content-Type", ""), body))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

    server = LoopbackServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hook?key=test"
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
