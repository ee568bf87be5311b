"""Brands never seen, written inside sentences, stuffed into the title, listed at the tail.

Pages are built from the seeds in ../shared (tests/bench/deface.py); the clean controls are
reports of a 体育局, a 文旅局 and a 公安局, whose own words look like spam to a word list.
"""

import pytest

from extract import process
from extract.spam.phrases import find_phrases
from extract.spam.shape import is_brand_item

from .bench.deface import agency_controls, build_page
from .helpers.paths import SHARED, shared_file

TAIL_BRANDS = ["金宝搏188", "芒果直播", "伟德体育", "w66利博", "明升88", "大发快三"]


def _defaced(brand: str, style: str, seed: str, brands: list[str] | None = None):
    shared_file("seeds")
    built = build_page(SHARED, {"brand": brand, "style": style, "page": seed}, brands or [brand])
    return process(built.html.encode("utf-8"), built.url)


@pytest.fixture(scope="module")
def latin_phrase():
    return _defaced("vwin德胜体育", "phrase_swap", "001")


@pytest.fixture(scope="module")
def funnel_phrase():
    return _defaced("鸿运棋牌官网", "phrase_swap", "004")


@pytest.fixture(scope="module")
def plain_phrase():
    # Nothing glued to the name: it is repeated, and no word of the language.
    return _defaced("伟博体育", "phrase_swap", "001")


@pytest.fixture(scope="module")
def stuffed_title():
    return _defaced("澳博电竞", "title_meta", "004")


@pytest.fixture(scope="module")
def tail_list():
    return _defaced(TAIL_BRANDS[0], "tail_list", "001", TAIL_BRANDS)


@pytest.fixture(scope="module")
def agency_reports():
    shared_file("seeds")
    return {page.name: process(page.html.encode("utf-8"), page.url) for page in agency_controls(SHARED)}


@pytest.mark.shared
def test_latin_phrase_leaves_the_text(latin_phrase):
    assert "vwin" not in latin_phrase.text


@pytest.mark.shared
def test_latin_phrase_is_a_phrase_swap_finding(latin_phrase):
    assert "phrase_swap" in {f.kind for f in latin_phrase.spam.findings}


@pytest.mark.shared
def test_latin_phrase_sentence_stays(latin_phrase):
    assert "公开政府信息" in latin_phrase.text


@pytest.mark.shared
def test_funnel_phrase_leaves_the_text(funnel_phrase):
    assert "鸿运棋牌" not in funnel_phrase.text


@pytest.mark.shared
def test_funnel_phrase_is_flagged(funnel_phrase):
    assert funnel_phrase.spam.tampered


@pytest.mark.shared
def test_plain_phrase_with_a_made_up_name_leaves_the_text(plain_phrase):
    assert "伟博" not in plain_phrase.text


@pytest.mark.shared
def test_plain_phrase_sentence_stays(plain_phrase):
    assert "公开规范性文件" in plain_phrase.text


@pytest.mark.shared
def test_stuffed_title_is_a_title_hijack(stuffed_title):
    assert "title_hijack" in {f.kind for f in stuffed_title.spam.findings}


@pytest.mark.shared
def test_stuffed_title_gives_way_to_the_heading(stuffed_title):
    assert stuffed_title.title == "诸城市2017年政府信息公开工作年度报告"


@pytest.mark.shared
def test_tail_list_of_numbered_names_is_flagged(tail_list):
    assert tail_list.spam.tampered


@pytest.mark.shared
def test_tail_list_of_numbered_names_leaves_the_text(tail_list):
    assert "明升88" not in tail_list.text


@pytest.mark.shared
@pytest.mark.parametrize("agency", ["体育局", "文化和旅游局", "融媒体中心", "公安局"])
@pytest.mark.parametrize("seed", ["001", "004"])
def test_agency_report_is_not_flagged(agency_reports, seed, agency):
    assert agency_reports[f"{seed}-clean-{agency}"].spam.findings == ()


@pytest.mark.shared
@pytest.mark.parametrize(
    ("agency", "words"),
    [
        ("体育局", "体育彩票公益金"),
        ("文化和旅游局", "游艺娱乐场所"),
        ("融媒体中心", "快手直播观看"),
        ("公安局", "网络赌博案件"),
    ],
)
def test_agency_report_keeps_its_words(agency_reports, agency, words):
    assert words in agency_reports[f"004-clean-{agency}"].text


