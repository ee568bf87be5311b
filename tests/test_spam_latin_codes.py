"""A lower-case code before the thing it grades (c30混凝土, h7n9疫情) is the report's word, written
the same way in several sentences; a brand's Latin before a channel (kk365网站) is still a name."""

import pytest

from extract.spam.phrases import find_phrases


def _sentences(token: str) -> str:
    return "\n".join(
        [
            f"项目主体结构采用{token}浇筑，质量验收全部合格。",
            f"二是严格落实{token}相关要求，加强日常检查。",
            f"桥梁墩柱采用{token}，养护期不少于23天。",
        ]
    )


@pytest.mark.parametrize("token", ["c30混凝土", "h7n9疫情"])
def test_a_code_before_the_thing_it_grades_is_no_name(token):
    assert find_phrases(_sentences(token)) == []


@pytest.mark.parametrize("token", ["kk365网站", "ag88平台", "vwin德胜体育"])
def test_a_brand_s_latin_before_a_channel_or_brand_word_is_a_name(token):
    assert find_phrases(_sentences(token)) == [token]


@pytest.mark.parametrize("token", ["win10系统", "win7系统"])
def test_an_operating_system_before_系统_is_no_name(token):
    # 系统 ends a channel (通过OA系统公开), but win10 is the system a report's 软件正版化 names.
    assert find_phrases(_sentences(token)) == []


@pytest.mark.parametrize("token", ["1win体育", "vwin系统"])
def test_a_brand_holding_win_is_still_a_name(token):
    assert find_phrases(_sentences(token)) == [token]
