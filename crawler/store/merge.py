"""Join databases written by the workers of a distributed crawl into one.

Each worker of a distributed crawl may write its own file (workers on several machines
must). A row is keyed the way the store keys it, so a report fetched by two workers, or by
two crawls, is one report: where two files hold the same key, the row whose last word is the
later wins (its last fetch, check, change or gone mark), and a report's children (sections,
figures, cells, findings) come with the report row they belong to. What accumulates is
joined: every run, every version of every report.

Answers archived in WARC files stay where their worker wrote them; each page's `warc_file`
is rewritten relative to the merged database's folder.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from crawler.store.database import Store
from crawler.store.incremental import GONE_STATUSES
from crawler.store.schema import REPORT_CHILDREN, SCHEMA
from crawler.store.shared_crawl import mark_gone_after_shared_crawls


class MergeError(ValueError):
    """An input that cannot be merged; the message names it."""


# The moment a row last said something, per table whose rows are replaced by the later one.
PAGE_LAST_WORD = "max(coalesce({t}.fetched_at, ''), coalesce({t}.checked_at, ''), coalesce({t}.gone_at, ''))"
REPORT_LAST_WORD = (
    "max(coalesce({t}.updated_at, ''), coalesce({t}.gone_at, ''), coalesce((select "
    + PAGE_LAST_WORD.format(t="p")
    + " from {db}.pages p where p.url = {t}.url), ''))"
)
LINKS_LAST_WORD = "coalesce({t}.checked_at, '')"
RUN_LAST_WORD = "coalesce({t}.finished_at, {t}.started_at, '')"

# How each table is merged. `later`: the row with the later last word replaces the other, and
# the tables listed as its followers are copied along for the keys it won. `union`: every row
# is kept. Followers are named here; every table of the schema has a rule (tests check it).
LATER = {
    "crawl_runs": ("run_id", RUN_LAST_WORD, {}),
    # Before pages: a report's last word reads its page's row as its own file has it.
    "reports": ("report_key", REPORT_LAST_WORD, dict.fromkeys(REPORT_CHILDREN, "report_key")),
    "pages": ("url", PAGE_LAST_WORD, {"spam_findings": "url"}),
    "link_sources": ("page", LINKS_LAST_WORD, {"page_links": "page"}),
    "registry_sites": ("host", "coalesce({t}.listed_at, '')", {}),
    "reextract_errors": ("url", "coalesce({t}.failed_at, '')", {}),
}
UNION = ("report_versions", "crawl_sites", "monitor_results")
FOLLOWERS = {table for _, _, followers in LATER.values() for table in followers}
RULED = set(LATER) | set(UNION) | FOLLOWERS | {"sites"}


def merge_databases(out: str | Path, inputs: list[str | Path]) -> dict[str, int]:
    """Merge each input into `out` (created when missing, kept when it has rows); returns the
    number of rows of each table in `out` afterwards."""
    out_path = Path(out).resolve()
    for path in inputs:
        _check_input(Path(path), out_path)
    store = Store(out_path)
    try:
        for path in inputs:
            _merge_one(store, Path(path).resolve(), out_path.parent)
        _mark_gone_answers(store.db.conn)
        # The end-of-crawl check of a distributed crawl whose workers wrote several files.
        mark_gone_after_shared_crawls(store)
        store.db["reports"].rebuild_fts()
        return {name: store.db[name].count for name in SCHEMA}
    finally:
        store.close()


def _check_input(path: Path, out_path: Path) -> None:
    if path.resolve() == out_path:
        raise MergeError(f"{path} is the output database; give it once, as OUT")
    if not path.is_file():
        raise MergeError(f"{path}: no such database file")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise MergeError(f"{path} is not a SQLite database ({exc})") from None
    if not {"pages", "reports", "crawl_runs"} <= tables:
        raise MergeError(f"{path} is not a nianbao database (it has no pages, reports and crawl_runs)")


def _merge_one(store: Store, path: Path, out_folder: Path) -> None:
    """One input, in one transaction (a database is attached outside of any)."""
    db = store.db.conn
    db.execute("attach database ? as src", [f"file:{path}?mode=ro"])
    try:
        with store.transaction():
            _merge_tables(db, path, out_folder)
    finally:
        db.execute("detach database src")


def _merge_tables(db: sqlite3.Connection, path: Path, out_folder: Path) -> None:
    for table in UNION:
        _copy(db, table, "insert or ignore")
    _merge_sites(db)
    for table, (key, last_word, followers) in LATER.items():
        _merge_later(db, table, key, last_word, followers)
        if table == "pages":
            _move_warc_paths(db, path.parent, out_folder)


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    """The columns both databases have (an input from an older version has fewer)."""
    ours = [r[1] for r in db.execute(f"pragma main.table_info({table})")]
    theirs = {r[1] for r in db.execute(f"pragma src.table_info({table})")}
    return [c for c in ours if c in theirs]


def _copy(db: sqlite3.Connection, table: str, verb: str, where: str = "") -> None:
    if not db.execute("select 1 from src.sqlite_master where name = ?", [table]).fetchone():
        return
    names = ", ".join(f'"{c}"' for c in _columns(db, table))
    db.execute(f"{verb} into main.{table} ({names}) select {names} from src.{table} {where}")


def _merge_sites(db: sqlite3.Connection) -> None:
    _copy(db, "sites", "insert or ignore")
    db.execute(
        "update main.sites set "
        "first_seen = min(coalesce(first_seen, '9'), coalesce((select s.first_seen from src.sites s "
        "where s.host = main.sites.host), '9')), "
        "last_crawled = max(coalesce(last_crawled, ''), coalesce((select s.last_crawled from src.sites s "
        "where s.host = main.sites.host), ''))"
    )


def _merge_later(db: sqlite3.Connection, table: str, key: str, last_word: str, followers: dict) -> None:
    """Rows of `src` new to `main`, or whose last word is later, replace `main`'s, followers too."""
    db.execute("drop table if exists temp.won")
    db.execute(
        f"create temp table won as select s.{key} as key from src.{table} s "
        f"left join main.{table} m on m.{key} = s.{key} "
        f"where m.{key} is null or {last_word.format(t='s', db='src')} > {last_word.format(t='m', db='main')}"
    )
    kept_first_seen = table == "reports"
    if kept_first_seen:
        db.execute("create temp table if not exists first_seen (key text primary key, first_seen text)")
        db.execute(
            "insert or replace into temp.first_seen select r.report_key, min(coalesce(r.first_seen, '9'), "
            "coalesce(s.first_seen, '9')) from main.reports r join src.reports s using (report_key)"
        )
    # Delete, then insert: a REPLACE would skip the delete triggers of the full-text index.
    for name, column in {table: key, **followers}.items():
        db.execute(f"delete from main.{name} where {column} in (select key from temp.won)")
        _copy(db, name, "insert", f"where {column} in (select key from temp.won)")
    if kept_first_seen:
        db.execute(
            "update main.reports set first_seen = (select f.first_seen from temp.first_seen f "
            "where f.key = main.reports.report_key) "
            "where report_key in (select key from temp.first_seen) and first_seen is not null"
        )
        db.execute("delete from temp.first_seen")


def _mark_gone_answers(db: sqlite3.Connection) -> None:
    """A report whose page answered 404/410 after the report was last stored is gone: the worker
    that got the answer may not have had the report in its file to mark."""
    statuses = ", ".join(str(status) for status in GONE_STATUSES)
    with db:
        db.execute(
            "update reports set gone_at = (select p.fetched_at from pages p where p.url = reports.url) "
            f"where gone_at is null and url in (select url from pages where status in ({statuses}) "
            "and fetched_at > coalesce(reports.updated_at, ''))"
        )


def _move_warc_paths(db: sqlite3.Connection, src_folder: Path, out_folder: Path) -> None:
    """The pages just copied from `src` point at its WARC files, from the merged database's folder."""
    prefix = Path(os.path.relpath(src_folder, out_folder)).as_posix()
    if prefix == ".":
        return
    db.execute(
        "update main.pages set warc_file = ? || '/' || warc_file where warc_file is not null and "
        "url in (select key from temp.won)",
        [prefix],
    )
