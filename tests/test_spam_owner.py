"""A real place's name written over the site owner's: the page's identity tells the swap.

江苏省人民政府 → 三亚省人民政府 is no gazetteer miss and no brand shape; the host
(jiangsu.gov.cn) and the site codes name 江苏, which the defaced page never writes. Pages are
real ones in ../shared, defaced as tests/bench/deface.py does it; the clean cases are built
from a title and a footer.
"""

import pytest

from extract.spam.owner import owner_conflicts
from extract.spam.slots import slot_brands

from .helpers.defaced import defaced_report


@pytest.fixture(scope="module")
def province_over_province():
    return defaced_report("三亚", "name_swap", "corpus:mhxqwer__djjiangsu.gov.cn")


@pytest.fixture(scope="module")
def district_in_a_hierarchy():
    # 武汉市洪山区 → 武汉市中原区: 中原区 is in 郑州; the site codes say 洪山区.
    return defaced_report("中原", "name_swap", "corpus:mhxqwer__zxwhongshan.gov.cn")


@pytest.fixture(scope="module")
def city_over_the_province():
    # 四川省 → 峨眉山省: 峨眉山 is a city of 四川 itself, kin to the owner, but no province.
    return defaced_report("峨眉山", "name_swap", "corpus:mhxqwer__zysc.gov.cn")


@pytest.fixture(scope="module")
def full_width_name():
    return defaced_report("ＶＩＰ８８", "name_swap", "corpus:mhxqwer__lfyfcgs.gov.cn")


@pytest.mark.shared
def test_a_place_over_the_owner_is_a_name_slot_finding(province_over_province):
    assert "name_slot" in {f.kind for f in province_over_province.spam.findings}


@pytest.mark.shared
def test_a_place_over_the_owner_is_tampered(province_over_province):
    assert province_over_province.spam.tampered


@pytest.mark.shared
def test_the_owner_is_written_back(province_over_province):
    assert "江苏省委宣传部" in province_over_province.text


@pytest.mark.shared
def test_the_written_place_leaves_the_text(province_over_province):
    assert "三亚" not in province_over_province.text


@pytest.mark.shared
def test_a_city_before_the_province_s_level_is_tampered(city_over_the_province):
    assert city_over_the_province.spam.tampered


@pytest.mark.shared
def test_a_city_before_the_province_s_level_gives_way_to_the_province(city_over_the_province):
    assert "峨眉山" not in city_over_the_province.text and "四川" in city_over_the_province.text


def test_a_province_before_its_level_is_no_slot_brand():
    assert slot_brands("四川省人民政府", "四川省人民政府 四川省人民政府") == {}


@pytest.mark.shared
def test_a_hierarchy_is_read_by_its_last_part(district_in_a_hierarchy):
    assert "武汉市洪山区" in district_in_a_hierarchy.text and "中原" not in district_in_a_hierarchy.text


@pytest.mark.shared
def test_a_full_width_name_in_the_slot_is_restored(full_width_name):
    assert "ＶＩＰ８８" not in full_width_name.text and "防城港市" in full_width_name.text


GZ = "https://www.gz.gov.cn/xw/gzyw/content/post_1.html"


def test_a_city_site_naming_its_district_is_left_alone():
    title = "天河区人民政府召开常务会议 - 天河区人民政府门户网站"
    footer = "版权所有：天河区人民政府"
    corpus = f"{title}\n天河区人民政府召开常务会议。\n{footer}"
    assert owner_conflicts(title, footer, corpus, GZ, {}) == ({}, None)


def test_another_city_named_by_a_page_that_names_its_owner_is_left_alone():
    title = "毕节市人民政府代表团来访 - 毕节市人民政府门户网站"
    footer = "版权所有：广州市人民政府 网站标识码：4401000047"
    corpus = f"{title}\n毕节市人民政府代表团来访，毕节市人民政府与广州市人民政府座谈。\n{footer}"
    assert owner_conflicts(title, footer, corpus, GZ, {})[0] == {}


def test_another_city_where_the_owner_is_named_nowhere_is_a_conflict():
    title = "绵阳市人民政府代表团来访 - 绵阳市人民政府门户网站"
    footer = "版权所有：绵阳市人民政府 网站标识码：4401000047"
    corpus = f"{title}\n绵阳市人民政府代表团来访。\n{footer}"
    assert list(owner_conflicts(title, footer, corpus, GZ, {})[0]) == ["绵阳"]


