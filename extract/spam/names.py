"""Brand-for-name swaps (spec P4, §5): find the brand, recover the name, write it back.

A cloner replaces a place or government name with a casino brand everywhere
(美高梅娛樂城市 for 大连市). The brand is found from a lexicon or morphology hit,
or a run of Traditional characters in a Simplified page, and stretched to the
longest string that repeats unchanged. Each occurrence is read by its slot: the
word after it says whether it stood for a bare toponym (S市, 中国S), a full
place name (S2018年…, S人民政府) or a government (S办公室, S督查室); a slot in the
footer or before a provincial 文号 stood for the hosting body, which may differ
from the report's author (seed 000: 大连 in the text, 辽宁省人民政府 in the footer).
Where the evidence does not settle the name, the brand is masked, never kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..chars import HAN, is_han
from ..gazetteer import SINGLE_LEVEL_SUFFIXES, Division, gazetteer
from ..model import SpamFinding
from . import lexicon
from .evidence import Recovery
from .fold import to_simplified
from .slots import MIN_REPEATS, is_foreign_name
from .words import in_report_labels

MASK = "〔ENTITY?〕"
MIN_CONFIDENCE = 0.6
# A repeated lexicon brand in the name slots is a swap, recovered or not; the confidence of
# the recovery adds to it.
SWAP_SCORE = 2.0
SEED_CATEGORIES = ("brand", "casino", "morphology", "lottery", "betting")
_STOP = set('\n\t 　,，。、；;:：“”"《》<>[]【】')
_TRAILING_SLOT = ("人民政府", "办公厅", "办公室", "政府", "市", "县", "区", "省")
_LEADING_SLOT = ("中国", "关于", "由", "全", "我")
_FOOTER_MARKERS = (
    "版权所有",
    "主办单位",
    "主办：",
    "主办:",
    "承办",
    "网站标识码",
    "ICP",
    "公网安备",
    "技术支持",
)
_HOST_BEFORE = re.compile(r"(?:版权所有|主办单位|主办)\s*[:：]?\s*$")
_VERBS_AFTER = ("关于", "组织", "印发", "加快", "决定", "发布")
_GOVERNMENT_AFTER = ("办公厅", "办公室", "督查室", *_VERBS_AFTER)
# Where a bare place name builds another name: 中国诸城门户网站, 诸城发布 (a WeChat account).
_BUILT_ON_BARE_AFTER = (*_VERBS_AFTER, "站点", "门户")
_FULL_AFTER = ("人民政府", "政府", "站点", "门户", "党委", "人大", "政协")
_BARE_AFTER = (*SINGLE_LEVEL_SUFFIXES, "服务指南", "民意网", "电台", "片区", "日报", "网")
_DOC_NUMBER = re.compile("(" + HAN + r"{2,7}?)\s*[〔\[［(（](?:19|20)\d{2}[〕\]］)）]")


@dataclass(frozen=True)
class BrandRepair:
    title: str | None
    lines: list[str]
    text: str
    findings: list[SpamFinding]
    # The footer lines (slots.footer_lines) of the title and lines returned, where they were read
    # and nothing changed since: the next stage reads them from here instead of the page again.
    footer: str | None = None


def occurrences(corpus: str, needle: str) -> list[int]:
    """Where `needle` starts in `corpus`, occurrences not overlapping."""
    found, start = [], corpus.find(needle)
    while start != -1:
        found.append(start)
        start = corpus.find(needle, start + len(needle))
    return found


# Characters read on either side of each occurrence to tell one sentence printed twice.
SENTENCE_CONTEXT = 6
# Quotation and title marks, opening and closing, that a page quotes a name between.
_QUOTES = (("“", "”"), ("《", "》"), ("「", "」"), ("『", "』"))


def all_quoted(corpus: str, where: list[int], size: int) -> bool:
    """Every occurrence stands between quotation or title marks on its line (“長江實業”,
    《臺灣通史》): a name the page quotes, not one written over its words."""

    def quoted(at: int) -> bool:
        before = corpus[corpus.rfind("\n", 0, at) + 1 : at]
        end = corpus.find("\n", at + size)
        after = corpus[at + size : len(corpus) if end == -1 else end]
        return any(
            (opened := before.rfind(opening)) != -1 and closing not in before[opened:] and closing in after
            for opening, closing in _QUOTES
        )

    return bool(where) and all(map(quoted, where))


def stands_between_words(text: str, where: list[int], size: int) -> bool:
    """Glued to Chinese on both sides in two different phrases or more (思想政治w88司, 全国高校w88网):
    written where words stood. `where`: the offsets of a run of `size` characters."""
    inside = [at for at in where if at and is_han(text[at - 1]) and is_han(text[at + size : at + size + 1])]
    return len(inside) >= MIN_REPEATS and not in_one_sentence(text, inside, size)


def in_one_sentence(corpus: str, where: list[int], size: int) -> bool:
    """Every occurrence stands between the same characters of its line: one sentence the page
    prints twice (a summary above the article, a tab and its panel), not a name written in
    several places. A name that is its whole line (a menu's label printed twice) is no sentence."""
    context = SENTENCE_CONTEXT

    def around(at: int) -> tuple[str, str]:
        before = corpus[max(0, at - context) : at].rpartition("\n")[2]
        return before, corpus[at + size : at + size + context].partition("\n")[0]

    first = around(where[0])
    # The first occurrence that stands elsewhere settles it: most names do at the second.
    return first != ("", "") and all(around(at) == first for at in where[1:])


def stretch(corpus: str, start: int, end: int) -> str | None:
    """The longest string around corpus[start:end] that every occurrence shares."""
    brand = corpus[start:end]
    where = occurrences(corpus, brand)
    if len(where) < 2:
        return None
    while len(brand) < 40:
        following = {corpus[i + len(brand)] if i + len(brand) < len(corpus) else "" for i in where}
        if len(following) != 1 or (char := following.pop()) in _STOP or not char:
            break
        brand += char
    while len(brand) < 40:
        preceding = {corpus[i - 1] if i > 0 else "" for i in where}
        if len(preceding) != 1 or (char := preceding.pop()) in _STOP or not char:
            break
        brand = char + brand
        where = [i - 1 for i in where]
    for slot in _TRAILING_SLOT:
        if brand.endswith(slot) and len(brand) - len(slot) >= 2:
            brand = brand[: -len(slot)]
            break
    for slot in _LEADING_SLOT:
        if brand.startswith(slot) and len(brand) - len(slot) >= 2:
            brand = brand[len(slot) :]
            break
    return brand if len(brand) >= 2 else None


def _slot(line: str, start: int, end: int, unmarked: str = "full") -> str:
    """What an occurrence stood for, read from its neighbours; `unmarked` where they say nothing."""
    after, before = line[end : end + 6], line[max(0, start - 8) : start]
    if _HOST_BEFORE.search(before):
        return "host"
    if unmarked == "bare" and (before.endswith("中国") or after.startswith(_BUILT_ON_BARE_AFTER)):
        return "bare"
    if after.startswith(_GOVERNMENT_AFTER):
        return "government"
    if after.startswith(_FULL_AFTER) or after[:1].isdigit():
        return "full"
    if before.endswith("中国") or after.startswith(_BARE_AFTER):
        return "bare"
    return "government" if before.endswith(("《", "关于", "由")) else unmarked


def _is_name_slot(corpus: str, start: int, end: int) -> bool:
    after, before = corpus[end : end + 6], corpus[max(0, start - 8) : start]
    return (
        after.startswith(_GOVERNMENT_AFTER + _FULL_AFTER + _BARE_AFTER)
        or after[:1].isdigit()
        or before.endswith(("中国", "《", "关于", "由", "全", "我"))
        or bool(_HOST_BEFORE.search(before))
    )


def find_brands(corpus: str, odd: Sequence[int] = ()) -> list[str]:
    """Repeated strings that stand where names stand and read as spam (P4 rule 1–2).

    `odd`: where the corpus holds characters of the other script (text.minority_script_chars
    of a Simplified page), which seed names too."""
    seeds = [(h.start, h.end) for h in lexicon.hits(corpus) if h.category in SEED_CATEGORIES]
    lexicon_seeds = len(seeds)
    seeds += [(a, b + 1) for a, b in zip(odd, odd[1:], strict=False) if b - a < 6]
    brands: list[str] = []
    seen: set[str] = set()
    for index, (start, end) in enumerate(seeds):
        # stretch depends on the seed's text alone (it reads every occurrence of it), so
        # a seed text met before would only repeat the verdict already reached.
        if corpus[start:end] in seen:
            continue
        seen.add(corpus[start:end])
        brand = stretch(corpus, start, end)
        if not brand or brand in brands:
            continue
        where = occurrences(corpus, brand)
        if index >= lexicon_seeds and not is_other_script_name(corpus, brand, where):
            continue
        in_slot = sum(1 for i in where if _is_name_slot(corpus, i, i + len(brand)))
        if in_slot >= 0.5 * len(where):
            brands.append(brand)
    # A morphology hit can drag neighbouring characters into a longer variant of a brand
    # found on its own: the shortest repeated form covers every occurrence.
    return [b for b in brands if not any(b != other and other in b for other in brands)]


def is_other_script_name(corpus: str, name: str, where: list[int]) -> bool:
    """Traditional on a Simplified page that is a name of no place, no label of the report's and is
    not quoted: 澳門特別行政區 and 紹興 fold to places, 申請數 to a label, “長江實業” is quoted."""
    folded = to_simplified(name)
    return (
        is_foreign_name(folded) and not in_report_labels(folded) and not all_quoted(corpus, where, len(name))
    )


def _name_for(slot: str, author: Division | None, host: Division | None) -> str:
    if author is None:
        return MASK
    if slot == "host":
        return (host or author).government
    if slot == "bare":
        return author.bare
    if slot == "full":
        return author.name
    return author.government


def _slot_with_owner(
    line: str, start: int, end: int, author: Division | None, host: Division | None, unmarked: str = "full"
) -> str:
    slot = _slot(line, start, end, unmarked)
    if slot != "government" or host is None or author is None or host.code == author.code:
        return slot
    if any(marker in line for marker in _FOOTER_MARKERS):
        return "host"
    # 《S办公厅关于…》(辽政办明电〔2018〕3号): the cited number names the issuer.
    cited = _DOC_NUMBER.search(line, end, end + 120)
    if cited and cited[1][0] != author.short[0] and cited[1][0] in _host_marks(host):
        return "host"
    return slot


def _host_marks(host: Division) -> str:
    g = gazetteer()
    marks = {a for a, codes in g.abbreviations.items() if host.province in codes}
    return "".join(marks) + host.short[0]


def repair(
    title: str | None, lines: Sequence[str], text: str, brands: Sequence[str], recovery: Recovery
) -> BrandRepair:
    """Write the recovered names over every brand occurrence; mask where nothing was recovered."""
    author = recovery.author if recovery.confidence >= MIN_CONFIDENCE else None
    host = recovery.host
    counts: Counter[tuple[str, str]] = Counter()
    page = "\n".join([title or "", *lines])
    # A brand the page writes with a level after it (S市) was written over the bare place name
    # (抚顺 in 抚顺市): where nothing around an occurrence tells (关注S, “信用S”), it stood
    # for that bare name too, not for the full one.
    unmarked = {
        brand: "bare"
        if any(page.startswith(SINGLE_LEVEL_SUFFIXES, at + len(brand)) for at in occurrences(page, brand))
        else "full"
        for brand in brands
    }

    def fix(value: str) -> str:
        for brand in brands:
            if brand not in value:
                continue
            pieces, last = [], 0
            for index in occurrences(value, brand):
                slot = _slot_with_owner(value, index, index + len(brand), author, host, unmarked[brand])
                name = _name_for(slot, author, host)
                counts[(brand, name)] += 1
                pieces += [value[last:index], name]
                last = index + len(brand)
            value = "".join(pieces) + value[last:]
        return value

    fixed_title = fix(title) if title else title
    fixed_lines = [fix(line) for line in lines]
    on_page = counts.copy()  # the text repeats the lines: count each occurrence once
    fixed_text = fix(text)
    counts = on_page
    findings = []
    clues = "; ".join(recovery.clues[:8])
    for (brand, name), count in counts.items():
        action = "masked" if name == MASK else "replaced"
        findings.append(
            SpamFinding(
                "brand_swap",
                f"{brand} → {name} ×{count} ({clues})"[:500],
                action,
                round(SWAP_SCORE + recovery.confidence, 2),
            )
        )
    return BrandRepair(fixed_title, fixed_lines, fixed_text, findings)


_SENTENCE_END = re.compile("[。！？；!?;\n]")


def mask_leftovers(value: str | None) -> tuple[str | None, int, frozenset[str]]:
    """A brand outside any slot still never stays in a stored name or text.

    Returns the value masked, how many names were masked, and the sentences that held them
    (as the page wrote them: a sentence printed twice is one)."""
    if not value:
        return value, 0, frozenset()
    spans = [h for h in lexicon.hits(value) if h.category == "brand"]
    sentences = frozenset(_sentence_at(value, hit.start) for hit in spans)
    for hit in reversed(spans):
        value = value[: hit.start] + MASK + value[hit.end :]
    return value, len(spans), sentences


def _sentence_at(value: str, at: int) -> str:
    opening = max((m.end() for m in _SENTENCE_END.finditer(value, 0, at)), default=0)
    closing = _SENTENCE_END.search(value, at)
    return value[opening : closing.start() if closing else len(value)]


def brand_findings(field: str, value: str | None) -> list[SpamFinding]:
    """A casino brand in the title or the reporting body's name: the name was swapped."""
    if not value:
        return []
    found = lexicon.hit_strings(value)
    return [SpamFinding("brand_swap", f"{field}: {value} ({', '.join(found)})", "flagged")] if found else []
