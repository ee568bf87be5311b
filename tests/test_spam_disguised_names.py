"""A name written in full-width lower case to hide from rules that read ASCII: ｈｔｈ７７, ｖｉｐ８８.

A report typed with an old input method writes capitals and figures full-width (ＧＤＰ, ２０２１,
ＰＭ２．５) and addresses too (ｗｗｗ．ｘｘ．ｇｏｖ．ｃｎ); lower-case letters followed by digits,
all full-width, glued to a sentence, are a name even once, and even where the letters make
a word (vip). The sentences are a provincial culture department's, as the swaps land in them.
"""

import pytest

from extract import process
from extract.spam.phrases import find_phrases

from .bench.inject import page

URL = "http://www.jiangsu.gov.cn/art/2024/10/14/art_60085_11394426.html"
ONCE = "近年来，我省高度重视美术书法ｈｔｈ７７，积极推进美术书法创作繁荣和高质量发展。"
GLUED = [
    "主办单位：省文化和旅游厅艺术ｖｉｐ８８处",
    "协办单位：省美术馆、省书法家协会艺术ｖｉｐ８８委员会",
    "本次展览由省文联书画ｖｉｐ８８部具体承办，展期一个月。",
]
CLEAN = [
    "全省ＧＤＰ增长５．８％，ＰＭ２．５平均浓度下降，ｐｍ２．５浓度同比下降３．１％。",
    "联系邮箱ｗｈｔｙｂ１２３＠１６３．ｃｏｍ，网址ｗｗｗ．ｊｉａｎｇｓｕ．ｇｏｖ．ｃｎ。",
    "建成５ｇ基站１２０个，展览视频采用ｍｐ４格式，同步做好ｈ７ｎ９流感防控。",
    "展厅照明执行ＧＢ５００３４标准，空气ｐＨ值检测达标。",
    "咨询请加入ｑｑ群或联系ｑｑ１２３４５６７，文字编码采用ｇｂ１８０３０标准。",
]


@pytest.fixture(scope="module")
def once() -> object:
    lines = [ONCE, "展览共展出作品三百余件，吸引观众十万余人次。"]
    return process(page("我省美术书法创作取得丰硕成果", lines).encode("utf-8"), URL)


def test_a_full_width_name_once_in_a_sentence_is_a_phrase_swap(once):
    assert [f.evidence for f in once.spam.findings] == ["ｈｔｈ７７ ×1 inside sentences"]


def test_a_full_width_name_once_leaves_the_text(once):
    assert "ｈｔｈ７７" not in once.text and "我省高度重视美术书法，积极推进" in once.text


def test_a_full_width_name_once_makes_the_page_tampered(once):
    assert once.spam.tampered


def test_a_full_width_word_with_a_number_glued_inside_names_is_a_name():
    assert find_phrases("\n".join(GLUED)) == ["ｖｉｐ８８"]


def test_the_same_name_in_ascii_once_is_no_name():
    # h7n9, gb18030, kn95: a report coins such runs too; written plainly, once says nothing.
    assert find_phrases(ONCE.replace("ｈｔｈ７７", "hth77")) == []


@pytest.mark.parametrize("sentence", CLEAN)
def test_full_width_capitals_figures_and_addresses_are_no_name(sentence):
    assert find_phrases(sentence) == []
