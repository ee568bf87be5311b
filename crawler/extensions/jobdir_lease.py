"""A JOBDIR that survives any death of its crawl: SIGKILL, the OOM killer, a power cut.

Scrapy writes a job's seen-request fingerprints (requests.seen) as it goes, but the queue's
pointers and the spider's state only when the crawl closes cleanly. Started again after an
unclean death, the job finds every request it made already seen and none of them queued: it
fetches nothing, finishes, and the store would call every report gone.

So a crawl holds a lease on its JOBDIR (nianbao-job.json: run id, pid, host, start time), written
before the scheduler reads the folder and marked closed only after Scrapy has saved the queue and
the state. A lease still open at the next start means the crawl before died: its fingerprints,
queue and state are stale and are removed before the scheduler opens them, and the crawl walks
the site again from its start URL under the same run id. Conditional requests and content hashes
(crawler/middlewares/conditional.py) make the pages stored before the death cheap to ask for
again: a 304 or identical bytes, not parsed again, only marked seen by this run. The page budget
starts again with the walk, so the same pages are fetched as by a crawl that never stopped.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import shutil
import socket
from pathlib import Path
from typing import Any
from uuid import uuid4

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.job import job_dir

from crawler.store.database import utcnow

logger = logging.getLogger(__name__)

LEASE = "nianbao-job.json"
# What Scrapy keeps in a JOBDIR; stale together after an unclean death.
SCRAPY_JOB_FILES = ("requests.seen", "requests.queue", "spider.state")


def read_lease(jobdir: str | Path) -> dict[str, Any] | None:
    try:
        return json.loads((Path(jobdir) / LEASE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def resumed_run_id(jobdir: str | None) -> str | None:
    """The run a JOBDIR belongs to: a resumed crawl is the same run, so the pages its first part
    stored count as seen (else the end of the crawl would call their reports gone)."""
    if not jobdir:
        return None
    lease = read_lease(jobdir)
    if lease and lease.get("run_id"):
        return lease["run_id"]
    state = Path(jobdir) / "spider.state"  # a JOBDIR paused before leases were written
    try:
        with state.open("rb") as file:
            return pickle.load(file).get("run_id")  # noqa: S301 - our own file
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return None


def discard_stale_job(jobdir: Path) -> list[str]:
    """Remove what Scrapy left of a crawl that died; returns the names removed."""
    removed = []
    for name in SCRAPY_JOB_FILES:
        path = jobdir / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        else:
            continue
        removed.append(name)
    return removed


def _write(path: Path, lease: dict[str, Any]) -> None:
    # Written aside and renamed: a death while writing leaves the old lease, never half a file.
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(lease), encoding="utf-8")
    temporary.replace(path)


class JobdirLease:
    def __init__(self, jobdir: str, run_id: str | None):
        self.path = Path(jobdir) / LEASE
        previous = read_lease(jobdir)
        self.unclean = previous is not None and not previous.get("closed")
        self.run_id = run_id or resumed_run_id(jobdir) or uuid4().hex[:12]
        self.discarded: list[str] = []
        if self.unclean:
            self.discarded = discard_stale_job(Path(jobdir))
            logger.warning(
                "the crawl of %s (pid %s on %s) died without closing; discarded its stale %s and "
                "walking the site again as run %s",
                jobdir,
                previous.get("pid"),
                previous.get("host"),
                ", ".join(self.discarded) or "nothing",
                self.run_id,
            )
        Path(jobdir).mkdir(parents=True, exist_ok=True)
        self.lease = {
            "run_id": self.run_id,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started_at": utcnow(),
            "closed": False,
        }
        _write(self.path, self.lease)

    @classmethod
    def from_crawler(cls, crawler: Any) -> JobdirLease:
        jobdir = job_dir(crawler.settings)
        if not jobdir:
            raise NotConfigured
        lease = cls(jobdir, crawler.settings.get("NIANBAO_RUN_ID"))
        if lease.unclean:
            crawler.stats.set_value("nianbao/resumed_after_unclean_stop", 1)
        # Enabled after Scrapy's SpiderState, so this handler runs after the state is saved.
        crawler.signals.connect(lease.spider_closed, signal=signals.spider_closed)
        return lease

    def spider_closed(self) -> None:
        _write(self.path, {**self.lease, "closed": True, "closed_at": utcnow()})
