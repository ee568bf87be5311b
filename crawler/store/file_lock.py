"""A lock between processes that open the same database at once (workers of a distributed crawl).

Opening a store (re)creates its tables and views outside any transaction, so two processes
doing it at the same moment collide ("view ... already exists"). They take turns on a lock
file beside the database. SQLite's own locks are left alone: they sit on the database file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: one process per database, as before
    fcntl = None  # type: ignore[assignment]


@contextmanager
def held(db_path: Path) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    with open(f"{db_path}.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
