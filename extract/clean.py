"""Main text: trafilatura removes the site chrome around the article.

trafilatura works on the DOM after our own spam stage has removed injected
nodes, so link farms hidden inside the article do not survive into the text.
When trafilatura finds no article (very short pages, list pages), the visible
lines are the text: losing the page is worse than keeping some chrome.
"""

from __future__ import annotations

from collections.abc import Sequence

import trafilatura
from lxml import etree


def main_text(tree: etree._Element, url: str, fallback_lines: Sequence[str]) -> str:
    text = trafilatura.extract(
        tree,
        url=url,
        include_tables=False,
        include_comments=False,
        include_links=False,
        deduplicate=False,
        # Skip the readability/jusText comparison: government article pages keep their body
        # in one container that the main extractor finds, and the comparison doubles the cost.
        fast=True,
    )
    if text and text.strip():
        return text.strip()
    return "\n".join(line for line in fallback_lines if line.strip())
