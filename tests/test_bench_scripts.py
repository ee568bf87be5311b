"""`nianbao bench scripts` runs the sandbox over the sample portal's script list pages next to
their parse and prints the ratio; its figures are measurements, so only their shape is tested."""

from __future__ import annotations

import pytest

from .helpers.cli import nianbao
from .helpers.paths import REPO


@pytest.fixture(scope="module")
def printed():
    return nianbao("bench", "scripts", "--rounds", "1", cwd=REPO)


def _rows(printed) -> list[list[str]]:
    return [line.split() for line in printed.stdout.splitlines() if line.startswith("xxgk/")]


def test_exits_cleanly(printed):
    assert printed.returncode == 0, printed.stderr[-2000:]


def test_every_script_list_page_has_a_row_whose_sandbox_found_its_pager(printed):
    assert [(row[0], row[-1]) for row in _rows(printed)] == [
        ("xxgk/ndbg/index.html", "2"),
        ("xxgk/ndbg/index_1.html", "2"),
        ("xxgk/ndbg/index_2.html", "2"),
    ]


def test_the_ratio_over_all_pages_is_printed(printed):
    (total,) = [line.split() for line in printed.stdout.splitlines() if line.startswith("all pages")]
    parse, sandbox, ratio = (float(v) for v in total[2:5])
    assert ratio == pytest.approx(sandbox / parse, abs=0.01)
