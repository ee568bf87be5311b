"""Whose a link is: the registrable domain of a host, and the hosts every portal trusts."""

from __future__ import annotations

from urllib.parse import urlsplit

import tldextract

from ..caches import loaded, memo

# Government infrastructure that legitimately appears on every portal (spec §3.14, P8 allowlist).
TRUSTED_DOMAINS = frozenset(("gov.cn", "conac.cn", "kaipuyun.cn", "beian.gov.cn", "miit.gov.cn", "12377.cn"))


@loaded()
def _extractor() -> tldextract.TLDExtract:
    # The bundled public-suffix snapshot only: extraction never reaches the network.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@memo(4096)
def registrable_domain(host: str) -> str:
    parts = _extractor()(host)
    return parts.top_domain_under_public_suffix or host.lower()


def is_trusted_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in TRUSTED_DOMAINS)


# A portal's menus and footers give every page the same links: each is read once.
@memo(8192)
def is_foreign_to(domain: str, href: str) -> bool:
    """The link leads off the site of `domain` to a host no portal trusts."""
    host = urlsplit(href.strip()).hostname if "//" in href else None
    if not host:
        return False  # relative links stay on the site
    return registrable_domain(host) != domain and not is_trusted_host(host)
