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
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import opencc

BRAND = "brand"
# Separators a cloner puts inside a brand or a disguised term (开*云, 美-高-梅).
_INTERFERENCE = frozenset("*-_·.・|/\\~^`'\"\u200b\u200c\u200d\u2060\ufeff")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
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
MEMO_CHARS = 64
MEMO_ENTRIES = 16384
RECENT_TEXTS = 8


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    term: str
    category: str
    weight: float


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


@cache
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


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


_NEEDS_WALK = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad]|[\u4e00-\u9fff][*\\-_·.・|/\\\\~^`'\"]+[\u4e00-\u9fff]"
)


class _Identity(list):  # type: ignore[type-arg]
    """Offsets of a fold that dropped nothing: index i maps to i, without building a list."""

    def __init__(self, length: int) -> None:
        super().__init__()
        self.length = length

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        return index

    def __len__(self) -> int:
        return self.length


def fold(text: str) -> tuple[str, list[int]]:
    """The text as the lexicon sees it, and for each folded character its original offset.

    Characters of _INTERFERENCE are dropped only between two Chinese characters, so
    "bet 365" and "2017-2018" keep their shape while "开*云" becomes "开云".
    """
    simplified = _t2s().convert(text)
    if len(simplified) != len(text):  # a phrase conversion changed the length: keep offsets exact
        simplified = text
    normal = unicodedata.normalize("NFKC", simplified)
    if len(normal) != len(text):  # "……" became "......": fold character by character instead
        normal = simplified.translate(_FIRST_OF_NFKC)
    normal = normal.lower()
    if not _NEEDS_WALK.search(normal):  # the common case: nothing to drop, offsets unchanged
        return normal, _Identity(len(normal))
    return _drop_interference(normal)


class _FirstOfNfkc(dict):  # type: ignore[type-arg]
    """str.translate table: a character to the first character of its NFKC form, filled as met.

    The same as normalising every character on its own, but each distinct character is
    normalised once per process and the text is mapped in C.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        self[code] = unicodedata.normalize("NFKC", char)[:1] or char
        return self[code]


_FIRST_OF_NFKC = _FirstOfNfkc()
_SPECIAL = re.compile("[" + "".join(re.escape(c) for c in sorted(_INTERFERENCE | _ZERO_WIDTH)) + "]")


def _drop_interference(normal: str) -> tuple[str, list[int]]:
    """Drop zero-width characters, and interference between Chinese characters.

    Only the special characters are visited (a report has a few dozen among thousands
    of characters); the ordinary characters between them are kept as whole slices.
    """
    length = len(normal)
    dropped: list[int] = []
    last_kept = ""  # the last character kept before the one being decided
    previous = -1
    for match in _SPECIAL.finditer(normal):
        index = match.start()
        if index > previous + 1:  # ordinary characters since the previous special one
            last_kept = normal[index - 1]
        previous = index
        char = normal[index]
        if char in _ZERO_WIDTH:
            dropped.append(index)
            continue
        if char in _INTERFERENCE and _is_cjk(last_kept):
            following = next((c for c in normal[index + 1 : index + 4] if c not in _INTERFERENCE), "")
            if _is_cjk(following) and index + 1 < length:
                dropped.append(index)
                continue
        last_kept = char
    pieces: list[str] = []
    offsets: list[int] = []
    start = 0
    for index in [*dropped, length]:
        pieces.append(normal[start:index])
        offsets.extend(range(start, index))
        start = index + 1
    return "".join(pieces), offsets


def hits(text: str, lexicon: Lexicon | None = None) -> list[Hit]:
    """Non-cancelled lexicon and morphology hits, with offsets in `text`."""
    if not text:
        return []
    if lexicon is None:
        return list(_short_hits(text) if len(text) <= MEMO_CHARS else _recent_hits(text))
    return _hits(text, lexicon)


def _packaged_hits(text: str) -> tuple[Hit, ...]:
    # The packaged lexicon is immutable and Hit is frozen, so a remembered answer stays right.
    return tuple(_hits(text, load_lexicon()))


_short_hits = lru_cache(maxsize=MEMO_ENTRIES)(_packaged_hits)
_recent_hits = lru_cache(maxsize=RECENT_TEXTS)(_packaged_hits)


def _hits(text: str, lexicon: Lexicon) -> list[Hit]:
    folded, offsets = fold(text)
    if lexicon.variants:
        folded = lexicon.variant_re.sub(
            lambda m: lexicon.variants[m[0]].ljust(len(m[0]))[: len(m[0])], folded
        )
    benign = [m.span() for m in lexicon.benign_re.finditer(folded)]
    found: list[Hit] = []
    for match in lexicon.term_re.finditer(folded):
        category, weight = lexicon.terms[match[0]]
        found.append(_hit(match.start(), match.end(), match[0], category, weight, offsets))
    for match in morphology_matches(folded):
        found.append(_hit(match.start(), match.end(), match[0], "morphology", MORPHOLOGY_WEIGHT, offsets))
    kept = []
    for hit in found:
        start, end = _folded_span(hit, offsets)
        overlaps_benign = any(b0 < end and start < b1 for b0, b1 in benign)
        if overlaps_benign and hit.category != BRAND:
            continue
        window = folded[max(0, start - ENFORCEMENT_WINDOW) : end + ENFORCEMENT_WINDOW]
        if lexicon.enforcement_re.search(window):
            continue
        kept.append(hit)
    return _merge(kept)


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


def _hit(start: int, end: int, term: str, category: str, weight: float, offsets: list[int]) -> Hit:
    return Hit(offsets[start], offsets[end - 1] + 1, term, category, weight)


def _folded_span(hit: Hit, offsets: list[int]) -> tuple[int, int]:
    if isinstance(offsets, _Identity):
        return hit.start, hit.end
    return bisect.bisect_left(offsets, hit.start), bisect.bisect_left(offsets, hit.end)


def _merge(found: list[Hit]) -> list[Hit]:
    """Overlapping hits become one, carrying the strongest category: one brand is one hit."""
    merged: list[Hit] = []
    for hit in sorted(found, key=lambda h: (h.start, -h.end)):
        if merged and hit.start < merged[-1].end:
            last = merged[-1]
            best = last if last.weight >= hit.weight else hit
            merged[-1] = Hit(last.start, max(last.end, hit.end), best.term, best.category, best.weight)
        else:
            merged.append(hit)
    return merged


def score(text: str, lexicon: Lexicon | None = None) -> float:
    """L(x) of spec §4: the sum of non-cancelled hit weights, capped at 10."""
    return min(10.0, sum(h.weight for h in hits(text, lexicon)))


def hit_strings(text: str) -> list[str]:
    return [text[h.start : h.end] for h in hits(text)]
