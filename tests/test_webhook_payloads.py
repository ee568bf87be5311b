"""The three forms an alert takes on its way to a webhook (crawler/monitors/webhook.py)."""

from __future__ import annotations

import pytest

from crawler.monitors.webhook import ROBOT_TEXT_BYTES, Alert, SiteAlerts, payload

ALERTS = SiteAlerts(
    site="www.example.gov.cn",
    run_id="abc123",
    status="finished",
    alerts=(Alert("reports_stopped", "0 reports; run x stored 5"), Alert("error_ratio", "9 of 10 pages")),
    passed=(Alert("spam_jump", "0 spam findings"),),
)


@pytest.fixture(scope="module")
def wecom():
    return payload("wecom", ALERTS)


def test_wecom_is_a_markdown_message(wecom):
    assert wecom["msgtype"] == "markdown"


def test_wecom_names_each_failed_check(wecom):
    assert wecom["markdown"]["content"].count("</font>:") == 2


def test_wecom_names_the_site(wecom):
    assert "www.example.gov.cn" in wecom["markdown"]["content"].splitlines()[0]


def test_dingtalk_is_a_text_message():
    assert payload("dingtalk", ALERTS)["msgtype"] == "text"


def test_dingtalk_lists_one_alert_per_line():
    lines = payload("dingtalk", ALERTS)["text"]["content"].splitlines()
    assert lines[1:] == ["- reports_stopped: 0 reports; run x stored 5", "- error_ratio: 9 of 10 pages"]


def test_generic_carries_the_run():
    assert payload("generic", ALERTS)["run_id"] == "abc123"


def test_generic_carries_the_passed_checks():
    assert payload("generic", ALERTS)["passed"] == [{"monitor": "spam_jump", "detail": "0 spam findings"}]


def test_a_long_robot_message_is_cut_to_what_the_robots_take():
    many = SiteAlerts(
        "s", "r", "finished", tuple(Alert("failed_validation", "报告" * 500) for _ in range(5)), ()
    )
    assert len(payload("wecom", many)["markdown"]["content"].encode("utf-8")) <= ROBOT_TEXT_BYTES
