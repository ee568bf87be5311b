"""Alerts sent to a webhook: a generic JSON document, or a DingTalk or WeCom group robot's message.

DingTalk's robot takes `{"msgtype": "text", "text": {"content": …}}`, WeCom's
`{"msgtype": "markdown", "markdown": {"content": …}}` (WeCom caps it at 4096 bytes); both answer
HTTP 200 with `{"errcode": 0}`, and any other errcode names what they refused (a keyword or IP
rule, a bad key, a bad signature). A DingTalk robot guarded by a signature (加签) takes the
request only with `timestamp` (milliseconds) and `sign` (base64 of HMAC-SHA256 over
"timestamp\nsecret", keyed by the secret) added to its URL.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

KINDS = ("generic", "dingtalk", "wecom")
# The robots cap a message's size (WeCom: 4096 bytes of markdown); an alert stays well under it.
ROBOT_TEXT_BYTES = 3500
TIMEOUT_SECONDS = 10


class WebhookError(Exception):
    pass


@dataclass(frozen=True)
class Alert:
    monitor: str
    detail: str


@dataclass(frozen=True)
class SiteAlerts:
    site: str
    run_id: str
    status: str
    alerts: tuple[Alert, ...]
    passed: tuple[Alert, ...]

    def headline(self) -> str:
        return f"nianbao: {len(self.alerts)} alert(s) for {self.site} (run {self.run_id}, {self.status})"


def _cut(text: str) -> str:
    data = text.encode("utf-8")
    if len(data) <= ROBOT_TEXT_BYTES:
        return text
    return data[: ROBOT_TEXT_BYTES - 3].decode("utf-8", "ignore") + "…"


def payload(kind: str, report: SiteAlerts) -> dict[str, Any]:
    if kind == "dingtalk":
        lines = [report.headline(), *(f"- {a.monitor}: {a.detail}" for a in report.alerts)]
        return {"msgtype": "text", "text": {"content": _cut("\n".join(lines))}}
    if kind == "wecom":
        lines = [
            f"**{report.headline()}**",
            *(f'> <font color="warning">{a.monitor}</font>: {a.detail}' for a in report.alerts),
        ]
        return {"msgtype": "markdown", "markdown": {"content": _cut("\n".join(lines))}}
    return {
        "source": "nianbao",
        "site": report.site,
        "run_id": report.run_id,
        "status": report.status,
        "alerts": [{"monitor": a.monitor, "detail": a.detail} for a in report.alerts],
        "passed": [{"monitor": a.monitor, "detail": a.detail} for a in report.passed],
    }


def dingtalk_signed(url: str, secret: str, timestamp_ms: int) -> str:
    """The robot's URL with the signature DingTalk checks."""
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    sign = urllib.parse.quote_plus(base64.b64encode(digest))
    return f"{url}{'&' if '?' in url else '?'}timestamp={timestamp_ms}&sign={sign}"


def send(url: str, kind: str, report: SiteAlerts, secret: str = "") -> None:
    """POST the alerts; WebhookError says why they did not arrive."""
    # Named without its query: a robot's URL carries its access token or key, kept out of the log.
    parts = urllib.parse.urlsplit(url)
    where = f"{parts.scheme}://{parts.netloc}{parts.path}"
    if secret and kind == "dingtalk":
        url = dingtalk_signed(url, secret, int(time.time() * 1000))
    body = json.dumps(payload(kind, report), ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json; charset=utf-8"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            answer = response.read(65536)
    except (urllib.error.URLError, OSError) as exc:
        raise WebhookError(f"webhook {where}: {getattr(exc, 'reason', exc)}") from None
    if kind in ("dingtalk", "wecom"):
        try:
            errcode = json.loads(answer).get("errcode", 0)
        except (ValueError, AttributeError):
            errcode = None
        if errcode != 0:
            raise WebhookError(f"webhook {where}: the robot refused the message: {answer[:200]!r}")
