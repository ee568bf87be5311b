"""Defaced pages built from the seeds and the real pages in ../shared, extracted once."""

from __future__ import annotations

from extract import process
from extract.model import Report

from ..bench.deface import build_page
from .paths import SHARED, shared_file


def defaced_report(brand: str, style: str, page: str, brands: list[str] | None = None) -> Report:
    """The report of `page` (a seed, or corpus:<folder>) defaced with `brand` in `style`; a
    clean skip where ../shared is absent."""
    shared_file("seeds")
    if page.startswith("corpus:"):
        shared_file("corpus", "real", page.removeprefix("corpus:"), "index.html")
    built = build_page(SHARED, {"brand": brand, "style": style, "page": page}, brands or [brand])
    return process(built.html.encode("utf-8"), built.url)
