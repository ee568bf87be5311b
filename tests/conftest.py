"""Fixtures and hooks only; the code tests share lives in tests/helpers/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Helpers assert on behalf of tests: let pytest explain their failures as it does a test's.
pytest.register_assert_rewrite("tests.helpers")

from .helpers.paths import SHARED  # noqa: E402

# The crawls of the tests parse in the crawl's process, each of a few pages, unless a test says
# otherwise: a registry crawl's default worker process (crawler/run.py) would add an interpreter's
# start to each. tests/test_registry_extract_workers.py crawls with the default and with workers.
os.environ.setdefault("NIANBAO_EXTRACT_WORKERS", "0")


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory) -> Path:
    """A database built once per run by the real `nianbao demo`; tests only read it."""
    from .helpers.datasette import build_demo

    return build_demo(tmp_path_factory.mktemp("demo") / "reports.db")


@pytest.fixture(scope="session")
def deployed_scrapyd(tmp_path_factory):
    """A real Scrapyd running one job at a time, with the project deployed to it by
    scrapyd-deploy, started once per run for the tests of the project on Scrapyd."""
    from .helpers.scrapyd import Deployment, copy_project, deploy, require_scrapyd, running_scrapyd

    require_scrapyd()
    home = tmp_path_factory.mktemp("scrapyd")
    project = copy_project(tmp_path_factory.mktemp("checkout"))
    with running_scrapyd(home, max_proc=1) as base:
        yield Deployment(base, home, project, deploy(project, base))


# Each worker starts crawls, servers and browsers of its own: past four, a large machine gains
# little and holds many processes.
MAX_WORKERS = 4


def pytest_xdist_auto_num_workers(config) -> int:
    return max(1, min(MAX_WORKERS, len(os.sched_getaffinity(0))))


def pytest_collection_modifyitems(config, items):
    """Tests marked `shared` skip, with the reason, where ../shared is absent (a fresh clone)."""
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=f"{SHARED} is not available (seed reports, corpus, spec)")
    for item in items:
        if item.get_closest_marker("shared"):
            item.add_marker(skip)
