"""The longest literal text every match of a regular expression contains.

A pattern run over many lines can skip every line lacking that text with an `in`
check, which costs far less than a failed search. Only characters the pattern
requires at its top level count: nothing under a group, branch, repeat or
lookaround, so the prefilter can never drop a line the pattern would match.
"""

from __future__ import annotations

import re
from re import _parser  # the standard library's own pattern parser (sre_parse before 3.11)


def required_literal(pattern: re.Pattern[str]) -> str:
    """ "" when the pattern requires no literal text (or folds case, which `in` cannot)."""
    if pattern.flags & re.IGNORECASE:
        return ""
    longest, run = "", ""
    for op, argument in [*_parser.parse(pattern.pattern, pattern.flags), (None, None)]:
        if op is _parser.LITERAL:
            run += chr(argument)
            continue
        longest = max(longest, run, key=len)
        run = ""
    return longest
