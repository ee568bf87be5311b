"""`nianbao bench registry`: a registry crawl of N generated loopback sites next to one plain
Scrapy spider over the same sites, in one run.

The sites are served from a process of their own (crawler/demo/registry_sites.py), each on its
own loopback address, so each is a host of its own. Both crawls run as child processes with a
soft limit of 1,024 open files (the common default), without delays; a sampler reads their
peak resident memory (children included) and open files from /proc. The baseline is Scrapy's
broad-crawl setup running the same extraction on every page (crawler/demo/broad_spider.py).
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click

from crawler.commands.common import fail

# The common default soft limit on open files; the crawl must live within it.
OPEN_FILES_LIMIT = 1024


@dataclass
class Measured:
    seconds: float
    cpu: float
    rss: int
    files: int
    returncode: int
    stdout: str
    stderr: str


def _limit_open_files() -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    limit = OPEN_FILES_LIMIT if hard == resource.RLIM_INFINITY else min(OPEN_FILES_LIMIT, hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (limit, hard))


def measure(command: list[str], folder: Path, env: dict[str, str]) -> Measured:
    """Run `command` under the open-file limit; its wall time, peaks, status and output."""
    from crawler.demo.peaks import Peaks

    out, err = folder / f"{command[2]}.out", folder / f"{command[2]}.err"
    started = time.monotonic()
    with out.open("w") as stdout, err.open("w") as stderr:
        child = subprocess.Popen(
            command, stdout=stdout, stderr=stderr, env={**os.environ, **env}, preexec_fn=_limit_open_files
        )
        peaks = Peaks(child.pid).start()
        _, status, usage = os.wait4(child.pid, 0)  # its CPU time too, the children it waited for included
        child.returncode = os.waitstatus_to_exitcode(status)
        peaks.stop()
    seconds = time.monotonic() - started
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(seconds, cpu, peaks.rss, peaks.files, child.returncode, out.read_text(), err.read_text())


def stored_counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        one = lambda sql: conn.execute(sql).fetchone()[0] or 0  # noqa: E731
        return {
            "pages": one("select sum(pages_fetched) from crawl_runs"),
            "runs": one("select count(*) from crawl_runs where status = 'finished'"),
            "reports": one("select count(*) from reports"),
            "versions": one("select count(*) from report_versions"),
            "report_pages": one("select count(*) from pages where is_report = 1"),
        }
    finally:
        conn.close()


@click.command("registry")
@click.option(
    "--sites", default=200, show_default=True, type=click.IntRange(1, 20000), help="Generated sites to crawl."
)
def bench_registry(sites: int) -> None:
    """A registry crawl of N loopback sites vs one plain Scrapy spider: pages/min, peak RSS, open files."""
    with tempfile.TemporaryDirectory() as name, _sites_or_fail(sites) as listed:
        folder = Path(name)
        registry, db = folder / "sites.csv", folder / "bench.db"
        registry.write_text(
            "name,url\n" + "".join(f"site{i},{site['url']}\n" for i, site in enumerate(listed)),
            encoding="utf-8",
        )
        served = sum(site["reports"] for site in listed)
        ours = measure(
            [sys.executable, "-m", "crawler.cli", "crawl", "--registry", str(registry), "--db", str(db)],
            folder,
            {"NIANBAO_DOWNLOAD_DELAY": "0"},
        )
        if not db.exists():
            fail(f"the registry crawl stored nothing: {_last_line(ours.stderr)}", status=1)
        counts = stored_counts(db)
        plain = measure([sys.executable, "-m", "crawler.demo.broad_spider", str(registry)], folder, {})
    if plain.returncode != 0 or not plain.stdout.strip():
        fail(f"the plain Scrapy spider failed: {_last_line(plain.stderr)}", status=1)
    baseline = json.loads(plain.stdout.strip().splitlines()[-1])
    our_rate = counts["pages"] / ours.seconds * 60
    plain_rate = baseline["pages"] / plain.seconds * 60
    click.echo(f"{sites} generated sites on loopback, soft limit of {OPEN_FILES_LIMIT} open files, no delays")
    click.echo(
        f"{'':34}{'pages/min':>10}{'pages':>8}{'seconds':>9}{'CPU s':>8}{'peak RSS':>11}{'open files':>11}"
    )
    click.echo(_row("nianbao crawl --registry", our_rate, counts["pages"], ours))
    click.echo(_row("plain Scrapy spider (broad crawl)", plain_rate, baseline["pages"], plain))
    click.echo(f"ratio plain / nianbao pages/min:   {plain_rate / max(our_rate, 1e-9):.2f}")
    click.echo(
        f"reports stored: {counts['reports']} of {served} served ({counts['versions']} versions, "
        f"{counts['report_pages']} report pages; plain spider found {baseline['reports']})"
    )
    click.echo(f"sites finished: {counts['runs']} of {sites}; crawl exit status {ours.returncode}")
    click.echo(f"tracebacks in the crawl's log: {ours.stderr.count('Traceback')}")


@contextmanager
def _sites_or_fail(sites: int) -> Iterator[list[dict]]:
    from crawler.demo.registry_sites import served_sites

    try:
        with served_sites(sites) as listed:
            yield listed
    except RuntimeError as exc:
        fail(str(exc), status=1)


def _row(label: str, rate: float, pages: int, run: Measured) -> str:
    return (
        f"{label:34}{rate:10.0f}{pages:8d}{run.seconds:9.1f}{run.cpu:8.1f}"
        f"{run.rss / 2**20:8.0f} MB{run.files:11d}"
    )


def _last_line(text: str) -> str:
    return (text.strip().splitlines() or ["no output"])[-1]
