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
from collections import Counter

from ..caches import loaded
from ..chars import is_han
from .candidates import is_foreign
from .names import occurrences
from .shape import load_shapes
from .slots import LEVEL_CHARS, MIN_REPEATS, body_ends
from .words import acts_or_qualifies, crosses_a_word, holds_a_word, set_phrases

# A made-up name of three or four characters (金盛园, 御景宫); two are too often a word the
# dictionary lacks, and a longer run is words and a name (思想政治金盛园).
NAME_SIZES = (3, 4)
# Sites whose names a body's words make up (全国高校思想政治工作网). Before 政府 stands a place,
# which the name slots read (X人民政府), and 部门 follows a collective (各部门): neither is read here.
_SITE_ENDS = ("网", "网站", "平台")
_NOT_READ = ("政府", "部门")


def _trie(words: list[str], unless: tuple[str, ...] = (), backwards: bool = False) -> str:
    """One pattern for many words, shared beginnings factored out (委(?:员会)?): each character of
    a page is tried once against a set of first characters, not against every word (in C). A
    word that opens one of `unless` ends nowhere that one goes on (部(?!门)).

    `backwards`: the pattern of the words spelt backwards, for a text read backwards, with
    `unless` read the same way (部 after 门 there: 部(?<!门部))."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word[::-1] if backwards else word:
            node = node.setdefault(char, {})
        node[""] = {}
    for longer in unless:
        for at in range(1, len(longer)):
            node = tree
            for char in longer[:at][::-1] if backwards else longer[:at]:
                node = node.get(char, {})
            if "" in node:
                guard = f"(?<!{re.escape(longer[::-1])})" if backwards else f"(?!{re.escape(longer[at:])})"
                node[""][guard] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if "" not in node:
            return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if node[""]:
            branches.append("".join(node[""]))
            return f"(?:{'|'.join(branches)})"
        return f"(?:{'|'.join(branches)})?" if branches else ""

    return pattern(tree)


@loaded()
def _name_ends() -> re.Pattern[str]:
    """The end of a body's or a site's name: 司, 局, 委员会, 网, 平台."""
    ends = sorted({*body_ends(), *_SITE_ENDS}.difference(_NOT_READ))
    return re.compile(_trie(ends, _NOT_READ))


@loaded()
def _reversed_name_ends() -> re.Pattern[str]:
    """The ends spelt backwards, for reading a page from its last character (_end_starts)."""
    ends = sorted({*body_ends(), *_SITE_ENDS}.difference(_NOT_READ))
    return re.compile(_trie(ends, _NOT_READ, backwards=True))


def _end_starts(text: str) -> list[int]:
    """Where an end of a body's or a site's name starts, as _name_ends() finds them.

    The text is read backwards: a regex search tries a match at each character that opens one,
    and an end's last character (局, 司, 会, 网) opens a third as many places in a report as
    its first does (公开 and 政务 open no end, yet 公 and 政 open 公司 and 政协). Read from
    the right, each end is read longest first, as from the left, and 部 before 门 is no end.
    Only where two ends overlap does the right one win (科协会议: 协会, where the left reading
    takes 科协); no page of the benches holds such a pair before a unit the rule reads.
    """
    size = len(text)
    return [size - end for end in map(re.Match.end, _reversed_name_ends().finditer(text[::-1]))]


def names_inside_names(text: str) -> list[str]:
    """Units of three or four characters that stand between a word and the end of a body's or
    a site's name in two places or more, after different words (no place, body or function
    word) and before different ends, and that hold no word, place or body, or are an idiom or
    a lucky phrase the page writes nowhere else."""
    # Most pages hold no unit before different ends and after different characters: that is
    # read off the characters around each end first (the one before the unit, the unit, the
    # end's first), each span once (a sentence printed twice gives the same), and only such a
    # unit is looked for again.
    longest = max(NAME_SIZES)
    spans = {text[at - longest - 1 : at + 1] for at in _end_starts(text) if at > longest}
    repeated = []
    for size in NAME_SIZES:
        units = [pair[:-1] for pair in {span[-1 - size :] for span in spans}]
        if len(units) == len(set(units)):
            continue  # no unit stands before two different ends
        twice = {unit for unit, count in Counter(units).items() if count > 1}
        before: dict[str, set[str]] = {}
        for span in spans:
            if (unit := span[-1 - size : -1]) in twice:
                before.setdefault(unit, set()).add(span[-2 - size])
        repeated += [unit for unit, chars in before.items() if len(chars) > 1 and all(map(is_han, unit))]
    function_chars = load_shapes().function_chars
    found = []
    for unit in repeated:
        inside = _before_ends(text, unit)
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
        if _is_one_unit(text, unit, where) and _is_made_up_or_idiom(unit):
            found.append(unit)
    return [unit for unit in found if not any(other != unit and other in unit for other in found)]


def _before_ends(text: str, unit: str) -> list[int]:
    """Where the unit stands glued to Chinese before it and to an end after it."""
    ends = _name_ends()
    return [
        at
        for at in occurrences(text, unit)
        if at and is_han(text[at - 1]) and ends.match(text, at + len(unit))
    ]


@loaded()
def _place_ends() -> tuple[str, ...]:
    """How a place's or a body's name ends: a level, a township, a village, a body, or the
    nation, whose bodies take a policy's phrase as their name (中华见义勇为基金会, 全国扶贫开发网)."""
    return (*body_ends(), *LEVEL_CHARS, "村", "社区", *load_shapes().nation)


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


def _is_made_up_or_idiom(unit: str) -> bool:
    """No place, body or collective, and either no word of the language in it (a common word, or
    words end to end, holds one) and no verb, or an idiom or a lucky phrase (天天向上, 龙凤呈祥),
    which names a shop, never a body or a site."""
    if not is_foreign(unit):
        return False
    return unit in set_phrases() or not (holds_a_word(unit) or acts_or_qualifies(unit))
