"""Whether a crawl run crawled anything: what the exit status of `nianbao crawl` tells.

A page has an error when it could not be fetched (`error`) or answered an HTTP error (a 404 or
a 503 is fetched and stored, so `error` alone would miss it). A run failed when none of its pages
was fetched without one: the start page was unreachable, refused by robots.txt, or answered an error.
"""

from __future__ import annotations

from sqlite_utils import Database

# A stored page that is not what was asked for: a fetch error, a blocker, an HTTP error answer.
ERROR_PAGE = "(error is not null or status >= 400)"


def error_pages(db: Database, run_id: str | None = None) -> int:
    where = f"where {ERROR_PAGE}" + (" and run_id = ?" if run_id else "")
    return db.execute(f"select count(*) from pages {where}", [run_id] if run_id else []).fetchone()[0]


def run_figures(db: Database, run_id: str) -> dict[str, int]:
    """What a run found on its pages, beyond what it fetched: kept in `crawl_runs` so the monitors
    can compare a site's run with its earlier ones (the pages themselves are overwritten by later runs)."""
    pages = "select url from pages where run_id = ?"
    reports = "select report_key from pages where run_id = ? and is_report = 1"
    one = lambda sql: db.execute(sql, [run_id]).fetchone()[0]  # noqa: E731
    return {
        "error_pages": error_pages(db, run_id),
        "blocked_pages": one("select count(*) from pages where run_id = ? and blocked_reason is not null"),
        "spam_findings": one(f"select count(*) from spam_findings where url in ({pages})"),
        "failed_validation": one(
            "select count(distinct report_key) from validation_findings "
            f"where severity = 'hard' and report_key in ({reports})"
        ),
    }


def run_failure(db: Database, run_id: str, start_url: str | None = None) -> str | None:
    """Why the run crawled nothing ("URL: reason"), or None when one of its pages came through."""
    good = db.execute(
        f"select count(*) from pages where run_id = ? and not {ERROR_PAGE}", [run_id]
    ).fetchone()[0]
    if good:
        return None
    row = None
    if start_url:
        row = db.execute(
            "select url, status, error from pages where run_id = ? and url = ?", [run_id, start_url]
        ).fetchone()
    row = (
        row
        or db.execute(
            "select url, status, error from pages where run_id = ? order by fetched_at limit 1", [run_id]
        ).fetchone()
    )
    if row is None:
        return f"{start_url or 'the start page'}: nothing was fetched"
    url, status, error = row
    if error:
        return f"{url}: {error}"
    return f"{url}: answered HTTP {status}"
