"""A made-up name written over the site's name in the title: 武汉市洪山区人民政府X.

A portal's <title> ends with its own name (… - 武汉市洪山区人民政府门户网站), and the page
says that name again where cloners seldom look: <meta name="SiteName">, the footer's
主办单位 and 版权所有. A phrase swap over 门户网站 or 政府网站 leaves the title's suffix
as the site's name followed by a token no word of the language makes; where the known
name is longer, the two differ by one replaced span, and the known name tells what stood
there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..chars import HAN, is_chinese
from .called import is_called_brand
from .labels import MAX_LABEL_CHARS, is_foreign_unit
from .shape import is_latin_label, load_shapes
from .slots import FOOTER_WORDS, is_foreign_name
from .words import is_foreign_to, is_set_phrase, report_words

# What separates a title's parts: 标题 - 站名, 标题_站名, 站名|栏目.
_TITLE_PARTS = re.compile(r"\s*[-_|｜–—·]+\s*")
# The site's or its owner's name in a footer, on one line: 主办单位：武汉市洪山区人民政府办公室,
# 版权所有：X, X门户网站 版权所有.
_SPACE = "[ \\t\u3000]*"
_FOOTER_NAME = re.compile(
    f"(?:主办单位|主办|版权所有){_SPACE}[:：]?{_SPACE}(?:©|\\(c\\))?{_SPACE}({HAN}{{4,24}})"
    f"|({HAN}{{4,24}}){_SPACE}版权所有"
)
# How a site's own name ends (门户网站, 政府网站, 政务网): a token in their place stands where
# the site's name is, not where its owner's is (主办单位：X办公室).
SITE_NAME_ENDS = ("网站", "网", "门户")
MIN_SHARED_HEAD = 4  # the site's name must open the part: 武汉市洪山区…
MIN_TOKEN_CHARS, MAX_TOKEN_CHARS = 2, 6
MIN_LATIN_CHARS = 3  # s77; a version (V3) and a word a report writes (H5) are no Latin label
SET_PHRASE_CHARS = 4


@dataclass(frozen=True)
class TitleSwap:
    token: str  # the made-up name in the title
    original: str  # what the known name has there ("" when the name is only extended)
    site_name: str


def site_names(meta: Mapping[str, str], footer: str) -> list[str]:
    """The site's own names: <meta name="SiteName"> and the footer's owner."""
    names = [meta.get("sitename", "").strip()]
    names += [match[1] or match[2] for match in _FOOTER_NAME.finditer(footer)]
    names = [name for name in names if not name.startswith(FOOTER_WORDS)]
    return [name for name in dict.fromkeys(names) if len(name) >= MIN_SHARED_HEAD]


def replaced_span(text: str, known: str) -> tuple[str, str, int, int]:
    """(span, original, head, tail): `text` is `known` with its middle span replaced, around a
    shared head and tail of these lengths (创新X against 创新发展: X, 发展, 2, 0)."""
    head = 0
    while head < min(len(text), len(known)) and text[head] == known[head]:
        head += 1
    tail = 0
    while tail < min(len(text), len(known)) - head and text[-1 - tail] == known[-1 - tail]:
        tail += 1
    return text[head : len(text) - tail], known[head : len(known) - tail], head, tail


def is_foreign_set_phrase(token: str, corpus: str) -> bool:
    """Four characters the dictionary holds whole (龙凤呈祥), of words the page writes nowhere
    else, naming no place or body, and no portal's own ending (门户网站, 服务中心)."""
    if len(token) != SET_PHRASE_CHARS or not is_chinese(token) or not is_set_phrase(token):
        return False
    if token in report_words():
        return False  # 乡村振兴: a column of the portal's, counted common by the project's own words
    if token.endswith(load_shapes().channel_things):
        return False
    # In the site name's slot: 蓝天白云 is a phrase, no place ending in 白云 (白云区).
    return is_foreign_name(token, in_slot=True) and is_foreign_to(token, corpus)


def title_swap(title: str | None, names: list[str], corpus: str) -> TitleSwap | None:
    """A title part that is the site's name with a made-up token where its words stood."""
    if not title or not names:
        return None
    longest_first = sorted(names, key=len, reverse=True)  # the fullest name tells the most
    for part in _TITLE_PARTS.split(title.strip()):
        for name in longest_first:
            if part == name or not part.startswith(name[:MIN_SHARED_HEAD]):
                continue
            token, original, head, _ = replaced_span(part, name)
            if head < MIN_SHARED_HEAD or token.endswith(load_shapes().site_suffixes):
                continue  # 英文版, 长者版, 欢迎您, 网站群: the portal's own versions and words
            # A brand calling the reader in (X视频直播, X官方网站 where 门户网站 stood) is read
            # whole, the words it shares with the site's name included.
            if (not original or original.endswith(SITE_NAME_ENDS)) and is_called_brand(called := part[head:]):
                return TitleSwap(called, name[head:], name)
            # A name in pinyin takes more letters than characters (xinpujing): as many as a label.
            latin = token.islower() and MIN_LATIN_CHARS <= len(token) <= MAX_LABEL_CHARS
            if not original and latin and is_latin_label(token):
                return TitleSwap(token, original, name)  # 武汉市洪山区人民政府bwin7, not V3 or H5
            if not MIN_TOKEN_CHARS <= len(token) <= MAX_TOKEN_CHARS:
                continue
            if not is_chinese(token):
                continue
            # The token may hold a word (金沙湾, 盛世汇) as long as it is none: no place, no body,
            # no words end to end; what a portal adds after its name (网站群, 英文版) ends it.
            if is_foreign_unit(token, corpus):
                return TitleSwap(token, original, name)
            # A set phrase the page is not about (武汉市洪山区人民政府龙凤呈祥): no portal names
            # itself so, and its words hold no other word's place.
            if is_foreign_set_phrase(token, corpus):
                return TitleSwap(token, original, name)
    return None
