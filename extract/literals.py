"""The longest literal text every match of a regular expression contains.

A pattern run over many lines can skip every line lacking that text with an `in`
check, which costs far less than a failed search. Only text the pattern requires
counts: a run of literal characters, also inside a group or a repeat that must occur
at least once, or text that every branch of an alternation requires. Nothing under an
optional repeat or a lookaround counts, so the prefilter can never drop a line the
pattern would match.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate

from .regex_items import BRANCH, GROUP, LITERAL, REPEAT, Item, parse_items


def required_literal(pattern: re.Pattern[str]) -> str:
    """ "" when the pattern requires no literal text (or folds case, which `in` cannot)."""
    if pattern.flags & re.IGNORECASE:
        return ""
    return _longest(_required_runs(parse_items(pattern.pattern, verbose=bool(pattern.flags & re.VERBOSE))))


def _longest(runs: list[str]) -> str:
    return max(runs, key=len, default="")  # the first of equally long runs


def _required_runs(items: Sequence[Item]) -> list[str]:
    """Texts every match of the parsed sequence `items` contains."""
    runs, run = [], ""
    for item in items:
        kind = item[0]
        if kind == LITERAL:
            run += item[1]
            continue
        runs.append(run)
        run = ""
        if kind == GROUP:
            _, folds_case, body = item
            if not folds_case:
                runs += _required_runs(body)
        elif kind == REPEAT:
            _, least, body = item
            if least >= 1:
                runs += _required_runs(body)
        elif kind == BRANCH:
            runs.append(_common_text([_required_runs(branch) for branch in item[1]]))
    runs.append(run)
    return runs


def _common_text(branches: list[list[str]]) -> str:
    """The longest text that some run of every branch contains ("" when there is none)."""
    first, *others = branches
    candidates = {
        run[start:end] for run in first for start in range(len(run)) for end in range(start + 1, len(run) + 1)
    }
    for text in sorted(candidates, key=lambda text: (-len(text), text)):
        if all(any(text in run for run in runs) for runs in others):
            return text
    return ""


class LineFinder:
    """Which lines hold each of a fixed set of literals, found in one scan of all the lines.

    Testing every literal against every line costs a pass over the text per literal; one
    regular expression of all the literals finds every place any of them starts instead.
    """

    def __init__(self, literals: Iterable[str]) -> None:
        distinct = set(literals)
        # The empty literal is in every line; one holding a newline could straddle two
        # lines of the joined text, so those are tested line by line.
        self._line_by_line = sorted(literal for literal in distinct if "\n" in literal)
        scanned = sorted(
            (literal for literal in distinct if literal and "\n" not in literal),
            key=lambda text: (-len(text), text),
        )
        self._keys = sorted(distinct)
        self._regex = re.compile(_longest_first(scanned)) if scanned else None
        # The regex reports the longest literal starting at a place; the others starting
        # there are exactly its prefixes.
        self._starting_with = {
            literal: tuple(prefix for prefix in scanned if literal.startswith(prefix)) for literal in scanned
        }

    def lines_holding(self, lines: Sequence[str]) -> dict[str, list[int]]:
        """For each literal, the indexes of the lines that contain it, in order."""
        holding: dict[str, list[int]] = {literal: [] for literal in self._keys}
        if "" in holding:
            holding[""] = list(range(len(lines)))
        for literal in self._line_by_line:
            holding[literal] = [index for index, line in enumerate(lines) if literal in line]
        if self._regex is None:
            return holding
        joined = "\n".join(lines)
        starts = list(accumulate([len(line) + 1 for line in lines], initial=0))
        match = self._regex.search(joined)
        while match:
            at = match.start()
            index = bisect_right(starts, at) - 1
            for literal in self._starting_with[match[0]]:
                indexes = holding[literal]
                if not indexes or indexes[-1] != index:
                    indexes.append(index)
            match = self._regex.search(joined, at + 1)
        return holding


def _longest_first(literals: Iterable[str]) -> str:
    """A regex matching, at a place, the longest of `literals` that starts there.

    The literals are nested by their shared beginnings ("告知(?:通过…|作出…)"): at each
    place the regex tries one alternative per distinct first character, not one per
    literal. Alternatives with different first characters exclude each other, and the
    empty rest of a literal that others extend comes last, so the longer literal is
    preferred, as a flat longest-first alternation would.
    """
    rests: dict[str, list[str]] = {}
    for literal in literals:
        rests.setdefault(literal[:1], []).append(literal[1:])
    branches = [
        re.escape(first + tails[0]) if len(tails) == 1 else f"{re.escape(first)}(?:{_longest_first(tails)})"
        for first, tails in rests.items()
        if first
    ]
    return "|".join(branches + [""] * ("" in rests))
