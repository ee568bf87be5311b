"""`nianbao bench crawl`: pages per minute of a full-pipeline crawl next to `scrapy bench`;
`nianbao bench reextract`: pages per minute of a re-extraction next to the extraction alone.

Both run on this machine in the same invocation, so the ratio says how much the
crawler, extraction and storage cost over Scrapy's own ceiling. The portal is
generated and served on 127.0.0.1 from a process of its own (as `scrapy bench`
serves its pages); the crawl runs without delays, and with --concurrency N it
makes N requests at a time to that loopback server. Those overrides are the
benchmark's only: real sites get one request at a time, delays and AutoThrottle.
Pages are parsed in --workers processes (NIANBAO_EXTRACT_WORKERS, 0 by default
for `nianbao crawl`, whose politeness delays leave a core idle anyway).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from crawler.commands.bench_registry import bench_registry
from crawler.commands.bench_scripts import bench_scripts
from crawler.commands.common import fail

_STAT = r"'{name}':\s*([\d.]+)"


def _stat(text: str, name: str) -> float | None:
    match = re.search(_STAT.format(name=re.escape(name)), text)
    return float(match.group(1)) if match else None


def scrapy_bench_pages_per_minute(seconds: int) -> float:
    """Run `scrapy bench` outside any project (its own settings) and read its final stats."""
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [sys.executable, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}"],
            capture_output=True,
            text=True,
            cwd=folder,
            timeout=seconds + 120,
        )
    pages = _stat(result.stderr, "response_received_count")
    elapsed = _stat(result.stderr, "elapsed_time_seconds")
    if not pages or not elapsed:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        fail(f"scrapy bench printed no stats: {last}", status=1)
    return pages / elapsed * 60


@click.group()
def bench() -> None:
    """Benchmarks, each against a baseline measured in the same run."""


@contextmanager
def _portal_process(root: Path) -> Iterator[str]:
    """Serve root from a child process; yield its base URL."""
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler.demo.server", str(root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        yield server.stdout.readline().strip()
    finally:
        server.communicate(timeout=30)  # EOF on stdin stops it


@bench.command("crawl")
@click.option("--reports", default=400, show_default=True, help="Reports in the generated portal.")
@click.option("--seconds", default=15, show_default=True, help="How long `scrapy bench` runs.")
@click.option(
    "--concurrency",
    default=1,
    show_default=True,
    type=click.IntRange(1, 32),
    help="Requests at a time to the loopback portal (real sites always get 1).",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(0, 16),
    help="Extraction worker processes (NIANBAO_EXTRACT_WORKERS; 0 parses in the crawl's process).",
)
def bench_crawl(reports: int, seconds: int, concurrency: int, workers: int) -> None:
    """Pages/min of a full-pipeline crawl of a generated local portal vs `scrapy bench`."""
    from crawler.demo.bench_portal import write_portal
    from crawler.run import crawl
    from crawler.store import Store

    baseline = scrapy_bench_pages_per_minute(seconds)
    with tempfile.TemporaryDirectory() as folder:
        root, db = Path(folder) / "portal", Path(folder) / "bench.db"
        expected = write_portal(root, reports)
        stats: dict = {}
        with _portal_process(root) as base_url:
            crawl(
                base_url + "index.html",
                str(db),
                stats=stats,
                DOWNLOAD_DELAY=0,
                AUTOTHROTTLE_ENABLED=False,
                CONCURRENT_REQUESTS_PER_DOMAIN=concurrency,
                NIANBAO_EXTRACT_WORKERS=workers,
                LOG_LEVEL="ERROR",
                NIANBAO_MAX_PAGES=reports * 10,
            )
        store = Store(db)
        found = store.db.execute("select count(*) from reports").fetchone()[0]
        report_pages = store.db.execute("select count(*) from pages where is_report = 1").fetchone()[0]
        store.close()
    pages = stats.get("response_received_count", 0)
    if not pages:
        fail("bench crawl fetched nothing from its own loopback portal", status=1)
    elapsed = stats.get("elapsed_time_seconds") or 1
    ours = pages / elapsed * 60
    requests = stats.get("downloader/request_count", 0)
    click.echo(f"scrapy bench (its defaults):   {baseline:10.0f} pages/min")
    click.echo(
        f"nianbao crawl (full pipeline): {ours:10.0f} pages/min  ({pages} pages in {elapsed:.1f} s; "
        f"no delays, {concurrency} request(s) at a time: benchmark overrides, not the site defaults)"
    )
    click.echo(f"extraction worker processes:   {workers:10d}")
    click.echo(f"ratio nianbao / scrapy bench:  {ours / baseline:10.2f}")
    click.echo(
        f"report pages parsed:           {report_pages:10d}  ({report_pages / elapsed * 60:.0f} per minute)"
    )
    click.echo(f"reports found:                 {found:10d} of {expected}")
    click.echo(f"requests per report found:     {requests / max(found, 1):10.2f}")


@bench.command("reextract")
@click.option("--reports", default=100, show_default=True, help="Reports in the generated portal.")
@click.option("--rounds", default=3, show_default=True, type=click.IntRange(1, 20), help="Best of this many.")
def bench_reextract(reports: int, rounds: int) -> None:
    """Pages/min of `nianbao reextract` vs the extraction alone of the same pages, in one run."""
    from crawler.demo.bench_portal import write_portal
    from crawler.reextract import Archived, context_title, read_record, reextract, reports_to_redo
    from crawler.run import crawl
    from crawler.store import Store
    from extract import Options, process
    from extract.caches import reset_caches
    from extract.version import EXTRACTOR_VERSION

    with tempfile.TemporaryDirectory() as folder:
        root, db = Path(folder) / "portal", Path(folder) / "bench.db"
        write_portal(root, reports)
        with _portal_process(root) as base_url:
            crawl(
                base_url + "index.html",
                str(db),
                DOWNLOAD_DELAY=0,
                AUTOTHROTTLE_ENABLED=False,
                LOG_LEVEL="ERROR",
                NIANBAO_MAX_PAGES=reports * 10,
            )
        store = Store(db)
        options = Options()

        def older_reports() -> list[Archived]:
            """The reports as the previous extractor would have left them: every one is redone."""
            with store.db.conn:
                store.db.execute("update reports set extractor_version = ?", [EXTRACTOR_VERSION - 1])
            return reports_to_redo(store, EXTRACTOR_VERSION)

        pages = older_reports()
        if not pages:
            fail("bench reextract crawled no report from its own loopback portal", status=1)
        answers = [
            (page, *read_record(Path(folder), page.warc_file, page.warc_offset, page.url)) for page in pages
        ]
        process(answers[0][1], pages[0].url, answers[0][2], options)  # the one-time loads, before both
        extraction, redo = float("inf"), float("inf")
        for _ in range(rounds):
            # Each pass starts with extract/'s memos of per-text results empty: neither inherits the other's.
            reset_caches("memo")
            started = time.perf_counter()
            for page, body, headers in answers:
                process(body, page.url, headers, options, context_title(store, page))
            extraction = min(extraction, time.perf_counter() - started)
            again = older_reports()
            reset_caches("memo")
            started = time.perf_counter()
            outcome = reextract(store, Path(folder), again, options)
            redo = min(redo, time.perf_counter() - started)
            if outcome.errors or outcome.redone != len(pages):
                fail(f"bench reextract redid {outcome.redone} of {len(pages)} reports", status=1)
        store.close()
    alone, redone = len(pages) / extraction * 60, len(pages) / redo * 60
    click.echo(
        f"extraction alone (extract.process):      {alone:8.0f} pages/min  ({len(pages)} report pages)"
    )
    click.echo(f"nianbao reextract (WARC, extract, store): {redone:7.0f} pages/min  (best of {rounds})")
    click.echo(f"ratio reextract / extraction:            {redone / alone:8.2f}")


bench.add_command(bench_scripts)
bench.add_command(bench_registry)
