"""A list of made-up names at the tail of the page, where no lexicon word marks it.

A parasite appends its brands after the footer as one plain line (鼎丰园 福瑞祥 宝丰汇 …).
extract/spam/text.py takes such a line for a keyword list when half its items are brand
words or brand shapes; a list of bare Chinese names has neither. Its place and its items
still show it: one of the page's last lines, after its footer, nothing but short items,
most of them names that are no place, no body and not made of words of the language. A portal's own last
lines are its footer (版权所有, 备案号), a link bar of words (关于我们 网站地图 联系我们) or a
breadcrumb.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..chars import is_chinese
from ..model import SpamFinding
from .called import is_called_brand
from .fold import drop_zero_width, has_zero_width, nfkc
from .shape import is_brand_item, load_shapes
from .slots import FOOTER_WORDS, is_foreign_name, is_place_and_word
from .text import LIST_SCORE, MIN_LIST_ITEMS, list_items
from .words import is_made_of_words, is_set_phrase

TAIL_LINES = 3  # the page's last lines a tail list may be
# What a footer holds: the list must come after it (a footer's own link bar comes before).
FOOTER_MARKS = (*FOOTER_WORDS, "ICP备", "公网安备", "标识码", "備案", "备案")
MADE_UP_SHARE = 0.5
MIN_NAME_CHARS, MAX_NAME_CHARS = 2, 6
MIN_LATIN_CHARS = 3
VERSION = "版"  # 手机版, 长者版, 英文版: a portal's own link


def _is_made_up_name(item: str) -> bool:
    if not MIN_NAME_CHARS <= len(item) <= MAX_NAME_CHARS or not is_chinese(item):
        return False
    # A portal's link bar: its versions (手机版, 长者版) and the place's accounts (桐乡发布).
    if item.endswith(VERSION) or is_place_and_word(item):
        return False
    return is_foreign_name(item) and not is_made_of_words(item)


def _is_set_phrase(item: str) -> bool:
    """A four-character phrase the dictionary holds whole (锦绣前程, 紫气东来, 金玉满堂): what a
    parasite's list repeats where a portal's link bar has compounds it builds (网站地图, 联系我们)."""
    return len(item) == 4 and is_chinese(item) and is_foreign_name(item) and is_set_phrase(item)


def _is_code_name(item: str) -> bool:
    """Letters and digits mixed (zz99, t9t9, k66): a code, where a link bar writes APP or QQ."""
    return item.isascii() and item.isalnum() and not item.isalpha() and not item.isdigit()


def _is_lower_case_name(item: str) -> bool:
    """Lower-case letters that are no word a report writes (betway, sbobet): a link bar writes
    its English capitalised (English, RSS, APP)."""
    return (
        item.isascii()
        and item.isalpha()
        and item.islower()
        and len(item) >= MIN_LATIN_CHARS
        and (item not in load_shapes().latin_words)
    )


def _is_spam_item(item: str) -> bool:
    if has_zero_width(item):
        return True  # 天\u200b顺: a name hidden from rules, never a link bar's word
    item = nfkc(item)  # ｋ８ｖｉｐ, ＸＹ体育: the same names to a reader
    return (
        _is_made_up_name(item)
        or _is_code_name(item)
        or _is_lower_case_name(item)
        or _is_set_phrase(item)
        or is_brand_item(item)
        or is_called_brand(item)
    )


def _is_name_list(line: str) -> bool:
    items = list_items(line)
    if items is None or len(items) < MIN_LIST_ITEMS:
        return False
    made_up = sum(map(_is_spam_item, items))
    return made_up >= 3 and made_up >= MADE_UP_SHARE * len(items)


def _as_read(line: str) -> str:
    return " ".join(drop_zero_width(line).split())


def _after_footer(lines: Sequence[str], index: int) -> bool:
    return any(mark in line for line in lines[:index] for mark in FOOTER_MARKS)


def strip_tail_names(lines: Sequence[str], text: str) -> tuple[list[str], str, list[SpamFinding]]:
    """The page's lines and main text without a tail list of made-up names, and its finding."""
    kept = list(lines)
    findings: list[SpamFinding] = []
    seen = 0
    for index in range(len(kept) - 1, -1, -1):
        line = kept[index].strip()
        if not line:
            continue
        seen += 1
        if seen > TAIL_LINES or any(mark in line for mark in FOOTER_MARKS):
            break  # the footer, or lines too far from the page's end
        if not _is_name_list(line) or not _after_footer(kept, index):
            continue
        findings.append(SpamFinding("keyword_list", line[:200], "removed", LIST_SCORE))
        del kept[index]
        # The main text may have lost the zero-width characters the line holds (天\u200b顺).
        seen_as = _as_read(line)
        text = "\n".join(other for other in text.split("\n") if _as_read(other) != seen_as)
    return kept, text, findings
