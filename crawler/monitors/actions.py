"""What happens once a site's checks ran: the results are stored, and alerts sent to the webhook.

Spidermon actions: each reads its settings in `from_crawler_kwargs`. An action that fails is
recorded by Spidermon in the run's result; the extension logs it, and the crawl goes on.
"""

from __future__ import annotations

from typing import Any

from spidermon.core.actions import Action
from spidermon.exceptions import SkipAction

from crawler.monitors.results import save_results, site_alerts
from crawler.monitors.webhook import send


class StoreResults(Action):
    """Every check's result in `monitor_results`: the run, the site, the check, passed, what it saw."""

    def __init__(self, db_path: str) -> None:
        super().__init__()
        self.db_path = db_path

    @classmethod
    def from_crawler_kwargs(cls, crawler: Any) -> dict[str, Any]:
        return {"db_path": crawler.settings.get("NIANBAO_DB")}

    def run_action(self) -> None:
        run = self.data.history.run
        report = site_alerts(self.result, run)
        # A registry crawl hands them to its one writer (crawler/extensions/site_monitors.py).
        hand_over = self.data.get("hand_results_over")
        if hand_over is not None:
            hand_over(run, report)
        else:
            save_results(self.db_path, run, report)


class WebhookAlert(Action):
    """The failed checks, POSTed to NIANBAO_WEBHOOK in the form NIANBAO_WEBHOOK_KIND names."""

    def __init__(self, url: str, kind: str, secret: str = "") -> None:
        super().__init__()
        self.url = url
        self.kind = kind
        self.secret = secret

    @classmethod
    def from_crawler_kwargs(cls, crawler: Any) -> dict[str, Any]:
        return {
            "url": crawler.settings.get("NIANBAO_WEBHOOK") or "",
            "kind": crawler.settings.get("NIANBAO_WEBHOOK_KIND") or "generic",
            "secret": crawler.settings.get("NIANBAO_WEBHOOK_SECRET") or "",
        }

    def run_action(self) -> None:
        if not self.url:
            raise SkipAction("NIANBAO_WEBHOOK is not set")
        send(self.url, self.kind, site_alerts(self.result, self.data.history.run), self.secret)
