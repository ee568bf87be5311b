"""Tokens standing where an administrative name belongs that name no division (spec P4).

A report's title and footer name its body: X市2020年政府信息公开工作年度报告, X县人民政府,
X市人民政府门户网站. A cloner writes a brand over X, whatever the brand is. So a string in
that slot which is no division of the gazetteer, no township and no agency, and which the
page repeats, is a swapped name: no list of brands is needed to see it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..caches import loaded
from ..gazetteer import TOWNSHIP_SUFFIXES, Division, gazetteer
from .shape import is_latin_label, load_shapes
from .words import is_common_word, is_made_of_words

# X, an optional level, then what follows a body's name in a title, a footer or a site name;
# X opens the line or follows the footer's 版权所有/主办 (in prose, 各部门人民政府 is no name).
# Full-width letters and digits too (ＶＩＰ８８), middle dots (澳门·X) and ampersands (M&G): a brand
# written so is still a name in the slot.
_NAME = "[\u4e00-\u9fffA-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u00b7\u30fb&\uff06]{2,12}?"
NAME_SLOT = re.compile(
    rf"(?:^|(?<=版权所有)|(?<=主办单位)|(?<=主办)|(?<=[:：\s|_\-—]))[ \t]*({_NAME})(市|县|区|省)?"
    r"(?=人民政府|政府门户网站|门户网站|(?:19|20)\d{2}年度?政府信息公开)",
    re.M,
)
# Letters and digits too few to be a word (3658, w88, ｗ８８, M&G): a name only where a level follows.
_LEVELED_ONLY = re.compile(
    r"[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+(?:[&\uff06\u00b7\u30fb]?[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+)+"
)
# A name spelt out one character and a space at a time (乐 享 汇市人民政府), which no word
# list or slot would match written so; a place spelt so (诸 城 市) is still a place.
SPACED_NAME_SLOT = re.compile(
    r"(?<![\u4e00-\u9fff] )((?:[\u4e00-\u9fff] ){1,5}[\u4e00-\u9fff])(市|县|区|省)?"
    r"(?=人民政府|政府门户网站|门户网站|(?:19|20)\d{2}年度?政府信息公开)"
)
_HAS_NAME_CHAR = re.compile(r"[\u4e00-\u9fff]|[A-Za-z\uff21-\uff3a\uff41-\uff5a]{2}")


@loaded()
def body_ends() -> tuple[str, ...]:
    """How a body's own name ends: an agency (extract/data/spam_shapes.csv), a township. Whole
    words, where a single character also ends brands (新澳门, 贵宾会, 娱乐站)."""
    return (*load_shapes().agency_ends, *TOWNSHIP_SUFFIXES)


_COLLECTIVE_STARTS = (
    "各",
    "本",
    "全",
    "我",
    "该",
    "上",
    "下",
    "省",
    "市",
    "县",
    "区",
    "中华",
    "中国",
    "国家",
    "国务",
    "关于",
)
LEVEL_CHARS = "省市县区"
# One character that may stand before a place's short name and leave it a place: a direction,
# new or old, greater or lesser.
_PLACE_HEADS = frozenset("东西南北中上下前后内外新老大小")
# Where a hierarchy of names splits: after each level (辽宁省|大连).
LEVEL_ENDS = re.compile("(?<=[省市县区])")
# Footer lines name the site's owner: 版权所有：X人民政府, 主办单位：X人民政府办公室.
FOOTER_WORDS = ("版权所有", "主办")
MIN_REPEATS = 2


@loaded()
def _upper_short_names() -> frozenset[str]:
    """Short names of provinces and prefectures (广西, 内蒙古, 大连): what may head a county's name."""
    return frozenset(d.short for d in gazetteer().by_code.values() if d.level <= 2 and d.short)


@loaded()
def _province_names() -> frozenset[str]:
    """What stands before 省 in a province's name: 四川, 黑龙江 (and 台湾)."""
    return frozenset(d.short for d in gazetteer().by_code.values() if d.level == 1 and d.short)


def _is_known_name(token: str, in_slot: bool = False) -> bool:
    return _is_known(token, in_slot, {})


def _is_known(token: str, in_slot: bool, heads: dict[str, bool]) -> bool:
    """_is_known_name, with the answers for the token's heads (each of its beginnings) kept in
    `heads`: each is read once, so a long token costs a pass per head, not one per way down."""
    g = gazetteer()
    if token in g.by_any_name or any(token + level in g.by_any_name for level in LEVEL_CHARS):
        return True
    if token in load_shapes().nation:
        return True  # 中央人民政府: the nation's government, whose place no division names
    # A token that is a division's short name (大连) or ends in one (辽宁大连, 信用抚顺) is a
    # place: some full name starts with its last two to four characters and adds only a level.
    # One character before the short name is a place's only when it says where or which
    # (东沙湾, 新诸城); a brand puts one there to make a name of its own (金沙湾).
    # Where a body's name belongs (X市人民政府), what stands before the short name must be a
    # place itself (辽宁大连): no government is named 新诸城 or 信用抚顺, and 大三元 is no 三元.
    for size in range(2, min(4, len(token)) + 1):
        tail, head = token[-size:], token[:-size]
        # One character is no place of its own there (新 is 新县's short name, not a head).
        if len(head) >= 2 and head not in heads and head not in _upper_short_names():
            heads[head] = _is_known(head, False, heads)
        is_place_head = len(head) >= 2 and (head in _upper_short_names() or heads[head])
        if in_slot and head and not is_place_head:
            continue
        if len(head) == 1 and head not in _PLACE_HEADS:
            continue
        if any(full.startswith(tail) and len(full) - size <= 3 for full in g.by_prefix.get(tail[:2], ())):
            return True
    return False


