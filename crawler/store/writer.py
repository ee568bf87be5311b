"""One writer for every site of a registry crawl, writing pages in batches.

A connection per site means a store opened and closed per site and a transaction per page,
each taking SQLite's write lock in turn. The writer keeps one connection for the whole crawl and
queues each page's writes; a batch is written in one transaction when `batch` pages are queued,
when the oldest has waited `seconds` (a tick calls `flush_if_old`), when a site closes, and at
the end. The write lock is held only while a batch is written, never between pages, so another
process writing the same file waits milliseconds, not a batch's lifetime. Each page is still a
savepoint of its own: a page that fails to store is logged and the rest of its batch kept. A
crash loses at most the queued pages, which a re-crawl fetches again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from crawler.store.database import Store

logger = logging.getLogger(__name__)


class StoreWriter:
    def __init__(self, store: Store, batch: int, seconds: float) -> None:
        self.store = store
        self.batch = max(1, batch)
        self.seconds = seconds
        self.queue: list[tuple[str, Callable[[], None]]] = []
        self.oldest = 0.0

    def write(self, url: str, write: Callable[[], None]) -> None:
        """Queue one page's writes (`write` uses self.store); written with the next batch."""
        if not self.queue:
            self.oldest = time.monotonic()
        self.queue.append((url, write))
        if len(self.queue) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self.queue:
            return
        queue, self.queue = self.queue, []
        self.store.begin()
        try:
            for url, write in queue:
                try:
                    with self.store.page_transaction(url):
                        write()
                except Exception as exc:  # one page's problem; the rest of the batch is kept
                    logger.error("could not store %s: %s: %s", url, type(exc).__name__, exc)
        except BaseException:
            self.store.rollback()
            raise
        self.store.commit()

    def flush_if_old(self) -> None:
        if self.queue and time.monotonic() - self.oldest >= self.seconds:
            self.flush()

    def close(self) -> None:
        self.flush()
        self.store.close()
