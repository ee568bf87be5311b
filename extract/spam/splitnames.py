"""Names split by zero-width characters inside a sentence: 通过天\u200b顺公开政府信息.

A reader never sees a zero-width space, so a defacer puts one inside the name it writes
over an ordinary word: the page reads 天顺 while no list, slot or dictionary matches the
split string. A government page has no reason to put one between two Chinese characters
(none of the real pages read for this holds one), so the split is the mark, whatever the
name is. Where the name starts and ends is read from the page itself, as for other phrase
swaps (extract/spam/phrases.py): a swapped name is one unit wherever it stands, so the
characters that all its occurrences share around the split are its own.
"""

from __future__ import annotations

import re

from ..chars import HAN
from ..model import SpamFinding
from .candidates import MAX_CONTEXT, shared_context
from .fold import ZERO_WIDTH_CHARS, drop_zero_width
from .names import occurrences
from .slots import LEVEL_CHARS, MIN_REPEATS

SPLIT_SCORE = 2.0  # as strong as a phrase swap: the same evidence, hidden from the reader
# Chinese characters with zero-width characters between them: 天\u200b顺, 永\u200b兴\u200b汇.
_SPLIT_RUN = re.compile(f"{HAN}(?:[{ZERO_WIDTH_CHARS}]+{HAN})+")


def split_names(text: str) -> list[str]:
    """The names that zero-width characters split, repeated, as a reader sees them (天顺).

    `text` still holds the zero-width characters; a name standing once says too little of
    where it starts to be cut out of its sentence.
    """
    found: list[str] = []
    for split in dict.fromkeys(match[0] for match in _SPLIT_RUN.finditer(text)):
        where = occurrences(text, split)
        if len(where) < MIN_REPEATS:
            continue
        before = shared_context(text, where, len(split), -1)
        after = shared_context(text, where, len(split), 1)
        if len(before) >= MAX_CONTEXT or len(after) >= MAX_CONTEXT:
            continue  # the same sentence twice: where the name ends is unknown
        name = drop_zero_width(before + split + after)
        if name in text:
            continue  # written whole too (政\u200b府 beside 政府): the page's own word, split by an editor
        if name not in found:
            found.append(name)
    return found


def lone_splits(text: str) -> list[str]:
    """Chinese characters split by zero-width characters that stand once (永\u200b兴), as a
    reader sees them. The split is the mark; where the name starts and ends is unknown, so
    the page is flagged and its text kept. Written whole elsewhere, the split is an editor's.
    """
    lone = []
    for split in dict.fromkeys(match[0] for match in _SPLIT_RUN.finditer(text)):
        seen = drop_zero_width(split)
        if len(occurrences(text, split)) == 1 and seen not in text and seen not in lone:
            lone.append(seen)
    return lone


def stands_leveled(text: str, name: str) -> bool:
    """The name stands before a level somewhere (金沙区): where a place's name belongs."""
    return re.search(f"{re.escape(name)}[{LEVEL_CHARS}]", text) is not None


def lone_split_finding(seen: str) -> SpamFinding:
    evidence = f"{seen} ×1 inside sentences, split by zero-width characters; where the name ends is unknown"
    return SpamFinding("split_name", evidence, "flagged", SPLIT_SCORE)


def split_finding(name: str, count: int, where: str = "inside sentences") -> SpamFinding:
    evidence = f"{name} ×{count} {where}, split by zero-width characters"
    return SpamFinding("split_name", evidence, "removed", SPLIT_SCORE)
