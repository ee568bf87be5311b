"""Where the phrase patterns match a page's text, read from its lines, lines remembered.

find_phrases scans the whole page with four patterns (a brand word and what is glued to
it, a lower-case Latin run, a bare number after a Chinese character, a channel slot), and
on most pages finds nothing: the scans are most of what it costs. None of those patterns
matches "\n" or looks across it (a lookbehind or lookahead at a line's edge meets "\n",
which none of them accepts, exactly where a line read alone meets its start or end), so
each match lies within a line and the matches of a text are those of its lines, shifted
to where each line starts, in the same order. A site's menus and footer come back on every
page of its portal: a line read once is not scanned again. The lines not remembered are
read as one batch, "\n"-joined, as the whole text was.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from ..caches import register
from .lexicon import MEMO_LINES, _LineMemo, _starts

# A match as a line holds it: start and end in the line, then the texts of its groups.
LineMatch = tuple[int, int, tuple[str | None, ...]]
# A line's matches, one tuple per pattern; () for a line none of the patterns matches.
_Reading = tuple[tuple[LineMatch, ...], ...]


class _PatternLineMemo(_LineMemo):
    """Readings of lines under one set of patterns, the oldest forgotten first; another set
    (the phrase patterns built again after reset_caches) starts it afresh."""

    def __init__(self, maxsize: int) -> None:
        super().__init__(maxsize)
        self.patterns: tuple[re.Pattern[str], ...] = ()

    def use(self, patterns: tuple[re.Pattern[str], ...]) -> None:
        if patterns != self.patterns:
            self.clear()
            self.patterns = patterns


_LINES = _PatternLineMemo(MEMO_LINES)
register(f"{__name__}._LINES", _LINES)


def _read_lines(lines: list[str], patterns: tuple[re.Pattern[str], ...]) -> dict[str, _Reading]:
    """The readings of distinct lines, from one scan per pattern of the lines joined."""
    batch = "\n".join(lines)
    starts = _starts(map(len, lines))
    found: dict[int, list[list[LineMatch]]] = {}
    for which, pattern in enumerate(patterns):
        for match in pattern.finditer(batch):
            index = bisect.bisect_right(starts, match.start()) - 1
            line_start = starts[index]
            per_pattern = found.setdefault(index, [[] for _ in patterns])
            per_pattern[which].append((match.start() - line_start, match.end() - line_start, match.groups()))
    readings: dict[str, _Reading] = dict.fromkeys(lines, ())
    for index, per_pattern in found.items():
        readings[lines[index]] = tuple(map(tuple, per_pattern))
    return readings


def line_matches(text: str, patterns: Sequence[re.Pattern[str]]) -> list[list[LineMatch]]:
    """For each pattern, its finditer over `text` as (start, end, groups), offsets in `text`.

    Only for patterns that neither match nor look across "\n" (see above)."""
    patterns = tuple(patterns)
    _LINES.use(patterns)
    lines = text.split("\n")
    readings = list(map(_LINES.get, lines))
    if None in readings:
        missing = [line for line, reading in zip(lines, readings, strict=True) if reading is None]
        read = _read_lines(list(dict.fromkeys(missing)), patterns)
        _LINES.remember(read)
        readings = [
            read[line] if reading is None else reading for line, reading in zip(lines, readings, strict=True)
        ]
    found: list[list[LineMatch]] = [[] for _ in patterns]
    starts = _starts(map(len, lines))
    for index in itertools.compress(itertools.count(), readings):
        line_start = starts[index]
        for matches, in_line in zip(found, readings[index], strict=True):
            if in_line:  # a line most often holds matches of one pattern alone
                matches.extend(
                    [(start + line_start, end + line_start, groups) for start, end, groups in in_line]
                )
    return found
