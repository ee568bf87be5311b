"""Short names a phrase swap writes: a code of letters and a number (w88), a brand's name in
pinyin (leyu, KAIYUN), letters no word spells (bbin) and two Chinese characters no dictionary
counts (必赢). Alone, each is as short as a report's own codes (a4纸, h5页面) and abbreviations
(院务, 两微); what tells them is where they stand: between words, in different phrases, or where
a report names its channel (通过必赢公开). The pages are real ones in ../shared, defaced as
tests/bench/deface.py does it.
"""

import pytest

from extract.spam.channels import channel_names
from extract.spam.phrases import find_phrases
from extract.spam.shape import is_latin_label, is_pinyin_name, is_pinyin_word, is_unspeakable
from extract.spam.slots import site_code_names

from .helpers.defaced import defaced_report


@pytest.fixture(scope="module")
def code_between_words():
    # w88 over 工作 on a ministry's notice: 思想政治w88司, 思想政治w88网, 美育w88委员会.
    return defaced_report("w88", "phrase_swap", "corpus:mhxqwer__wjmoe.gov.cn")


@pytest.mark.shared
def test_a_code_between_words_flags_the_page(code_between_words):
    assert code_between_words.spam.tampered


@pytest.mark.shared
def test_a_code_between_words_leaves_the_text(code_between_words):
    assert "w88" not in code_between_words.text


@pytest.fixture(scope="module")
def two_characters_in_the_channel_slot():
    # 必赢 over 门户网站 on a report: 一是通过必赢公开政府信息。通过必赢公开规范性文件…
    return defaced_report("必赢", "phrase_swap", "001")


@pytest.mark.shared
def test_two_characters_in_the_channel_slot_flag_the_page(two_characters_in_the_channel_slot):
    assert two_characters_in_the_channel_slot.spam.tampered


@pytest.mark.shared
def test_two_characters_in_the_channel_slot_leave_the_text(two_characters_in_the_channel_slot):
    assert "必赢" not in two_characters_in_the_channel_slot.text


@pytest.mark.shared
def test_the_sentence_around_the_channel_is_kept(two_characters_in_the_channel_slot):
    assert "公开规范性文件" in two_characters_in_the_channel_slot.text


@pytest.fixture(scope="module")
def pinyin_between_words():
    # leyu over 门户网站: 通过leyu公开政府信息, 在本级leyu设立预决算公开专栏.
    return defaced_report("leyu", "phrase_swap", "001")


@pytest.mark.shared
def test_a_pinyin_name_between_words_flags_the_page(pinyin_between_words):
    assert pinyin_between_words.spam.tampered


@pytest.mark.shared
def test_a_pinyin_name_between_words_leaves_the_text(pinyin_between_words):
    assert "leyu" not in pinyin_between_words.text


@pytest.fixture(scope="module")
def letters_between_words():
    # bbin over 工作 on a ministry's notice: 思想政治bbin司, 思想政治bbin网, 美育bbin委员会.
    return defaced_report("bbin", "phrase_swap", "corpus:mhxqwer__wjmoe.gov.cn")


@pytest.mark.shared
def test_letters_no_word_spells_between_words_flag_the_page(letters_between_words):
    assert letters_between_words.spam.tampered


@pytest.mark.shared
def test_letters_no_word_spells_between_words_leave_the_text(letters_between_words):
    assert "bbin" not in letters_between_words.text


@pytest.mark.parametrize("run", ["bbin", "xpj", "sbobet", "ybvip", "hth", "vwin"])
def test_letters_without_a_vowel_or_opening_no_word_are_unspeakable(run):
    assert is_unspeakable(run)


@pytest.mark.parametrize(
    "run",
    ["chrome", "linux", "street", "school", "gym", "rhythm", "yes", "kaiyun", "ktv", "hpv", "bbs", "bb"],
)
def test_english_pinyin_a_report_s_abbreviation_or_two_letters_are_not_unspeakable(run):
    assert not is_unspeakable(run)


def test_a_report_s_lower_case_abbreviation_between_words_is_no_name():
    assert find_phrases("开展ktv等娱乐场所检查。\n全市ktv场所整治。\n") == []


@pytest.fixture(scope="module")
def capitals_between_words():
    # KAIYUN over 工作 on a ministry's notice: 思想政治KAIYUN司, 全国高校KAIYUN网.
    return defaced_report("KAIYUN", "phrase_swap", "corpus:mhxqwer__wjmoe.gov.cn")


@pytest.mark.shared
def test_pinyin_in_capitals_between_words_flags_the_page(capitals_between_words):
    assert capitals_between_words.spam.tampered


@pytest.mark.shared
def test_pinyin_in_capitals_between_words_leaves_the_text(capitals_between_words):
    assert "KAIYUN" not in capitals_between_words.text


