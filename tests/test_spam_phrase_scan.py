"""The phrase layer's one pass over a page finds what the brand-word, Latin-run and number
patterns find each on its own, also where one's match holds another's start (视频app, 体育188),
and tells whether the page holds a full-width letter or digit, and a character t2s rewrites."""

import pytest

from extract.chars import is_han
from extract.script import holds_traditional
from extract.spam.phrase_scan import FULL_WIDTH_ALNUM, LOWER_RUN, phrase_patterns, scan_phrases
from extract.spam.shape import load_shapes

from .helpers.paths import SAMPLE_PORTAL


def _own_passes(text: str) -> list[list[tuple[int, int]]]:
    patterns = phrase_patterns()
    return [
        [m.span() for m in pattern.finditer(text)]
        for pattern in (patterns.core, LOWER_RUN, patterns.number, load_shapes().channel_slot)
    ]


def _one_pass(text: str) -> list[list[tuple[int, int]]]:
    scan = scan_phrases(text, phrase_patterns())
    return [[m.span() for m in matches] for matches in (scan.cores, scan.runs, scan.numbers, scan.channels)]


@pytest.mark.parametrize(
    "text",
    [
        "通过视频app下载体育188官网公开信息",  # a Latin run and a number inside brand words' matches
        "视频app123x然后",  # a Latin run that goes on past the brand word's match
        "体育188发布，体育188发布",
        "电竞ab12cd体育9999件",
        "bet365体育和国际88",
        "彩票2020年，体育１２３",
        "体育12345678",  # no number of at most five digits
        "娱乐平台app下载",
        "收到申请123件，办结45件，www.example.gov.cn",
        "思想政治Kaiyun司，全国高校KaiYun网，美育KAIYUN委员会",  # lower-case runs inside capitalised words
        "安装Chrome浏览器，Win10系统",
        "通过米乐m6公开，在米乐m6集中发布",  # a Latin run and a number inside a channel's slot
        "在在线平台发布，通过政府网站在线公开",  # a slot's opening word inside another slot
        "利用体育188官网集中发布",  # a brand word inside a slot
        "依托政务新媒体、经由政府网站公开、借助微信公众号推送",
        "在教育、医疗等领域",  # a slot's opening word that opens no slot
        "",
    ],
)
def test_one_pass_finds_what_each_pattern_finds(text):
    assert _one_pass(text) == _own_passes(text)


@pytest.mark.parametrize(
    "text",
    [
        "通过ｋ８ｖｉｐ公开",  # full-width letters
        "皇家８８集中发布",  # full-width digits a number match holds
        "体育８８官网",  # full-width digits a brand word's match holds
        "第１章",  # a full-width digit that opens no match
        "ＸＹ体育",
        "收到申请123件，ＷＴＯ",
        "收到申请123件",
        "视频app下载",
    ],
)
def test_one_pass_tells_full_width_letters_and_digits(text):
    assert scan_phrases(text, phrase_patterns()).full_width == (FULL_WIDTH_ALNUM.search(text) is not None)


def test_one_pass_on_the_sample_portal_pages():
    pages = sorted(SAMPLE_PORTAL.glob("xxgk/ndbg/*/t*.html"))
    assert pages
    for page in pages:
        text = page.read_bytes().decode("utf-8", errors="replace")
        assert _one_pass(text) == _own_passes(text), page.name
        assert scan_phrases(text, phrase_patterns()).full_width == (FULL_WIDTH_ALNUM.search(text) is not None)
        assert scan_phrases(text, phrase_patterns()).traditional == holds_traditional(text)


@pytest.mark.parametrize(
    "text",
    [
        "思想政治萬豪會司",  # Traditional in Simplified prose
        "萬",
        "收到申请123件萬",  # after a figure the pass refuses
        "体育188萬豪",  # right after a brand word's match
        "vip萬豪，KAIYUN國際",  # after a Latin run and a capitalised word
        "１２３萬",  # after full-width digits
        "乾安县",  # a character t2s rewrites that Simplified writes too (干)
        "政府信息公开工作年度报告",
        "收到申请123件，办结45件",
        "",
    ],
)
def test_one_pass_tells_characters_t2s_rewrites(text):
    assert scan_phrases(text, phrase_patterns()).traditional == holds_traditional(text)


def test_figures_after_other_characters_open_nothing():
    # A digit after a digit, a space or a bracket is refused before the alternatives: the numbers
    # found are those after a Chinese character alone.
    text = "收到申请123件，共 4567 件（89）皇家88，2020年"
    assert _one_pass(text) == _own_passes(text)
    assert [m[0] for m in scan_phrases(text, phrase_patterns()).numbers] == ["88"]


def test_brand_words_and_their_glue_hold_no_character_t2s_rewrites():
    # A brand word's match is read for Latin runs and numbers but not for Traditional: none can be
    # there.
    shapes = load_shapes()
    assert not any(holds_traditional(word) for word in (*shapes.suffixes, *shapes.funnels))


def test_brand_words_and_their_glue_hold_no_channel_opening():
    # Nor for a channel's slot (通过X公开): none can open there.
    shapes = load_shapes()
    openings = {word[0] for word in shapes.channel_befores}
    assert not openings.intersection("".join((*shapes.suffixes, *shapes.funnels)))


def test_channel_openings_open_nothing_else():
    # The pass tells a slot's opening from a brand word, a letter, a digit and a character t2s
    # rewrites by that character alone.
    shapes = load_shapes()
    openings = "".join(word[0] for word in shapes.channel_befores)
    assert not set(openings).intersection(word[0] for word in shapes.suffixes)
    assert is_han(openings[0]) and all(map(is_han, openings))
    assert not holds_traditional(openings)


def test_brand_words_open_with_a_chinese_character():
    # The one pass tells the three patterns apart by their first character alone.
    assert all(is_han(word[0]) for word in load_shapes().suffixes)


def test_the_pass_finds_capitalised_words_right_after_chinese():
    scan = scan_phrases("思想政治KAIYUN司，安装 Chrome，ICP备，中文Kaiyun", phrase_patterns())
    assert [match[0] for match in scan.capitals] == ["KAIYUN", "Kaiyun"]
