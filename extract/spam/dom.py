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

from lxml import etree

from ..caches import memo
from ..html import element_words
from ..model import SpamFinding
from . import lexicon
from .links_out import Site, inline_link_finding, link_items, link_target, named_as_spam
from .scripts import ids_hidden_by, may_name_an_address, script_findings
from .title_hijack import title_hijack

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


def _block_score(
    element: etree._Element,
    page: Site,
    hidden: bool,
    links: list[etree._Element] | None = None,
    named_share: float = 0.0,
) -> tuple[float, float, int]:
    """Spec §4.4 span score of a DOM block: (score, lexicon score, anchors). `links`: its
    link items where the caller read them (options of a drop-down among them); `named_share`:
    the share of them named as spam where the lexicon may know none of the names."""
    text = element_words(element)
    anchors = element.findall(".//a") if links is None else links
    foreign = sum(1 for a in anchors if page.is_foreign(link_target(a)))
    foreign_ratio = foreign / len(anchors) if anchors else 0.0
    items = [element_words(a) for a in anchors] or text.split()
    list_like = bool(items) and len(items) >= 3 and not _SENTENCE.search(text)
    lex = lexicon.score(text)
    value = lex + 2.0 * hidden + 2.0 * foreign_ratio + 1.5 * list_like + 2.0 * named_share
    return value, lex, len(anchors)


def _read_script(script: str, page: Site) -> tuple[SpamFinding, ...]:
    # A script naming no address leads nowhere: the page's own domains need not be read for it.
    return script_findings(script, page.domains if may_name_an_address(script) else ())


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


def _iframe_finding(element: etree._Element, page: Site, selectors: dict[str, str]) -> SpamFinding | None:
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


def _take_title(tree: etree._Element, scan: DomScan) -> None:
    findings, heading = title_hijack(tree, scan.meta)
    scan.findings += findings
    scan.title = heading


def scan_dom(tree: etree._Element, url: str) -> DomScan:
    """Find and remove injected DOM units in place; return the findings."""
    meta = _meta_tags(tree)
    page = Site(url, meta, tree)
    selectors = hidden_selectors(tree)
    # Blocks a script hides by id are read as hidden here; the stages after this one are
    # handed the <style> blocks' selectors alone (a portal's tabs hide their panels so).
    hiding = {**selectors, **{f"#{name}": "script_hidden" for name in _ids_hidden_by_scripts(tree)}}
    scan = DomScan(meta=meta)
    _take_title(tree, scan)
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
                    scan.findings += _read_script(child.text or "", page)
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
                and (finding := inline_link_finding(child, page))
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
        scan.findings += _read_script(handler, page)
    head = tree.find("head")
    if body is not None and head is not None:
        for script in head.iter("script"):
            scan.findings += _read_script(script.text or "", page)
    styles_removed = False
    for element, finding in to_remove:
        scan.removed_text.append(element_words(element))
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


def _is_hidden_link_list(element: etree._Element, technique: str, page: Site) -> bool:
    """At least MIN_HIDDEN_LINKS links, nearly all out of the site, in a list with no sentence,
    moved where no reader sees them (off screen, zero size, text of the background's colour),
    or hidden any other way with words that read as spam (a brand's shape or the lexicon's).

    A portal hides its own drop-down menus with display:none, and its links out go to other
    government sites (trusted, so not foreign) or name the media it links to: none counts here."""
    anchors = element.findall(".//a")
    if len(anchors) < MIN_HIDDEN_LINKS or _SENTENCE.search(element_words(element)):
        return False
    foreign = sum(1 for a in anchors if page.is_foreign(a.get("href")))
    if foreign < 0.8 * len(anchors):
        return False
    if technique.removeprefix("class_").removeprefix("id_") in PLACEMENT_TRICKS:
        return True
    return named_as_spam(anchors) >= 0.5 * len(anchors)


def _block_finding(element: etree._Element, page: Site, technique: str | None) -> SpamFinding | None:
    """P1 (hidden block, `technique` saying how it hides) or a visible link farm of foreign
    short anchors."""
    if technique:
        text = element_words(element)
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
    anchors = link_items(element)
    if len(anchors) < 5:
        return None
    # Where the links lead first: a portal's own menus end here, their words unread.
    foreign = sum(1 for a in anchors if page.is_foreign(link_target(a)))
    if foreign < 0.6 * len(anchors):
        return None
    text = element_words(element)
    anchor_chars = sum(len(element_words(a)) for a in anchors)
    if anchor_chars < 0.6 * len(text.replace(" ", "")):
        return None
    named = named_as_spam(anchors)
    if named >= 0.5 * len(anchors):
        value, _, _ = _block_score(element, page, False, anchors, named / len(anchors))
        if value >= STRIP_SCORE:
            return SpamFinding("link_farm", text[:200], "removed", round(value, 2))
    return None
