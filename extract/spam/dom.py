"""Spam that only the raw DOM shows (spec P1, P3, P7, P8, P9, P11).

Runs before trafilatura, on the one parsed tree, and prunes it in place: hidden
link farms and hidden text blocks, visible link farms of foreign anchors,
garbage tags and injected iframes are removed as whole elements. Hidden-ness is
never enough on its own: a block is removed only when its words score as spam,
so drop-down menus, skip-links and off-screen helpers of real sites stay.
Scripts are flagged, never executed; the report text around them is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from ..caches import memo
from ..html import title_element
from ..model import SpamFinding
from . import lexicon, shape
from .hosts import is_foreign_to, registrable_domain
from .scripts import ids_hidden_by, script_findings
from .slots import body_ends
from .text import is_spam_item

# fmt: off
# Seldom-used or invented tags that 站群 software scatters with random ids (P7).
GARBAGE_TAGS = frozenset(
    "wbr dfn var abbr bdo rp rt strike legend optgroup menuitem address tt kbd samp acronym big "
    "delect".split()
)
KNOWN_TAGS = frozenset(
    "a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption "
    "center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset "
    "figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i "
    "iframe img input ins kbd label legend li link main map mark marquee menu meta meter nav noframes "
    "noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script "
    "search section select slot small source span strike strong style sub summary sup table tbody td "
    "template textarea tfoot th thead time title tr track tt u ul var video wbr acronym".split()
)
_EMBEDDING_TAGS = frozenset(("iframe", "frame", "object", "embed"))
_UNRENDERED_TAGS = frozenset(("style", "noscript", "template"))
# Tags whose elements the DOM pass reads only as blocks: known, no garbage, nothing embedded.
_PLAIN_TAGS = KNOWN_TAGS - GARBAGE_TAGS - _EMBEDDING_TAGS - _UNRENDERED_TAGS - {"script"}
# fmt: on

_STYLE_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^(?:[a-z0-9]*)([.#])([\w-]+)$", re.I)
_PX = r"(-?\d+(?:\.\d+)?)(?:px|em|pt|rem|%)?"
# Read on the lower-cased style (hiding_technique): CSS names its properties and keywords in
# ASCII case-blind, and a case-sensitive search skips to a literal far faster than a case-blind one.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("display_none", re.compile(r"display\s*:\s*none")),
    ("visibility_hidden", re.compile(r"visibility\s*:\s*hidden")),
    ("opacity_zero", re.compile(r"opacity\s*:\s*0(?:\.0\d*)?\s*(?:;|$|!)")),
    ("font_size_zero", re.compile(r"font-size\s*:\s*[0-2](?:\.\d+)?(?:px|pt)?\s*(?:;|$|!)")),
    ("text_indent", re.compile(r"text-indent\s*:\s*-\d{3,}")),
    (
        "off_screen",
        re.compile(r"(?:top|left|right|margin-left|margin-top)\s*:\s*-(?:[5-9]\d{2,}|\d{4,})"),
    ),
    (
        "clip",
        re.compile(
            r"clip\s*:\s*rect\(\s*0[a-z]*[\s,]+0[a-z]*[\s,]+0[a-z]*[\s,]+0|clip-path\s*:\s*inset\(\s*50%",
        ),
    ),
    ("zero_size", re.compile(r"(?:width|height)\s*:\s*[0-2](?:px)?\s*(?:;|$|!)")),
    ("scaled_to_nothing", re.compile(r"transform\s*:\s*scale[xy]?\(\s*0(?:\.0+)?\s*[,)]")),
)
# What each rule's value must start with: a style without it skips the rule (off_screen alone
# is most of the cost on a portal stylesheet of a thousand rules).
_GATES = {
    "opacity_zero": re.compile(r":\s*0"),
    "font_size_zero": re.compile(r":\s*[0-2]"),
    "text_indent": re.compile(r":\s*-\d"),
    "off_screen": re.compile(r":\s*-\d"),
    "zero_size": re.compile(r":\s*[0-2]"),
}
_COLOR = re.compile(r"(?<![-\w])color\s*:\s*([#\w]+)")
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*([#\w]+)")
_RANDOM_ID = re.compile(r"^[a-z]{4,8}(?:-[a-z]{4})?$")
_SENTENCE = re.compile(r"[。；：！？]")
# What separates the items of a menu or a breadcrumb, where a link stands beside words.
_LIST_MARKS = frozenset("|｜/>›»·•-—[]【】()（）")
_PROSE_MARK = re.compile(r"[。，；：！？]")
_TITLE_SEPARATORS = re.compile(r"[_|｜—,，、\s-]+")

STRIP_SCORE = 4.0
# Hiding that moves a block out of sight rather than folding it away as menus do.
PLACEMENT_TRICKS = frozenset(
    (
        "off_screen",
        "text_indent",
        "font_size_zero",
        "zero_size",
        "clip",
        "opacity_zero",
        "colour_camouflage",
        "scaled_to_nothing",
    )
)
MIN_HIDDEN_LINKS = 5


@dataclass
class DomScan:
    """What the DOM pass found and removed; `meta` keeps the page's own identity tags."""

    findings: list[SpamFinding] = field(default_factory=list)
    removed_text: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    title: str | None = None  # the report title to use when <title> was hijacked
    # The classes and ids the pruned page's <style> blocks hide (hidden_selectors), for the
    # stages after this one; None where the pass did not run.
    hidden_selectors: dict[str, str] | None = None


