"""Clean pages of clean prose (tests/bench/clean_prose.py) come out untouched.

Reports, news pages, the reports of bodies a portal hosts and titles ending with what portals
write after their name, written as 28 kinds of body write them, with a portal's chrome and
sentences printed twice: no finding, no tampered flag, no sentence lost. Each kind of page is one test, listing the pages it touched.
"""

import pytest

from .bench.clean_prose import clean_pages, verdicts

PAGES = clean_pages()
KINDS = sorted({clean.name.split(":")[0] for clean in PAGES})


@pytest.mark.parametrize("kind", KINDS)
def test_clean_pages_are_left_alone(kind):
    assert verdicts([clean for clean in PAGES if clean.name.split(":")[0] == kind]) == []
