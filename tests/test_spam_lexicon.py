import re
import sys
import unicodedata

import pytest

from extract.spam import fold as fold_module
from extract.spam import lexicon
from extract.spam.fold import fold, nfkc
from extract.spam.lexicon import hits


def _composition_seconds() -> set[str]:
    """Characters that combine with the one before them when NFKC composes."""
    seconds = {chr(c) for c in [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]}  # Hangul vowels, finals
    for code in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    return seconds


def test_nfkc_stable_characters_are_stable():
    stable = re.compile(f"[{fold_module._NFKC_STABLE}]")
    seconds = _composition_seconds()
    for char in filter(stable.match, map(chr, range(sys.maxunicode + 1))):
        assert unicodedata.combining(char) == 0 and unicodedata.normalize("NFKC", char) == char
        assert char not in seconds


def test_nfkc_is_unicodedata_nfkc():
    for text in [
        "",
        "全市共公开信息120条。",
        "二〇一七年，全市（含县区）共受理申请１２件：①当面\u3000申请\xa0…",
        "e\u0301 cafe\u0301 \u1100\u1161\u11a8 가\u11a8 ｶﾞ か\u3099 \uf900 \u0f73 \u2460",
        "\u0301首\u0323\u0301",
    ]:
        assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_offsets_after_dropped_interference_point_into_the_text():
    text = "开*云体育 美-高-梅\u200b娱乐 2017-2018"
    folded, offsets = fold(text)
    assert folded == "开云体育 美高梅娱乐 2017-2018"
    assert [text[offsets[i]] for i in range(len(folded))] == list(folded)
    assert [text[h.start : h.end] for h in hits(text)] == ["开*云", "美-高-梅\u200b娱乐"]


def test_long_texts_read_by_lines_as_whole():
    """A long text's hits come from its lines' readings; they are the hits of the text read whole."""
    lines = [
        "美高梅娱乐城官网：开*云体育app下载，開-雲娛樂平台注册",
        "市文化局打击非法赌博，查处娱乐场所12家；福利彩票销售点3个",
        "六台彩 菠菜 百家楽 体育国际平台 电竞平台入口 ΑΣ İstanbul",
        "二〇一七年……全市共公开信息120条，e\u0301 ｶﾞ",  # NFKC changes this line's length
        "美\u200b高\u200b梅 大连市人民政府 乾隆 著作 葡京娱乐 注册资本",
        "",
    ]
    texts = ["\n".join(lines), "\n".join(lines[:3] + lines[4:]), "\n".join(reversed(lines[1:3] * 3))]
    texts += ["\n".join([*lines[:3], "开*云\u200b体育"]), "\n".join(lines[4:] + lines[:2])]
    load = lexicon.load_lexicon()
    for forget in (True, False):  # each text read with nothing remembered, then after the others
        for text in texts:
            if forget:
                lexicon._LINES.cache_clear()
            assert list(lexicon._long_hits(text)) == lexicon._hits(text, load), text


def test_lines_of_a_long_text_hit_as_read_alone():
    """A short text met before as a line of a long text is looked up, and hits as read alone."""
    items = ["开*云体育", "美高梅", "打击赌博", "福利彩票", "六台彩", "政务公开", "娱乐城app", "大连市", "İ"]
    load = lexicon.load_lexicon()
    for lengthening in ([], ["ｶﾞ…"]):  # NFKC makes "ｶﾞ…" longer: it alone is read alone
        lexicon._LINES.cache_clear()
        lexicon._long_hits("\n".join(items + lengthening))
        assert "美高梅" in lexicon._LINES and "ｶﾞ…" not in lexicon._LINES
        assert "İ" not in lexicon._LINES  # lower() makes it longer
        for item in items + lengthening:
            assert lexicon._packaged_hits(item) == tuple(lexicon._hits(item, load)), item


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # The morphology pattern guesses up to six characters of name before 娱乐; a known
        # brand inside its match says where the Chinese name opens.
        ("中国东方文化研究会美育金沙娱乐委员会客座教授。", "金沙娱乐"),
        ("主办单位：教育部思想政治金沙娱乐司", "金沙娱乐"),
        # Latin before the known brand is the brand's own.
        ("xpj新葡京娱乐", "xpj新葡京娱乐"),
        # What follows the known brand stays in the hit.
        ("在线金沙娱乐app下载", "金沙娱乐app下载"),
    ],
)
def test_a_known_brand_inside_a_morphology_match_opens_the_hit(text, span):
    assert [text[h.start : h.end] for h in hits(text)] == [span]
