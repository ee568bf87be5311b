"""CMS adapters: one per family of government-portal software, on a shared base."""

from __future__ import annotations

from parsel import Selector

from .base import CmsAdapter, FoundLink, ListRequest
from .generic import GenericAdapter
from .gkmlpt import GkmlptAdapter
from .hanweb import HanwebAdapter
from .shanghai import ShanghaiAdapter

# TRS pagers (createPageHTML and the rest) are run, not read: crawler/scripts/.
ADAPTERS: tuple[CmsAdapter, ...] = (HanwebAdapter(), ShanghaiAdapter(), GkmlptAdapter(), GenericAdapter())

__all__ = ["ADAPTERS", "CmsAdapter", "FoundLink", "ListRequest", "adapters_for"]


def adapters_for(page: Selector) -> list[CmsAdapter]:
    """Every adapter whose family's markers the parsed page carries (a page may mix two)."""
    return [adapter for adapter in ADAPTERS if adapter.matches(page)]
