"""The literal a prefilter may demand of a line before running a pattern over it."""

import re

import pytest

from extract.literals import required_literal


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
    ],
)
def test_required_literal(pattern: str, literal: str) -> None:
    assert required_literal(re.compile(pattern)) == literal


def test_case_folding_pattern_demands_nothing() -> None:
    assert required_literal(re.compile("ICP备", re.IGNORECASE)) == ""
