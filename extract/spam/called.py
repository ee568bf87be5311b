"""A name that calls the reader in: 凤凰视频直播, 九州官方网站, 大发app下载, k8vip.

A portal names its own sections with one word before a brand word (庭审直播, 学习视频,
网上直播): that shape alone says nothing in a link label or a title. A defacer's name is
glued to more than one: two brand words or a call to action after one (视频直播, 娱乐官网,
体育平台), two calls to action (app下载), or a call no section of a portal has after a
name that is no place or body (九州官方网站; 政府官方网站 and 体育局官方网站 are the
page's own). Latin glued to Chinese and coined Latin names (k8vip) are brands in any slot.
Where the page itself tells that another word stood in the slot (a link's query, the
site's name), this shape is enough even when the name is made of ordinary words.
"""

from __future__ import annotations

from ..caches import loaded
from ..chars import is_chinese, is_han
from .fold import nfkc
from .shape import is_coined, latin_spans, load_shapes
from .slots import is_foreign_name
from .words import is_common_word

MIN_NAME_CHARS = 2
MIN_GLUED = 2  # brand words and calls to action after the name


@loaded()
def _ends() -> tuple[str, ...]:
    """Brand words and calls to action, longest first (官方网站 before 网站 would be read)."""
    shapes = load_shapes()
    return tuple(sorted((*shapes.funnels, *shapes.suffixes), key=len, reverse=True))


def _glued_ends(plain: str) -> tuple[str, int, bool]:
    """(name, how many brand words and calls to action end it, whether a strong call does)."""
    strong_funnels = load_shapes().strong_funnels
    name, glued, strong = plain, 0, False
    while (end := next((e for e in _ends() if name.endswith(e) and len(name) > len(e)), None)) is not None:
        strong = strong or end in strong_funnels
        name, glued = name[: -len(end)], glued + 1
    return name, glued, strong


def is_called_brand(token: str) -> bool:
    """A slot's token shaped as a brand calling the reader in, whatever words its name holds."""
    shapes = load_shapes()
    plain = token
    if not is_chinese(token):  # most labels are Chinese alone: no folding, no Latin
        plain = nfkc(token).lower()
        if latin_spans(token, any_case=True) or is_coined(plain):
            return True  # Latin glued to Chinese (bet9九州, ｍｋ体育), or a coined Latin name (k8vip)
    if not plain.endswith(_ends()):
        return False  # most labels stop here, in C
    name, glued, strong = _glued_ends(plain)
    if len(name) < MIN_NAME_CHARS or not any(map(is_han, name)):
        return False  # APP下载, 官方网站: a call with no name before it
    if name.endswith(shapes.prefixes + shapes.channel_nouns) or shapes.function_chars.intersection(name):
        return False  # 网上直播平台, 政务直播, 客户端下载: a portal's own words before the call
    if glued >= MIN_GLUED:
        return True
    if glued != 1 or not strong or is_common_word(name) or not is_foreign_name(name):
        return False  # 用户登录, 个人注册, 体育局官方网站: the portal's own ways in
    # 诸城文旅官方网站: a place's or body's own site.
    return all(is_foreign_name(name[:size]) for size in range(2, len(name)))