@pytest.mark.parametrize("run", ["KAIYUN", "Kaiyun", "HUANGGUAN", "leyu"])
def test_pinyin_in_any_case_is_a_pinyin_name(run):
    assert is_pinyin_name(run)


@pytest.mark.parametrize("run", ["ASEAN", "NASA", "China", "Beijing", "Huawei", "KaiYun", "ETC", "Chrome"])
def test_english_a_place_or_mixed_case_is_no_pinyin_name(run):
    assert not is_pinyin_name(run)


@pytest.mark.parametrize(
    "text",
    ["全市ETC用户突破120万。\n新增ETC车道20条。\n", "与ASEAN国家合作。\n深化ASEAN框架下交流。\n"],
    ids=["acronym", "english that reads as pinyin"],
)
def test_capitals_a_report_writes_between_words_are_no_name(text):
    assert find_phrases(text) == []


@pytest.mark.parametrize("run", ["leyu", "kaiyun", "huangguan", "jinsha"])
def test_syllables_of_pinyin_make_a_pinyin_word(run):
    assert is_pinyin_word(run)


@pytest.mark.parametrize("run", ["chrome", "linux", "windows", "zhuang", "bbin", "app", "Leyu"])
def test_an_english_word_one_syllable_or_capitals_make_no_pinyin_word(run):
    assert not is_pinyin_word(run)


def test_an_english_word_between_words_is_no_name():
    assert find_phrases("请下载chrome浏览器。\n使用chrome访问本网站。\n") == []


@pytest.mark.parametrize("name", ["leyu", "xpj", "dafa888", "betway", "dafabet"])
def test_pinyin_or_letters_no_word_spells_between_words_in_two_sentences_are_a_name(name):
    assert find_phrases(f"一是通过{name}公开政府信息。\n二是在本级{name}设立专栏。\n") == [name]


@pytest.mark.parametrize("run", ["betway", "dafabet", "sbobet", "pokerstars", "888casino"])
def test_a_betting_word_in_english_makes_a_latin_label(run):
    assert is_latin_label(run)


@pytest.mark.parametrize("name", ["sbobet", "dafabet"])
def test_a_name_ending_in_a_betting_word_glued_to_chinese_once_is_a_name(name):
    assert find_phrases(f"我省高度重视美术书法{name}，积极推进美术书法创作。\n") == [name]


@pytest.mark.parametrize("text", ["我省推进better政务建设。\n", "字母表alphabet中。\n", "游戏slot。\n"])
def test_english_holding_a_betting_word_once_is_no_name(text):
    assert find_phrases(text) == []


TWICE_BETWEEN_WORDS = "主办单位：思想政治w88司。\n协办单位：全国高校w88网、中国大学生在线。\n"


def test_a_code_between_words_in_two_sentences_is_a_name():
    assert find_phrases(TWICE_BETWEEN_WORDS) == ["w88"]


@pytest.mark.parametrize(
    "text",
    [
        "打印a4纸张。\n统一使用a4纸。\n",  # a word a report writes
        "浇筑c30混凝土。\n完成c30混凝土试块检测。\n",  # the same thing after it each time
        "系统升级到v10。\n当前版本为v10，运行正常。\n",  # no word after it
    ],
)
def test_a_report_s_own_code_is_no_name(text):
    assert find_phrases(text) == []


def _in_two_sentences(slot: str) -> str:
    return f"一是{slot}政府信息。\n二是按照规定，{slot}规范性文件和政策解读。\n"


def test_two_characters_no_dictionary_counts_are_a_channel_s_name():
    assert channel_names(_in_two_sentences("通过必赢公开")) == ["必赢"]


def test_a_slot_read_past_a_word_after_the_channel_is_cut_before_it():
    # 在必赢集中发布: 集中 and 发布 both follow a channel; the slot's longer reading is 必赢集中.
    assert channel_names(_in_two_sentences("在必赢集中发布")) == ["必赢"]


@pytest.mark.parametrize(
    "slot",
    [
        "在院务公开",  # an abbreviation the dictionary counts (27)
        "在校务公开",
        "通过两微发布",  # 微博 and 微信: a channel's end
        "通过官微发布",
        "通过美团公开",  # a platform a report names
        "在当地刊登",  # a word
        "在本局公开",  # a body
        "在镇村公开栏张贴",  # the head of a longer channel's name (镇村公开栏)
        "通过专页发布",  # a page
    ],
)
def test_a_report_s_own_two_characters_are_no_name(slot):
    assert channel_names(_in_two_sentences(slot)) == []


def test_a_code_where_the_site_code_s_label_stands_is_a_name():
    text = "省（区市）w88\n各区w88\nw88标识码：1101150005\n"
    assert site_code_names(text) == ["w88"]
