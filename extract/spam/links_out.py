"""Where a page's links lead and what they are named: the site's own, or out to a brand.

A link is out of the site when its host is neither the page's nor one the page's tags name
(SiteDomain, Url, og:url) and no portal trusts it (other government sites). Its words read
as spam when the lexicon knows them (more than a bare call to action) or they are shaped as
a brand's name, whatever the brand (text.is_spam_item).
"""

from __future__ import annotations

import ipaddress
import re
from collections import Counter
from urllib.parse import urlsplit

from lxml import etree

from ..html import element_words
from ..model import SpamFinding
from . import shape
from .hosts import host_of, leads_off, registrable_domain
from .text import is_spam_item

# What separates the items of a menu or a breadcrumb, where a link stands beside words.
_LIST_MARKS = frozenset("|｜/>›»·•-—[]【】()（）")
_PROSE_MARK = re.compile(r"[。，；：！？]")

# Tags where a page names its own address: a copy served from elsewhere (a mirror, a crawl's
# archive, a test server on 127.0.0.1) still links to and searches on the site it names.
_OWN_ADDRESS_TAGS = ("sitedomain", "url", "og:url")


# A page served from a loopback or private address (a copy under test, an archive replayed on
# 127.0.0.1) is not at its site's home: the domain most of its links and resources come from
# is, when both agree, with at least these many of each.
MIN_OWN_LINKS = 5
MIN_OWN_RESOURCES = 3
_HOSTS_READ = 5


class Site:
    """The page's site: the domains its links may lead to and stay on it."""

    def __init__(
        self, url: str, meta: dict[str, str] | None = None, tree: etree._Element | None = None
    ) -> None:
        host = urlsplit(url).hostname or ""
        self.domain = registrable_domain(host) if host else ""
        named = [_domain_of(value) for tag in _OWN_ADDRESS_TAGS if (value := (meta or {}).get(tag))]
        # The page's domains: its host's first, then those its tags name.
        self._named = tuple(dict.fromkeys(domain for domain in (self.domain, *named) if domain))
        # Read from the page's links only when a link would otherwise lead out.
        self._tree = tree if tree is not None and _is_away_from_home(host) else None
        self._domains: tuple[str, ...] | None = None

    @property
    def domains(self) -> tuple[str, ...]:
        """The page's domains, and on a copy away from home the one its links and assets name."""
        if self._domains is None:
            dominant = _dominant_domain(self._tree) if self._tree is not None else ""
            self._domains = tuple(dict.fromkeys(domain for domain in (*self._named, dominant) if domain))
        return self._domains

    def is_foreign(self, href: str | None) -> bool:
        # A link without a host (most of a portal's) stays on the site: no lookup needed.
        if not href or "//" not in href or not leads_off(self._named, href):
            return False
        return self._domains == self._named or leads_off(self.domains, href)


def _is_away_from_home(host: str) -> bool:
    """An address no site's home is at: an IP address or localhost."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _dominant_domain(tree: etree._Element) -> str:
    """The domain most of the page's links lead to and most of its scripts, images and styles
    come from, when it is the same; else ''. A defacer's links are spread over many domains
    and load nothing; the site's own menus and assets come from its one domain."""
    links = Counter(host for link in tree.iter("a") if (host := host_of(link.get("href") or "")))
    resources = Counter(
        host
        for element in tree.iter("script", "img", "link")
        if (host := host_of(element.get("src") or element.get("href") or ""))
    )
    if not links or not resources:
        return ""
    link_domain, link_count = _most_common_domain(links)
    resource_domain, resource_count = _most_common_domain(resources)
    if link_domain == resource_domain and link_count >= MIN_OWN_LINKS and resource_count >= MIN_OWN_RESOURCES:
        return link_domain
    return ""


def _most_common_domain(hosts: Counter[str]) -> tuple[str, int]:
    """The domain of the most hosts' counts, read from the most common hosts alone: the public
    suffix list is asked about a few hosts, not about every site a page links to."""
    domains: Counter[str] = Counter()
    for host, count in hosts.most_common(_HOSTS_READ):
        domains[registrable_domain(host)] += count
    return domains.most_common(1)[0]


def _domain_of(address: str) -> str:
    host = host_of(address if "//" in address else "//" + address)
    return registrable_domain(host) if host and "." in host else ""


def link_target(link: etree._Element) -> str | None:
    """Where a link or a drop-down's option leads."""
    return link.get("href") if link.tag == "a" else link.get("value")


def named_as_spam(anchors: list[etree._Element]) -> int:
    """How many of the links read as spam: a lexicon hit stronger than a bare call to action
    (a portal's login bar says 登录, 注册, 客户端下载), or words shaped as a brand's name
    (金凤凰棋牌, hg0088皇冠) whatever the brand."""
    return sum(1 for a in anchors if (words := element_words(a)) and is_spam_item(words))


def inline_link_finding(anchor: etree._Element, page: Site) -> SpamFinding | None:
    """A link out of the site inside a sentence, words on both sides of it, named as a
    brand (…依申请公开办理<a href="http://…">福星棋牌</a>186件…): a report links its words to
    other government sites or names a platform (抖音, 央视频) there, never a brand's site."""
    tail = (anchor.tail or "").lstrip()
    if not tail or tail[0] in _LIST_MARKS:
        return None  # menus and lists stand apart from the words around them
    previous = anchor.getprevious()
    before = ((previous.tail if previous is not None else anchor.getparent().text) or "").rstrip()
    if not before or before[-1] in _LIST_MARKS:
        return None
    if not page.is_foreign(anchor.get("href")):
        return None
    words = element_words(anchor)
    # A brand word or a call to action in the name (福星棋牌, 瑞丰电竞): Latin glued to Chinese
    # alone is as often a user's or a product's name a page links to (类Arduino板产品).
    if not words or not shape.holds_a_brand_word(words) or not is_spam_item(words):
        return None
    if shape.load_shapes().platform.search(words):
        return None
    if not _PROSE_MARK.search(element_words(anchor.getparent())):
        return None  # a line of links and words (a breadcrumb, a caption) is no sentence
    return SpamFinding("inline_link", f"{words}: {anchor.get('href', '')[:100]}", "removed", 2.0)


# Containers whose items each hold their own link: <li><a>, <td><a>, <dd><a>.
_LIST_CONTAINERS = frozenset(("ul", "ol", "tr", "dl", "menu"))


def link_items(element: etree._Element) -> list[etree._Element]:
    """The links that are the element's items: its children that are links, a list's or a row's
    items that each hold one link and nothing else (<li><a>…</a></li>), or a drop-down's
    addresses (<option value="http://…">). Found by lxml in C: the pass asks every element
    with five children or more."""
    tag = element.tag
    if tag == "select":
        return [option for option in element.iterchildren("option") if "//" in option.get("value", "")]
    if tag in _LIST_CONTAINERS:
        return [link for link in element.findall("*/a") if len(link.getparent()) == 1]
    return element.findall("a")
