"""`nianbao bench crawl`: pages per minute of a full-pipeline crawl next to `scrapy bench`.

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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from crawler.commands.bench_registry import bench_registry
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


bench.add_command(bench_registry)
