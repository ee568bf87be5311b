"""Every cache of extract/ is named in extract/caches.py, empties, and changes no output."""

from __future__ import annotations

import ast
import importlib
import json
import random
from pathlib import Path

from extract import caches, pipeline

EXTRACT = Path(__file__).resolve().parents[1] / "extract"
PORTAL = Path(__file__).resolve().parents[1] / "crawler" / "demo" / "sample_portal" / "xxgk" / "ndbg"


def _modules() -> list[str]:
    root = EXTRACT.parent
    names = [".".join(path.relative_to(root).with_suffix("").parts) for path in EXTRACT.rglob("*.py")]
    return sorted(name.removesuffix(".__init__") for name in names if "data" not in name.split("."))


def test_every_named_cache_is_declared_by_its_module() -> None:
    for name in _modules():
        importlib.import_module(name)
    assert set(caches.registered()) == set(caches.CACHES)


def test_nothing_in_extract_caches_outside_the_registry() -> None:
    for path in EXTRACT.rglob("*.py"):
        if path.name == "caches.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "functools":
                assert not {a.name for a in node.names} & {"cache", "lru_cache"}, path
            if isinstance(node, ast.Attribute) and node.attr in ("lru_cache", "cache"):
                assert not (isinstance(node.value, ast.Name) and node.value.id == "functools"), path


def _pages() -> list[tuple[str, bytes]]:
    pages = [
        (f"http://sample-portal.localhost/xxgk/ndbg/{path.parent.name}/{path.name}", path.read_bytes())
        for path in sorted(PORTAL.glob("*/t*.html"))
    ]
    assert pages, PORTAL  # the sample portal moved once, and these tests passed on nothing
    return pages


def _entries(cache: object) -> int:
    info = getattr(cache, "cache_info", None)
    return info().currsize if callable(info) else len(cache)  # type: ignore[arg-type]


def test_reset_caches_empties_every_cache() -> None:
    for url, body in _pages():
        pipeline.process(body, url)
    assert any(_entries(cache) for cache in caches.registered().values())
    caches.reset_caches()
    assert {name: _entries(cache) for name, cache in caches.registered().items() if _entries(cache)} == {}


def test_output_does_not_depend_on_the_pages_before() -> None:
    pages = _pages()
    caches.reset_caches()
    first = {
        url: json.dumps(pipeline.process(body, url).to_json(), ensure_ascii=False) for url, body in pages
    }
    caches.reset_caches()
    shuffled = pages[::-1] + random.Random(5).sample(pages, len(pages))
    for url, body in shuffled:
        assert json.dumps(pipeline.process(body, url).to_json(), ensure_ascii=False) == first[url], url
