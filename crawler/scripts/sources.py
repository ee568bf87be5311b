"""The same-host scripts list pages load (a pager defined in /js/page.js), fetched once per crawl.

They are fetched through Scrapy's engine like any page (robots.txt, delays and the downloader
middlewares apply), kept as text for the pages after, and never stored as pages. The cache is
bounded; a script that failed to load is remembered as empty, so it is not asked for again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

# Distinct scripts one crawl keeps, and the largest one read (larger ones are libraries).
MAX_SCRIPTS = 64
MAX_SCRIPT_BYTES = 512 * 1024


class ScriptSources:
    def __init__(self, fetch: Callable[[str], Awaitable[bytes | None]], limit: int = MAX_SCRIPTS):
        self.fetch = fetch
        self.limit = limit
        self.texts: dict[str, str] = {}

    async def load(self, urls: list[str]) -> dict[str, str]:
        """The text of each of `urls` this crawl can have, fetching those not asked for before."""
        for url in urls:
            if url in self.texts or len(self.texts) >= self.limit:
                continue
            body = await self.fetch(url)
            self.texts[url] = (
                body.decode("utf-8", errors="replace") if body and len(body) <= MAX_SCRIPT_BYTES else ""
            )
        return {url: self.texts[url] for url in urls if self.texts.get(url)}