# Kept: saves 3.8% of a warm run's instructions (callgrind, bench pages): a portal repeats
# the same few inline styles on every page.
@memo(4096)
def hiding_technique(style: str) -> str | None:
    style = style.lower()
    for name, rule in _RULES:
        if (gate := _GATES.get(name)) and not gate.search(style):
            continue
        if rule.search(style):
            if name == "zero_size" and "overflow" not in style:
                continue
            return name
    background = _BACKGROUND.search(style)
    color = _COLOR.search(style) if background else None
    if color and background and color[1] == background[1]:
        return "colour_camouflage"
    return None


def hidden_selectors(tree: etree._Element) -> dict[str, str]:
    """Classes and ids the page's own <style> blocks hide: ".x" / "#y" → technique."""
    found: dict[str, str] = {}
    for style in tree.iter("style"):
        for selectors, body in _STYLE_RULE.findall(style.text or ""):
            technique = hiding_technique(body)
            if not technique:
                continue
            for selector in selectors.split(","):
                last = selector.strip().split()[-1] if selector.strip() else ""
                if match := _SIMPLE_SELECTOR.match(last):
                    found[match[1] + match[2]] = technique
    return found


# Tags where a page names its own address: a copy served from elsewhere (a mirror, a crawl's
# archive, a test server on 127.0.0.1) still links to and searches on the site it names.
_OWN_ADDRESS_TAGS = ("sitedomain", "url", "og:url")


class _Page:
    def __init__(self, url: str, meta: dict[str, str] | None = None) -> None:
        host = urlsplit(url).hostname or ""
        self.domain = registrable_domain(host) if host else ""
        named = [_domain_of(value) for tag in _OWN_ADDRESS_TAGS if (value := (meta or {}).get(tag))]
        # The page's domains: its host's first, then those its tags name.
        self.domains = tuple(dict.fromkeys(domain for domain in (self.domain, *named) if domain))

    def is_foreign(self, href: str | None) -> bool:
        # A link without a host (most of a portal's) stays on the site: no lookup needed.
        return bool(href) and "//" in href and all(is_foreign_to(d, href) for d in self.domains or ("",))


def _domain_of(address: str) -> str:
    host = urlsplit(address if "//" in address else "//" + address).hostname
    return registrable_domain(host) if host and "." in host else ""


