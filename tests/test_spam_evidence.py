import re

import pytest

from extract.gazetteer import gazetteer
from extract.spam import evidence

TEXTS = [
    "",
    "版权所有：辽宁省人民政府 网站标识码2100000001 辽ICP备05000000号 辽公网安备 21010202000001号",
    "粤 公网安备44010602000001公网安备44010602000002 44010602000003公網安備\u300044010602000004号",
    "辽ICP备ICP備ICP备1号 京ICP备12345号",
    "网站标识码：2102000001標識碼 2102000002 标识码2102000003",
    "印发《通知》（辽政办发〔2018〕3号）大政发（2019） 12 号 诸政办字 [2017]5号 政〔2018〕 鲁政办发〔2018〕 号",
    "大连市人民政府办公厅  （2018）3号〔2019〕4号 关于印发的通知(2020)1号",
    "电话：0411-12345678 (0411)1234567 10411-1234567 0536 6212345",
    "索引号：11210200001234567X a11210200001234567 112102000012345",
    "www.dl.gov.cn WWW.DaLian.GOV.CN a.gov.cn.gov.cn -.gov.cn .gov.cn http://baotou.gov.cn/x",
]


@pytest.mark.parametrize("text", TEXTS)
def test_finders_find_what_the_patterns_find(text):
    assert evidence._site_ids(text) == evidence.SITE_ID_RE.findall(text)
    assert evidence._police_numbers(text) == evidence.POLICE_RE.findall(text)
    assert evidence._icp_marks(text) == evidence.ICP_RE.findall(text)
    assert evidence._doc_prefixes(text) == evidence.DOC_NUMBER_RE.findall(text)
    assert evidence._gov_hosts(text) == evidence.GOV_HOST_RE.findall(text)


@pytest.mark.parametrize("text", TEXTS)
def test_digit_led_patterns_are_the_lookbehind_led_ones(text):
    credit = re.compile(r"(?<![\d\w])1[1-9](\d{6})[0-9A-Z]{2,10}(?![\d])")
    area = re.compile(r"(?<!\d)(0\d{2,3})[-－—)）\s]\s*\d{7,8}(?!\d)")
    assert evidence.CREDIT_RE.findall(text) == credit.findall(text)
    assert evidence.AREA_CODE_RE.findall(text) == area.findall(text)


def test_gazetteer_indexes_follow_its_order():
    g = gazetteer()
    assert [d for group in g.by_province.values() for d in group] == sorted(
        g.by_code.values(), key=lambda d: (list(g.by_province).index(d.province), g.rank[d.code])
    )
    assert all(d.pinyin == pinyin for pinyin, group in g.by_pinyin.items() for d in group)
    assert list(g.rank) == list(g.by_code)
