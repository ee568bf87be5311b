"""The spam layer: find what was injected into a report page, strip it, repair swapped names.

Order (spec §6.2): the DOM pass runs on the raw tree before trafilatura
(dom.scan_dom), the text pass on the page's lines and on trafilatura's output
(text.strip_text_spam, text.strip_pinyin), then brand-for-name swaps are
repaired from the page's surviving codes (names, evidence), and the page gets
its verdict (verdict.judge). Every finding carries kind, evidence, action and score.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from ..gazetteer import Division
from ..model import SpamFinding
from .dom import DomScan, scan_dom
from .evidence import gather, recover, site_code_divisions
from .fold import drop_zero_width, has_zero_width
from .inner_names import names_inside_names
from .labels import label_finding, label_names
from .lexicon import hit_strings as lexicon_hits
from .lexicon import load_lexicon
from .names import MASK, MIN_CONFIDENCE, BrandRepair, brand_findings, find_brands, mask_leftovers, repair
from .navlabels import PageLink, link_swaps, page_links
from .owner import owner_conflicts
from .phrase_scan import phrase_patterns, scan_phrases
from .phrases import find_phrases, phrase_finding, strip_phrases
from .script_names import other_script_names, script_name_finding
from .shape import is_brand_item
from .slots import MIN_REPEATS, footer_lines, joined_on_the_left, slot_brands
from .splitnames import lone_split_finding, lone_splits, split_finding, split_names, stands_leveled
from .tail import strip_tail_names
from .text import (
    TextClean,
    is_keyword_list,
    minority_script_chars,
    strip_known_lines,
    strip_pinyin,
    strip_text_spam,
)
from .verdict import judge, score

# A lone brand name the lexicon knows scores this in each sentence holding it, up to two.
LONE_BRAND_SCORE = 1.0

__all__ = [
    "MASK",
    "BrandRepair",
    "DomScan",
    "PageLink",
    "TextClean",
    "brand_findings",
    "is_keyword_list",
    "judge",
    "lexicon_hits",
    "link_swaps",
    "load_lexicon",
    "page_links",
    "repair_names",
    "scan_dom",
    "score",
    "strip_dom_spam",
    "strip_known_lines",
    "strip_pinyin_lines",
    "strip_tail_names",
    "strip_text_spam",
]


def strip_dom_spam(tree: etree._Element, url: str = "") -> list[SpamFinding]:
    """The DOM pass alone, for callers that only want its findings."""
    return scan_dom(tree, url).findings


def strip_pinyin_lines(lines: Sequence[str], text: str) -> tuple[list[str], str, list[SpamFinding]]:
    """P6 on the page's lines and its main text; one finding for the page."""
    joined, in_lines = strip_pinyin("\n".join(lines))
    text, in_text = strip_pinyin(text)
    removed = max(in_lines, in_text)
    findings = [SpamFinding("pinyin_noise", f"{removed} glosses removed", "removed", 2.0)] if removed else []
    return (joined.split("\n") if in_lines else list(lines)), text, findings


def _where_repeated(token: str, title: str, footer: str, corpus: str) -> str:
    """Where a foreign name stands: a swap repeats it in the title, the footer and the body."""
    total = corpus.count(token)
    parts = [name for name, text in (("title", title), ("footer", footer)) if token in text]
    if total > title.count(token) + footer.count(token):
        parts.append("body")
    return f"{', '.join(parts)}, ×{total} in all"


def _covered(token: str, brands: list[str]) -> bool:
    """The token is a brand found already, or holds one."""
    return any(brand in token for brand in brands)


def _stands_only_inside(token: str, brands: list[str], corpus: str) -> bool:
    """Brands found already that the token holds, each standing nowhere but inside it."""
    inside = [brand for brand in brands if brand in token and brand != token]
    return bool(inside) and all(corpus.count(brand) == corpus.count(token) for brand in inside)


def _with_name(brands: list[str], name: str) -> list[str]:
    """`brands` with a name a slot read, in place of the longer brands holding it.

    A brand is stretched over what all its occurrences share: where the name stands mostly in
    prose, only the few that share a longer title (《2023X化妆品产业白皮书》) pass as brands, and
    would leave every other occurrence. The slot reads the name itself, which covers them all.
    """
    return [*(brand for brand in brands if name not in brand), name]


