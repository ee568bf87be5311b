"""Spam that survives into text (spec P2, P5, P6, P7 text form, N1).

These rules work on lines of text, so they serve both the page's visible lines
and trafilatura's output, and plain-text inputs such as the seeds. Only whole
separable units go: a whole keyword-list line, a list run at the head or tail of
a line that no sentence punctuation joins to the rest, a literal tag line, the
parenthesised syllables of a pinyin gloss. Characters inside a sentence stay.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..caches import memo
from ..chars import is_han
from ..model import SpamFinding
from ..script import converter
from . import lexicon, shape
from .fold import to_simplified

MIN_LIST_ITEMS = 5
WEAK_CATEGORY = "funnel"  # calls to action: spam only next to a name
MAX_ITEM_CHARS = 16
SPAMMY_SHARE = 0.5
LIST_SCORE = 2.0
# A tag printed as text (seed 003 opens with <wbr id="cxndz"></wbr>).
LITERAL_TAG_LINE = re.compile(r'^\s*<[a-z]+(?:\s+[a-z-]+="[^"]*")*\s*/?>(?:</[a-z]+>)?\s*$')
# What str.isspace and the regex \s accept, spelled out as a class body so the classes
# below compile to bitmaps (a class holding \s tests its entries one by one per character);
# tests/test_spam_text.py holds it to str.isspace.
_WHITESPACE_CLASS = "\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SEPARATORS = "|｜,，、"  # with whitespace, what lies between the items of a list
_SENTENCE_PUNCTUATION = "。；;：:！？“”"  # an item holding one belongs to a sentence
_ITEM = re.compile(f"[^{_WHITESPACE_CLASS}{_SEPARATORS}]+")
# The run of items that could all join a keyword list (at most MAX_ITEM_CHARS, no sentence
# punctuation) at the start of a string, when it holds at least MIN_LIST_ITEMS of them. A
# run is walked from an edge of its line and ends at the first item that cannot join it,
# so this finds a line's head run, and on the line reversed its tail run. The classes are
# disjoint, so nothing need be retried (possessive quantifiers).
_SEPARATOR = f"[{_WHITESPACE_CLASS}{_SEPARATORS}]"
_RUN_ITEM = f"[^{_WHITESPACE_CLASS}{_SEPARATORS}{_SENTENCE_PUNCTUATION}]{{1,{MAX_ITEM_CHARS}}}+"
_RUN_AT_START = re.compile(f"{_SEPARATOR}*+(?:{_RUN_ITEM}(?:{_SEPARATOR}++|\\Z)){{{MIN_LIST_ITEMS},}}+")
# A line ending in sentence punctuation ends in an item no run can hold: no tail run.
_SENTENCE_ENDS = tuple(_SENTENCE_PUNCTUATION)
_BACKWARDS = slice(None, None, -1)
# Every line LITERAL_TAG_LINE or LOST_PLUS can change holds one of these.
_RULE_CUES = ("<", "互联网")
# A run of glosses; it counts only right after a CJK character, which strip_pinyin checks
# itself: a lookbehind here kept the regex engine from skipping ahead to the next bracket.
PINYIN_GLOSS = re.compile(r"(?:[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）])+")
PINYIN_MIN_GLOSSES = 3
PINYIN_WINDOW = 300
# N1: a '+' lost in form decoding; restored only in this closed list of policy phrases.
LOST_PLUS = re.compile(r"互联网\s(?=政务服务|监管|督查|政务公开)")
_GLOSS_LETTERS = "abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"  # PINYIN_GLOSS's letters
# Where a PINYIN_GLOSS match may start. A pattern that opens with a literal character is
# searched for in C, so these are cheaper than the gloss pattern or a loop over brackets.
_GLOSS_STARTS = tuple(re.compile(f"{re.escape(opening)}(?=[{_GLOSS_LETTERS}])") for opening in "(（")
_COMPARE_BLOCK = 32  # characters compared at once when looking for the other script
_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü", "aaaaeeeeiiiioooouuuuvvvvv")


@dataclass(frozen=True)
class TextClean:
    lines: list[str]
    findings: list[SpamFinding]
    removed: list[str]
    # What each line a rule could touch became (None: dropped), and every line read: the main
    # text's lines are the page's, read again only where they are new (strip_known_lines).
    outcomes: dict[str, str | None] = field(default_factory=dict)
    read: frozenset[str] = frozenset()


# Kept: a portal repeats its link bars and a link farm its names on every page.
@memo(8192)
def is_spam_item(item: str) -> bool:
    """A spam name: a lexicon hit stronger than a bare call to action, or a brand's shape.

    登录, 注册, 手机版 alone are a portal's own login bar, not a keyword list.
    """
    return any(h.category != WEAK_CATEGORY for h in lexicon.hits(item)) or shape.is_brand_item(item)


def list_items(line: str) -> list[str] | None:
    """The items of a line that is a list from end to end (at least MIN_LIST_ITEMS), else None."""
    run = _RUN_AT_START.match(line)
    return _ITEM.findall(line) if run and run.end() == len(line) else None


def list_run(line: str) -> tuple[int, int] | None:
    """The span of a keyword-list run that takes the whole line or its head or tail."""
    return _spam_run(line, _edge_runs(line))


# A run at an edge of a line that could be a keyword list: (at the tail, start, end, items).
_Run = tuple[bool, int, int, list[str]]
_ITEMS = 3


def _edge_runs(line: str) -> list[_Run]:
    """The line's tail run, then its head run, where it has them."""
    # Walk from the end and from the start: a run is separable only at an edge of the line.
    runs: list[_Run] = []
    if tail := _RUN_AT_START.match(line[_BACKWARDS]):
        start = len(line) - tail.end()
        runs.append((True, start, len(line), _ITEM.findall(line, start)))
    if head := _RUN_AT_START.match(line):
        end = head.end()
        same = runs and runs[0][1] == 0 and end == len(line)  # the whole line, as the tail run
        runs.append((False, 0, end, list(runs[0][_ITEMS]) if same else _ITEM.findall(line, 0, end)))
    return runs


