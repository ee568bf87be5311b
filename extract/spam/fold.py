"""Text as the lexicon sees it: folded, with a map back to the original offsets.

Full-width forms, case and Traditional characters are folded to one form, and
zero-width characters and interference marks between Chinese characters (开*云,
開-雲) are dropped; every folded character keeps its original offset, so a hit
found in the folded text is reported where the reader sees it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from ..caches import memo
from ..chars import HAN, HAN_RANGE, is_han
from ..script import converter, holds_traditional

# The longest text whose lexicon hits are remembered one by one; longer texts are
# remembered only while they are among the last few met (RECENT_TEXTS).
MEMO_CHARS = 64
RECENT_TEXTS = 8
# Separators a cloner puts inside a brand or a disguised term (开*云, 美-高-梅).
_INTERFERENCE = frozenset("*-_·.・|/\\~^`'\"\u200b\u200c\u200d\u2060\ufeff")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def to_simplified(text: str) -> str:
    """OpenCC's t2s conversion of the text.

    A page's corpus is converted here for the lexicon and again by names.find_brands,
    which looks for characters of the other script: the last few long texts are
    remembered, as their hits are (RECENT_TEXTS).
    """
    # Most texts a page is read in hold no character t2s rewrites: one search in C answers for
    # them, where a conversion walks OpenCC's dictionaries.
    if not holds_traditional(text):
        return text
    return _recent_simplified(text) if len(text) > MEMO_CHARS else converter("t2s").convert(text)


# Kept: saves 1.7% of a warm run's instructions (callgrind, the bench pages read twice).
@memo(RECENT_TEXTS)
def _recent_simplified(text: str) -> str:
    return converter("t2s").convert(text)


# What fold drops: zero-width characters, and interference marks between Chinese
# characters. Found with str.__contains__ and regexes that open with a literal character:
# both skip through a page in C far faster than a character class does.
ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INTERFERENCE_MARKS = "*-_·.・|/\\~^`'\""  # _INTERFERENCE without the zero-width characters
_WITHOUT_ZERO_WIDTH = dict.fromkeys(map(ord, ZERO_WIDTH_CHARS))


def has_zero_width(text: str) -> bool:
    return any(char in text for char in ZERO_WIDTH_CHARS)


def drop_zero_width(text: str) -> str:
    """The text without zero-width characters: 九\u200b五 is the 九五 a reader sees."""
    return text.translate(_WITHOUT_ZERO_WIDTH)


_MARKS_CLASS = "[" + re.escape(_INTERFERENCE_MARKS) + "]"
# For each mark, a run of one to three marks it opens between two Chinese characters.
_DROPPED_RUN_OPENED_BY = {
    mark: re.compile(f"{re.escape(mark)}(?<={HAN}{re.escape(mark)}){_MARKS_CLASS}{{0,2}}(?={HAN})")
    for mark in _INTERFERENCE_MARKS
}


def dropped_marks(normal: str) -> list[int]:
    """The offsets _drop_interference drops from a text without zero-width characters.

    There, a mark is dropped when it stands in a run of marks that a Chinese character
    precedes and, within the three characters after the mark, follows: a whole run of one
    to three marks between two Chinese characters, and nothing of a longer run.
    """
    return sorted(
        offset
        for mark, run in _DROPPED_RUN_OPENED_BY.items()
        if mark in normal
        for found in run.finditer(normal)
        for offset in range(found.start(), found.end())
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


class _AfterDrops(list):  # type: ignore[type-arg]
    """Offsets of a fold that dropped some characters, computed when asked for.

    The folded index i maps to i plus the number of dropped characters before it: the
    k-th dropped offset d is before it when the d - k kept characters preceding d number
    at most i. Only the few hits are ever mapped, so no list of every offset is built.
    """

    def __init__(self, dropped: list[int], length: int) -> None:
        super().__init__()
        self.kept_before = [offset - k for k, offset in enumerate(dropped)]  # ascending
        self.length = length

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        return index + bisect.bisect_right(self.kept_before, index)

    def __len__(self) -> int:
        return self.length


def fold(text: str) -> tuple[str, list[int]]:
    """The text as the lexicon sees it, and for each folded character its original offset.

    Characters of _INTERFERENCE are dropped only between two Chinese characters, so
    "bet 365" and "2017-2018" keep their shape while "开*云" becomes "开云".
    """
    simplified = to_simplified(text)
    if len(simplified) != len(text):  # a phrase conversion changed the length: keep offsets exact
        simplified = text
    normal = nfkc(simplified)
    if len(normal) != len(text):  # "……" became "......": fold character by character instead
        normal = _NFKC_UNSTABLE_RUN.sub(_first_of_nfkc, simplified)
    normal = normal.lower()
    if any(char in normal for char in ZERO_WIDTH_CHARS):
        return _drop_interference(normal)
    dropped = dropped_marks(normal)
    if not dropped:  # the common case: nothing to drop, offsets unchanged
        return normal, _Identity(len(normal))
    return without(normal, dropped)


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), normalising only where something changes.

    Normalising a whole page costs about 0.2 µs a character. A character replaced by its own
    NFKC form leaves the NFKC of the text as it was (the NFKD is the same), so the full-width
    signs a Chinese page is full of are replaced first, by str.replace in C. The lines still
    not normalised after that ("\n" combines with nothing) are normalised around the
    characters they may change.
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    for char, form in _FREQUENT_NFKC:
        if char in text:
            text = text.replace(char, form)
    if unicodedata.is_normalized("NFKC", text):
        return text
    lines = text.split("\n")
    return "\n".join(line if unicodedata.is_normalized("NFKC", line) else _nfkc_runs(line) for line in lines)


def _nfkc_runs(text: str) -> str:
    """NFKC of the text by pieces: NFKC of a string is NFKC of its pieces joined, when they are
    cut before stable characters (_NFKC_STABLE). Each run of other characters is normalised
    with the stable character before it, which it may combine with."""
    pieces: list[str] = []
    last = 0
    for run in _NFKC_UNSTABLE_RUN.finditer(text):
        start = max(run.start() - 1, 0)
        pieces += [text[last:start], unicodedata.normalize("NFKC", text[start : run.end()])]
        last = run.end()
    pieces.append(text[last:])
    return "".join(pieces)


# The signs that make most of a Chinese page's changes under NFKC, and their NFKC forms.
_FREQUENT_NFKC = tuple((char, unicodedata.normalize("NFKC", char)) for char in "，：；（）？！\xa0\u3000")
# Characters NFKC keeps as they are and that nothing before them combines with (canonical
# combining class 0, not the second of any composition): ASCII, CJK ideographs, CJK and
# general punctuation. tests/test_spam_lexicon.py checks every one of them.
_NFKC_STABLE = (
    "\x00-\x7f\xb7\xd7\u2010\u2012-\u2016\u2018-\u2023\u2027\u2030-\u2032"
    "\u3001-\u3029\u3030-\u3035\u303b-\u303f\u3400-\u4dbf" + HAN_RANGE
)
_NFKC_UNSTABLE_RUN = re.compile(f"[^{_NFKC_STABLE}]+")


def _first_of_nfkc(run: re.Match[str]) -> str:
    # Characters outside the runs are their own NFKC: the runs alone are folded, each character
    # to the first character of its own NFKC form.
    return "".join(unicodedata.normalize("NFKC", char)[:1] or char for char in run[0])


_SPECIAL = re.compile("[" + "".join(re.escape(c) for c in sorted(_INTERFERENCE | _ZERO_WIDTH)) + "]")


def _drop_interference(normal: str) -> tuple[str, list[int]]:
    """Drop zero-width characters, and interference between Chinese characters."""
    return without(normal, interference_offsets(normal))


def interference_offsets(normal: str) -> list[int]:
    """The offsets _drop_interference drops, ascending.

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
        if char in _INTERFERENCE and is_han(last_kept):
            following = next((c for c in normal[index + 1 : index + 4] if c not in _INTERFERENCE), "")
            if is_han(following) and index + 1 < length:
                dropped.append(index)
                continue
        last_kept = char
    return dropped


def without(normal: str, dropped: list[int]) -> tuple[str, list[int]]:
    """The text without the characters at the dropped offsets (ascending), and the offsets map."""
    pieces: list[str] = []
    start = 0
    for index in [*dropped, len(normal)]:
        pieces.append(normal[start:index])
        start = index + 1
    return "".join(pieces), _AfterDrops(dropped, len(normal) - len(dropped))
