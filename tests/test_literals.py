"""The literal a prefilter may demand of a line before running a pattern over it."""

import random
import re

import pytest

from extract.literals import LineFinder, required_literal


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        (r"主动公开(?:各类)?政府信息\d+条", "主动公开"),
        (r"(?:受理|答复|办理)的\d+件申请中", "件申请中"),
        (r"(?<![不部分])同意公开的?\d+件", "同意公开"),
        (r"(?:全年)?(?:无|未发生)[^。]{0,12}?投诉", "投诉"),
        (r"(?:网上|网络)\d+", "网"),  # the parser hoists a prefix both branches share
        (r"(?:受理|答复)\d+", ""),  # nothing outside a branch: no prefilter
        (r"abc?d", "ab"),  # c is optional, so "abcd" is not required
        # every branch requires 举报, so a line without it cannot match
        (r"(?:全年)?(?:无|未收到)[^。]{0,12}?(?:举报或?投诉|投诉举报|投诉或?举报)", "举报"),
        (r"(?:未|没有)(?:发生|收到)行政复议", "行政复议"),
        (r"(?P<n>申请\d+件)", "申请"),  # a group that must match
        (r"x(?:yz)+", "yz"),  # a repeat that occurs at least once
        (r"x(?:yz)*", "x"),  # a repeat that may not occur
        (r"x(?=abc)", "x"),  # a lookahead is not part of the match
        (r"x(?i:abc)", "x"),  # `in` cannot fold case
        (r"a(?:ab|a)c", "aa"),  # a plain group's items join the run around it
        (r"[a]bc\{\}", "abc{}"),  # a class of one character, and escaped braces, are literals
        (r"(?:a|[bc])d", "d"),  # single characters in branches are a class
        (r"\u4e00\x41\n", "\u4e00A\n"),  # escapes of characters
        (r"(?P<n>x)(?#note)ab(?P=n)c", "ab"),  # a comment is nothing; a backreference no literal
    ],
)
def test_required_literal(pattern: str, literal: str) -> None:
    assert required_literal(re.compile(pattern)) == literal


def test_case_folding_pattern_demands_nothing() -> None:
    assert required_literal(re.compile("ICP备", re.IGNORECASE)) == ""


LINES = ["不同意公开的3件", "同意公开5件，同意部分公开2件", "申请", "", "政府信息公开申请", "无"]


@pytest.mark.parametrize(
    "literals",
    [
        ["同意公开", "不同意公开", "同意部分公开", "申请", "政府信息公开申请"],  # overlapping, nested
        ["公开", "公开申请", "开"],  # prefixes of each other
        ["", "申请"],  # the empty literal is in every line
        ["意公开\n同", "请"],  # a newline cannot join two lines
        ["缺席"],
    ],
)
def test_line_finder_agrees_with_testing_every_line(literals: list[str]) -> None:
    holding = LineFinder(literals).lines_holding(LINES)
    assert holding == {
        literal: [index for index, line in enumerate(LINES) if literal in line] for literal in literals
    }


def test_line_finder_on_random_lines() -> None:
    rng = random.Random(3)
    for _ in range(200):
        lines = ["".join(rng.choices("abc", k=rng.randrange(8))) for _ in range(rng.randrange(6))]
        literals = ["".join(rng.choices("abc", k=rng.randrange(4))) for _ in range(rng.randrange(1, 6))]
        expected = {literal: [i for i, line in enumerate(lines) if literal in line] for literal in literals}
        assert LineFinder(literals).lines_holding(lines) == expected


def _random_pattern(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randrange(1, 4)):
        kind = rng.randrange(6 if depth < 2 else 2)
        if kind <= 1:
            parts.append("".join(rng.choices("abc", k=rng.randrange(1, 3))))
        elif kind == 2:
            parts.append(f"(?:{_random_pattern(rng, depth + 1)}|{_random_pattern(rng, depth + 1)})")
        elif kind == 3:
            parts.append(
                f"(?:{_random_pattern(rng, depth + 1)}){rng.choice(['?', '*', '+', '{1,2}', '{0,2}'])}"
            )
        elif kind == 4:
            parts.append(f"({_random_pattern(rng, depth + 1)})")
        else:
            parts.append(rng.choice(["[ab]", ".", "(?=a)", "(?<!b)"]))
    return "".join(parts)


def test_a_match_always_holds_the_required_literal() -> None:
    rng = random.Random(7)
    for _ in range(300):
        pattern = re.compile(_random_pattern(rng))
        literal = required_literal(pattern)
        for _ in range(30):
            text = "".join(rng.choices("abc", k=rng.randrange(12)))
            if pattern.search(text):
                assert literal in text, (pattern.pattern, literal, text)
