"""Serve a folder of static pages on 127.0.0.1, on a free port, in a thread.

Used by `nianbao demo` for the bundled sample portal and by the tests for
fixture portals: nothing the project runs on its own ever leaves the machine.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

# The name the bundled portal is crawled under: stable across runs, whatever port serves it,
# so a second demo finds the same URLs and stores nothing twice.
SAMPLE_PORTAL_URL = "http://sample-portal.localhost/"


def sample_portal_root() -> Path:
    return Path(str(resources.files("crawler.demo") / "sample_portal"))


class _QuietHandler(SimpleHTTPRequestHandler):
    # Served as the CMS would: HTML without a charset, so pages speak for themselves.
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".html": "text/html", ".shtml": "text/html"}

    def translate_path(self, path: str) -> str:
        # As a proxy the server receives absolute URLs ("GET http://name/x.html"): serve
        # them from the same folder, so a portal can be reached under a stable name.
        parts = urlsplit(path)
        if parts.scheme and parts.netloc:
            path = parts.path + (f"?{parts.query}" if parts.query else "")
        return super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class LoopbackServer(ThreadingHTTPServer):
    """A thread per connection, and a listen backlog a crawler cannot overflow.

    The standard backlog of 5 is too short: Scrapy opens a new connection for each request
    to an HTTP/1.0 server, a full queue drops the SYN, and the client retries after a
    second, so a crawl of a loopback portal waited on the kernel, not on the pages."""

    request_queue_size = 128
    daemon_threads = True


@contextmanager
def serve_folder(root: Path, host: str = "127.0.0.1") -> Iterator[str]:
    """Yield the base URL of a server over `root`; stop it on exit."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = LoopbackServer((host, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="portal-server", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str]) -> None:
    """`python -m crawler.demo.server FOLDER`: serve FOLDER, print its base URL, stop on EOF.

    The crawl benchmark serves its portal from a process of its own, as `scrapy bench`
    does, so the server does not share the crawler's interpreter lock."""
    import sys

    with serve_folder(Path(argv[0])) as base_url:
        print(base_url, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
