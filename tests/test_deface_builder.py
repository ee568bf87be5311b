"""The defacement builder writes a swapped name once, as a defacer's replacement does."""

from __future__ import annotations

from tests.bench.deface import build_page
from tests.helpers.paths import SHARED, shared_file


def test_a_brand_holding_the_place_s_bare_name_is_written_once() -> None:
    shared_file("seeds")
    built = build_page(SHARED, {"brand": "诸城汇", "style": "name_swap", "page": "004"}, ["诸城汇"])
    assert "诸城汇汇" not in built.html and "诸城汇市" in built.html
