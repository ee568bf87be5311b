"""The sandbox that runs a page's inline scripts and records the links and requests they make."""

from __future__ import annotations

from .found import script_links, script_requests
from .sandbox import PageScripts, ScriptRun, page_scripts, run_page_scripts, same_host_sources

__all__ = [
    "PageScripts",
    "ScriptRun",
    "page_scripts",
    "run_page_scripts",
    "same_host_sources",
    "script_links",
    "script_requests",
]
