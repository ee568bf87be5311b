"""Main text: trafilatura removes the site chrome around the article.

trafilatura works on the DOM after our own spam stage has removed injected
nodes, so link farms hidden inside the article do not survive into the text.
When trafilatura finds no article (very short pages, list pages), the visible
lines are the text: losing the page is worse than keeping some chrome.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy

import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

from .caches import loaded


@loaded()
def _shared_options() -> Extractor:
    """The options of every page but its URL. Building them reads trafilatura's configuration
    (a dozen ConfigParser lookups, a tenth of a millisecond), so they are built once and copied."""
    return Extractor(
        comments=False,
        tables=False,
        links=False,
        dedup=False,
        # Skip the readability/jusText comparison: government article pages keep their body
        # in one container that the main extractor finds, and the comparison doubles the cost.
        fast=True,
    )


def extraction_options(url: str) -> Extractor:
    options = copy(_shared_options())
    options.url = url
    options.source = url.encode("utf-8", "replace").decode("utf-8") if url else None
    return options


def main_text(tree: etree._Element, url: str, fallback_lines: Sequence[str]) -> str:
    text = trafilatura.extract(tree, url=url, options=extraction_options(url))
    if text and text.strip():
        return text.strip()
    return "\n".join(line for line in fallback_lines if line.strip())
