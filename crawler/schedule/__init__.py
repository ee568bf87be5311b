"""Scheduled crawls of a registry's sites: which are due (the statutory calendar, each site's
cadence, back-off after failures), claimed in `crawl_runs`, crawled in this process or on Scrapyd."""
