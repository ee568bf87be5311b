import re
import sys

from extract.spam import text
from extract.spam.text import list_run, strip_text_spam

FARM = "天辰娱乐 南山娱乐app 南山娱乐 登录 摩臣2娱乐 蚂蚁娱乐 龙猫娱乐 巨龙娱乐66"


def test_whitespace_class_is_what_isspace_accepts():
    spelled = re.compile(f"[{text._WHITESPACE_CLASS}]")
    assert all(bool(spelled.match(c)) == c.isspace() for c in map(chr, range(sys.maxunicode + 1)))


def test_run_taking_the_whole_line():
    assert list_run(FARM) == (0, len(FARM))


def test_run_at_the_tail_keeps_the_sentence_and_trims_plain_items():
    line = "本站声明：请勿转载。 首页 皇冠体育 天辰娱乐 亚博体育官网 百家乐 时时彩"
    start, end = list_run(line)
    assert line[start:end] == "皇冠体育 天辰娱乐 亚博体育官网 百家乐 时时彩"


def test_run_at_the_head_keeps_the_sentence_and_trims_plain_items():
    line = "皇冠体育 天辰娱乐 亚博体育官网 百家乐 时时彩 首页 本站声明：请勿转载。"
    start, end = list_run(line)
    assert line[start:end] == "皇冠体育 天辰娱乐 亚博体育官网 百家乐 时时彩"


def test_no_run_where_items_are_long_punctuated_few_or_plain():
    assert list_run("皇冠体育 天辰娱乐 亚博体育官网 百家乐") is None  # four items
    assert list_run("皇冠体育 天辰娱乐：亚博体育官网 百家乐 时时彩") is None  # a sentence
    assert list_run("皇冠体育 天辰娱乐 这一项写得比十六个字还要长得多的一个条目 百家乐 时时彩") is None
    assert list_run("首页 政务公开 信息公开指南 依申请公开 皇冠体育 百家乐") is None  # mostly plain


def test_runs_separated_by_any_whitespace_or_list_mark():
    for separator in ("\u3000", "\xa0", " | ", "，", "、", "\t"):
        line = separator.join(["皇冠体育", "天辰娱乐", "亚博体育官网", "百家乐", "时时彩"])
        assert list_run(line) == (0, len(line))


def test_lines_no_rule_touches_are_kept_as_they_are():
    lines = [
        "一、概述",
        "本年度共公开信息120条。",
        FARM,
        '<wbr id="cxndz"></wbr>',
        "推进“互联网 政务服务”。",
        "",
    ]
    cleaned = strip_text_spam(lines)
    assert cleaned.lines == ["一、概述", "本年度共公开信息120条。", "推进“互联网+政务服务”。", ""]
    assert [f.kind for f in cleaned.findings] == ["keyword_list", "garbage_tag"]
    assert cleaned.removed == [FARM, '<wbr id="cxndz"></wbr>']
