"""`tests.bench.speed --base REV --rounds N` reads the base revision's ratios from what its bench
printed: the page sets' rows, and the `all` row an older bench did not print, from its sets."""

import pytest

from .bench.speed import printed_ratios

# As 8517f8a's bench prints its table: no `all` row.
OLDER = """page set   pages |  bare ms process ms  ratio | memos emptied | first visit | worst page (ratio)
portal         8 |     21.6       16.9  0.79x |         0.80x |       0.95x | portal:t20180330_1234567.html (1.63x)
injected      72 |      6.0        6.8  1.15x |         1.38x |       1.80x | inject:004-brand_swap (1.88x)
corpus        19 |     26.3       27.7  1.06x |         1.05x |       0.73x | corpus:x/1.html (2.11x)

per stage, ms per page over all 99 pages (bare trafilatura 12.43 ms):
  decode                    0.21   0.02x of bare
  process()                13.35   1.07x of bare
"""
NEWER = OLDER.replace(
    "\n\nper stage",
    "\nall           99 |     12.8       13.8  1.08x |         1.16x |       1.16x | corpus:x/1.html (2.11x)\n\nper stage",
)


def test_each_page_set_s_ratio_as_printed():
    ratios = printed_ratios(OLDER)
    assert (ratios["portal"], ratios["injected"], ratios["corpus"]) == (0.79, 1.15, 1.06)


def test_the_stage_lines_are_no_page_set():
    assert set(printed_ratios(OLDER)) == {"portal", "injected", "corpus", "all"}


def test_an_older_bench_s_all_row_is_its_sets_weighted_by_pages():
    expected = (8 * 16.9 + 72 * 6.8 + 19 * 27.7) / (8 * 21.6 + 72 * 6.0 + 19 * 26.3)
    assert printed_ratios(OLDER)["all"] == pytest.approx(expected)


def test_a_printed_all_row_is_read_as_printed():
    assert printed_ratios(NEWER)["all"] == 1.08
