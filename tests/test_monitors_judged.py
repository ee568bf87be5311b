"""Which runs the monitors judge: a run that walked its site, not one paused or stopped before the
end of it, nor one that is not recorded."""

from __future__ import annotations

import pytest

from crawler.extensions.site_monitors import history_to_judge
from crawler.store import Store

SITE = "http://127.0.0.1:8000/index.html"


@pytest.fixture
def store(tmp_path):
    store = Store(str(tmp_path / "reports.db"))
    yield store
    store.close()


def _run(store: Store, run_id: str, status: str) -> None:
    store.start_run(run_id, SITE)
    store.finish_run(run_id, status)


def test_a_finished_run_is_judged(store):
    _run(store, "finished1", "finished")
    assert history_to_judge(store.db, "finished1").run.run_id == "finished1"


def test_a_run_paused_before_the_end_of_its_site_is_not_judged(store):
    _run(store, "paused1", "shutdown")
    assert history_to_judge(store.db, "paused1") is None


def test_a_run_not_recorded_is_not_judged(store):
    assert history_to_judge(store.db, "nosuchrun") is None
