"""Scrapy extensions of our own: jobdir_lease.py (a JOBDIR that survives any death of its crawl)."""
