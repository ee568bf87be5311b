"""Row labels: normalise them for matching, and match them to canonical keys.

Printed labels vary (full- or half-width brackets, wrapped cells, counting notes
printed once or twice, typos, lost numbering), and regional tables renumber their
blocks, so identity comes from keyword sets plus the enclosing block and group
labels (spec §6), never from the printed number. The keyword sets are data, in
data/legacy_rows.csv, so a new regional variant is a CSV row, not code.

Input is expected in Simplified script (the caller runs OpenCC on a Traditional page),
but the seed-003 typos that survive conversion are folded here, and a legacy row's label
in Traditional script on a Simplified page is folded when it is mapped (map_row).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

from .caches import loaded, memo
from .chars import HAN, is_han
from .legacy_meaning import Meaning, decide
from .script import in_simplified

# Package data through importlib.resources, so it reads from an installed egg or wheel too.
LEGACY_ROWS_CSV = resources.files("extract") / "data" / "legacy_rows.csv"

# Depth of a row in the legacy table, read from its numbering prefix.
LEVEL_NONE = 0  # no prefix: a sibling of the row above, or a damaged label
LEVEL_BLOCK = 1  # 一、 / 一.
LEVEL_GROUP = 2  # (一)
LEVEL_ITEM = 3  # 1. / 1、 / (1) / ①
LEVEL_DETAIL = 4  # 其中:

_CN_NUM = "一二三四五六七八九十百"
# Order matters: "其中:" may follow a number ("1.其中:…"), so prefixes are peeled in a loop.
_PREFIXES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"^[{_CN_NUM}]+[、.]"), LEVEL_BLOCK),
    (re.compile(rf"^\(?[{_CN_NUM}]+\)"), LEVEL_GROUP),  # (一) and 一)
    (re.compile(rf"^[{_CN_NUM}]+是"), LEVEL_ITEM),  # 一是、二是: numbering of prose lists in tables too
    (re.compile(r"^\(\d{1,2}\)"), LEVEL_ITEM),
    (re.compile(r"^\d{1,2}[.、)](?!\d)"), LEVEL_ITEM),  # 1. 1、 1)
    (re.compile(r"^其中[:]?"), LEVEL_DETAIL),
    # Seed 003 lost "(七" of "(七)" and kept only ")": a damaged group number.
    (re.compile(r"^\)"), LEVEL_GROUP),
)
# The prefixes above as one pattern, tried in the same order (one search instead of up to
# seven): the alternative that matches, named by its group, is the first pattern that would.
_PREFIX = re.compile(
    "|".join(f"(?P<p{i}>{pattern.pattern.removeprefix('^')})" for i, (pattern, _) in enumerate(_PREFIXES))
)
_PREFIX_LEVELS: dict[str | None, int] = {f"p{i}": level for i, (_, level) in enumerate(_PREFIXES)}
# The first characters a prefix above can start with, besides a decimal digit (\d): a label
# starting with none of them has no prefix, and its prefix patterns need not be tried.
_PREFIX_STARTS = frozenset(_CN_NUM + "()其")
_CIRCLED = {chr(0x2460 + i): f"({i + 1})" for i in range(20)}  # ① … ⑳, before NFKC eats them
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff]")
_QUOTE_MARKS = "\"'“”‘’＂「」『』《》〈〉"
_QUOTES = re.compile(f"[{re.escape(_QUOTE_MARKS)}]")
# Pinyin glosses injected by spam mirrors: 公(gong)开, 报(bào)告 (spec §6.1 step 4).
_PINYIN_GLOSS = re.compile(f"(?<={HAN})" + r"\([a-zà-ǜ]+\)")
_PARENTHETICAL = re.compile(r"\([^()]*\)")
# Spelling variants and seed-003 typos, folded to the national wording (spec §6.1 step 8, §6.2).
_VARIANTS: tuple[tuple[str, str], ...] = (
    ("危機", "危及"),
    ("危机", "危及"),
    ("所指定应公开的政府信息", "所指政府信息"),
    ("通过转其他途径", "通过其他途径"),
    ("通过转其它途径", "通过其他途径"),
    ("其它", "其他"),
    ("合计", "总计"),
    ("网上", "网络"),
    ("规范性档案", "规范性文件"),  # Taiwan-localised mirrors write 文件 as 檔案
)

# One scan that tells whether the quote and variant steps of normalise_text have work to do.
# Every alternative starts with a literal character (each quote mark is one), so the search
# skips at once to where one of those characters is: a character class among them would
# make it try every alternative at every position (1 µs a label instead of 0.1).
_QUOTE_OR_VARIANT = re.compile(
    "|".join([*map(re.escape, _QUOTE_MARKS), *(re.escape(variant) for variant, _ in _VARIANTS)])
)

# Ideographs the folding can write into a text: those of the variants' wordings.
_FOLDED_IN = frozenset("".join(canonical for _, canonical in _VARIANTS))


def kept_ideographs(words: str) -> str:
    """The CJK ideographs of `words` that folding cannot write in, each once, in order.

    normalise_text and normalise_label delete characters, write circled numbers as "(1)",
    fold variants and apply NFKC, which decomposes character by character and never composes
    a CJK ideograph. So a label folded from a text holds these ideographs only if the text's
    NFKC form does (as clean_cell's result, its NFKC form less spaces, does): a text lacking
    one of them cannot fold to a label containing `words`.
    """
    return "".join(dict.fromkeys(c for c in words if is_han(c) and c not in _FOLDED_IN))


@dataclass(frozen=True)
class Label:
    raw: str  # as printed
    text: str  # normalised, for matching only
    prefix: str  # the numbering that was stripped, e.g. "(一)", "1.", "其中:"
    level: int


# Grid cells and labels repeat from report to report; the folded text is a pure function.
@memo(8192)
def normalise_text(text: str) -> str:
    """NFKC, no whitespace or invisible characters, variants folded; no structural edits."""
    text = text.replace("&nbsp;", " ")
    # Most labels reach here already NFKC (cells are cleaned first): such a text holds no circled
    # number either (NFKC changes ①), so the twenty replacements and NFKC itself have nothing to do.
    if not unicodedata.is_normalized("NFKC", text):
        for circled, plain in _CIRCLED.items():
            text = text.replace(circled, plain)
        text = unicodedata.normalize("NFKC", text)
    # Whitespace and invisible characters are disjoint sets, so dropping them commutes; every
    # invisible character is a format character, so a printable text has none to scan for.
    text = "".join(text.split())
    if not text.isprintable():
        text = _INVISIBLE.sub("", text)
    if "(" in text:  # a pinyin gloss is parenthesised
        text = _PINYIN_GLOSS.sub("", text)
    # A text holding neither a quote nor a variant is left as it is by both steps below.
    if _QUOTE_OR_VARIANT.search(text):
        text = _QUOTES.sub("", text)
        for variant, canonical in _VARIANTS:
            text = text.replace(variant, canonical)
    if text.endswith("数量"):
        text = text[:-1]  # 行政复议数量 ≡ 行政复议数
    return text


@memo(8192)  # every report prints the same labels; a Label is immutable
def normalise_label(raw: str) -> Label:
    """Strip numbering (kept in `prefix`) and explanatory parentheticals (dropped for matching)."""
    text = normalise_text(raw)
    prefixes: list[str] = []
    level = LEVEL_NONE
    while text[:1] in _PREFIX_STARTS or text[:1].isdecimal():
        found = _PREFIX.match(text)
        if not found:
            break
        prefixes.append(found.group(0))
        # The outer number decides depth: "1.其中:" is an item, not a detail row.
        level = level or _PREFIX_LEVELS[found.lastgroup]
        text = text[found.end() :]
    # Counting notes and explanations: （不同渠道和方式公开相同信息计1条）, （单位：万元）…
    while "(" in text and _PARENTHETICAL.search(text):
        text = _PARENTHETICAL.sub("", text)
    # Damaged labels keep unmatched brackets ("旗县(市、已建成…"): drop the stray marks only.
    text = text.replace("(", "").replace(")", "")
    return Label(raw=raw.strip(), text=normalise_text(text), prefix="".join(prefixes), level=level)


@dataclass(frozen=True)
class LexiconRow:
    key: str
    label_all: tuple[str, ...]  # every keyword must occur in the label
    label_none: tuple[str, ...]  # no keyword may occur in the label
    context_all: tuple[str, ...]  # every keyword must occur in the enclosing block/group labels
    context_none: tuple[str, ...]
    unit: str  # default unit from indicators.csv

    def matches(self, label: str, context: str) -> bool:
        # map() over str.__contains__ keeps the keyword loops in C: every row of a table is
        # tried against the lexicon's rows until one fits.
        return (
            all(map(label.__contains__, self.label_all))
            and not any(map(label.__contains__, self.label_none))
            and all(map(context.__contains__, self.context_all))
            and not any(map(context.__contains__, self.context_none))
        )


def _keywords(cell: str) -> tuple[str, ...]:
    # Keywords go through the same folding as labels, so the CSV may use either spelling.
    return tuple(normalise_text(word) for word in cell.split("|") if word.strip())


@loaded(2)
def load_legacy_lexicon(path: Traversable = LEGACY_ROWS_CSV) -> tuple[LexiconRow, ...]:
    # Package data, folded once per process: every legacy table of every page reads it.
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            LexiconRow(
                key=row["key"],
                label_all=_keywords(row["label_all"]),
                label_none=_keywords(row["label_none"]),
                context_all=_keywords(row["context_all"]),
                context_none=_keywords(row["context_none"]),
                unit=row["unit"],
            )
            for row in csv.DictReader(handle)
        )


def match_legacy_row(label: Label, context: str, lexicon: Sequence[LexiconRow]) -> LexiconRow | None:
    """The first lexicon row whose keyword sets fit; the CSV lists specific rows before general ones."""
    return _matching_row(label.text, context, lexicon)


def _matching_row(text: str, context: str, lexicon: Sequence[LexiconRow]) -> LexiconRow | None:
    if lexicon is load_legacy_lexicon():
        return _packaged_index().match(text, context)
    for row in lexicon:
        if row.matches(text, context):
            return row
    return None


@dataclass(frozen=True)
class _KeywordSets:
    row: LexiconRow
    label_all: frozenset[str]
    label_none: frozenset[str]
    context_all: frozenset[str]
    context_none: frozenset[str]


@dataclass(frozen=True)
class LexiconIndex:
    """A lexicon whose keywords are looked up in a label once, not once for every row tried.

    A keyword set fits when it holds only keywords found in the text (label_all, context_all)
    or none of them (label_none, context_none): the same answer as LexiconRow.matches.
    """

    rows: tuple[_KeywordSets, ...]
    # The label keywords by their first character: a label is searched only for the keywords
    # starting with one of its own characters, not for all of them.
    label_words: dict[str, tuple[str, ...]]
    context_words: tuple[str, ...]
    by_key: dict[str, LexiconRow]  # the first row of each key
    # Positions in `rows` by the first of their label_all keywords (() for a row needing none):
    # a row can fit only a label holding that keyword, so the others are not tried.
    rows_by_word: dict[str, tuple[int, ...]]
    rows_needing_none: tuple[int, ...]

    @classmethod
    def of(cls, lexicon: Sequence[LexiconRow]) -> LexiconIndex:
        return cls(
            rows=tuple(
                _KeywordSets(
                    row,
                    frozenset(row.label_all),
                    frozenset(row.label_none),
                    frozenset(row.context_all),
                    frozenset(row.context_none),
                )
                for row in lexicon
            ),
            label_words=_by_first_character(w for row in lexicon for w in (*row.label_all, *row.label_none)),
            context_words=tuple(
                dict.fromkeys(w for row in lexicon for w in (*row.context_all, *row.context_none))
            ),
            by_key={row.key: row for row in reversed(lexicon)},
            rows_by_word=_positions_by_first_keyword(lexicon),
            rows_needing_none=tuple(position for position, row in enumerate(lexicon) if not row.label_all),
        )

    def match(self, label: str, context: str) -> LexiconRow | None:
        words = self.label_words
        in_label = {word for first in words.keys() & label for word in words[first] if word in label}
        in_label.update(words.get("", ()))  # an empty keyword is in every label
        in_context: set[str] | None = None
        rows_by_word = self.rows_by_word
        candidates = {position for word in in_label for position in rows_by_word.get(word, ())}
        for position in sorted(candidates.union(self.rows_needing_none)):
            sets = self.rows[position]
            if sets.label_all <= in_label and in_label.isdisjoint(sets.label_none):
                if in_context is None:
                    in_context = {word for word in self.context_words if word in context}
                if sets.context_all <= in_context and in_context.isdisjoint(sets.context_none):
                    return sets.row
        return None


def _by_first_character(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {}
    for word in dict.fromkeys(words):
        grouped.setdefault(word[:1], []).append(word)
    return {first: tuple(group) for first, group in grouped.items()}


def _positions_by_first_keyword(lexicon: Sequence[LexiconRow]) -> dict[str, tuple[int, ...]]:
    grouped: dict[str, list[int]] = {}
    for position, row in enumerate(lexicon):
        if row.label_all:
            grouped.setdefault(row.label_all[0], []).append(position)
    return {word: tuple(positions) for word, positions in grouped.items()}


# The packaged lexicon's index, built with it: every row of every legacy table is matched.
@loaded()
def _packaged_index() -> LexiconIndex:
    return LexiconIndex.of(load_legacy_lexicon())


def map_row(
    label: Label, context: str, enclosing: Sequence[str], has_figure: bool, lexicon: Sequence[LexiconRow]
) -> Meaning:
    """The key of a legacy row: the lexicon's match checked against, or replaced by, its meaning.

    A Traditional label (or enclosing label) is read in Simplified: a page's lines are folded
    only when most of the page is Traditional, so a Traditional table on a Simplified page
    reaches here in its own script.
    """
    # The answer depends on the label's normalised text alone, not on how its number was printed.
    if lexicon is load_legacy_lexicon():
        return _packaged_meaning(label.text, context, tuple(enclosing), has_figure)
    return _meaning(label.text, context, enclosing, has_figure, lexicon)


# Every report prints the same rows under the same headers: the packaged lexicon's answer for
# one is worked out once. A lexicon handed in otherwise is read afresh.
@memo(8192)
def _packaged_meaning(text: str, context: str, enclosing: tuple[str, ...], has_figure: bool) -> Meaning:
    return _meaning(text, context, enclosing, has_figure, load_legacy_lexicon())


def _meaning(
    text: str, context: str, enclosing: Sequence[str], has_figure: bool, lexicon: Sequence[LexiconRow]
) -> Meaning:
    text = _simplified(text)
    if _simplified(context) != context:  # the enclosing labels are the context's parts
        context = "/".join(_simplified(part) for part in context.split("/"))
        enclosing = [_simplified(part) for part in enclosing]
    row = _matching_row(text, context, lexicon)
    return decide(row.key if row else None, text, enclosing, has_figure)


def _simplified(text: str) -> str:
    """A normalised label in Simplified script, folded again (規範性檔案 → 规范性档案 → 规范性文件)."""
    folded = in_simplified(text)
    return text if folded == text else normalise_text(folded)


def lexicon_row(key: str | None, lexicon: Sequence[LexiconRow]) -> LexiconRow | None:
    """The lexicon's row of a key (its unit), or None."""
    if key is None:
        return None
    if lexicon is load_legacy_lexicon():
        return _packaged_index().by_key.get(key)
    return next((row for row in lexicon if row.key == key), None)
