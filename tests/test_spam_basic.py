from extract.html import parse_html
from extract.spam import brand_findings, is_keyword_list, strip_dom_spam

FARM = "天辰娱乐 南山娱乐app 南山娱乐 登录 摩臣2娱乐 蚂蚁娱乐 龙猫娱乐 巨龙娱乐66"


def test_link_farm_line_is_a_keyword_list():
    assert is_keyword_list(FARM)


def test_culture_bureau_sentence_is_not_a_keyword_list():
    assert not is_keyword_list("全市共审批娱乐场所12家、歌舞娱乐场所3家，福利彩票和体育彩票销售点30个。")


def test_brand_in_title_is_flagged():
    assert brand_findings("title", "美高梅娛樂城市2017年度政府信息公开工作报告")[0].kind == "brand_swap"


def test_plain_title_is_not_flagged():
    assert brand_findings("title", "诸城市人民政府2017年政府信息公开工作年度报告") == []


def test_garbage_tag_is_removed_and_recorded():
    tree = parse_html('<body><wbr id="cxndz"></wbr><p>正文</p></body>')
    findings = strip_dom_spam(tree)
    assert [f.kind for f in findings] == ["garbage_tag"] and not tree.xpath("//wbr")


def test_report_sentence_with_a_swapped_brand_is_kept():
    assert not is_keyword_list("全年依托“中国美高梅娛樂城”政务公开平台、各地区门户网站公开建议提案共2007件。")


def test_short_title_line_with_a_brand_is_kept():
    assert not is_keyword_list("美高梅娛樂城市2017年度政府信息公开工作报告")
