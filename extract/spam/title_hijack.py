"""A page's <title> and keywords taken over by a brand (spec P3); its heading wins."""

from __future__ import annotations

import re

from lxml import etree

from ..html import element_words, title_element
from ..model import SpamFinding
from . import lexicon, shape
from .slots import body_ends
from .text import is_spam_item

_TITLE_SEPARATORS = re.compile(r"[_|｜—,，、\s-]+")
# An upper-case acronym of letters alone (DRG, RCEP, ICU; REITs with its plural) glued to Chinese.
_ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,6}s?(?![A-Za-z0-9])")


def _is_brand_item_in_title(item: str) -> bool:
    """A brand-shaped item, an acronym read as a name of two characters: what surrounds it makes
    the item a brand (AG真人 as 某某真人), not the acronym itself (DRG专栏, RCEP工作推进会)."""
    return shape.is_brand_item(_ACRONYM.sub("某某", item))


def is_stuffed(value: str) -> bool:
    """A title or keywords stuffed with brand-shaped items (X_X官方网站-Xapp下载), whatever X is."""
    items = [item for item in _TITLE_SEPARATORS.split(value) if item]
    if len(items) < 2:
        return False
    return sum(map(_is_brand_item_in_title, items)) >= 2 or shape.repeats_with_funnels(items)


def _brand_over(title: str, heading: str | None) -> bool:
    """The title is the page's heading with a brand's name put beside it, a brand word or a call
    to action in it (金凤凰棋牌-抚顺市2017年政府信息公开工作年度报告): a portal adds its own name
    there. A body's name with a brand after it (洪山区人民政府vwin9) is the site's name written
    over, which the link labels read."""
    if not heading or heading not in title:
        return False
    rest = [item for item in _TITLE_SEPARATORS.split(title.replace(heading, " ")) if item]
    # A name holding another part of the title is a channel of the site that part names
    # (凤凰网娱乐_凤凰网).
    return any(
        shape.holds_a_brand_word(item)
        and (_is_brand_item_in_title(item) or is_spam_item(item))
        and not shape.load_shapes().platform.search(item)
        and not any(other != item and other in item for other in rest)
        and not any(len(end) > 1 and end in item for end in body_ends())
        for item in rest
    )


def title_hijack(tree: etree._Element, meta: dict[str, str]) -> tuple[list[SpamFinding], str | None]:
    """A gambling <title> or keywords over a clean heading: the findings, and the heading to
    read as the title where the <title> was taken (else None)."""
    findings: list[SpamFinding] = []
    replacement = None
    element = title_element(tree)
    title = element_words(element) if element is not None else ""
    headings = [meta.get("articletitle", "")] + [element_words(h) for h in tree.iter("h1", "h2")][:3]
    heading = next((h for h in headings if h and lexicon.score(h) == 0 and not is_stuffed(h)), None)
    if title and (lexicon.score(title) >= 3 or is_stuffed(title) or _brand_over(title, heading)) and heading:
        findings.append(SpamFinding("title_hijack", title[:160], "replaced", 3.0))
        replacement = heading
    for name in ("keywords", "description", "og:title"):
        value = meta.get(name, "")
        if value and (lexicon.score(value) >= 3 or is_stuffed(value)) and heading:
            findings.append(SpamFinding("meta_hijack", f"{name}: {value[:140]}", "flagged", 2.0))
    return findings, replacement
