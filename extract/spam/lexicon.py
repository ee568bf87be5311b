"""The spam lexicon: terms in weighted categories, matched after folding disguises.

The lexicon is data (extract/data/spam_*.csv). Matching runs on a folded copy of
the text: full-width forms, case, Traditional characters, zero-width and
interference symbols between Chinese characters (开*云, 開-雲) and known
look-alike or homophone spellings (六台彩, 菠菜) are folded to one canonical
form, and every hit is mapped back to offsets in the original text. A hit is
cancelled when it sits inside a benign phrase (福利彩票, 娱乐场所, 注册资本) or
next to an enforcement word (打击…赌博), except that a brand is never made benign
by an organisational phrase.
"""

from __future__ import annotations

import bisect
import csv
import itertools
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from ..caches import loaded, memo, register
from ..chars import is_han
from .fold import (
    MEMO_CHARS,
    RECENT_TEXTS,
    ZERO_WIDTH_CHARS,
    dropped_marks,
    fold,
    interference_offsets,
    nfkc,
    to_simplified,
    without,
)
from .words import crosses_a_word

BRAND = "brand"
MORPHOLOGY = "morphology"
# Brand morphology (spec §4.1 B2): a short name glued to an entertainment or
# sportsbook suffix, or a funnel word; X must carry no sentence punctuation.
_FUNNEL_SUFFIX = r"(?:app|官网|官方网站|平台|登录|登陆|注册|下载|网址|网站|入口|安卓版|手机版)"
_MORPHOLOGY = re.compile(
    rf"[\w·]{{1,6}}?(?:娱乐城|娱乐场|娱乐)(?:{_FUNNEL_SUFFIX}|\d+)*"
    rf"|[\w·]{{1,6}}?(?:体育|国际|棋牌|电竞)(?:{_FUNNEL_SUFFIX}|\d+)*{_FUNNEL_SUFFIX}"
)
# Every morphology match has one of these words within its first seven characters.
_MORPHOLOGY_CORE = re.compile("娱乐|体育|国际|棋牌|电竞")
_MORPHOLOGY_PREFIX = 6  # the most characters [\w·]{1,6}? puts before the core word
MORPHOLOGY_WEIGHT = 2.0
ENFORCEMENT_WINDOW = 12
# Keyword-list items, anchors and titles are short and repeat within and across pages
# (the same menu on every page, each item tested again when a run is trimmed): their
# hits are remembered. A page's long texts are read by several stages (a hidden block
# is scored then measured, the main text is masked then judged): the last few are kept.
MEMO_ENTRIES = 16384
MEMO_LINES = 4096  # lines of long texts whose readings are remembered (_LineMemo)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    term: str
    category: str
    weight: float


# (start, end, term, category, weight) in a folded text: a Hit is built only if it is kept.
_Candidate = tuple[int, int, str, str, float]


@dataclass(frozen=True)
class Lexicon:
    terms: dict[str, tuple[str, float]]  # canonical term → (category, weight)
    benign: tuple[str, ...]
    enforcement: tuple[str, ...]
    variants: dict[str, str]
    term_re: re.Pattern[str]
    benign_re: re.Pattern[str]
    enforcement_re: re.Pattern[str]
    variant_re: re.Pattern[str]