def element_hiding(element: etree._Element, selectors: dict[str, str]) -> str | None:
    tag = element.tag
    if tag == "marquee":
        return "marquee"
    if element.get("hidden") is not None:
        return "hidden_attribute"
    if style := element.get("style"):
        if technique := hiding_technique(style):
            return technique
    if selectors:
        for name in (element.get("class") or "").split():
            if technique := selectors.get("." + name):
                return f"class_{technique}"
        if (element_id := element.get("id")) and (technique := selectors.get("#" + element_id)):
            return f"id_{technique}"
    return None


def _text(element: etree._Element) -> str:
    return " ".join(element.text_content().split())


def _block_score(
    element: etree._Element,
    page: _Page,
    hidden: bool,
    links: list[etree._Element] | None = None,
    named_share: float = 0.0,
) -> tuple[float, float, int]:
    """Spec §4.4 span score of a DOM block: (score, lexicon score, anchors). `links`: its
    link items where the caller read them (options of a drop-down among them); `named_share`:
    the share of them named as spam where the lexicon may know none of the names."""
    text = _text(element)
    anchors = element.findall(".//a") if links is None else links
    foreign = sum(1 for a in anchors if page.is_foreign(_target(a)))
    foreign_ratio = foreign / len(anchors) if anchors else 0.0
    items = [_text(a) for a in anchors] or text.split()
    list_like = bool(items) and len(items) >= 3 and not _SENTENCE.search(text)
    lex = lexicon.score(text)
    value = lex + 2.0 * hidden + 2.0 * foreign_ratio + 1.5 * list_like + 2.0 * named_share
    return value, lex, len(anchors)


def _target(link: etree._Element) -> str | None:
    """Where a link or a drop-down's option leads."""
    return link.get("href") if link.tag == "a" else link.get("value")


def _ids_hidden_by_scripts(tree: etree._Element) -> list[str]:
    return [name for script in tree.iter("script") for name in ids_hidden_by(script.text or "")]


def _is_random_token(token: str) -> bool:
    if not _RANDOM_ID.match(token):
        return False
    letters = token.replace("-", "")
    vowels = sum(1 for c in letters if c in "aeiouy")
    return vowels / len(letters) < 0.25 or re.search(r"[^aeiouy-]{4}", token) is not None


def _is_garbage(element: etree._Element) -> bool:
    tag = element.tag
    if tag not in GARBAGE_TAGS and tag in KNOWN_TAGS:
        return False
    if (element.text or "").strip() or len(element):
        return False
    tokens = [element.get("id") or "", *(element.get("class") or "").split()]
    return any(_is_random_token(t) for t in tokens if t)


def _iframe_finding(element: etree._Element, page: _Page, selectors: dict[str, str]) -> SpamFinding | None:
    src = element.get("src") or element.get("data") or ""
    if not page.is_foreign(src) and not src.startswith("data:"):
        return None
    style = (element.get("style") or "").lower()
    if "fixed" in style and re.search(r"width\s*:\s*(?:9\d|100)(?:%|vw)", style):
        return SpamFinding("overlay_hijack", src[:160], "removed", 3.0)
    small = any(
        (element.get(side) or "9").strip().rstrip("px") in {"0", "1", "2"} for side in ("width", "height")
    )
    if small or element_hiding(element, selectors):
        return SpamFinding("iframe_injection", src[:160], "removed", 3.0)
    return None


