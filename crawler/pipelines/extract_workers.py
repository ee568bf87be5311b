"""Extraction in worker processes, so parsing uses the machine's other cores.

Parsing a page is mostly Python, held to one core by the interpreter lock: a
thread beside Scrapy's reactor only takes turns with it (measured slower). A
worker process parses while the reactor downloads, links and stores. Workers
ignore Ctrl-C, so a paused crawl finishes the pages in hand; if a worker dies,
the page is parsed in the crawl's own process instead and nothing is lost.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from twisted.internet.defer import Deferred, DeferredSemaphore
from twisted.internet.threads import deferToThread

from extract import Options, Report, process


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class ExtractWorkers:
    def __init__(self, workers: int, options: Options):
        # Fresh interpreters, not forks of a process running a reactor and its threads.
        context = multiprocessing.get_context("spawn")
        self.pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_ignore_interrupts
        )
        self.options = options
        # One page queued per worker beyond the one it parses: workers never wait for the reactor.
        self.slots = DeferredSemaphore(workers * 2)

    def parse(self, body: bytes, url: str, headers: Mapping[str, str], context: str | None) -> Deferred:
        """A Deferred firing with the Report."""
        return self.slots.run(deferToThread, self._parse, body, url, dict(headers), context)

    def _parse(self, body: bytes, url: str, headers: dict[str, str], context: str | None) -> Report:
        pool = self.pool
        if pool is not None:
            try:
                return pool.submit(process, body, url, headers, self.options, context).result()
            except BrokenProcessPool:
                self.pool = None  # a worker died (out of memory, killed): parse here from now on
        return process(body, url, headers, self.options, context)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=False)


def start_workers(workers: int, options: Options) -> ExtractWorkers | None:
    return ExtractWorkers(workers, options) if workers > 0 else None
