"""The JOBDIR lease (crawler/extensions/jobdir_lease.py): what a crawl that died left in its JOBDIR
is discarded at the next start, what a cleanly paused one left is kept, and the run id survives both."""

from __future__ import annotations

import json
import pickle

import pytest

from crawler.extensions.jobdir_lease import LEASE, JobdirLease, read_lease, resumed_run_id


@pytest.fixture
def jobdir(tmp_path):
    folder = tmp_path / "job"
    folder.mkdir()
    (folder / "requests.seen").write_text("0123abcd\n")
    (folder / "requests.queue").mkdir()
    (folder / "requests.queue" / "active.json").write_text("[]")
    (folder / "spider.state").write_bytes(pickle.dumps({"requested": 40, "run_id": "old"}))
    return folder


def _lease(folder, **fields) -> None:
    (folder / LEASE).write_text(json.dumps({"run_id": "r1", "pid": 1, "host": "h", **fields}))


def test_a_lease_left_open_discards_the_stale_job(jobdir):
    _lease(jobdir, closed=False)
    lease = JobdirLease(str(jobdir), None)
    assert lease.unclean
    assert sorted(p.name for p in jobdir.iterdir()) == [LEASE]


def test_the_run_id_survives_an_unclean_death(jobdir):
    _lease(jobdir, closed=False)
    assert JobdirLease(str(jobdir), None).run_id == "r1"
    assert resumed_run_id(str(jobdir)) == "r1"


def test_a_closed_lease_keeps_the_paused_job(jobdir):
    _lease(jobdir, closed=True)
    lease = JobdirLease(str(jobdir), None)
    assert not lease.unclean
    assert {"requests.seen", "requests.queue", "spider.state"} <= {p.name for p in jobdir.iterdir()}


def test_a_clean_close_marks_the_lease_closed(jobdir):
    lease = JobdirLease(str(jobdir), "r2")
    assert read_lease(jobdir)["closed"] is False
    lease.spider_closed()
    assert read_lease(jobdir) | {"closed_at": None} == {**lease.lease, "closed": True, "closed_at": None}


def test_a_jobdir_paused_before_leases_keeps_its_run_id(jobdir):
    assert resumed_run_id(str(jobdir)) == "old"
