"""Download handlers: how a request reaches a server (Scrapy's, with what old servers need)."""
