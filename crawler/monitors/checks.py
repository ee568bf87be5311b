"""The checks run after each site's crawl, as Spidermon monitors.

Each monitor reads `self.data.history` (figures.SiteHistory: the run and the site's earlier runs)
and `self.data.limits`, and says in one line what it saw, whether it passed or not: that line is
stored in `monitor_results.detail` and sent with an alert.
"""

from __future__ import annotations

from dataclasses import dataclass

from spidermon import Monitor

from crawler.monitors.figures import SiteHistory


@dataclass(frozen=True)
class MonitorLimits:
    # An alert when more than this share of a run's pages had an error.
    error_ratio: float
    # An alert when a run's pages carry at least this many spam findings more than the last run's.
    spam_jump: int


class SiteMonitor(Monitor):
    """One check of a site's run: `alert()` says whether it fails, `detail()` what it saw."""

    # The name stored in monitor_results.monitor and shown in alerts.
    key = ""

    @property
    def history(self) -> SiteHistory:
        return self.data.history

    @property
    def limits(self) -> MonitorLimits:
        return self.data.limits

    def alert(self) -> bool:
        raise NotImplementedError

    def detail(self) -> str:
        raise NotImplementedError

    def test_site(self) -> None:
        if self.alert():
            self.fail(self.detail())


class ReportsStopped(SiteMonitor):
    """A site that had reports and now yields none: its column moved, or its pages changed shape."""

    key = "reports_stopped"

    def alert(self) -> bool:
        return self.history.run.reports_stored == 0 and self.history.last_with_reports is not None

    def detail(self) -> str:
        run, before = self.history.run, self.history.last_with_reports
        if before is None:
            return f"{run.reports_stored} reports (no earlier run stored any)"
        return (
            f"{run.reports_stored} reports; run {before.run_id} of {before.started_at} "
            f"stored {before.reports_stored}"
        )


class ErrorRatio(SiteMonitor):
    """More of the run's pages failed than NIANBAO_MONITOR_ERROR_RATIO allows."""

    key = "error_ratio"

    def alert(self) -> bool:
        return self.history.run.error_ratio > self.limits.error_ratio

    def detail(self) -> str:
        run = self.history.run
        return (
            f"{run.error_pages} of {run.pages_fetched} pages had an error "
            f"({run.error_ratio:.0%}, limit {self.limits.error_ratio:.0%})"
        )


class NewlyBlocked(SiteMonitor):
    """A site that answers with a WAF page, or fails TLS, DNS or the connection, where its last
    run did not."""

    key = "newly_blocked"

    def alert(self) -> bool:
        previous = self.history.previous
        return self.history.run.blocked and (previous is None or not previous.blocked)

    def detail(self) -> str:
        run, previous = self.history.run, self.history.previous
        if not run.blocked:
            return "not blocked"
        since = "first run" if previous is None else f"run {previous.run_id} was not blocked"
        if previous is not None and previous.blocked:
            since = f"blocked since run {previous.run_id} or earlier"
        reasons = "; ".join(self.history.blocked_reasons) or f"the crawl stopped: {run.status}"
        return f"{run.blocked_pages} blocked pages ({since}): {reasons}"


class SpamJump(SiteMonitor):
    """Many more spam findings than the site's last run: a defacement, or injected link farms."""

    key = "spam_jump"

    def alert(self) -> bool:
        previous = self.history.previous
        if previous is None:
            return False
        return self.history.run.spam_findings - previous.spam_findings >= self.limits.spam_jump

    def detail(self) -> str:
        run, previous = self.history.run, self.history.previous
        before = "no earlier run" if previous is None else f"run {previous.run_id}: {previous.spam_findings}"
        return f"{run.spam_findings} spam findings ({before}; alert at +{self.limits.spam_jump})"


class FailedValidation(SiteMonitor):
    """Reports of the run whose statistics break a hard invariant (a total that is not its parts)."""

    key = "failed_validation"

    def alert(self) -> bool:
        return self.history.run.failed_validation > 0

    def detail(self) -> str:
        count = self.history.run.failed_validation
        if not count:
            return "every report's statistics pass the hard invariants"
        return f"{count} reports break a hard invariant: {', '.join(self.history.failed_reports)}"


MONITORS: tuple[type[SiteMonitor], ...] = (
    ReportsStopped,
    ErrorRatio,
    NewlyBlocked,
    SpamJump,
    FailedValidation,
)