def _spam_run(line: str, runs: list[_Run]) -> tuple[int, int] | None:
    """The span of the first of the line's edge runs that is a keyword list."""
    for at_tail, start, end, items in runs:
        if not _spammy_enough(items):
            continue
        if start == 0 and end == len(line):
            # A line that is a list end to end, spam names half of it or more: its plain
            # items (金鼎坊 beside 银狐体育平台) are the same list's names, not text of a line.
            return start, end
        # Trim plain items on the inner edge of the run: they belong to the line's text.
        spans = [m.span() for m in _ITEM.finditer(line, start, end)]
        inner = 0 if at_tail else -1
        while not is_spam_item(items[inner]):
            items.pop(inner)
            spans.pop(inner)
        return spans[0][0], spans[-1][1]
    return None


def _spammy_enough(items: list[str]) -> bool:
    """At least SPAMMY_SHARE of a run's items, and at least three, are spam names.

    Stops as soon as the items left could no longer reach that count.
    """
    needed = max(3, SPAMMY_SHARE * len(items))
    spammy = 0
    for left, item in zip(range(len(items), 0, -1), items, strict=True):
        if spammy + left < needed:
            return False
        spammy += is_spam_item(item)
    return spammy >= needed


def is_keyword_list(line: str) -> bool:
    """A line made of spam names rather than sentences: a link farm or keyword list."""
    span = list_run(line)
    return span is not None and not line[: span[0]].strip() and not line[span[1] :].strip()


def strip_text_spam(lines: Sequence[str]) -> TextClean:
    """Keyword lists, literal tag lines and their findings; N1 artefacts are normalised silently."""
    kept: list[str] = []
    findings: list[SpamFinding] = []
    removed: list[str] = []
    outcomes: dict[str, str | None] = {}
    last = 0
    visit = _lines_to_visit(lines)
    for index in visit:
        kept += lines[last:index]  # lines no rule touches stay as they are
        last = index + 1
        line = lines[index]
        outcomes[line] = None
        if LITERAL_TAG_LINE.match(line):
            findings.append(SpamFinding("garbage_tag", line.strip()[:120], "removed", 1.0))
            removed.append(line.strip())
            continue
        span = _spam_run(line, _edge_runs(line)) if len(line) >= 10 else None
        if span:
            run = line[span[0] : span[1]]
            # At least three brand names or brand shapes: one signal strong enough alone.
            score = lexicon.score(run) + LIST_SCORE
            findings.append(SpamFinding("keyword_list", run[:200], "removed", round(score, 2)))
            removed.append(run)
            line = (line[: span[0]] + line[span[1] :]).strip()
            if not line:
                continue
        kept.append(LOST_PLUS.sub("互联网+", line))
        outcomes[lines[index]] = kept[-1]
    kept += lines[last:]
    return TextClean(kept, findings, removed, outcomes, frozenset(lines))


