"""Scrapyd's HTTP API, as `nianbao schedule --scrapyd URL` uses it: check the server and the
deployed project, send one job per due site, list the jobs it still has.

Each job gets the run id as its Scrapyd job id and as NIANBAO_RUN_ID, and the database as an
absolute NIANBAO_DB (Scrapyd runs jobs in its own folder), so it writes the run the scheduler
claimed into the same database as a crawl in this process would.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from crawler.registry import Site

PROJECT = "nianbao"  # scrapy.cfg's [deploy] project
SPIDER = "portal"
# Seconds for one API call. Scrapyd answers from one thread, which also starts each job's
# process: on a busy machine an answer can take several seconds, and a round that gave up on
# it would end with an error instead of sending its jobs.
TIMEOUT = 30


class ScrapydError(Exception):
    """The server cannot be reached, or answered an error; the message says which."""


class Scrapyd:
    def __init__(self, url: str, project: str = PROJECT, spider: str = SPIDER) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ScrapydError(f"--scrapyd {url!r}: expected an http(s) URL, such as http://localhost:6800/")
        self.url = url if url.endswith("/") else url + "/"
        self.project = project
        self.spider = spider

    def check(self) -> None:
        """The server answers and has the project's spider deployed."""
        self._call("daemonstatus.json")
        spiders = self._call("listspiders.json", project=self.project).get("spiders", [])
        if self.spider not in spiders:
            raise ScrapydError(
                f"Scrapyd at {self.url}: project {self.project} has no spider {self.spider} "
                "(deploy it first: scrapyd-deploy)"
            )

    def submit(self, site: Site, run_id: str, db_path: str) -> str:
        """Send the site's crawl as job `run_id`; returns the job id Scrapyd gave it."""
        fields = [
            ("project", self.project),
            ("spider", self.spider),
            ("jobid", run_id),
            ("url", site.url),
            ("run_id", run_id),
            ("setting", f"NIANBAO_DB={Path(db_path).resolve()}"),
            ("setting", f"NIANBAO_RUN_ID={run_id}"),
        ]
        if site.max_pages:
            fields.append(("max_pages", str(site.max_pages)))
        return self._call("schedule.json", data=fields)["jobid"]

    def active_jobs(self) -> set[str]:
        """Ids of the project's pending and running jobs."""
        jobs = self._call("listjobs.json", project=self.project)
        return {job["id"] for state in ("pending", "running") for job in jobs.get(state, [])}

    def _call(
        self, endpoint: str, data: list[tuple[str, str]] | None = None, **params: str
    ) -> dict[str, Any]:
        url = self.url + endpoint + ("?" + urllib.parse.urlencode(params) if params else "")
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with urllib.request.urlopen(url, data=body, timeout=TIMEOUT) as response:
                answer = json.loads(response.read())
        except urllib.error.HTTPError as exc:
            raise ScrapydError(f"Scrapyd at {self.url}: {endpoint} answered HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ScrapydError(f"Scrapyd at {self.url} cannot be reached: {reason}") from None
        except ValueError:
            raise ScrapydError(f"Scrapyd at {self.url}: {endpoint} did not answer JSON") from None
        if answer.get("status") != "ok":
            message = answer.get("message", answer)
            raise ScrapydError(f"Scrapyd at {self.url}: {endpoint}: {message}")
        return answer
