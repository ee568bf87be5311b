"""Attachment links of a page: plain links, TRS's OLDSRC and file_appendix scripts.

Reports are often only an attachment (PDF, Word, Excel, WPS). TRS writes its
attachments as `./W0….docx` or `./P0….pdf` links with an OLDSRC attribute
holding the internal path, or builds them in a script (`var file_appendix =
'<a href="./P0….pdf">…</a>'`) that no HTML parser sees.

Links are read from the parsed page (a parsel Selector), so an unquoted
`<a href=./P0….pdf>` is found and a link inside `<!-- … -->` is not; regular
expressions read only what lives inside script strings.
"""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import urldefrag, urljoin, urlsplit

from parsel import Selector

from crawler.cms.base import FoundLink

ATTACHMENT_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ofd")
_EXTENSIONS = "|".join(ATTACHMENT_EXTENSIONS)
_EXTENSION = re.compile(rf"\.(?:{_EXTENSIONS})$", re.I)
_ANCHOR = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S | re.I)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*\\?(["'])(.*?)\\?\2""", re.S)
# A bare attachment path in a script string ('./P020190110….pdf').
_SCRIPT_PATH = re.compile(r"""["']([^"'\s<>\\]+\.(?:EXT))["']""".replace("EXT", _EXTENSIONS), re.I)
_TAG = re.compile(r"<[^>]+>")
# Download handlers that name the file in the query (download.jsp?filename=x.pdf).
_QUERY_FILE = re.compile(rf"(?:^|&)(?:file(?:name)?|path|url)=[^&]+\.(?:{_EXTENSIONS})(?:&|$)", re.I)


def is_attachment_url(url: str) -> bool:
    parts = urlsplit(url)
    return bool(_EXTENSION.search(parts.path) or _QUERY_FILE.search(parts.query))


def _resolve(page_url: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("javascript:", "mailto:", "#")):
        return None
    return urldefrag(urljoin(page_url, href))[0]


def _attachment(page_url: str, text: str, *candidates: str) -> FoundLink | None:
    for candidate in candidates:  # the public href wins over OLDSRC's internal path
        url = _resolve(page_url, candidate)
        if url and is_attachment_url(url):
            return FoundLink(url, text)
    return None


def _page_anchors(page: Selector, page_url: str) -> list[FoundLink]:
    found: list[FoundLink] = []
    # lxml's elements, not a parsel Selector per anchor and per text query: the same texts (an
    # anchor's text nodes) at a fraction of the cost, on every page of a crawl.
    for anchor in page.root.iter("a"):
        attrs = {name.lower(): value for name, value in anchor.attrib.items()}
        if "href" not in attrs and "oldsrc" not in attrs:
            continue
        text = "".join(anchor.itertext()).strip() or attrs.get("title", "")
        link = _attachment(page_url, text, attrs.get("href", ""), attrs.get("oldsrc", ""))
        if link is not None:
            found.append(link)
    return found


def _script_anchors(script: str, page_url: str) -> list[FoundLink]:
    """Anchors written in a script's strings, quotes escaped or not: no parser sees them."""
    found: list[FoundLink] = []
    for attributes, inner in _ANCHOR.findall(script):
        attrs = {name.lower(): value for name, _quote, value in _ATTRIBUTE.findall(attributes)}
        text = html_lib.unescape(_TAG.sub("", inner)).strip() or attrs.get("title", "")
        hrefs = (html_lib.unescape(attrs.get("href", "")), html_lib.unescape(attrs.get("oldsrc", "")))
        link = _attachment(page_url, text, *hrefs)
        if link is not None:
            found.append(link)
    return found


def find_attachments(page: Selector, page_url: str) -> list[FoundLink]:
    """Every attachment the parsed page links to, in page order, once each."""
    found = _page_anchors(page, page_url)
    for script in page.xpath("//script/text()").getall():
        found += _script_anchors(script, page_url)
        for path in _SCRIPT_PATH.findall(script):
            url = _resolve(page_url, html_lib.unescape(path))
            if url:
                found.append(FoundLink(url, ""))
    return unique_links(found)


def unique_links(links: list[FoundLink]) -> list[FoundLink]:
    """Each URL once, in order, with the first text found for it."""
    unique: dict[str, FoundLink] = {}
    for link in links:
        if link.url not in unique or (link.text and not unique[link.url].text):
            unique[link.url] = link
    return list(unique.values())
