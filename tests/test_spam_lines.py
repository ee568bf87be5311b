"""A line's reading from a batch of lines equals its reading alone, over the bench pages' lines.

The lexicon reads the lines of long texts, and the items of keyword lists, in batches
(lexicon._read_lines) and remembers each line's reading: the answer must not depend on
which lines shared its batch.
"""

from __future__ import annotations

import pytest

from extract import caches, pipeline
from extract.spam import lexicon

from .bench.speed import corpus_pages, injected_pages, portal_pages

PAGE_SETS = {"portal": portal_pages, "injected": injected_pages, "corpus": corpus_pages}


def _batches(monkeypatch: pytest.MonkeyPatch, pages: list[tuple[str, bytes, str]]) -> list[tuple[str, dict]]:
    """Every batch the lexicon reads while the pages are processed, with its readings."""
    read = lexicon._read_lines
    found: list[tuple[str, dict]] = []

    def recorded(batch, lexicon_, *convert):  # type: ignore[no-untyped-def]
        readings = read(batch, lexicon_, *convert)
        found.append((batch, readings))
        return readings

    monkeypatch.setattr(lexicon, "_read_lines", recorded)
    caches.reset_caches(caches.MEMO)
    for _, body, url in pages:
        pipeline.process(body, url)
    caches.reset_caches(caches.MEMO)
    return found


@pytest.mark.parametrize("page_set", PAGE_SETS)
def test_a_line_read_in_a_batch_is_read_as_alone(monkeypatch: pytest.MonkeyPatch, page_set: str) -> None:
    pages = PAGE_SETS[page_set]()
    if not pages:
        pytest.skip(f"the {page_set} pages need ../shared")
    batches = [(batch, readings) for batch, readings in _batches(monkeypatch, pages) if "\n" in batch]
    assert batches  # long texts and keyword lists are read in batches on these pages
    load = lexicon.load_lexicon()
    alone: dict[str, object] = {}
    for batch, readings in batches:
        for line, reading in readings.items():
            if line not in alone:
                alone[line] = lexicon._read_lines(line, load).get(line)
                assert lexicon._hits_of_lines([line], [reading], load) == lexicon._hits(line, load), line
            assert reading == alone[line], (line, batch)