@pytest.mark.parametrize("item", ["金宝搏188", "明升88", "w66利博", "龙8国际"])
def test_numbered_names_are_brand_shaped(item):
    assert is_brand_item(item)


@pytest.mark.parametrize("item", ["市长热线12345", "热线12345", "G20峰会", "年报2019"])
def test_hotlines_and_summits_are_not_brand_shaped(item):
    assert not is_brand_item(item)


@pytest.mark.parametrize(
    "sentence",
    [
        "联合电台举办12345热线直播节目44期。12345热线直播节目受理群众诉求。",
        "重庆文化旅游国际服务平台与文化和旅游国际交流中心。文化旅游国际合作。",
        "公开歌舞娱乐场所许可信息，检查歌舞娱乐场所12家。",
        "安装Chrome内核浏览器，或使用 Chrome 浏览。",
        "实现wifi全覆盖，公共场所实现wifi全覆盖。",
        "开通5G直播，5G直播覆盖全市。CCTV直播和CCTV直播回放。",
        "广州走向了国际舞台。城市走向了国际化。更大的国际影响，更大的国际合作。",
        "开展青少年体育活动，青少年体育俱乐部12个，青少年体育赛事8项。",
        "通过抖音直播、快手直播发布信息，快手直播观看8万人次。下载央视频app观看。",
    ],
)
def test_ordinary_phrases_are_not_brands(sentence):
    assert find_phrases(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "brand"),
    [
        ("通过OB体育官网公开信息。", "OB体育官网"),
        ("依托KOK体育发布，通过KOK体育公开。", "KOK体育"),
        ("在龙8国际发布，通过龙8国际公开。", "龙8国际"),
        ("在91成人视频发布，并在91成人视频公开。", "91成人视频"),
    ],
)
def test_acronyms_and_numbers_make_a_brand_name(sentence, brand):
    assert find_phrases(sentence) == [brand]


@pytest.mark.parametrize("brand", ["188金宝博", "66利来", "9游会", "９游会"])
def test_a_number_before_a_name_no_word_makes_up_is_a_brand_name(brand):
    text = f"一是通过{brand}公开政府信息。\n加强{brand}建设，提升服务水平。\n"
    assert find_phrases(text) == [brand]


@pytest.mark.parametrize(
    "sentence",
    [
        "实施10大工程。推进10大工程建设。",  # a number before words
        "开展2型糖尿病筛查。2型糖尿病患者健康管理率达到60%。",
        "110接处警。提升110接处警效率。",  # a hotline's number
        "建成12号楼。12号楼投入使用。",  # a unit after the number
        "通过12345热线公开。12345热线受理诉求。",
        # One digit for a numeral: a numbered slogan, or how a report numbers its things.
        "推行1站式服务。打造1站式平台。",
        "落实1岗双责。推行1岗双责制度。",
        "建设1轴两带。形成1轴两带。",
        "见附件1。附件1为名单。如表2所示，表2列出。",
        "接种9价疫苗。9价疫苗预约。发放1号文件。落实1号文件精神。",
    ],
)
def test_a_number_before_words_or_a_unit_is_no_brand_name(sentence):
    assert find_phrases(sentence) == []


@pytest.mark.parametrize("brand", ["天龙棋牌", "雷霆电竞", "皇冠体育"])
def test_a_word_written_only_before_a_brand_word_makes_a_brand_name(brand):
    # Both are words of the language, but the page writes the first nowhere else.
    text = f"一是通过{brand}公开政府信息。\n二是在本级{brand}设立预决算公开专栏。\n三是{brand}累计发布信息120条。\n"
    assert find_phrases(text) == [brand]


@pytest.mark.parametrize(
    "sentence",
    [
        # The page writes the first word elsewhere too: a compound of the report's.
        "开展校园体育活动，校园体育联赛12项。加强校园安全管理，校园足球覆盖全市。",
        # A medium, which reports describe with words of their own.
        "全市建成高清视频监控点位1.2万个。在主要路口新增高清视频探头260个。",
        # A brand word before another.
        "检查棋牌娱乐场所46家。取缔无证棋牌娱乐场所6家。",
    ],
)
def test_a_word_the_page_writes_elsewhere_before_a_brand_word_is_no_brand(sentence):
    assert find_phrases(sentence) == []


