"""Each check of crawler/monitors/checks.py on a site's run, with the figures given here."""

from __future__ import annotations

from dataclasses import replace

from spidermon import MonitorSuite
from spidermon.runners import MonitorRunner

from crawler.monitors.checks import MONITORS, MonitorLimits
from crawler.monitors.figures import RunFigures, SiteHistory
from crawler.monitors.results import site_alerts

LIMITS = MonitorLimits(error_ratio=0.2, spam_jump=10)
BEFORE = RunFigures(
    "before", "www.example.gov.cn", "2026-01-01T00:00:00+00:00", "finished", 40, 5, 1, 0, 3, 0
)
NOW = replace(BEFORE, run_id="now", started_at="2026-02-01T00:00:00+00:00")


def failed(run: RunFigures, previous: RunFigures | None = BEFORE, **history) -> list[str]:
    """The checks that fail for `run`, after `previous`."""
    site = SiteHistory(run, previous, previous if previous and previous.reports_stored else None, (), ())
    site = replace(site, **history)
    result = MonitorRunner().run(MonitorSuite(monitors=list(MONITORS)), history=site, limits=LIMITS)
    return [alert.monitor for alert in site_alerts(result, run).alerts]


def test_a_run_like_the_one_before_passes_every_check():
    assert failed(NOW) == []


def test_a_run_without_reports_after_one_with_reports_fails():
    assert failed(replace(NOW, reports_stored=0)) == ["reports_stopped"]


def test_a_first_run_without_reports_is_no_alert():
    assert failed(replace(NOW, reports_stored=0), previous=None) == []


def test_an_error_ratio_over_the_limit_fails():
    assert failed(replace(NOW, error_pages=9)) == ["error_ratio"]


def test_an_error_ratio_at_the_limit_passes():
    assert failed(replace(NOW, error_pages=8)) == []


def test_a_site_newly_blocked_fails():
    assert failed(replace(NOW, blocked_pages=3), blocked_reasons=("waf: HTTP 412",)) == ["newly_blocked"]


def test_a_crawl_stopped_as_blocked_counts_as_blocked():
    assert failed(replace(NOW, status="blocked")) == ["newly_blocked"]


def test_a_site_already_blocked_last_time_is_not_newly_blocked():
    assert failed(replace(NOW, blocked_pages=3), previous=replace(BEFORE, blocked_pages=2)) == []


def test_a_jump_in_spam_findings_fails():
    assert failed(replace(NOW, spam_findings=13)) == ["spam_jump"]


def test_a_smaller_rise_in_spam_findings_passes():
    assert failed(replace(NOW, spam_findings=12)) == []


def test_a_report_failing_validation_fails():
    assert failed(replace(NOW, failed_validation=1), failed_reports=("某县2019年报告 (2019)",)) == [
        "failed_validation"
    ]
