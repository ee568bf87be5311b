"""Detect Traditional script and fold it into Simplified.

OpenCC's t2s applied to text that is already Simplified damages names
(乾安县 becomes 干安县), so conversion happens only when the text is mostly
Traditional. The test compares how many characters each direction would change:
Simplified prose is full of characters that s2t rewrites (个, 们, 这) and has
few that t2s rewrites, and Traditional prose the reverse. The two sets of
characters are read from OpenCC once per process, one character at a time, so
counting a page is a character-class scan instead of two whole conversions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import opencc

from .caches import loaded

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"
# Where OpenCC's character dictionaries have entries: CJK extension A, the unified
# block and the compatibility ideographs (the supplementary planes hold no
# characters a government page would be written in).
CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@loaded(8)  # one converter per OpenCC configuration
def converter(config: str) -> opencc.OpenCC:
    # Loading a configuration reads its dictionaries (about a millisecond); a converter is
    # stateless once built, so one per configuration serves the whole process.
    return opencc.OpenCC(config)


@loaded()
def _rewritten_by() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Character classes of what t2s rewrites (Traditional-only) and what s2t rewrites."""
    chars = [chr(c) for start, end in CJK_RANGES for c in range(start, end)]
    classes = []
    for config in ("t2s", "s2t"):
        # One conversion of all characters, a line each, so no phrase spans two of them.
        converted = converter(config).convert("\n".join(chars)).split("\n")
        changed = "".join(c for c, new in zip(chars, converted, strict=True) if new != c)
        classes.append(re.compile(f"[{changed}]"))
    return classes[0], classes[1]


def t2s_class() -> str:
    """The characters t2s rewrites as a character class, for a pass that looks for them among
    other things (extract/spam/phrase_scan.py)."""
    return _rewritten_by()[0].pattern


def holds_traditional(text: str) -> bool:
    """Some character of the text is one t2s rewrites: without one, t2s returns it unchanged."""
    return _rewritten_by()[0].search(text) is not None


def detect_script(text: str) -> str:
    """TRADITIONAL when more characters are Traditional-only than Simplified-only.

    The page's own script matches its class thousands of times and the other script's
    class rarely: the rare side is counted in full, the common side only until it
    reaches that count, so a Simplified page stops after a handful of matches.
    """
    traditional_only, simplified_only = _rewritten_by()
    traditional = len(traditional_only.findall(text))
    simplified = 0
    for simplified, _ in enumerate(simplified_only.finditer(text), start=1):
        if simplified >= traditional:
            return SIMPLIFIED
    return TRADITIONAL if traditional > simplified else SIMPLIFIED


def to_simplified(lines: Sequence[str]) -> list[str]:
    """Convert lines to Simplified; callers decide first whether they should."""
    t2s = converter("t2s")
    return [t2s.convert(line) for line in lines]


def in_simplified(text: str) -> str:
    """A short text (a table label) in Simplified script, converted only when it is Traditional.

    Page-level detection folds a Traditional page; a Traditional table on a Simplified page
    (a mirrored attachment, a pasted form) keeps its script, so a label is tested on its own.
    A text with no Traditional-only character is returned unchanged: t2s never touches it.
    """
    # Most labels hold none: one search answers for them what detect_script's two scans would.
    if not holds_traditional(text):
        return text
    return to_simplified([text])[0] if detect_script(text) == TRADITIONAL else text
