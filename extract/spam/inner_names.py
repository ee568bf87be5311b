"""Made-up names written inside the names of bodies and sites: 教育部思想政治X司, 全国高校X网.

A phrase swap that takes a word out of a body's name (思想政治工作司 → 思想政治金盛园司) leaves
the name standing between words, with no brand word or Latin to mark it. The page still tells
where it starts and ends: the same characters stand in several names, after different words
and before different ends (司, 网, 委员会), so they are one unit and the words around them
are the page's own. A unit that holds no word of the language, no place and no body, or that
is an idiom or a lucky phrase (天天向上, 龙凤呈祥), inside names of bodies or sites in two
places or more, is a name written where a word stood.

A person's name, a company's or a new word (网约车, 航站楼) stands in sentences too, but
after a title or a verb and before a verb or a noun (董事长杨敬辉当面, 网约车司机): not
before the end of a body's or a site's name.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..caches import loaded
from ..chars import is_han
from .candidates import is_foreign
from .shape import load_shapes
from .slots import LEVEL_CHARS, MIN_REPEATS, body_ends
from .words import (
    acts_or_qualifies,
    crosses_a_word,
    holds_a_word,
    is_common_word,
    is_made_of_words,
    set_phrases,
)

# A made-up name of three or four characters (金盛园, 御景宫); two are too often a word the
# dictionary lacks, and a longer run is words and a name (思想政治金盛园).
NAME_SIZES = (3, 4)


@loaded()
def _name_ends() -> re.Pattern[str]:
    """The end of a body's or a site's name (司, 局, 委员会, 网, 平台) after a name and a word
    before it: four Chinese characters at least, found in C."""
    shapes = load_shapes()
    ends = sorted({*body_ends(), *shapes.channel_things}, key=len, reverse=True)
    alternation = "|".join(re.escape(end) for end in ends)
    return re.compile(f"(?<=[\u4e00-\u9fff]{{{max(NAME_SIZES)}}})(?:{alternation})")


def names_inside_names(text: str) -> list[str]:
    """Units of three or four characters that stand between a word and the end of a body's or
    a site's name in two places or more, after different words (no place, body or function
    word) and before different ends, and that hold no word, place or body, or are an idiom or
    a lucky phrase the page writes nowhere else."""
    before_ends: dict[str, list[int]] = defaultdict(list)
    for end in _name_ends().finditer(text):
        for size in NAME_SIZES:
            start = end.start() - size
            if start > 0 and is_han(text[start - 1]):
                before_ends[text[start : end.start()]].append(start)
    function_chars = load_shapes().function_chars
    found = []
    for unit, inside in before_ends.items():
        if len(inside) < MIN_REPEATS or not all(map(is_han, unit)):
            continue
        where = [at for at in inside if text[at - 1] not in function_chars and not _after_a_place(text, at)]
        if not _is_one_unit(text, unit, where):
            continue
        # The dictionary last: it loads once, and few units get this far. A function word
        # (的, 向) is a sentence's, unless the unit is a set phrase holding it (天天向上).
        whole = unit in set_phrases()
        if function_chars.intersection(unit) and not whole:
            continue
        if whole and text.count(unit) > len(inside):
            continue  # a phrase the page's own sentences write too (表彰见义勇为先进个人): its theme
        where = [at for at in where if not _cuts_a_word(text, at, len(unit), whole)]
        if _is_one_unit(text, unit, where) and _is_made_up(unit):
            found.append(unit)
    return [unit for unit in found if not any(other != unit and other in unit for other in found)]


@loaded()
def _place_ends() -> tuple[str, ...]:
    """How a place's or a body's name ends: a level, a township, a village, a body."""
    return (*body_ends(), *LEVEL_CHARS, "村", "社区")


def _after_a_place(text: str, at: int) -> bool:
    """A place or a body stands right before: what follows is its own (拉古乡翠华苑卫生院, an
    estate of the township; 县扶贫开发局, the county's office), not a name written over a word."""
    return text.endswith(_place_ends(), 0, at)


def _is_one_unit(text: str, unit: str, where: list[int]) -> bool:
    """Different words before it and different ends after it: where the unit starts and ends
    is the page's, not a guess (and no sentence printed twice is read as two places)."""
    return (
        len(where) >= MIN_REPEATS
        and len({text[at - 1] for at in where}) > 1
        and len({text[at + len(unit)] for at in where}) > 1
    )


def _cuts_a_word(text: str, at: int, size: int, whole: bool) -> bool:
    """A word runs across either edge of the unit, or across the end after it (网约车|司机:
    司 opens 司机 there, no body's end). `whole`: the unit is a set phrase, a word itself, which
    its other places read as one (天天向上|司, not 向|上司)."""
    end = at + size
    ends = _name_ends().match(text, end)
    if ends is not None and len(ends[0]) == 1 and crosses_a_word(text, ends.end()):
        return True  # a longer end is a word itself (委员会|客座教授: 会客 is no reading there)
    return not whole and (crosses_a_word(text, at) or crosses_a_word(text, end))


def _is_made_up(unit: str) -> bool:
    """No word of the language in it or made of it, no verb, place, body or collective; or an
    idiom or a lucky phrase (天天向上, 龙凤呈祥), which names a shop, never a body or a site."""
    if not is_foreign(unit):
        return False
    if unit in set_phrases():
        return True
    return not (
        holds_a_word(unit) or is_common_word(unit) or is_made_of_words(unit) or acts_or_qualifies(unit)
    )
