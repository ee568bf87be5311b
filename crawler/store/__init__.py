"""The SQLite store: schema and migrations, views, the Store that writes fetches and reports,
re-crawl bookkeeping and the checks across a body's years."""

from crawler.store.database import StorageError, Store, report_key, utcnow

__all__ = ["StorageError", "Store", "report_key", "utcnow"]
