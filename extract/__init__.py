"""nianbao's extraction library: raw page bytes in, a parsed report out.

It never imports Scrapy, so it can run on saved pages, in tests and in other
crawlers alike. `process` is imported on first use, so that a single stage
(`extract.decode`, say) can be used without loading trafilatura.
"""

from typing import Any

from .model import Report
from .options import Options

__all__ = ["Options", "Report", "process"]


def __getattr__(name: str) -> Any:
    if name == "process":
        from .pipeline import process

        return process
    raise AttributeError(name)
