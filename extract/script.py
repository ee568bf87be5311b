"""Detect Traditional script and fold it into Simplified.

OpenCC's t2s applied to text that is already Simplified damages names
(乾安县 becomes 干安县), so conversion happens only when the text is mostly
Traditional. The test compares how many characters each direction would change:
Simplified prose is full of characters that s2t rewrites (个, 们, 这) and has
few that t2s rewrites, and Traditional prose the reverse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import opencc

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"


@dataclass(frozen=True)
class ScriptCount:
    traditional_only: int
    simplified_only: int

    @property
    def script(self) -> str:
        return TRADITIONAL if self.traditional_only > self.simplified_only else SIMPLIFIED


def _changed(a: str, b: str) -> int:
    return sum(1 for x, y in zip(a, b, strict=False) if x != y)


@cache
def _converter(config: str) -> opencc.OpenCC:
    # Building a converter loads its dictionaries (tens of ms): once per process, not per page.
    return opencc.OpenCC(config)


def count_script(text: str) -> ScriptCount:
    return ScriptCount(
        traditional_only=_changed(text, _converter("t2s").convert(text)),
        simplified_only=_changed(text, _converter("s2t").convert(text)),
    )


def detect_script(text: str) -> str:
    return count_script(text).script


def to_simplified(lines: Sequence[str]) -> list[str]:
    """Convert lines to Simplified; callers decide first whether they should."""
    converter = _converter("t2s")
    return [converter.convert(line) for line in lines]
