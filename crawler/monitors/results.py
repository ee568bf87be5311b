"""The checks' results: read from Spidermon's result, written to `monitor_results`, read back for
the summary a command prints."""

from __future__ import annotations

from typing import Any

from spidermon.settings import MONITOR

from crawler.monitors.figures import RunFigures
from crawler.monitors.webhook import Alert, SiteAlerts
from crawler.store.database import Store, utcnow

# Spidermon's statuses of a monitor that did not pass: a failed check, or one that raised.
NOT_PASSED = MONITOR.STATUSES.ERROR


def site_alerts(result: Any, run: RunFigures) -> SiteAlerts:
    """The run's failed checks, each with what it saw, and the names of those that passed."""
    alerts, passed = [], []
    for outcome in result.monitor_results:
        monitor = outcome.item
        try:
            detail = monitor.detail()
        except Exception as exc:  # the check itself broke: say how, and lose none of the others
            detail = f"the check failed to run: {type(exc).__name__}: {exc}"
        (alerts if outcome.status in NOT_PASSED else passed).append(Alert(monitor.key, detail))
    return SiteAlerts(run.site, run.run_id, run.status, tuple(alerts), tuple(passed))


def save_results(db_path: str, run: RunFigures, report: SiteAlerts) -> None:
    store = Store(db_path)
    try:
        write_results(store, run, report)
    finally:
        store.close()


def write_results(store: Store, run: RunFigures, report: SiteAlerts) -> None:
    now = utcnow()
    outcomes = [(alert, 0) for alert in report.alerts] + [(alert, 1) for alert in report.passed]
    for alert, passed in outcomes:
        store.rows.upsert(
            "monitor_results",
            {
                "run_id": run.run_id,
                "site": run.site,
                "monitor": alert.monitor,
                "passed": passed,
                "detail": alert.detail,
                "checked_at": now,
            },
        )


def run_alerts(store: Store, run_ids: list[str]) -> tuple[int, list[tuple[str, str, str]]]:
    """How many checks passed for these runs, and (site, monitor, detail) of each that did not."""
    if not run_ids:
        return 0, []
    marks = ", ".join("?" for _ in run_ids)
    passed = store.db.execute(
        f"select count(*) from monitor_results where passed = 1 and run_id in ({marks})", run_ids
    ).fetchone()[0]
    failed = store.db.execute(
        f"select site, monitor, detail from monitor_results where passed = 0 and run_id in ({marks}) "
        "order by site, monitor",
        run_ids,
    ).fetchall()
    return passed, [tuple(row) for row in failed]
