"""What the spider hands to the pipelines: one fetched URL, raw bytes and all."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PAGE = "page"
ATTACHMENT = "attachment"


@dataclass
class PageItem:
    url: str
    status: int | None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    depth: int = 0
    # Filled by ExtractPipeline: an extract.Report.
    report: Any = None
    # "page" or "attachment" (a PDF, Word or Excel file linked from a page).
    kind: str = PAGE
    # For an attachment: the page that links to it, that page's title and the link's text.
    parent_url: str | None = None
    parent_title: str | None = None
    link_text: str | None = None
    # A WAF challenge, geoblock or TLS failure: recorded, not fought.
    blocked_reason: str | None = None
    # 304 to a conditional request, or the same bytes as last time: not parsed again.
    unchanged: bool = False
    # Why the page was rendered in the browser (links built by scripts); None for plain HTTP.
    render_reason: str | None = None
