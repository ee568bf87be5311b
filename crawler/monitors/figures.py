"""A site's run as the monitors see it: its own figures and the site's runs before it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class RunFigures:
    run_id: str
    site: str
    started_at: str
    status: str
    pages_fetched: int
    reports_stored: int
    error_pages: int
    blocked_pages: int
    spam_findings: int
    failed_validation: int

    @property
    def error_ratio(self) -> float:
        return self.error_pages / self.pages_fetched if self.pages_fetched else 0.0

    @property
    def blocked(self) -> bool:
        return bool(self.blocked_pages) or self.status == "blocked"


@dataclass(frozen=True)
class SiteHistory:
    """The run just finished, the site's run before it, and its last run that stored reports."""

    run: RunFigures
    previous: RunFigures | None
    last_with_reports: RunFigures | None
    # Why the run's pages were blocked (WAF, TLS, DNS …), as `pages.blocked_reason` says.
    blocked_reasons: tuple[str, ...]
    # Reports of the run whose tables break a hard invariant: "title (year)".
    failed_reports: tuple[str, ...]


_COLUMNS = (
    "run_id, site, started_at, status, coalesce(pages_fetched, 0), coalesce(reports_stored, 0), "
    "coalesce(error_pages, 0), coalesce(blocked_pages, 0), coalesce(spam_findings, 0), "
    "coalesce(failed_validation, 0)"
)


def _figures(db: Database, where: str, params: list[object]) -> RunFigures | None:
    row = db.execute(f"select {_COLUMNS} from crawl_runs where {where} limit 1", params).fetchone()
    return RunFigures(*row) if row else None


def site_history(db: Database, run_id: str) -> SiteHistory | None:
    """The run and its site's earlier runs (finished ones only, in any status), or None when the
    run is not recorded or has no single site (a worker on a shared frontier)."""
    run = _figures(db, "run_id = ?", [run_id])
    if run is None or not run.site:
        return None
    earlier = "site = ? and run_id != ? and finished_at is not null and started_at <= ?"
    params: list[object] = [run.site, run_id, run.started_at]
    previous = _figures(db, f"{earlier} order by started_at desc, rowid desc", params)
    with_reports = _figures(db, f"{earlier} and reports_stored > 0 order by started_at desc", params)
    reasons = db.execute(
        "select distinct blocked_reason from pages where run_id = ? and blocked_reason is not null "
        "order by blocked_reason limit 5",
        [run_id],
    ).fetchall()
    failed = db.execute(
        "select distinct coalesce(r.title, r.url) || ' (' || coalesce(r.year, '?') || ')' "
        "from validation_findings v join reports r on r.report_key = v.report_key "
        "where v.severity = 'hard' and v.report_key in "
        "(select report_key from pages where run_id = ? and is_report = 1) limit 5",
        [run_id],
    ).fetchall()
    return SiteHistory(run, previous, with_reports, tuple(r[0] for r in reasons), tuple(r[0] for r in failed))