# Hong Kong, Macao and Taiwan open brands' names (澳门银河) as often as accounts'.
_NOT_MAINLAND = ("71", "81", "82")


def _is_mainland(division: Division) -> bool:
    return not division.code.startswith(_NOT_MAINLAND)


def is_place_and_word(name: str) -> bool:
    """A mainland division's short name and words after it (桐乡发布, 抚顺融媒, 新疆政务服务), or
    what a city's app puts before it (微绵阳, 爱义乌): a place's own account or column. No brand
    word after it (金沙娱乐 is a brand's shape)."""
    g = gazetteer()
    shapes = load_shapes()
    for prefix in shapes.place_prefixes:
        rest = name.removeprefix(prefix)
        if rest != name and any(_is_mainland(d) for d in g.by_short.get(rest, ())):
            return True  # 微绵阳, 爱义乌: a city's app
    brand_words = shapes.suffixes
    for size in (2, 3):
        head, rest = name[:size], name[size:]
        if len(rest) < 2 or any(word in rest for word in brand_words):
            continue
        if any(_is_mainland(d) for d in g.by_short.get(head, ())) and is_made_of_words(rest):
            return True
    return False


def is_foreign_name(token: str, in_slot: bool = False, leveled: bool = False) -> bool:
    """A token that is neither a division, a township, an agency nor a collective.

    `in_slot`: the token stands where a body's name belongs (see `_is_known_name`);
    `leveled`: a level follows it there (X市人民政府), so it is a place's name or none: an
    agency, a township or a collective (上级, 本级) is never followed by one (王者俱乐部省).
    """
    if not _HAS_NAME_CHAR.search(token) and not (leveled and _LEVELED_ONLY.fullmatch(token)):
        return False  # digits (and a letter) are a name only where a level follows them (3658市, w88市)
    ends_a_body = token.endswith(body_ends())
    if (ends_a_body or token.startswith(_COLLECTIVE_STARTS)) and not leveled:
        return False
    levels = sum(char in LEVEL_CHARS for char in token)
    # A name ending in a level with another level after it in the slot (澳门新区市人民政府) is a
    # place only where the gazetteer knows it (沙市区, 新市区); no division is named X区市. Levels
    # after a collective (各县区, 各市县) list bodies.
    ends_in_a_level = levels == 1 and token[-1] in LEVEL_CHARS and not token.startswith(_COLLECTIVE_STARTS)
    if levels and not (leveled and ends_in_a_level):
        return False  # 辽宁省大连: a hierarchy of real names
    return not _is_known_name(token, in_slot)


def foreign_part(token: str, leveled: bool = False) -> str | None:
    """The part of a slot's token that names no division: 武汉市X → X when 武汉市 is a place.

    A hierarchy (辽宁省大连) is read level by level; a swap writes over its last part.
    """
    parts = [part for part in LEVEL_ENDS.split(token) if part]
    if len(parts) > 1:
        head, last = "".join(parts[:-1]), parts[-1]
        if len(last) >= 2 and not any(is_foreign_name(part) for part in parts[:-1]) and _is_known_name(head):
            return last if is_foreign_name(last, in_slot=True, leveled=leveled) else None
    return token if is_foreign_name(token, in_slot=True, leveled=leveled) else None


def slot_matches(title: str, footer: str) -> Iterator[tuple[str, re.Match[str]]]:
    """The name slots of the title, then of the footer: ("title" or "footer", the match)."""
    for place, where in (("title", title), ("footer", footer)):
        for match in NAME_SLOT.finditer(where):
            yield place, match


def slot_brands(title: str | None, corpus: str, footer: str = "") -> dict[str, str]:
    """Foreign tokens in a name slot that the page repeats → where: "title" or "footer".

    A swap puts the brand where the report names its body (the title) or the site's owner
    (the footer's 版权所有); the caller weighs a token the page's identity does not support.
    """
    found: dict[str, str] = {}
    # The title and the footer are short: their slots are read there, and the page is only counted.
    for place, match in slot_matches(title or "", footer):
        token = foreign_part(match[1], leveled=bool(match[2]))
        if token is None and match[2] == "省" and match[1] not in _province_names():
            token = match[1]  # 峨眉山省人民政府: a place, but no province (the table says its level)
        if token and token not in found and corpus.count(token) >= MIN_REPEATS:
            found[token] = place
    for place, where in (("title", title or ""), ("footer", footer)):
        for match in SPACED_NAME_SLOT.finditer(where):
            spaced = match[1]  # the page's own form: what is written over
            name = spaced.replace(" ", "")
            if spaced not in found and is_foreign_name(name, in_slot=True, leveled=bool(match[2])):
                if corpus.count(spaced) >= MIN_REPEATS:
                    found[spaced] = place
    return found


