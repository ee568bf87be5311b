"""Repair text that was decoded with the wrong codec once already, before it reached us.

A page re-saved by a CMS or a mirror sometimes carries UTF-8 bytes that were read
as GBK (鏀垮簻淇℃伅 for 政府信息) or as Latin-1 (æ”¿åºœ) and written out again.
The bytes decode cleanly, so only the text shows it: the repair is tried, and kept
only when it turns rare characters into the common characters of report prose.
"""

from __future__ import annotations

import re

# Characters that fill any disclosure report; mojibake almost never produces them.
COMMON = frozenset("的一是在和了有人年政府信息公开申请报告工作情况主动依法部门办理行政")
# Signs of UTF-8 read as Latin-1/cp1252: accented Latin letters in runs.
_LATIN_RUN = re.compile(r"[\u00c0-\u00ff][\u0080-\u00ff\u2018-\u203a\u0152-\u0192]")
_SAMPLE = 4000  # characters enough to judge a page; the repair itself covers all of it
_CODECS = ("gb18030", "cp1252", "latin-1")
# ASCII and whitespace (re's \s is str.isspace): what is left are the letters that are judged.
_NOT_LETTERS = re.compile(r"[\x00-\x7f\s]+")


def _common_share(text: str) -> float:
    # Counted in C: COMMON holds only non-ASCII letters, so counting them in the whole text
    # counts them among the letters.
    letters = len(_NOT_LETTERS.sub("", text))
    return _common_count(text) / letters if letters else 0.0


def _common_count(text: str) -> int:
    return sum(text.count(c) for c in COMMON)


def _reads_as_prose(text: str) -> bool:
    """A cheap sufficient test for _common_share(text) > 0.08: the letters are at most the
    non-ASCII characters, so a share of those above the bar is a share of letters above it."""
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return non_ascii > 0 and _common_count(text) / non_ascii > 0.08


def _undo(text: str, codec: str) -> str | None:
    """Re-read the text's bytes as UTF-8; a few characters lost in the first misreading stay lost."""
    fixed = text.encode(codec, errors="replace").decode("utf-8", errors="replace")
    lost = fixed.count("\ufffd") - text.count("\ufffd")
    return fixed if lost <= max(2, len(text) // 20) else None


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """The text, repaired where it is mojibake, and the codec it had been misread with."""
    sample = text[:_SAMPLE]
    if not _LATIN_RUN.search(sample) and _reads_as_prose(sample):
        return text, None  # most pages end here, before the letters are counted
    before = _common_share(sample)
    if before > 0.08 and not _LATIN_RUN.search(sample):
        return text, None  # reads as report prose already
    for codec in _CODECS:
        fixed_sample = _undo(sample, codec)
        if fixed_sample is None or _common_share(fixed_sample) <= max(before * 2, 0.05):
            continue
        fixed = _undo(text, codec)
        if fixed is not None:
            return fixed, codec
    return text, None
