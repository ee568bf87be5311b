"""A host's download slot, reached through the downloader's public attributes.

Scrapy creates a slot when the first request for its key is queued, which is after the
downloader middlewares have seen that request. Until the slot exists, a delay is written
where the new slot will read it: the downloader's `per_slot_settings` (DOWNLOAD_SLOTS).
"""

from __future__ import annotations

from typing import Any

from scrapy import Request


def download_slot(downloader: Any, request: Request) -> tuple[str, Any | None]:
    """The request's slot key, and its slot once the downloader has made it."""
    key = downloader.get_slot_key(request)
    return key, downloader.slots.get(key)


def set_min_delay(downloader: Any, request: Request, delay: float) -> None:
    """No two requests of this request's slot start closer than `delay` seconds, without jitter."""
    key, slot = download_slot(downloader, request)
    if slot is None:
        planned = downloader.per_slot_settings.setdefault(key, {})
        planned["delay"] = max(float(planned.get("delay", 0.0)), delay)
        planned["jitter"] = 0.0
        return
    slot.delay = max(slot.delay, delay)
    slot.jitter = 0.0