@pytest.mark.parametrize("medium", ["搜狐体育", "五星体育", "虎扑体育", "广东体育"])
def test_a_sports_medium_a_sports_report_names_is_no_brand(medium):
    text = (
        "我局全年举办群众体育赛事120场，体育彩票公益金使用情况全部公开。"
        f"通过{medium}、央视频等平台发布赛事信息。比赛在{medium}、抖音同步直播。通过{medium}公开赛程。"
    )
    assert find_phrases(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "组织教师在阳光体育公开课上示范。全区在阳光体育公开课中评选优秀课例。",
        "在基层体育设立指导站。全市在基层体育开设服务窗口。",
        "在青少年体育公开赛中获奖。在青少年体育公开赛上夺冠。",
    ],
)
def test_a_scope_before_a_brand_word_in_the_channel_slot_is_no_brand(sentence):
    assert find_phrases(sentence) == []


# A name where a report names its channel, in two sentences.
TWO_CHANNEL_SLOTS = "一是通过{0}公开政府信息。\n二是在{0}集中发布政策解读。\n"


@pytest.mark.parametrize("brand", ["华体会", "九游会", "尊龙凯时"])
def test_a_gathering_or_particle_after_what_the_dictionary_never_holds_is_a_brand_name_in_the_channel_slot(
    brand,
):
    assert find_phrases(TWO_CHANNEL_SLOTS.format(brand)) == [brand]


@pytest.mark.parametrize("idiom", ["鹏程万里", "财运亨通"])
def test_an_idiom_in_the_channel_slot_is_a_name_whatever_it_ends_in(idiom):
    # 里 ends a place in a channel (网站里), 通 a government app (皖事通): an idiom names neither.
    assert find_phrases(TWO_CHANNEL_SLOTS.format(idiom)) == [idiom]


@pytest.mark.parametrize(
    "text",
    [
        "通过新闻发布会公开重大决策。在座谈会发布实施方案。通过听证会公开意见。在茶话会发布。",
        "在办理时公开。在办理时发布。在规定时限内公开。在规定时限内发布。在建设中公开。在建设中发布。",
        "通过进博会公开。在进博会集中发布。通过侨代会公开。在侨代会集中发布。",
    ],
)
def test_a_gathering_or_a_time_the_report_writes_is_its_channel(text):
    assert find_phrases(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "大力发展体育，促进发展体育产业。",
        "引导群众热爱体育。培养学生热爱体育。",
        "组织观看电竞。观看电竞比赛。",
        "严禁私售棋牌。查处私售棋牌行为。",  # a verb the dictionary counts rarely
    ],
)
def test_a_verb_before_a_brand_word_takes_it_as_its_object(sentence):
    # The page writes the verb nowhere else, but a verb is no brand's name.
    assert find_phrases(sentence) == []


def test_a_room_number_in_a_list_of_rooms_is_a_figure():
    # yuntaozhu/www.ccgp.gov.cn: an address written twice; 1513 shares its unit (室) with 1515.
    address = "湖南省怀化市鹤城区迎丰中路城市中央大厦B座东1513、1515室"
    text = f"项目联系人：黄先生\n{address}\n采购代理机构地址：{address}\n"
    assert find_phrases(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # Real news pages (GeneralNewsExtractor's test pages): a rank and a temperature.
        "中国还有这4个城市跻身前20\n中国的香港、上海、广州和北京跻身前20。\n",
        "降温重心将出现在江南至华南一带，局地降幅10℃以上。\n冷空气将影响南方地区 局地降幅10℃以上\n",
    ],
)
def test_a_rank_or_a_measure_after_words_is_a_figure(text):
    assert find_phrases(text) == []


def test_what_a_message_board_counts_is_a_figure():
    # A portal's message board (互动交流) prints each message's counters glued to their labels.
    text = "关于小区停车位的咨询\n查看25668 回复162 赞753\n关于垃圾分类的建议\n查看25668 回复162 赞753\n"
    assert find_phrases(text) == []
