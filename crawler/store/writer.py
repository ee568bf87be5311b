"""One writer for every site of a registry crawl, committing pages in batches.

A connection per site means a store opened and closed per site and a commit per page; with a
window of sites writing at once, each commit also takes SQLite's write lock in turn. The writer
keeps one connection for the whole crawl and one transaction open across pages, committed every
`batch` pages, when it is `seconds` old (a tick calls `flush_if_old`), when a site closes, and
at the end. Each page is still a savepoint of its own, so a page that fails to store leaves the
others of its batch; a crash loses at most the open batch, which a re-crawl fetches again.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from crawler.store.database import Store


class StoreWriter:
    def __init__(self, store: Store, batch: int, seconds: float) -> None:
        self.store = store
        self.batch = max(1, batch)
        self.seconds = seconds
        self.pending = 0
        self.opened_at = 0.0

    @contextmanager
    def page(self, url: str) -> Iterator[None]:
        """Write one page inside the open batch (opening one if none is)."""
        if not self.store.db.conn.in_transaction:
            self.store.begin()
            self.opened_at = time.monotonic()
        with self.store.page_transaction(url):
            yield
        self.pending += 1
        if self.pending >= self.batch:
            self.flush()

    def flush(self) -> None:
        self.store.commit()
        self.pending = 0

    def flush_if_old(self) -> None:
        if self.store.db.conn.in_transaction and time.monotonic() - self.opened_at >= self.seconds:
            self.flush()

    def close(self) -> None:
        self.flush()
        self.store.close()