def _rows(name: str) -> list[dict[str, str]]:
    with (resources.files("extract") / "data" / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _alternation(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)")


@loaded()
def load_lexicon() -> Lexicon:
    """Immutable package data, read once per process."""
    terms = {r["term"].lower(): (r["category"], float(r["weight"])) for r in _rows("spam_lexicon.csv")}
    benign = tuple(r["phrase"] for r in _rows("spam_benign.csv"))
    enforcement = tuple(r["word"] for r in _rows("spam_enforcement.csv"))
    variants = {r["variant"].lower(): r["canonical"].lower() for r in _rows("spam_variants.csv")}
    return Lexicon(
        terms=terms,
        benign=benign,
        enforcement=enforcement,
        variants=variants,
        term_re=_alternation(list(terms)),
        benign_re=_alternation(list(benign)),
        enforcement_re=_alternation(list(enforcement)),
        variant_re=_alternation(list(variants)),
    )


def hits(text: str, lexicon: Lexicon | None = None) -> list[Hit]:
    """Non-cancelled lexicon and morphology hits, with offsets in `text`."""
    if not text:
        return []
    if lexicon is None:
        return list(_short_hits(text) if len(text) <= MEMO_CHARS else _recent_hits(text))
    return _hits(text, lexicon)


def _packaged_hits(text: str) -> tuple[Hit, ...]:
    # The packaged lexicon is immutable and Hit is frozen, so a remembered answer stays right.
    # A text already read as a line of a long text is not read again.
    if (reading := _LINES.get(text)) is not None:
        return tuple(_hits_of_lines([text], [reading], load_lexicon())) if reading[_FOUND] else ()
    return tuple(_hits(text, load_lexicon()))


# Kept: saves 1.2% of a warm run's instructions, 0.8% of a cold one (callgrind, bench pages).
_short_hits = memo(MEMO_ENTRIES)(_packaged_hits)


def _rewrite_variants(folded: str, lexicon: Lexicon) -> str:
    """Variants spelled as their canonical terms, in the same number of characters."""
    if not lexicon.variants:
        return folded
    return lexicon.variant_re.sub(lambda m: lexicon.variants[m[0]].ljust(len(m[0]))[: len(m[0])], folded)


def _candidates(folded: str, lexicon: Lexicon) -> list[_Candidate]:
    """Term matches, then morphology matches, before any is cancelled."""
    found = [
        (m.start(), m.end(), m[0], *lexicon.terms[m[0]])
        for m in lexicon.term_re.finditer(folded)
        if not _stands_inside_words(folded, m.start(), m.end(), lexicon.terms[m[0]][0])
    ]
    found += [(m.start(), m.end(), m[0], MORPHOLOGY, MORPHOLOGY_WEIGHT) for m in morphology_matches(folded)]
    return found


def _stands_inside_words(folded: str, start: int, end: int, category: str) -> bool:
    """A brand's name with a word of the language running across each of its ends: 果博 in
    成果博览会 (成果, 博览会) and 效果博得, which no one reads as the brand. A name swapped in
    meets such a word on one side at most (教|皇冠体育, 在开云|集中发布: 教皇, 云集)."""
    if category != BRAND or not start or end >= len(folded):
        return False
    if not (is_han(folded[start - 1]) and is_han(folded[start]) and is_han(folded[end])):
        return False
    return crosses_a_word(folded, start) and crosses_a_word(folded, end)


def _hits(text: str, lexicon: Lexicon) -> list[Hit]:
    folded, offsets = fold(text)
    folded = _rewrite_variants(folded, lexicon)
    found = _candidates(folded, lexicon)
    if not found:
        return []
    benign = _Spans(lexicon.benign_re.finditer(folded))
    enforced = lexicon.enforcement_re.search(folded) is not None  # else no window holds a word
    kept = []
    for start, end, term, category, weight in found:
        if category != BRAND and benign.overlap(start, end):
            continue
        window = max(0, start - ENFORCEMENT_WINDOW), end + ENFORCEMENT_WINDOW
        if enforced and lexicon.enforcement_re.search(folded, *window):
            continue
        kept.append(Hit(offsets[start], offsets[end - 1] + 1, term, category, weight))
    return _merge(kept, text)


# A page's long texts repeat one another line by line: the main text is mostly the page's
# lines again. Everything the lexicon reads stays within a line: no OpenCC phrase, term,
# benign phrase, variant or morphology match holds "\n"; "\n" is a stable starter under
# NFKC, neither cased nor case-ignorable for lower(), and neither Chinese nor interference
# for the drops, and each finditer meets every "\n" between its matches. So a long text's
# hits are read from the readings of its lines, each line read once, and only the
# enforcement window, which reaches into the neighbouring lines, is read on the text.
# That holds while the text's fold takes no fallback and changes no line's length, i.e.
# when every line's own fold keeps its length: a line that does not is never remembered,
# and a text holding one is read whole, as _hits reads it.


# A line as the lexicon reads it, where its fold keeps its length: the line folded with
# its variants rewritten; for the k-th offset d that fold dropped, d - k (see _AfterDrops);
# and the candidates outside benign phrases, in offsets of the folded line. A plain tuple,
# so that the readings of a text's lines are built in C.
_LineReading = tuple[str, tuple[int, ...], tuple[_Candidate, ...]]
_FOLDED, _KEPT_BEFORE, _FOUND = 0, 1, 2


def _line_offset(kept_before: tuple[int, ...], index: int) -> int:
    """The offset in a line of the character at `index` of its folded form."""
    return index + bisect.bisect_right(kept_before, index) if kept_before else index


def _starts(lengths: Iterable[int]) -> list[int]:
    """The offsets at which "\n"-joined pieces of these lengths start, and one past the end."""
    return list(map(operator.add, itertools.accumulate(lengths, initial=0), itertools.count()))


class _MemoInfo(NamedTuple):
    currsize: int
    maxsize: int


class _LineMemo(dict):  # type: ignore[type-arg]
    """Readings of the lines of long texts, the oldest forgotten first.

    Kept because a page's main text repeats its lines (see above). It answers cache_info
    and cache_clear as the lru_cache memos do.
    """

    def __init__(self, maxsize: int) -> None:
        super().__init__()
        self.maxsize = maxsize

    def cache_info(self) -> _MemoInfo:
        return _MemoInfo(len(self), self.maxsize)

    def cache_clear(self) -> None:
        self.clear()

    def remember(self, readings: dict[str, _LineReading]) -> None:
        self.update(readings)
        for line in list(itertools.islice(self, max(0, len(self) - self.maxsize))):
            del self[line]


# Kept for a crawl: reading long texts whole instead (the last few still remembered) costs
# 2.6% more of a warm run's instructions (callgrind, bench pages read twice), though 5.2% less
# of a cold one (memos emptied before each page); the batch reading unremembered costs 3.5%.
_LINES = _LineMemo(MEMO_LINES)
register(f"{__name__}._LINES", _LINES)


def _long_hits(text: str) -> tuple[Hit, ...]:
    """The packaged lexicon's hits of a long text, from the readings of its lines."""
    lexicon = load_lexicon()
    lines = text.split("\n")
    readings = list(map(_LINES.get, lines))
    if None in readings:
        missing = [line for line, reading in zip(lines, readings, strict=True) if reading is None]
        # Read whole when nothing is known, so that OpenCC's conversion of it is remembered.
        batch = text if len(missing) == len(lines) else "\n".join(dict.fromkeys(missing))
        read = _read_lines(batch, lexicon)
        _LINES.remember(read)
        readings = [reading or read.get(line) for line, reading in zip(lines, readings, strict=True)]
        if None in readings:  # a line whose fold changes its length: read the text whole
            return tuple(_hits(text, lexicon))
    return tuple(_hits_of_lines(lines, readings, lexicon))


# Kept: saves 1.4% of a warm run's instructions, 0.2% of a cold one (callgrind, bench pages).
_recent_hits = memo(RECENT_TEXTS)(_long_hits)


def _read_lines(batch: str, lexicon: Lexicon) -> dict[str, _LineReading]:
    """The readings of the batch's lines whose fold keeps their length.

    The steps are fold's and _hits's, on the whole batch, without fold's fallbacks: each
    step is line-wise, so a line that keeps its length through every step is read as it is
    on its own, whatever the other lines do.
    """
    simplified = to_simplified(batch)
    unlowered = nfkc(simplified)
    normal = unlowered.lower()
    lines = batch.split("\n")
    # The lines of each step that may have changed a line's length: OpenCC's and NFKC's when
    # they changed anything, lower()'s only for "İ", the one character it lengthens.
    steps = [
        step.split("\n")
        for step, before in ((simplified, batch), (unlowered, simplified), (normal, unlowered))
        if step != before and (step is not normal or "\u0130" in unlowered)
    ]
    if any(len(step) != len(lines) for step in steps):
        return {}
    changing = _changing_length(lines, steps)
    if any(char in normal for char in ZERO_WIDTH_CHARS):
        dropped = interference_offsets(normal)
    else:
        dropped = dropped_marks(normal)
    folded = _rewrite_variants(without(normal, dropped)[0] if dropped else normal, lexicon)
    folded_lines = folded.split("\n")
    # Most lines drop nothing and hold no candidate: their readings are built in C.
    readings = dict(zip(lines, zip(folded_lines, itertools.repeat(()), itertools.repeat(())), strict=True))
    normal_starts = _starts(map(len, normal.split("\n") if changing else lines))
    drops: dict[int, list[int]] = {}
    for offset in dropped:
        index = bisect.bisect_right(normal_starts, offset) - 1
        drops.setdefault(index, []).append(offset - normal_starts[index])
    folded_starts = _starts(map(len, folded_lines))
    found: dict[int, list[_Candidate]] = {}
    benign: dict[int, _Spans] = {}  # a benign phrase, like a candidate, lies within a line
    for start, end, term, category, weight in _candidates(folded, lexicon):
        index = bisect.bisect_right(folded_starts, start) - 1
        line_start = folded_starts[index]
        if category != BRAND:
            if index not in benign:
                line_end = folded_starts[index + 1] - 1
                benign[index] = _Spans(lexicon.benign_re.finditer(folded, line_start, line_end))
            if benign[index].overlap(start, end):
                continue
        found.setdefault(index, []).append((start - line_start, end - line_start, term, category, weight))
    for index in drops.keys() | found.keys():
        kept_before = tuple(offset - k for k, offset in enumerate(drops.get(index, ())))
        readings[lines[index]] = (folded_lines[index], kept_before, tuple(found.get(index, ())))
    for line in changing:
        readings.pop(line, None)
    return readings


def _changing_length(lines: list[str], steps: list[list[str]]) -> list[str]:
    """The lines that some step of the fold makes longer or shorter."""
    lengths = list(map(len, lines))
    step_lengths = [list(map(len, step)) for step in steps]
    if all(found == lengths for found in step_lengths):
        return []
    return [line for line, *found in zip(lines, lengths, *step_lengths, strict=True) if len(set(found)) > 1]


def _hits_of_lines(lines: list[str], readings: list[_LineReading], lexicon: Lexicon) -> list[Hit]:
    """_hits of "\n".join(lines), from the readings of the lines."""
    folded_lines = list(map(operator.itemgetter(_FOLDED), readings))
    folded = "\n".join(folded_lines)
    enforced = lexicon.enforcement_re.search(folded) is not None  # else no window holds a word
    line_starts = _starts(map(len, lines))
    folded_starts = _starts(map(len, folded_lines))
    kept = []
    for index in itertools.compress(itertools.count(), map(operator.itemgetter(_FOUND), readings)):
        _, kept_before, found = readings[index]
        line_start, folded_start = line_starts[index], folded_starts[index]
        for start, end, term, category, weight in found:
            window = (
                max(0, folded_start + start - ENFORCEMENT_WINDOW),
                folded_start + end + ENFORCEMENT_WINDOW,
            )
            if enforced and lexicon.enforcement_re.search(folded, *window):
                continue
            kept.append(
                Hit(
                    line_start + _line_offset(kept_before, start),
                    line_start + _line_offset(kept_before, end - 1) + 1,
                    term,
                    category,
                    weight,
                )
            )
    return _merge(kept, "\n".join(lines))


class _Spans:
    """The spans of a finditer, which come in order and do not overlap."""

    def __init__(self, matches: Iterable[re.Match[str]]) -> None:
        spans = [m.span() for m in matches]
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def overlap(self, start: int, end: int) -> bool:
        """Whether a span overlaps start:end, i.e. any(s < end and start < e for s, e in spans).

        Starts and ends both ascend, so the first span ending after `start` has the
        smallest start of all the spans that do.
        """
        first = bisect.bisect_right(self.ends, start)
        return first < len(self.starts) and self.starts[first] < end


def morphology_matches(folded: str) -> list[re.Match[str]]:
    """The matches of _MORPHOLOGY.finditer(folded), trying only starts near a core word.

    Scanning every position with the lazy prefix costs milliseconds on a report; a
    match can only start up to six characters before 娱乐/体育/国际/棋牌/电竞, so
    the pattern is tried at those starts alone, left to right, as finditer would.
    """
    found: list[re.Match[str]] = []
    position = 0
    for core in _MORPHOLOGY_CORE.finditer(folded):
        for start in range(max(position, core.start() - _MORPHOLOGY_PREFIX), core.start()):
            if match := _MORPHOLOGY.match(folded, start):
                found.append(match)
                position = match.end()
                break
    return found


def _merge(found: list[Hit], text: str) -> list[Hit]:
    """Overlapping hits become one, carrying the strongest category: one brand is one hit.

    A morphology match's name before its core word is a guess of up to six characters
    (思想政治金沙娱乐); a brand the lexicon knows inside it (金沙娱乐) says where a Chinese name
    opens. Latin before it is the brand's own (xpj新葡京娱乐)."""
    merged: list[Hit] = []
    for hit in sorted(found, key=lambda h: (h.start, -h.end)):
        if merged and hit.start < merged[-1].end:
            last = merged[-1]
            best = last if last.weight >= hit.weight else hit
            guessed = last.category == MORPHOLOGY and hit.category == BRAND
            start = hit.start if guessed and all(map(is_han, text[last.start : hit.start])) else last.start
            merged[-1] = Hit(start, max(last.end, hit.end), best.term, best.category, best.weight)
        else:
            merged.append(hit)
    return merged


def score(text: str, lexicon: Lexicon | None = None) -> float:
    """L(x) of spec §4: the sum of non-cancelled hit weights, capped at 10."""
    return min(10.0, sum(h.weight for h in hits(text, lexicon)))


def hit_strings(text: str) -> list[str]:
    return [text[h.start : h.end] for h in hits(text)]
