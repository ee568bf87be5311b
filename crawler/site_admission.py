"""Which waiting site of a registry crawl may start now: politeness per server, not only per site.

Each site's crawler makes one request at a time to its site, but a 站群 platform serves dozens
of county sites from one server, and a window of sites from one registry could send that server
a request per site at once. Two limits hold across the window (crawler/run.py):

- sites of one registry `group` are never active together, so the group's server sees one
  request at a time, each after its site's delay, as if the group shared one download slot;
- at most `per_ip` sites whose hosts resolve to one IP address are active together, so no
  address has more than `per_ip` requests in flight (Scrapy's CONCURRENT_REQUESTS_PER_IP, held
  across the crawlers of the window: each crawler has its own downloader, and Scrapy's setting
  inside one would key that site's slot by address and let the site itself have `per_ip`).

A host is resolved once, when it is first considered; one that cannot be resolved counts as an
address of its own (its crawl then records the failure as any crawl does).
"""

from __future__ import annotations

import ipaddress
from collections import Counter
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from crawler.registry import Site

# Hosts looked up at once: enough to fill a window, never the whole registry at once.
RESOLVING_AT_ONCE = 16


class SiteAdmission:
    def __init__(self, per_ip: int, resolve: Callable[[str], Any] | None = None) -> None:
        self.per_ip = per_ip
        # host -> Deferred of its address (Twisted's reactor.resolve), None for plain values
        self.resolve = resolve
        self.addresses: dict[str, str] = {}
        self.resolving: set[str] = set()
        self.groups: set[str] = set()
        self.per_address: Counter[str] = Counter()
        # Called when an address becomes known, so the window can look again.
        self.on_resolved: Callable[[], None] = lambda: None

    def may_start(self, site: Site) -> bool:
        if site.group and site.group in self.groups:
            return False
        if not self.per_ip:
            return True
        address = self._address(site)
        return address is not None and self.per_address[address] < self.per_ip

    def started(self, site: Site) -> None:
        if site.group:
            self.groups.add(site.group)
        if self.per_ip:
            self.per_address[self.addresses.get(_host(site), _host(site))] += 1

    def finished(self, site: Site) -> None:
        self.groups.discard(site.group)
        if self.per_ip:
            self.per_address[self.addresses.get(_host(site), _host(site))] -= 1

    def _address(self, site: Site) -> str | None:
        host = _host(site)
        if host in self.addresses:
            return self.addresses[host]
        try:
            self.addresses[host] = str(ipaddress.ip_address(host))
            return self.addresses[host]
        except ValueError:
            pass
        if self.resolve is None:
            self.addresses[host] = host
            return host
        if host not in self.resolving and len(self.resolving) < RESOLVING_AT_ONCE:
            self.resolving.add(host)
            resolved = self.resolve(host)
            resolved.addCallbacks(self._resolved, self._unresolved, callbackArgs=(host,), errbackArgs=(host,))
        return None

    def _resolved(self, address: str, host: str) -> None:
        self.resolving.discard(host)
        self.addresses[host] = address
        self.on_resolved()

    def _unresolved(self, failure: Any, host: str) -> None:
        self._resolved(host, host)


def _host(site: Site) -> str:
    return (urlsplit(site.url).hostname or "").lower()
