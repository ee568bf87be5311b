"""What the spider hands to the pipelines: one fetched URL, raw bytes and all."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