def _meta_tags(tree: etree._Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for element in tree.iter("meta"):
        name = (element.get("name") or element.get("property") or element.get("http-equiv") or "").strip()
        if name and element.get("content") is not None:
            meta.setdefault(name.lower(), element.get("content", "").strip())
    return meta


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


def _title_hijack(tree: etree._Element, meta: dict[str, str], scan: DomScan) -> None:
    """P3: a gambling <title> or keywords over a clean heading; the heading wins."""
    element = title_element(tree)
    title = _text(element) if element is not None else ""
    headings = [meta.get("articletitle", "")] + [_text(h) for h in tree.iter("h1", "h2")][:3]
    heading = next((h for h in headings if h and lexicon.score(h) == 0 and not is_stuffed(h)), None)
    if title and (lexicon.score(title) >= 3 or is_stuffed(title) or _brand_over(title, heading)) and heading:
        scan.findings.append(SpamFinding("title_hijack", title[:160], "replaced", 3.0))
        scan.title = heading
    for name in ("keywords", "description", "og:title"):
        value = meta.get(name, "")
        if value and (lexicon.score(value) >= 3 or is_stuffed(value)) and heading:
            scan.findings.append(SpamFinding("meta_hijack", f"{name}: {value[:140]}", "flagged", 2.0))


def scan_dom(tree: etree._Element, url: str) -> DomScan:
    """Find and remove injected DOM units in place; return the findings."""
    meta = _meta_tags(tree)
    page = _Page(url, meta)
    selectors = hidden_selectors(tree)
    # Blocks a script hides by id are read as hidden here; the stages after this one are
    # handed the <style> blocks' selectors alone (a portal's tabs hide their panels so).
    hiding = {**selectors, **{f"#{name}": "script_hidden" for name in _ids_hidden_by_scripts(tree)}}
    scan = DomScan(meta=meta)
    _title_hijack(tree, scan.meta, scan)
    refresh = scan.meta.get("refresh", "")
    if refresh and page.is_foreign(refresh.split("url=")[-1].strip("'\" ")):
        scan.findings.append(SpamFinding("redirect_script", f"meta refresh: {refresh[:140]}", "flagged", 2.0))
    body = tree.find("body")
    garbage: list[etree._Element] = []
    to_remove: list[tuple[etree._Element, SpamFinding]] = []
    stack = [body if body is not None else tree]
    while stack:
        element = stack.pop()
        for child in element:
            tag = child.tag
            # Most elements have a plain tag and skip the checks for scripts, embeds and garbage.
            if tag not in _PLAIN_TAGS:
                if not isinstance(tag, str):
                    continue
                if tag == "script":
                    scan.findings += script_findings(child.text or "", page.domains)
                    continue
                if tag in _EMBEDDING_TAGS:
                    if finding := _iframe_finding(child, page, hiding):
                        to_remove.append((child, finding))
                    continue
                if tag in _UNRENDERED_TAGS:
                    # What a <noscript> holds only robots read: a block of links out of the
                    # site there is hidden as any other.
                    if tag == "noscript" and (finding := _block_finding(child, page, "noscript")):
                        to_remove.append((child, finding))
                    continue
                if _is_garbage(child):
                    garbage.append(child)
                    continue
            # A link with words after it, in a sentence or a list: most links have none.
            if (
                tag == "a"
                and (tail := child.tail)
                and not tail.isspace()
                and (finding := _inline_link_finding(child, page))
            ):
                to_remove.append((child, finding))
                continue
            # Most elements are neither hidden nor hold five children: they need no more look.
            technique = element_hiding(child, hiding)
            if (technique or len(child) >= 5) and (finding := _block_finding(child, page, technique)):
                to_remove.append((child, finding))
                continue
            stack.append(child)
    if body is not None and (handler := body.get("onload")):
        scan.findings += script_findings(handler, page.domains)
    head = tree.find("head")
    if body is not None and head is not None:
        for script in head.iter("script"):
            scan.findings += script_findings(script.text or "", page.domains)
    styles_removed = False
    for element, finding in to_remove:
        scan.removed_text.append(_text(element))
        scan.findings.append(finding)
        # A garbage tag is empty, so only a removed block can take a <style> with it.
        styles_removed = styles_removed or any(True for _ in element.iter("style"))
        element.drop_tree()
    if garbage:
        evidence = " ".join(etree.tostring(g, encoding="unicode", with_tail=False)[:60] for g in garbage[:5])
        scan.findings.append(
            SpamFinding("garbage_tag", evidence, "removed", 1.2 + 0.2 * min(len(garbage), 5))
        )
        for element in garbage:
            element.drop_tree()
    scan.hidden_selectors = hidden_selectors(tree) if styles_removed else selectors
    return scan


def _is_hidden_link_list(element: etree._Element, technique: str, page: _Page) -> bool:
    """At least MIN_HIDDEN_LINKS links, nearly all out of the site, in a list with no sentence,
    moved where no reader sees them (off screen, zero size, text of the background's colour),
    or hidden any other way with words that read as spam (a brand's shape or the lexicon's).

    A portal hides its own drop-down menus with display:none, and its links out go to other
    government sites (trusted, so not foreign) or name the media it links to: none counts here."""
    anchors = element.findall(".//a")
    if len(anchors) < MIN_HIDDEN_LINKS or _SENTENCE.search(_text(element)):
        return False
    foreign = sum(1 for a in anchors if page.is_foreign(a.get("href")))
    if foreign < 0.8 * len(anchors):
        return False
    if technique.removeprefix("class_").removeprefix("id_") in PLACEMENT_TRICKS:
        return True
    return _named_as_spam(anchors) >= 0.5 * len(anchors)


def _named_as_spam(anchors: list[etree._Element]) -> int:
    """How many of the links read as spam: a lexicon hit stronger than a bare call to action
    (a portal's login bar says 登录, 注册, 客户端下载), or words shaped as a brand's name
    (金凤凰棋牌, hg0088皇冠) whatever the brand."""
    return sum(1 for a in anchors if (words := _text(a)) and is_spam_item(words))


def _inline_link_finding(anchor: etree._Element, page: _Page) -> SpamFinding | None:
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
    words = _text(anchor)
    # A brand word or a call to action in the name (福星棋牌, 瑞丰电竞): Latin glued to Chinese
    # alone is as often a user's or a product's name a page links to (类Arduino板产品).
    if not words or not shape.holds_a_brand_word(words) or not is_spam_item(words):
        return None
    if shape.load_shapes().platform.search(words):
        return None
    if not _PROSE_MARK.search(_text(anchor.getparent())):
        return None  # a line of links and words (a breadcrumb, a caption) is no sentence
    return SpamFinding("inline_link", f"{words}: {anchor.get('href', '')[:100]}", "removed", 2.0)


# Containers whose items each hold their own link: <li><a>, <td><a>, <dd><a>.
_LIST_CONTAINERS = frozenset(("ul", "ol", "tr", "dl", "menu"))


def _link_items(element: etree._Element) -> list[etree._Element]:
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


def _block_finding(element: etree._Element, page: _Page, technique: str | None) -> SpamFinding | None:
    """P1 (hidden block, `technique` saying how it hides) or a visible link farm of foreign
    short anchors."""
    if technique:
        text = _text(element)
        if not text:
            return None
        value, lex, _ = _block_score(element, page, hidden=True)
        # A hidden tab panel holding a whole report with a swapped brand is prose, not spam.
        covered = sum(h.end - h.start for h in lexicon.hits(text))
        dense = covered >= 0.15 * len(text) or not _SENTENCE.search(text)
        # Lexicon words packed in the hidden text, or with no word of the lexicon the structure
        # alone: links out of the site put where no reader sees them, whatever the brands' names.
        if value >= STRIP_SCORE and ((lex >= 2 and dense) or _is_hidden_link_list(element, technique, page)):
            return SpamFinding("hidden_block", f"{technique}: {text[:150]}", "removed", round(value, 2))
        return None
    if len(element) < 5:
        return None  # too few children to hold five anchors; most elements end here
    anchors = _link_items(element)
    if len(anchors) < 5:
        return None
    # Where the links lead first: a portal's own menus end here, their words unread.
    foreign = sum(1 for a in anchors if page.is_foreign(_target(a)))
    if foreign < 0.6 * len(anchors):
        return None
    text = _text(element)
    anchor_chars = sum(len(_text(a)) for a in anchors)
    if anchor_chars < 0.6 * len(text.replace(" ", "")):
        return None
    named = _named_as_spam(anchors)
    if named >= 0.5 * len(anchors):
        value, _, _ = _block_score(element, page, False, anchors, named / len(anchors))
        if value >= STRIP_SCORE:
            return SpamFinding("link_farm", text[:200], "removed", round(value, 2))
    return None