# A slot is read from the separator on (- 诸城市人民政府), so a Latin name holding one (bet-777,
# Lucky Star) is read by its last word: what every occurrence holds before it is the rest.
_LATIN_JOINED = frozenset("-_ &＆abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def joined_on_the_left(corpus: str, token: str) -> str:
    """`token` with the Latin letters, digits and joiners that stand before every occurrence.

    Two kinds of occurrence say nothing: one opening a line (a title cut at its separator,
    …，bet-365区打造… read as …，bet and 365区打造…, opens one with the name's last word), and
    digits inside a longer number (365 in an article's id, 2213652).
    """
    where = []
    for match in re.finditer(re.escape(token), corpus):
        start, end = match.span()
        if not start or corpus[start - 1] == "\n":
            continue
        if (token[0].isdigit() and corpus[start - 1].isdigit()) or (
            token[-1].isdigit() and corpus[end : end + 1].isdigit()
        ):
            continue
        where.append(start)
    name = token
    while len(name) < 40:
        before = {corpus[i - 1] if i > 0 else "" for i in where}
        if len(before) != 1 or (char := before.pop()) not in _LATIN_JOINED:
            break
        name, where = char + name, [i - 1 for i in where]
    return name.lstrip("-_ &＆") if name != token else token


def footer_lines(corpus: str) -> str:
    """The page's lines that name its owner (版权所有, 主办单位), joined.

    Found where their words stand (a search in C): the page is not walked line by line.
    """
    found: dict[int, str] = {}
    for word in FOOTER_WORDS:
        at = corpus.find(word)
        while at != -1:
            start = corpus.rfind("\n", 0, at) + 1
            end = corpus.find("\n", at)
            end = len(corpus) if end == -1 else end
            found.setdefault(start, corpus[start:end])
            at = corpus.find(word, end)
    return "\n".join(found[start] for start in sorted(found))


# The site code's label is fixed by the national standard: 政府网站标识码 (or 网站标识码), then
# the code (ten digits, or bm and eight for a ministry). Whatever else stands before 标识码 was
# written over 政府网站, and a phrase swap writes the same name wherever that word stood.
_SITE_CODE_WORDS = ("标识码", "標識碼")
# The label's own words before 标识码, read back from it (the run at the end of what precedes).
_LABEL_BEFORE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,16}\Z")
_CODE_SEPARATOR = r"\s*[:：]?\s*"
_CODE_AFTER = re.compile(_CODE_SEPARATOR + r"((?:[A-Za-z]{2})?\d{8,10})")
# The label's end and its separator, read back from where a code would start.
_LABEL_END = re.compile(f"(?:{'|'.join(_SITE_CODE_WORDS)}){_CODE_SEPARATOR}\\Z")
_SITE_CODE_OWNERS = ("网站", "網站", "网", "站", "站点", "站點")


def _site_code_labels(text: str) -> list[tuple[str, str]]:
    """(label, code): what stands before each 标识码 that a code follows, and the code; found
    where the word stands (in C)."""
    labels = []
    for word in _SITE_CODE_WORDS:
        at = text.find(word)
        while at != -1:
            before = _LABEL_BEFORE.search(text, max(0, at - 17), at)
            if before and (code := _CODE_AFTER.match(text, at + len(word))):
                labels.append((before[0], code[1]))
            at = text.find(word, at + len(word))
    return labels


def follows_a_site_code_label(text: str, at: int) -> bool:
    """What starts at `at` is the site's code, right after its label (网站标识码：bm01000001, a
    central body's code holding letters)."""
    return _LABEL_END.search(text, max(0, at - 8), at) is not None


def _is_site_code(code: str) -> bool:
    """A government site's code: a division's six digits and four more (1101150005)."""
    return len(code) == 10 and code.isdigit() and code[:6] in gazetteer().by_code


def site_code_names(text: str) -> list[str]:
    """Names standing where the site code's label says 政府网站 (大赢家标识码：1101150005), repeated."""
    found = []
    for label, code in _site_code_labels(text):
        if label.endswith(_SITE_CODE_OWNERS):
            continue
        # 政府X标识码: the swap took 网站 alone.
        name = label.removeprefix("政府") if len(label) >= 4 else label
        # A Latin name with a number (w88标识码) is a name there as much as a Chinese one.
        if (
            name in found
            or text.count(name) < MIN_REPEATS
            or not (is_foreign_name(name) or is_latin_label(name))
        ):
            continue
        # Before a division's site code only the standard's words stand, so a word of the
        # language there (金色年华) is a swap too; before another code (组织机构标识码) it is
        # the page's own label. The dictionary last: it loads once.
        if _is_site_code(code) or not is_common_word(name):
            found.append(name)
    return found
