"""When each request of a crawl left its download slot, as Scrapy itself counts it.

Scrapy's DOWNLOAD_DELAY (and the Crawl-delay we set on a slot) is measured from the moment
the slot let the previous request go (`Slot.lastseen`), not from when a server logs it: the
way from the slot to the server (a task, a new connection, a thread per request on a fixture
portal) takes a different time for each request, so a server's log can show two requests
closer than the delay although the slot spaced them by it. This handler is Scrapy's own HTTP
handler, writing down each request's `lastseen` before it downloads the request.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Response

from crawler.middlewares.slots import download_slot

from .paths import REPO

# A Scrapy setting of this helper's own: the file the handler appends to.
SEND_LOG_SETTING = "TESTS_SEND_LOG"


class SendLoggingHandler(HTTP11DownloadHandler):
    def __init__(self, crawler: Any):
        super().__init__(crawler)
        self.crawler = crawler
        self.log = Path(crawler.settings[SEND_LOG_SETTING])

    async def download_request(self, request: Request) -> Response:
        _, slot = download_slot(self.crawler.engine.downloader, request)
        with self.log.open("a", encoding="utf-8") as log:
            log.write(json.dumps([slot.lastseen, request.url]) + "\n")
        return await super().download_request(request)


def run_crawl_logging_sends(
    url: str, db: Path, log: Path, settings: dict[str, Any] | None = None, **env: str
) -> subprocess.CompletedProcess:
    """The crawl `nianbao crawl URL` runs (crawler.run.crawl with the command's defaults), with http
    fetched by SendLoggingHandler; `settings` are Scrapy settings given as on the command line."""
    script = (
        "import json, sys; from crawler import settings; from crawler.run import crawl; "
        "from crawler.commands.common import COMMAND_DEFAULTS; "
        "crawl(sys.argv[1], sys.argv[2], defaults=COMMAND_DEFAULTS, "
        "DOWNLOAD_HANDLERS={**settings.DOWNLOAD_HANDLERS, "
        "'http': 'tests.helpers.send_log.SendLoggingHandler'}, "
        f"{SEND_LOG_SETTING}=sys.argv[3], **json.loads(sys.argv[4]))"
    )
    return subprocess.run(
        [sys.executable, "-c", script, url, str(db), str(log), json.dumps(settings or {})],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env={**os.environ, "NIANBAO_DOWNLOAD_DELAY": "0", **env},
    )


def sends(log: Path) -> list[tuple[float, str]]:
    """(time the request left its slot, its URL), in the order they were downloaded."""
    return [tuple(json.loads(line)) for line in log.read_text(encoding="utf-8").splitlines()]
