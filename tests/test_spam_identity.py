"""Names written over by brands never seen: found in the title and footer slots, restored from identity.

Pages are built from the seeds and the real pages in ../shared (tests/bench/deface.py) with
brands that are in no list.
"""

import pytest

from extract import process

from .helpers.defaced import defaced_report
from .helpers.paths import SAMPLE_PORTAL


@pytest.fixture(scope="module")
def seed_swap():
    # 贵宾会 ends like a body's name (会) but is none: an agency word must be whole.
    return defaced_report("金狮贵宾会", "name_swap", "001")


@pytest.fixture(scope="module")
def footer_swap():
    # A news page: the brand stands in no title slot, only in 版权所有：武汉市…区人民政府.
    return defaced_report("博乐汇", "name_swap", "corpus:mhxqwer__zxwhongshan.gov.cn")


@pytest.fixture(scope="module")
def province_swap():
    # A provincial portal: its 网站标识码 and SiteName name 四川省, its news names many cities.
    return defaced_report("天博体育app", "name_swap", "corpus:mhxqwer__zysc.gov.cn")


@pytest.mark.shared
def test_title_slot_swap_region_is_recovered(seed_swap):
    assert seed_swap.region == "抚顺市"


@pytest.mark.shared
def test_title_slot_swap_is_flagged(seed_swap):
    assert seed_swap.spam.tampered


@pytest.mark.shared
def test_footer_slot_swap_brand_leaves_the_text(footer_swap):
    assert "博乐汇" not in footer_swap.text


@pytest.mark.shared
def test_footer_slot_swap_is_a_name_slot_finding(footer_swap):
    assert "name_slot" in {f.kind for f in footer_swap.spam.findings}


@pytest.mark.shared
def test_footer_slot_swap_name_is_restored(footer_swap):
    assert "洪山区" in footer_swap.text


@pytest.mark.shared
def test_province_portal_swap_name_is_restored(province_swap):
    # The clean page writes the bare name here (四川水母…公司): no level is added to it.
    assert "据四川水母语光装饰设计有限责任公司" in province_swap.text


@pytest.mark.shared
def test_province_portal_swap_brand_leaves_the_text(province_swap):
    assert "天博体育app" not in province_swap.text


@pytest.fixture(scope="module")
def province_over_district():
    # 陕西 written over on the provincial portal, whose server files with a district's police.
    return defaced_report("凤凰彩票", "name_swap", "corpus:mhxqwer__wxhshaanxi.gov.cn")


@pytest.fixture(scope="module")
def phrase_in_agency_name():
    # 工作 written over in 思想政治工作司: a phrase swap, not a place to restore.
    return defaced_report("乐宝体育官网", "phrase_swap", "corpus:mhxqwer__wjmoe.gov.cn")


@pytest.mark.shared
def test_province_not_the_police_district_is_restored(province_over_district):
    assert "新城区" not in province_over_district.text


@pytest.mark.shared
def test_province_name_is_restored_over_the_district(province_over_district):
    assert "陕西省" in province_over_district.text


@pytest.mark.shared
def test_phrase_in_an_agency_name_gets_no_place_name(phrase_in_agency_name):
    assert "西城" not in phrase_in_agency_name.text


@pytest.mark.shared
def test_phrase_in_an_agency_name_leaves_the_text(phrase_in_agency_name):
    assert "乐宝体育官网" not in phrase_in_agency_name.text


@pytest.mark.shared
def test_name_slot_evidence_says_where_the_name_repeats(footer_swap):
    slot = next(f for f in footer_swap.spam.findings if f.kind == "name_slot")
    assert "title, footer, body" in slot.evidence


@pytest.fixture(scope="module")
def hosted_report():
    # The sample portal (示例市) hosts 黑山县's report: its footer names the host, not a swap.
    page = SAMPLE_PORTAL / "xxgk" / "ndbg" / "201903" / "t20190325_2345601.html"
    return process(page.read_bytes(), "http://127.0.0.1:8000/xxgk/ndbg/201903/t20190325_2345601.html")


def test_host_name_in_the_footer_of_a_hosted_report_is_no_swap(hosted_report):
    assert not [f for f in hosted_report.spam.findings if "示例" in f.evidence]


@pytest.fixture(scope="module")
def bare_swap_001():
    # The brand was written over 抚顺 wherever it stood: 抚顺市 became 亿博市.
    return defaced_report("亿博", "name_swap", "001")


@pytest.fixture(scope="module")
def bare_swap_004():
    return defaced_report("大富豪", "name_swap", "004")


@pytest.mark.shared
def test_bare_swap_in_quotes_gets_the_bare_name(bare_swap_001):
    assert "“信用抚顺”网站" in bare_swap_001.text


@pytest.mark.shared
def test_bare_swap_before_a_list_end_gets_the_bare_name(bare_swap_001):
    assert "关注抚顺等信息" in bare_swap_001.text


@pytest.mark.shared
def test_bare_swap_after_china_gets_the_bare_name(bare_swap_004):
    assert "在中国诸城门户网站" in bare_swap_004.text


@pytest.mark.shared
def test_bare_swap_in_an_account_name_gets_the_bare_name(bare_swap_004):
    assert "诸城发布政务微信平台" in bare_swap_004.text