def strip_known_lines(lines: Sequence[str], earlier: TextClean) -> TextClean:
    """strip_text_spam of lines most of which `earlier` read (the main text's lines are the
    page's visible lines): a line read before comes out as it did then, the others are read.
    The findings are those of the new lines."""
    fresh = strip_text_spam([line for line in lines if line not in earlier.read])
    outcomes = {**earlier.outcomes, **fresh.outcomes}
    kept = [outcomes.get(line, line) for line in lines]
    return TextClean(
        [line for line in kept if line is not None],
        fresh.findings,
        fresh.removed,
        outcomes,
        earlier.read | fresh.read,
    )


def _lines_to_visit(lines: Sequence[str]) -> list[int]:
    """Indices of the lines a rule of strip_text_spam may drop or change, in order.

    A literal tag line holds "<", a lost plus follows "互联网", and a list run starts at
    an edge of its line (_RUN_AT_START; a line is reversed for its tail only when it does
    not end in sentence punctuation). The checks run over all lines inside map(), leaving
    the Python work of the rules to the few lines that pass.
    """
    found = set(_where(map(_RUN_AT_START.match, lines)))
    open_ended = _where(map(operator.not_, map(str.endswith, lines, itertools.repeat(_SENTENCE_ENDS))))
    found.update(i for i in open_ended if _RUN_AT_START.match(lines[i][_BACKWARDS]))
    for cue in _RULE_CUES:
        found.update(_where(map(operator.contains, lines, itertools.repeat(cue))))
    return sorted(found)


def _where(flags: Iterable[object]) -> Iterator[int]:
    """The positions of the true values."""
    return itertools.compress(itertools.count(), flags)


# Kept: one entry per character met in a glossed line; pypinyin is asked once for each.
@memo(8192)
def _pinyin_readings(char: str) -> frozenset[str]:
    from pypinyin import Style, pinyin  # loaded only when a page carries glosses

    return frozenset(r.translate(_TONES) for r in pinyin(char, style=Style.NORMAL, heteronym=True)[0])


def _confirmed(text: str, match: re.Match[str]) -> bool:
    char = text[match.start() - 1]
    syllables = re.findall(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+", match[0])
    readings = _pinyin_readings(char)
    return all(s.translate(_TONES) in readings for s in syllables)


def _gloss_starts(text: str) -> int:
    """Brackets followed by a pinyin letter, counted by regexes that open with the bracket."""
    return sum(len(opening.findall(text)) for opening in _GLOSS_STARTS)


def strip_pinyin(text: str) -> tuple[str, int]:
    """Remove confirmed pinyin glosses where they are dense (P6); return text and count removed.

    A single gloss of a rare character (亳(bó)州) is a courtesy to readers and stays.
    """
    if _gloss_starts(text) < PINYIN_MIN_GLOSSES:
        return text, 0  # each match starts at one of these, so fewer cannot reach the minimum
    matches = [
        m
        for m in PINYIN_GLOSS.finditer(text)
        if m.start() and is_han(text[m.start() - 1]) and _confirmed(text, m)
    ]
    if len(matches) < PINYIN_MIN_GLOSSES:
        return text, 0
    # The glosses within PINYIN_WINDOW of each, itself included, counted by bisection: the
    # starts ascend, as finditer found them.
    starts = [m.start() for m in matches]
    dense = [
        m
        for m, start in zip(matches, starts, strict=True)
        if bisect.bisect_right(starts, start + PINYIN_WINDOW)
        - bisect.bisect_left(starts, start - PINYIN_WINDOW)
        >= PINYIN_MIN_GLOSSES
    ]
    if not dense:
        return text, 0
    parts: list[str] = []
    last = 0
    for m in dense:
        parts.append(text[last : m.start()])
        last = m.end()
    parts.append(text[last:])
    return "".join(parts), len(dense)


def minority_script_chars(text: str, page_script: str) -> list[int]:
    """Offsets of characters of the other script (P5): Traditional-only in a Simplified page."""
    # A Simplified page's corpus was converted by the lexicon already, which remembers it.
    converted = to_simplified(text) if page_script == "simplified" else converter("s2t").convert(text)
    if len(converted) != len(text) or converted == text:
        return []
    # The few changed characters sit in a few blocks: equal blocks are compared whole, and
    # compress/map keep the position-by-position comparison of the others in C.
    offsets: list[int] = []
    for start in range(0, len(text), _COMPARE_BLOCK):
        end = start + _COMPARE_BLOCK
        block, converted_block = text[start:end], converted[start:end]
        if block != converted_block:
            offsets += itertools.compress(itertools.count(start), map(operator.ne, block, converted_block))
    return offsets
