"""Does this checkout store exactly what another revision stores, crawling the same sites?

Run from the repository root: `python -m tests.bench.same_store [--base main] [--sites 30]`.
The base revision is exported with `git archive` into a temporary folder; each tree then runs,
in its own interpreter, the same crawls into a database of its own: the bundled sample portal
(served as `nianbao demo` serves it), a registry of generated sites (crawler/demo/registry_sites.py,
one writer for all sites), and the sample portal again (a re-crawl: unchanged pages, upserts
over stored rows). One server of each kind serves both trees, so both read the same answers.
Every table's rows are then compared, less the columns that say when or in which run a row was
written and where its WARC record lies, sorted by primary key. Exit 0 with "N tables identical",
1 naming the first table that differs and its first differing row. A change to the store's
writes must leave this at 0.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from crawler.demo.registry_sites import served_sites
from crawler.demo.server import SAMPLE_PORTAL_URL, sample_portal_root, serve_folder

from .revision import export_revision
from .speed import REPO

# Columns that hold a time, a run's id or process, or an archive's file and offsets: they differ
# between any two crawls, whatever stores them.
UNCOMPARED = frozenset(
    {
        "fetched_at",
        "checked_at",
        "gone_at",
        "first_seen",
        "last_crawled",
        "updated_at",
        "started_at",
        "finished_at",
        "listed_at",
        "scheduled_at",
        "failed_at",
        "run_id",
        "runs",
        "crawl_id",
        "pid",
        "warc_file",
        "warc_offset",
        "warc_length",
    }
)
# A time or a run id inside a text (a monitor's detail names the run it compared with).
TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?")
# The search index's own tables: SQLite's binary segments, which follow row ids, not content.
# `reports_fts` itself (the words of each report) is compared.
SHADOW_PREFIX = "reports_fts_"


@contextmanager
def sites_served(sites: int) -> Iterator[tuple[str, list[dict]]]:
    """The sample portal's proxy URL and the generated sites, served until exit."""
    with serve_folder(sample_portal_root()) as portal, served_sites(sites) as listed:
        yield portal, listed


def crawl_all(tree: Path, db: Path, portal: str, registry: Path) -> None:
    """The three crawls, by `tree`'s own command line, in a process of its own."""
    env = {**os.environ, "PYTHONPATH": str(tree), "NIANBAO_DOWNLOAD_DELAY": "0"}
    for name in ("no_proxy", "NO_PROXY", "http_proxy"):
        env.pop(name, None)
    demo = {**env, "http_proxy": portal}  # the portal's stable name reaches our loopback server
    cli = [sys.executable, "-m", "crawler.cli", "crawl"]
    crawls = (
        ([*cli, SAMPLE_PORTAL_URL, "--db", str(db)], demo),
        ([*cli, "--registry", str(registry), "--db", str(db)], env),
        ([*cli, SAMPLE_PORTAL_URL, "--db", str(db)], demo),
    )
    for command, crawl_env in crawls:
        done = subprocess.run(command, cwd=tree, env=crawl_env, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command[2:])} in {tree} failed:\n{done.stderr[-2000:]}")


def compared_tables(db: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Each table's compared columns and rows, sorted by primary key, then by the other columns."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        names = [
            name
            for (name,) in conn.execute("select name from sqlite_master where type = 'table' order by name")
            if not name.startswith(("sqlite_", SHADOW_PREFIX))
        ]
        run_ids = [run_id for (run_id,) in conn.execute("select run_id from crawl_runs")]
        tables = {}
        for name in names:
            info = conn.execute(f'select name, pk from pragma_table_info("{name}")').fetchall()
            keys = [
                column for column, pk in sorted(info, key=lambda c: c[1]) if pk and column not in UNCOMPARED
            ]
            columns = keys + [column for column, _ in info if column not in UNCOMPARED and column not in keys]
            selected = ", ".join(f'"{c}"' for c in columns)
            rows = [_masked(row, run_ids) for row in conn.execute(f'select {selected} from "{name}"')]
            tables[name] = (columns, sorted(rows, key=_sortable))
        return tables
    finally:
        conn.close()


def _masked(row: tuple[Any, ...], run_ids: list[str]) -> tuple[Any, ...]:
    return tuple(_masked_text(value, run_ids) if isinstance(value, str) else value for value in row)


def _masked_text(text: str, run_ids: list[str]) -> str:
    text = TIME.sub("<time>", text)
    for run_id in run_ids:
        if run_id in text:
            text = text.replace(run_id, "<run>")
    return text


def _sortable(row: tuple[Any, ...]) -> tuple[tuple[int, str, Any], ...]:
    # NULLs first, and values of different types never compared with each other.
    return tuple(
        (value is not None, type(value).__name__, value if value is not None else 0) for value in row
    )


def first_difference(base: dict, ours: dict) -> str | None:
    """The first table that differs, and how; None when every table is the same."""
    for name in sorted(base.keys() | ours.keys()):
        if name not in ours or name not in base:
            return f"{name}: only in {'base' if name in base else 'ours'}"
        (base_columns, base_rows), (our_columns, our_rows) = base[name], ours[name]
        if base_columns != our_columns:
            return f"{name}: columns differ\n  base: {base_columns}\n  ours: {our_columns}"
        for base_row, our_row in zip(base_rows, our_rows, strict=False):
            if base_row != our_row:
                differing = [
                    f"{column}: {b!r} != {o!r}"
                    for column, b, o in zip(base_columns, base_row, our_row, strict=True)
                    if b != o
                ]
                return f"{name}: first different row {dict(zip(base_columns, base_row, strict=True))}\n  " + (
                    "\n  ".join(differing)
                )
        if len(base_rows) != len(our_rows):
            return f"{name}: {len(base_rows)} rows in base, {len(our_rows)} in ours"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="main", help="git revision to compare against (default: main)")
    parser.add_argument("--sites", type=int, default=30, help="generated sites in the registry (default: 30)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch, sites_served(args.sites) as (portal, listed):
        work = Path(scratch)
        registry = work / "sites.csv"
        registry.write_text(
            "name,url\n" + "".join(f"site{i},{site['url']}\n" for i, site in enumerate(listed)),
            encoding="utf-8",
        )
        base_tree = export_revision(args.base, work / "base")
        crawl_all(base_tree, work / "base.db", portal, registry)
        crawl_all(REPO, work / "ours.db", portal, registry)
        base, ours = compared_tables(work / "base.db"), compared_tables(work / "ours.db")
    difference = first_difference(base, ours)
    if difference is not None:
        print(difference)
        return 1
    rows = sum(len(rows) for _, rows in ours.values())
    print(f"{len(ours)} tables identical to {args.base} ({rows} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
