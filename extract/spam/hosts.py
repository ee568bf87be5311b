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


def host_of(href: str) -> str | None:
    """The host a link names, lower-cased, as urlsplit(href).hostname gives it; None for a
    link without one (relative). A page holds hundreds of links: the common forms are read
    with string methods, the rare ones (IPv6, odd schemes) by urlsplit."""
    at = href.find("//")
    if at == -1:
        return None
    scheme = href[:at].strip()
    rest = href[at + 2 :]
    if "[" in rest or (scheme and scheme.lower() not in ("http:", "https:")):
        return urlsplit(href.strip()).hostname
    for end in "/?#\\":
        rest = rest.split(end, 1)[0]
    host = rest.rpartition("@")[2].partition(":")[0].strip().lower()
    return host or None


# A portal's menus and footers give every page the same links: each is read once.
@memo(8192)
def is_foreign_to(domain: str, href: str) -> bool:
    """The link leads off the site of `domain` to a host no portal trusts."""
    host = host_of(href)
    if not host:
        return False  # relative links stay on the site
    # Most links go to the site itself or to other government sites: told without the suffix
    # list, which costs more than the rest of the check.
    if host == domain or host.endswith("." + domain):
        return False
    return not is_trusted_host(host) and registrable_domain(host) != domain


def leads_off(domains: tuple[str, ...], href: str) -> bool:
    """The link leads off a site of all these domains (a page may have several: its host's,
    and those its tags name) to a host no portal trusts."""
    return all(is_foreign_to(domain, href) for domain in domains or ("",))
