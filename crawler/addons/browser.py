"""The optional browser: Debian's chromium, through scrapy-playwright, for pages that need JavaScript.

Off unless NIANBAO_BROWSER is set (`nianbao crawl URL --browser`). When on, this
add-on installs scrapy-playwright's download handlers on the asyncio reactor for
the crawl and adds the middleware that sends a page to the browser only when its
plain response shows links built by scripts (crawler/links/script_pages.py). Every
other request still goes out as plain HTTP through the same handler. Without the
setting nothing here imports scrapy-playwright, so the project runs without the
`browser` extra installed.
"""

from __future__ import annotations

import importlib.util
import os
from typing import Any

from scrapy.exceptions import NotConfigured
from scrapy.settings import Settings

HANDLER = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
ASYNCIO_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
# Headless on a server, no GPU, and none of chromium's own traffic (updates, sync, field trials).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# What a rendered page may load besides its scripts and data: images, fonts and media only
# cost the portal bandwidth and never carry links.
SKIPPED_RESOURCES = frozenset({"image", "media", "font"})
# After the load event, wait this long (ms) for scripts' own requests (a JSON list) to finish.
SETTLE_MS = 5_000
# Longest wait (ms) for a page to load in the browser.
NAVIGATION_TIMEOUT_MS = 30_000
MIDDLEWARE = "crawler.middlewares.render_scripts.RenderScriptPagesMiddleware"
# Below blockers (650) and the conditional check (580): on the response side they run first, so a
# WAF challenge is recorded and never run, and an unchanged page is not rendered again.
MIDDLEWARE_PRIORITY = 540


class BrowserUnavailable(RuntimeError):
    pass


def browser_problem(chromium: str) -> str | None:
    """Why the browser cannot run here, in one line, or None."""
    for module, package in (("playwright", "playwright"), ("scrapy_playwright", "scrapy-playwright")):
        if importlib.util.find_spec(module) is None:
            return f"the browser needs {package}: pip install 'nianbao[browser]'"
    if not (os.path.isfile(chromium) and os.access(chromium, os.X_OK)):
        return f"no chromium at {chromium} (apt-get install chromium, or set NIANBAO_CHROMIUM)"
    return None


def skip_resource(request: Any) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: drop what the browser would load for show only."""
    return request.resource_type in SKIPPED_RESOURCES


async def settle(page: Any) -> None:
    """Give the page's scripts time to fetch and draw the list; a page that never goes quiet
    (polling, analytics) is read as it stands."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    try:
        await page.wait_for_load_state("networkidle", timeout=SETTLE_MS)
    except PlaywrightTimeout:
        pass


class BrowserAddon:
    """Scrapy add-on (ADDONS in crawler/settings.py) that wires the browser into one crawl."""

    def __init__(self, chromium: str):
        self.chromium = chromium

    @classmethod
    def from_crawler(cls, crawler: Any) -> BrowserAddon:
        if not crawler.settings.getbool("NIANBAO_BROWSER"):
            raise NotConfigured
        chromium = crawler.settings.get("NIANBAO_CHROMIUM")
        problem = browser_problem(chromium)
        if problem:
            raise BrowserUnavailable(problem)
        return cls(chromium)

    def update_settings(self, settings: Settings) -> None:
        settings.set("TWISTED_REACTOR", ASYNCIO_REACTOR, priority="addon")
        settings["DOWNLOAD_HANDLERS"].update({"http": HANDLER, "https": HANDLER}, priority="addon")
        settings.set("PLAYWRIGHT_BROWSER_TYPE", "chromium", priority="addon")
        settings.set(
            "PLAYWRIGHT_LAUNCH_OPTIONS",
            {"executable_path": self.chromium, "headless": True, "args": CHROMIUM_ARGS},
            priority="addon",
        )
        # One page at a time, like the plain crawl's one request per domain; bounded memory.
        settings.set("PLAYWRIGHT_MAX_CONTEXTS", 1, priority="addon")
        settings.set("PLAYWRIGHT_MAX_PAGES_PER_CONTEXT", 1, priority="addon")
        settings.set("PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT", NAVIGATION_TIMEOUT_MS, priority="addon")
        settings.set("PLAYWRIGHT_ABORT_REQUEST", skip_resource, priority="addon")
        settings["DOWNLOADER_MIDDLEWARES"].update({MIDDLEWARE: MIDDLEWARE_PRIORITY}, priority="addon")
