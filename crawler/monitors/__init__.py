"""Monitors: after each site's crawl, its run is checked against the site's earlier runs.

figures.py reads a run and the site's previous one from `crawl_runs`; checks.py holds the checks
(Spidermon monitors); actions.py stores their results and sends the alerts (webhook.py).
"""