@pytest.fixture(scope="module")
def name_holding_a_level():
    # 诸城市 → 玩家区市: a level character inside the name made it pass for a hierarchy.
    return defaced_report("玩家区", "name_swap", "004")


@pytest.mark.shared
def test_a_name_holding_a_level_is_restored(name_holding_a_level):
    assert name_holding_a_level.region == "诸城市"


@pytest.mark.shared
def test_a_name_holding_a_level_leaves_the_text(name_holding_a_level):
    assert "玩家区" not in name_holding_a_level.text


def test_a_development_zone_that_names_its_owner_is_left_alone():
    title = "连云港经济技术开发区2020年政府信息公开工作年度报告"
    footer = "版权所有：连云港经济技术开发区管委会（连云港市） 网站标识码：3207000001"
    corpus = f"{title}\n连云港经济技术开发区管委会。\n{footer}"
    url = "http://www.lyg.gov.cn/kfq/a.html"
    assert owner_conflicts(title, footer, corpus, url, {})[0] == {}


@pytest.fixture(scope="module")
def municipality_over_a_city():
    # 抚顺市 → 上海市: 上海's initials (sh) stand inside the host's full pinyin, fushun.
    return defaced_report("上海", "name_swap", "001")


@pytest.mark.shared
def test_a_place_whose_initials_the_host_holds_inside_is_a_swap(municipality_over_a_city):
    assert municipality_over_a_city.spam.tampered


@pytest.mark.shared
def test_the_city_is_written_back_over_the_municipality(municipality_over_a_city):
    assert municipality_over_a_city.region == "抚顺市"


@pytest.fixture(scope="module")
def city_of_a_homophone_s_province():
    # 抚顺市 → 成都市 on fushun.gov.cn: fushun spells 抚顺 (Liaoning) and 富顺 (Sichuan), and
    # the swapped 成都 names Sichuan eleven times. The swapped name is no evidence of the page:
    # the host and the 文号 抚政办发 tell 抚顺.
    return defaced_report("成都", "name_swap", "001")


@pytest.mark.shared
def test_the_swapped_name_casts_no_vote_for_its_own_province(city_of_a_homophone_s_province):
    assert city_of_a_homophone_s_province.region == "抚顺市"


@pytest.mark.shared
def test_the_homophone_s_name_is_not_written_over_the_text(city_of_a_homophone_s_province):
    assert "富顺" not in city_of_a_homophone_s_province.text


@pytest.fixture(scope="module")
def place_spelled_like_the_host():
    # 陕西 → 上海 on shaanxi.gov.cn: 上海's initials (sh) open the host, which is 陕西's official
    # spelling (Shaanxi, told from 山西 Shanxi), not initials.
    return defaced_report("上海", "name_swap", "corpus:mhxqwer__wxhshaanxi.gov.cn")


@pytest.mark.shared
def test_a_place_whose_initials_open_the_host_s_official_spelling_is_tampered(place_spelled_like_the_host):
    assert place_spelled_like_the_host.spam.tampered


@pytest.mark.shared
def test_the_owner_of_an_officially_spelled_host_is_written_back(place_spelled_like_the_host):
    text = place_spelled_like_the_host.text
    assert ("陕西" in text, "上海" in text) == (True, False)


def test_the_gazetteer_spells_shaanxi_officially():
    from extract.gazetteer import gazetteer

    assert [d.name for d in gazetteer().by_pinyin["shaanxi"]] == ["陕西省"]


def test_an_owner_the_evidence_only_guesses_names_no_conflict():
    # A county portal (pengmsgt/kygs, 朗县's site) whose 网站标识码 carries the county's code of
    # before 2015 (542627), which no division has now; the page names only its city beside it.
    # The evidence then barely prefers the city's seat (巴宜区): a guess, no owner.
    title = "政府公报 - 朗县人民政府"
    footer = "技术支持：林芝市政府电子政务中心  主办单位：朗县人民政府办公室\n网站标识码：5426270002"
    bureaus = "\n".join(f"林芝市{name}" for name in ("公安局", "统计局", "商务局", "水利局", "民政局"))
    corpus = f"{title}\n走进朗县\n朗县政府公报\n朗县人民政府办公室\n{bureaus}\n{footer}"
    assert owner_conflicts(title, footer, corpus, "http://www.example.gov.cn/zwgk/a.html", {})[0] == {}
