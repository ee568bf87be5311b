"""Links in a JSON answer of a list API: every object with a URL and, where it has one, a title.

List APIs (Guangdong's gkmlpt, a script's fetch of a column) answer with records such as
{"title": …, "url": …}; the key names vary, so any object whose value under a link-like key
is an address counts, and its title-like value is the link text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urldefrag, urljoin

from crawler.cms.base import FoundLink

URL_KEYS = ("url", "link", "href", "linkurl", "docurl", "pageurl", "path")
TITLE_KEYS = ("title", "name", "doctitle", "text", "subject")
# Nesting deeper than this is not a list of records.
MAX_DEPTH = 8


def is_json(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def _records(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _records(value, depth + 1)
    elif isinstance(node, list):
        for value in node:
            yield from _records(value, depth + 1)


def _pick(record: dict[str, Any], keys: tuple[str, ...]) -> str:
    lowered = {str(k).lower(): v for k, v in record.items()}
    return next((lowered[k] for k in keys if isinstance(lowered.get(k), str) and lowered[k].strip()), "")


def json_links(text: str, page_url: str) -> list[FoundLink]:
    """The records' links, absolute, once each, in answer order."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    found: dict[str, FoundLink] = {}
    for record in _records(data):
        href = _pick(record, URL_KEYS).strip()
        if not href or href.startswith(("javascript:", "#")) or " " in href:
            continue
        url = urldefrag(urljoin(page_url, href))[0]
        found.setdefault(url, FoundLink(url, _pick(record, TITLE_KEYS).strip()))
    return list(found.values())
