"""Sending alerts to a real webhook receiver on loopback (crawler/monitors/webhook.py's send)."""

from __future__ import annotations

import pytest

from crawler.monitors.webhook import Alert, SiteAlerts, WebhookError, send

from .helpers.webhook import webhook_receiver

ALERTS = SiteAlerts("www.example.gov.cn", "abc123", "finished", (Alert("reports_stopped", "0 reports"),), ())
REFUSED = b'{"errcode": 310000, "errmsg": "keywords not in content"}'


@pytest.fixture(scope="module")
def refused():
    with webhook_receiver(answer=REFUSED) as receiver:
        with pytest.raises(WebhookError) as caught:
            send(receiver.url, "dingtalk", ALERTS)
    return str(caught.value)


def test_a_robot_that_refuses_the_message_is_an_error(refused):
    assert "the robot refused the message" in refused and "keywords not in content" in refused


def test_the_error_keeps_the_robots_key_out_of_the_log(refused):
    assert "key=test" not in refused


def test_a_generic_webhook_is_not_read_as_a_robot():
    with webhook_receiver(answer=REFUSED) as receiver:
        send(receiver.url, "generic", ALERTS)
    assert receiver.posts[0].body["alerts"] == [{"monitor": "reports_stopped", "detail": "0 reports"}]


def test_the_post_is_json_in_utf_8():
    with webhook_receiver() as receiver:
        send(receiver.url, "wecom", ALERTS)
    assert receiver.posts[0].content_type == "application/json; charset=utf-8"
