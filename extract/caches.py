"""Every process-global cache of extract/, named here, and reset_caches() to empty them all.

Two kinds, both bounded:

- loaded: package data read once (lexicons, the gazetteer, OpenCC converters,
  compiled pattern sets). A crawl loads each once; emptying them costs a reload.
- memo: answers of a pure function of its key (a cell, a style, a short text), kept
  because pages repeat the same texts. Each answer depends on its key alone, never on
  which pages came before, so reset_caches() changes no output.

A module declares its cache with @loaded(n) or @memo(n), or registers an object
with register() (the spam lexicon's line memo). CACHES
lists every name; tests/test_caches.py checks that the modules declare exactly these
and that nothing in extract/ caches outside this module.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, Protocol, TypeVar

LOADED, MEMO = "loaded", "memo"

# Every cache, by module and name, with its kind.
CACHES: dict[str, str] = {
    "extract.clean._shared_options": LOADED,
    "extract.gazetteer.gazetteer": LOADED,
    "extract.labels._packaged_index": LOADED,
    "extract.labels._packaged_meaning": MEMO,
    "extract.labels.load_legacy_lexicon": LOADED,
    "extract.labels.normalise_label": MEMO,
    "extract.labels.normalise_text": MEMO,
    "extract.legacy_meaning._by_first_need": LOADED,
    "extract.legacy_meaning._signatures_by_key": LOADED,
    "extract.legacy_meaning.read_concepts": MEMO,
    "extract.legacy_table.classify_line": MEMO,
    "extract.legacy_meaning.signatures": LOADED,
    "extract.legacy_meaning.vocabulary": LOADED,
    "extract.metadata_grid._first_characters": LOADED,
    "extract.metadata_grid._label_pattern": LOADED,
    "extract.metadata_grid.metadata_labels": LOADED,
    "extract.numbers.clean_cell": MEMO,
    "extract.numbers.parse_cell": MEMO,
    "extract.prose.era_patterns": LOADED,
    "extract.prose.load_prose_patterns": LOADED,
    "extract.script._rewritten_by": LOADED,
    "extract.script.converter": LOADED,
    "extract.spam.hosts._extractor": LOADED,
    "extract.spam.dom.hiding_technique": MEMO,
    "extract.spam.hosts.registrable_domain": MEMO,
    "extract.spam.hosts.is_foreign_to": MEMO,
    "extract.spam.scripts.script_findings": MEMO,
    "extract.spam.fold._recent_simplified": MEMO,
    "extract.spam.lexicon._LINES": MEMO,
    "extract.spam.lexicon._long_hits": MEMO,
    "extract.spam.lexicon._packaged_hits": MEMO,
    "extract.spam.lexicon.load_lexicon": LOADED,
    "extract.spam.navlabels._columns_by_initials": LOADED,
    "extract.spam.navlabels._column_bigrams": LOADED,
    "extract.spam.navlabels._initial_slugs": MEMO,
    "extract.spam.navlabels._initials": MEMO,
    "extract.spam.navlabels._could_be_a_name": MEMO,
    "extract.spam.navlabels._outside_the_columns": MEMO,
    "extract.spam.phrase_scan.phrase_patterns": LOADED,
    "extract.spam.shape.load_shapes": LOADED,
    "extract.spam.shape.pinyin_syllables": LOADED,
    "extract.spam.slots._upper_short_names": LOADED,
    "extract.spam.slots._province_names": LOADED,
    "extract.spam.slots.body_ends": LOADED,
    "extract.spam.inner_names._name_ends": LOADED,
    "extract.spam.inner_names._reversed_name_ends": LOADED,
    "extract.spam.inner_names._place_ends": LOADED,
    "extract.spam.called._ends": LOADED,
    "extract.spam.text.is_spam_item": MEMO,
    "extract.spam.text._pinyin_readings": MEMO,
    "extract.spam.words.holds_a_word": MEMO,
    "extract.spam.words.word_counts": LOADED,
    "extract.spam.words.verbs_and_qualities": LOADED,
    "extract.spam.words.set_phrases": LOADED,
    "extract.spam.words._gathering_openers": LOADED,
    "extract.spam.words.report_labels": LOADED,
    "extract.spam.words.report_words": LOADED,
    "extract.spam.labels._policy_words": LOADED,
    "extract.spam.labels._latin_edges": MEMO,
    "extract.tables.legacy_columns.early_wording": LOADED,
    "extract.tables.lexicon._entries": LOADED,
    "extract.tables.lexicon.table_keys": LOADED,
    "extract.validation.indicators.load_indicators": LOADED,
    "extract.validation.indicators.table3_rows": LOADED,
    "extract.validation.table3._result_cells": LOADED,
    "extract.validation.table3._row_cells": LOADED,
}


class Clearable(Protocol):
    def cache_clear(self) -> None: ...


_registered: dict[str, Clearable] = {}

F = TypeVar("F", bound=Callable[..., Any])


def register(name: str, cache: Clearable) -> None:
    """Register a cache object under its name in CACHES."""
    if name not in CACHES:
        raise KeyError(f"{name} is not named in extract/caches.py")
    _registered[name] = cache


def _declare(kind: str, maxsize: int) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        name = f"{func.__module__}.{func.__qualname__}"
        if CACHES.get(name) != kind:
            raise KeyError(f"{name} is not named in extract/caches.py as a {kind} cache")
        cached = lru_cache(maxsize=maxsize)(func)
        register(name, cached)
        return cached  # type: ignore[return-value]

    return decorate


def loaded(maxsize: int = 1) -> Callable[[F], F]:
    """Package data, one entry per distinct argument (a handful at most)."""
    return _declare(LOADED, maxsize)


def memo(maxsize: int) -> Callable[[F], F]:
    """The answers of a pure function, the least recently used forgotten first."""
    return _declare(MEMO, maxsize)


def registered(kind: str | None = None) -> dict[str, Clearable]:
    """The caches of the modules imported so far (of one kind, or all)."""
    return {name: cache for name, cache in _registered.items() if kind is None or CACHES[name] == kind}


def reset_caches(kind: str | None = None) -> None:
    """Empty every cache (or those of one kind); the next page loads and computes afresh."""
    for cache in registered(kind).values():
        cache.cache_clear()
