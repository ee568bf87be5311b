"""What the stages mean by "a Chinese character": one definition, as a test and as a regex class.

The CJK Unified Ideographs block (U+4E00–U+9FFF) holds every character a government
report prints. Extension A and the compatibility ideographs are left out on purpose:
they turn up in spam (look-alike glyphs), never in a place or body name, and a test
that admitted them would let a disguised brand pass for a name. OpenCC's dictionaries
cover a wider range, which extract/script.py keeps as its own fact.
"""

from __future__ import annotations

import re

HAN_FIRST, HAN_LAST = "\u4e00", "\u9fff"
# For inside a regex character class: f"[{HAN_RANGE}·]".
HAN_RANGE = f"{HAN_FIRST}-{HAN_LAST}"
# One Chinese character, as a regex.
HAN = f"[{HAN_RANGE}]"


def is_han(char: str) -> bool:
    """Whether `char` (one character, or "") is a Chinese character."""
    return HAN_FIRST <= char <= HAN_LAST


# A name or label is tested whole by the regex engine: one call in C, not one per character.
_CHINESE = re.compile(f"{HAN}*")


def is_chinese(text: str) -> bool:
    """Whether every character of `text` is a Chinese character (all(map(is_han, text)))."""
    return _CHINESE.fullmatch(text) is not None
