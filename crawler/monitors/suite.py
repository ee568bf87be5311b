"""The suite run after each site's crawl: every check, the results stored, alerts sent."""

from __future__ import annotations

from spidermon import MonitorSuite

from crawler.monitors.actions import StoreResults, WebhookAlert
from crawler.monitors.checks import MONITORS


class SiteMonitorSuite(MonitorSuite):
    monitors = list(MONITORS)
    monitors_finished_actions = [StoreResults]
    monitors_failed_actions = [WebhookAlert]
