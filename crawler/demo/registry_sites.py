"""Many generated sites on loopback, for `nianbao bench registry` and the registry tests.

Site i is a small generated portal (crawler/demo/bench_portal.py: a home page, a disclosure
page, one list page, 4 to 6 reports and a decoy) written for a city of its own, so every site's
reports are distinct reports. Each site has its own loopback address (127.1.x.y), so a site is
a host of its own for Scrapy's download slots and for the per-IP limit; `--group G` puts G sites
on each address instead (different ports), as a 站群 platform hosts many sites on one server.

`python -m crawler.demo.registry_sites N [--group G] [--delay S] [--log FILE]` serves them from
Twisted's event loop (one process, all sites), prints one JSON line (each site's URL and the
number of reports it serves) and stops when its standard input closes. With `--delay`, every
answer waits S seconds; with `--log`, each request is a line `address:port start end path`
(monotonic seconds) written when its answer is sent, so a test can see what was in flight.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from crawler.demo.bench_portal import portal_files

_DIGITS = "〇一二三四五六七八九"
_CONTENT_TYPES = {"html": "text/html; charset=utf-8", "js": "application/javascript", "txt": "text/plain"}


def city_name(number: int) -> str:
    """A place name of its own for site `number`, written in Chinese numerals (示范一〇二市):
    extraction reads the reporting body from the title, and Arabic digits are no place name."""
    return "示范" + "".join(_DIGITS[int(d)] for d in str(number)) + "市"


def site_address(number: int, group: int = 1) -> str:
    """127.1.x.y: site `number`'s loopback address (Linux routes all of 127/8 to loopback)."""
    host = number // max(group, 1)
    return f"127.1.{host // 250}.{host % 250 + 1}"


def site_files(number: int) -> tuple[dict[str, bytes], int]:
    """Site `number`'s files by path and the reports it serves: 4 to 6, a decoy with 5 or more."""
    return portal_files(4 + number % 3, real_every=None, city=city_name(number))


def serve(sites: int, group: int, delay: float, log_path: str | None) -> None:
    from twisted.internet import reactor
    from twisted.web import resource as web_resource
    from twisted.web import server

    _raise_open_file_limit()
    log = open(log_path, "a", encoding="utf-8", buffering=1) if log_path else None  # noqa: SIM115

    class SiteFiles(web_resource.Resource):
        isLeaf = True

        def __init__(self, files: dict[str, bytes]) -> None:
            super().__init__()
            self.files = files

        def render_GET(self, request: Any) -> Any:
            started = time.monotonic()
            path = request.path.decode("utf-8", "replace").lstrip("/") or "index.html"
            body = self.files.get(path)
            if body is None:
                request.setResponseCode(404)
                body = b"not found"
            kind = path.rsplit(".", 1)[-1]
            request.setHeader(b"content-type", _CONTENT_TYPES.get(kind, "text/plain").encode())
            if not delay:
                _logged(request, started, path)
                return body
            reactor.callLater(delay, _answer, request, body, started, path)
            return server.NOT_DONE_YET

    def _answer(request: Any, body: bytes, started: float, path: str) -> None:
        if request._disconnected:
            return
        request.write(body)
        request.finish()
        _logged(request, started, path)

    def _logged(request: Any, started: float, path: str) -> None:
        if log is not None:
            host = request.getHost()
            log.write(f"{host.host}:{host.port} {started:.6f} {time.monotonic():.6f} /{path}\n")

    listed = []
    for number in range(sites):
        files, reports = site_files(number)
        site = server.Site(SiteFiles(files))
        site.log = lambda request: None  # no access log on stdout
        address = site_address(number, group)
        port = reactor.listenTCP(0, site, interface=address, backlog=128)
        listed.append({"url": f"http://{address}:{port.getHost().port}/", "reports": reports})
    print(json.dumps(listed), flush=True)

    def wait_for_eof() -> None:
        sys.stdin.read()
        reactor.callFromThread(reactor.stop)

    threading.Thread(target=wait_for_eof, daemon=True).start()
    reactor.run(installSignalHandlers=False)


@contextmanager
def served_sites(sites: int, *options: str) -> Iterator[list[dict]]:
    """Serve `sites` generated sites from a child process (`options` as on its command line);
    yield [{url, reports}] and stop it on exit."""
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler.demo.registry_sites", str(sites), *options],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        if not line.strip():
            raise RuntimeError("the generated sites could not be served")
        yield json.loads(line)
    finally:
        server.communicate(timeout=60)  # EOF on stdin stops it


def _raise_open_file_limit() -> None:
    """A listening socket per site, and the crawler's connections: up to the hard limit."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m crawler.demo.registry_sites")
    parser.add_argument("sites", type=int)
    parser.add_argument("--group", type=int, default=1, help="sites sharing one address")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before each answer")
    parser.add_argument("--log", default=None, help="append one line per request here")
    args = parser.parse_args(argv)
    serve(args.sites, args.group, args.delay, args.log)


if __name__ == "__main__":
    main(sys.argv[1:])