def repair_names(
    title: str | None,
    lines: Sequence[str],
    text: str,
    url: str,
    meta: dict[str, str],
    script: str,
    replaced_title: str | None = None,
) -> BrandRepair:
    """Find swapped brands, recover the real names from the page's codes, write them back.

    `replaced_title`: the page's own <title> where a heading replaced it (a hijack): its name
    slots are read with the title's.
    """
    corpus = "\n".join([title or "", *lines])
    split: list[str] = []
    lone: list[str] = []
    if has_zero_width(corpus) or has_zero_width(text):
        split, lone = split_names(corpus), lone_splits(corpus)
        # Zero-width characters split a brand (富\u200b贵) so that no name or slot matches it;
        # a reader never sees them, so the page is read, and kept, without them.
        title = drop_zero_width(title) if title else title
        lines = [drop_zero_width(line) for line in lines]
        text = drop_zero_width(text)
        corpus = drop_zero_width(corpus)
    # A split name the phrase pass also reads whole (在鑫隆集中发布) is told as split: the
    # zero-width characters are the stronger evidence.
    scan = scan_phrases(corpus, phrase_patterns())
    phrases = [p for p in find_phrases(corpus, scan) if p not in split]
    # Traditional characters on a Simplified page seed names (萬豪會市) and phrases alike.
    odd = minority_script_chars(corpus, script) if script == "simplified" and scan.traditional else []
    # A name in Traditional on a Simplified page (思想政治萬豪會司) is one whatever its words.
    other_script = [n for n in other_script_names(corpus, odd) if not any(n in p or p in n for p in phrases)]
    phrases += other_script
    labelled = [n for n in label_names(lines, corpus) if not any(n in p or p in n for p in phrases)]
    phrases += labelled
    # Bodies' and sites' names a report's sentences write (思想政治X司): its text is read, not the
    # page's menus, which name many bodies and no report.
    phrases += [n for n in names_inside_names(text) if not any(n in p or p in n for p in phrases)]
    split = [n for n in split if not any(n in p or p in n for p in phrases)]
    # A split name before a level (金\u200b沙区) was written over the place's name: the page's
    # identity tells that name back, as for any name in a slot.
    leveled = [n for n in split if stands_leveled(corpus, n)]
    split = [n for n in split if n not in leveled]
    phrases += split
    # A brand stretched over the ordinary words around a phrase swap (思想政治X司 and
    # 思想政治X网, where X stood for 工作) is that phrase, not a name to write over.
    brands = [b for b in find_brands(corpus, odd) if not any(p != b and p in b for p in phrases)]
    findings: list[SpamFinding] = [split_finding(n, corpus.count(n), "before a level") for n in leveled]
    findings += [lone_split_finding(seen) for seen in lone if not any(seen in p for p in phrases)]
    for name in leveled:
        brands = _with_name(brands, name)
    recovery = None
    # A name slot holding no division is a swap when the token is shaped like a brand, or
    # when the page's identity (host, codes, 文号, SiteName) names another body: a site of
    # its own name that no code contradicts (a sample portal, 示例市) is left alone.
    footer = footer_lines(corpus)
    # The divisions of the site's own codes: read once, by the first footer slot or the owner.
    coded: list[Division] | None = None
    slot_title = "\n".join(t for t in (title, replaced_title) if t)
    for token, place in slot_brands(slot_title, corpus, footer).items():
        if _stands_only_inside(token, brands, corpus):
            # 百家乐专区市人民政府: every 百家乐 on the page stands in the slot's name, which is
            # written back whole (专区 would be left before the level otherwise).
            brands = [*(brand for brand in brands if brand not in token), token]
            continue
        if _covered(token, brands):
            continue
        if not is_brand_item(token):
            # The footer names the site's owner, which may host another body's report: only
            # the site's own codes (网站标识码, 公网安备) can say its name was written over.
            # They are read first: most footers (示例 on a sample portal) stop there.
            if place == "footer":
                coded = site_code_divisions(corpus, meta) if coded is None else coded
                if not coded:
                    continue
            recovery = recovery or recover(gather(corpus, url, meta, [token, *brands]))
            if recovery.author is None or recovery.confidence < MIN_CONFIDENCE:
                continue
        name = joined_on_the_left(corpus, token)  # bet-777 where the slot read 777
        brands = _with_name(brands, name)
        where = _where_repeated(name, title or "", footer, corpus)
        evidence = f"{name}: in a name slot, not a division; {where}"
        findings.append(SpamFinding("name_slot", evidence, "flagged", 2.0))
    conflicts, read = owner_conflicts(title or "", footer, corpus, url, meta, coded, recovery)
    recovery = recovery or read
    for token, owner in conflicts.items():
        if _covered(token, brands):
            continue
        brands = _with_name(brands, token)
        where = _where_repeated(token, title or "", footer, corpus)
        evidence = f"{token}: in a name slot, not the site's owner ({owner.name}), named nowhere; {where}"
        findings.append(SpamFinding("name_slot", evidence, "flagged", 2.0))
    if brands:
        recovery = recovery or recover(gather(corpus, url, meta, brands))
        fixed = repair(title, lines, text, brands, recovery)
        title, lines, text = fixed.title, fixed.lines, fixed.text
        findings += fixed.findings
    # A brand-shaped name inside the sentences, where a phrase stood: removed, and the
    # sentence around it kept. Only a repair changed the page's lines since they were joined.
    if brands and phrases:
        corpus = "\n".join([title or "", *lines])
    unchanged = not brands
    for token in phrases:
        if any(token in brand or brand in token for brand in brands):
            continue
        unchanged = False
        found = (
            label_finding
            if token in labelled
            else split_finding
            if token in split
            else script_name_finding
            if token in other_script
            else phrase_finding
        )
        findings.append(found(token, corpus.count(token)))
        title = strip_phrases(title, [token]) if title else title
        lines = [strip_phrases(line, [token]) if token in line else line for line in lines]
        text = strip_phrases(text, [token])
    title, in_title, title_sentences = mask_leftovers(title)
    text, in_text, sentences = mask_leftovers(text)
    if in_title or in_text:
        # A casino's name the lexicon knows, written once, may be a report's quote; in two
        # sentences or more (or the title and a sentence) outside any enforcement context, it
        # was written over the page's words.
        places = len(sentences | title_sentences)
        evidence = f"lone brand names: {in_title + in_text}, in sentences: {places}"
        weight = LONE_BRAND_SCORE * min(places, MIN_REPEATS)
        findings.append(SpamFinding("brand_swap", evidence, "masked", weight))
    return BrandRepair(title, list(lines), text, findings, footer if unchanged and not in_title else None)
