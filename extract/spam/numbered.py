"""Names a number makes: glued after a real word (皇家88) or before a made-up one (188金宝博,
9游会), repeated in a page's sentences or written whole as a link's label.

A report writes a figure with what it counts (88件, 12号, 3公里), a year, a hotline's number
(12345热线) or a numbered slogan (1站式, 1岗双责); a brand's number stands bare.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from ..chars import is_chinese, is_han
from .candidates import MAX_CONTEXT, MAX_NAME_HAN, is_foreign, shared_context, without_particle
from .names import in_one_sentence, occurrences
from .phrase_scan import MAX_NAME_DIGITS, Patterns
from .shape import load_shapes
from .slots import MIN_REPEATS
from .words import cuts_a_word, holds_a_word

_YEAR = re.compile(r"(?:19|20)\d\d")
# Another number right after, across a list's comma: the figures of a list share one unit.
_LISTED = re.compile("[、，,][0-9０-９]")
# One digit stands for a numeral in a report's numbered slogans: 1站式 is 一站式, and 1岗双责,
# 1轴两带 count on in numerals.
_NUMERALS = "零一二三四五六七八九"
_COUNTING = frozenset("一二三四五六七八九十百千万两双多")


def _is_a_year_or_hotline(digits: str) -> bool:
    """A number a report writes bare, glued to words on either side (2021年, 12345热线): no
    brand's number."""
    return digits.startswith(load_shapes().hotlines) or _YEAR.fullmatch(digits) is not None


def numbered_token(text: str, number: re.Match[str], patterns: Patterns) -> str | None:
    """A name with a number glued after it that counts nothing (皇家88集中发布), repeated.

    A report writes a figure with what it counts (88件, 12号, 3公里), a year or a hotline;
    a brand's number stands bare, and with a real word before it (皇家, 东方) the number is
    all that makes it a name, so the name must come back unchanged in different sentences.
    """
    shapes = load_shapes()
    digits = number[0]
    if _is_a_year_or_hotline(digits):
        return None
    name = text[number.start() - 2 : number.start()]
    if len(name) < 2 or not is_chinese(name) or shapes.function_chars.intersection(name):
        return None
    if name.endswith(shapes.ranks) or name.endswith(shapes.counters):
        return None  # 跻身前20, 位列第3, 回复162: a rank or a count, no name's number
    end = len(name) + len(digits)
    # 病例159 is not in 病例1594: the number must end where this one does.
    where = [at for at in occurrences(text, name + digits) if not text[at + end : at + end + 1].isdigit()]
    if any(text.startswith(shapes.units, at + end) for at in where):
        return None  # 病例1661例 elsewhere: a figure, listed bare here (病例1660、病例1661)
    if any(_LISTED.match(text, at + end) for at in where):
        return None  # 大厦B座东1513、1515室: one of a list of figures, its unit after the last
    if len(where) < MIN_REPEATS:
        return None
    before = shared_context(text, where, end, -1)
    after = shared_context(text, where, end, 1)
    if after or len(before) >= MAX_CONTEXT:
        return None  # part of a longer word, or the same sentence quoted twice
    longer = without_particle(before + name, patterns.particles)
    if sum(map(is_han, longer)) <= MAX_NAME_HAN:
        name = longer
    return name + digits


def number_led_token(text: str, number: re.Match[str]) -> str | None:
    """A number glued before a name that counts nothing (在188金宝博集中发布, 通过9游会公开),
    repeated.

    The number pattern refuses a unit or a figure after it (12个, 3.5); what follows here must
    be a name no word of the language makes up, the same in every occurrence as far as they
    share it, written in different sentences: a report's numbered things are words (10大工程,
    2型糖尿病) or a hotline's (110接处警)."""
    digits = number[0]
    if _is_a_year_or_hotline(digits):
        return None
    after = text[number.end() : number.end() + 2]
    if len(after) < 2 or not is_chinese(after):
        return None
    where = [at for at in occurrences(text, digits + after) if not text[at - 1 : at].isdigit()]
    size = len(digits) + len(after)
    if len(where) < MIN_REPEATS or in_one_sentence(text, where, size):
        return None
    if len(shared_context(text, where, size, -1)) >= MAX_CONTEXT:
        return None  # the same sentence quoted twice
    shared = shared_context(text, where, size, 1)
    name = after + "".join(itertools.takewhile(is_han, shared))[: MAX_NAME_HAN - len(after)]
    if not _is_a_numbered_name(digits, name) or cuts_a_word(text, where[0] + len(digits) + len(name)):
        return None
    return digits + name


# A label of a number and a name and nothing else (9游会, 188金宝博).
_NUMBER_AND_NAME = re.compile(f"([0-9０-９]{{1,{MAX_NAME_DIGITS}}})([\u4e00-\u9fff]{{2,{MAX_NAME_HAN}}})")


def is_number_led_name(label: str) -> bool:
    """A number glued before a name that holds no word, written whole (9游会 as a link's label):
    the shape number_led_token reads in sentences, where here nothing around it is read."""
    match = _NUMBER_AND_NAME.fullmatch(label)
    if match is None:
        return False
    return _is_a_numbered_name(unicodedata.normalize("NFKC", match[1]), match[2])


def _is_a_numbered_name(digits: str, name: str) -> bool:
    """The number is no year or hotline's, the name holds no word and is foreign, and one digit
    does not read as a numeral before it (1站式)."""
    if _is_a_year_or_hotline(digits) or holds_a_word(name) or not is_foreign(name):
        return False
    return not (len(digits) == 1 and _is_a_numbered_slogan(digits, name))


def _is_a_numbered_slogan(digit: str, name: str) -> bool:
    """One digit before words read as numerals (1站式: 一站式) or counting on in them (1岗双责)."""
    numeral = _NUMERALS[int(unicodedata.digit(digit))]
    return not _COUNTING.isdisjoint(name) or holds_a_word(numeral + name)
