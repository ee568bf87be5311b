"""Names standing where a report names the channel it publishes through: 通过X公开.

通过X公开, 在X集中发布, 在X、政务微博: a report puts its website, 公告栏 or 公众号 there, words
of the language or names of places; a phrase swap puts a name there that is none of them,
whatever it is (在金沙湾集中发布), with no brand word to show it. A name made of words counts
when the report writes those words nowhere else (通过星辰大地公开), and a name calling the
reader in (extract/spam/called.py: 在凤凰视频直播集中发布) counts whatever it holds.

Every occurrence standing in the same sentence (a summary printed twice) is one slot,
whatever the name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..chars import is_chinese, is_han
from .called import is_called_brand
from .names import in_one_sentence, occurrences
from .shape import is_acronym, load_shapes
from .slots import MIN_REPEATS, is_foreign_name, is_place_and_word
from .words import (
    ends_like_a_channel,
    holds_a_report_word,
    is_a_report_s_brand_word,
    is_common_word,
    is_foreign_to,
    is_made_of_words,
    is_named_before_a_brand_word,
    is_set_phrase,
    report_words,
    word_counts,
)


def _is_the_report_s_own(name: str, text: str) -> bool:
    """A channel of the report's: one ending like a channel (网站, 公告栏, 皖事通, 社保卡), a place or
    body, a word of today's reports, or words the report writes elsewhere too (征求意见,
    信用诸城, 大宗商品交易)."""
    if is_called_brand(name):
        return False
    shapes = load_shapes()
    if not is_chinese(name):
        return _is_own_with_latin(name)
    # X官方网站, X官网: the site of X, whose name is what the report may own (市政府官方网站)
    # or not (九州官方网站, where 九州 stands nowhere else on the page).
    for funnel in shapes.strong_funnels:
        if name.endswith(funnel) and len(head := name.removesuffix(funnel)) >= 2:
            return _is_the_report_s_own(head, text)
    if (
        ends_like_a_channel(name, shapes.channel_nouns)
        or not is_foreign_name(name)
        or is_place_and_word(name)
    ):
        return True
    if not is_made_of_words(name):  # the dictionary last: it loads once
        return False
    # A word of today's reports (政民互动, 疫情防控) is no brand's, wherever the page writes it,
    # unless it is the brand word after a name (天龙棋牌: reports write 棋牌室). After a word
    # reports put there, it is the report's (基层体育), whether the page writes it elsewhere or
    # not; a name the page writes elsewhere too may be a medium's (搜狐体育, 五星体育).
    if is_named_before_a_brand_word(name, text):
        return False
    if is_a_report_s_brand_word(name):
        return True
    return holds_a_report_word(name) or not is_foreign_to(name, text)


def _is_own_with_latin(name: str) -> bool:
    """Chinese with Latin or digits glued on: a city's or body's app (i诸城, e政务), a word a
    report writes (政务app, 5g政务) or a hotline is the report's own; a brand's Latin (米乐m6,
    bet9九州: digits with letters, or letters that are no word) after any other name is not."""
    han = "".join(char for char in name if is_han(char))
    written = "".join(char for char in name if not is_han(char))
    glued = written.lower()
    shapes = load_shapes()
    if not is_foreign_name(han) or glued in shapes.latin_words or name.startswith(shapes.hotlines):
        return True
    if is_acronym(written):
        return True  # OA系统, CA认证
    return not (glued.isalpha() and len(glued) >= 2 or any(map(str.isdigit, glued)) and not glued.isdigit())


def _is_made_up_pair(name: str) -> bool:
    """Two characters no dictionary or report counts (必赢, 鼎博).

    Two characters are a report's abbreviations as often as a name (院务 27, 校务 54 in the
    dictionary; 两微 and 官微 end like a channel): one the dictionary counts at all is the report's."""
    return word_counts().get(name, 0) == 0 and name not in report_words()


def _before_a_channel_s_verb(name: str, afters: tuple[str, ...]) -> str:
    """The name before a word that follows a channel, where the slot's reading ends in one:
    在必赢集中发布 reads 必赢集中 (集中 and 发布 both follow a channel), whose name is 必赢."""
    if not name.endswith(afters):  # most names: one call in C
        return name
    for word in afters:
        if name.endswith(word) and len(name) - len(word) >= 2:
            return name.removesuffix(word)
    return name


def _opens_a_channel_s_name(text: str, end: int) -> bool:
    """The word after a two-character reading goes on into a channel's name (在镇村公开栏张贴:
    公开栏), which is the name the slot holds, too long to end before a word after it."""
    shapes = load_shapes()
    word = next((word for word in shapes.channel_afters if text.startswith(word, end)), "")
    return bool(word) and text.startswith(shapes.channel_nouns, end + len(word))


# What ends the next item of a list: another separator, a clause, 等.
_ITEM_END = re.compile("[、，。；：,;等和及与]")


def _lists_channels(text: str, at: int) -> bool:
    """The list going on at `at` names a channel next (在X、政务微博): 在教育、医疗等领域 lists fields."""
    end = _ITEM_END.search(text, at, at + 16)
    item = text[at : end.start() if end else at + 16]
    shapes = load_shapes()
    return bool(item) and (item.endswith(shapes.channel_nouns) or shapes.platform.search(item) is not None)


def channel_names(text: str, matches: Iterable[re.Match[str]] | None = None) -> list[str]:
    """Made-up names standing, repeated, where a report names its channel.

    `matches`: shapes.channel_slot.finditer(text), where the caller has read them already
    (extract/spam/phrase_scan.py)."""
    shapes = load_shapes()
    slots = [
        (match[1], _before_a_channel_s_verb(match[2], shapes.channel_afters))
        for match in (shapes.channel_slot.finditer(text) if matches is None else matches)
        if (text[match.end() : match.end() + 1] != "、" or _lists_channels(text, match.end() + 1))
        and not (len(match[2]) == 2 and _opens_a_channel_s_name(text, match.end()))
    ]
    counts = Counter(name for _, name in slots)
    found = []
    for name, count in counts.items():
        if count < MIN_REPEATS or shapes.platform.search(name):
            continue
        # 大的国际: a piece of a sentence; a set phrase holds its own (马到成功).
        if shapes.function_chars.intersection(name) and not (
            is_set_phrase(name) and is_foreign_to(name, text)
        ):
            continue
        if _is_the_report_s_own(name, text):
            continue
        if len(name) == 2 and is_chinese(name) and not _is_made_up_pair(name):
            continue
        # 在线访谈: the word before took the name's first character (在线), it opens no slot.
        opened = sum(1 for before, other in slots if other == name and not is_common_word(before + name[0]))
        # A sentence the page prints twice (通过座谈、电视、广播…) is one slot, not a name written
        # over a word wherever it stood.
        if opened >= MIN_REPEATS and not in_one_sentence(text, occurrences(text, name), len(name)):
            found.append(name)
    return found
