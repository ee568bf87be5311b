"""A brand's romanised name in capitals between Chinese words: 思想政治KAIYUN司, 全国高校Kaiyun网.

Acronyms and English names stand between Chinese words in reports all the time (ETC用户,
推进PPP项目, 安装Chrome浏览器), so capitals alone are no name. A brand's pinyin is: two
syllables or more (KAIYUN, HUANGGUAN), which no acronym spells, written where words stood in
different phrases, as extract/spam/phrases.py reads the same name in lower case (leyu).
"""

from __future__ import annotations

from .names import occurrences, stands_between_words
from .phrase_scan import Matches
from .shape import is_pinyin_name


def capitalised_names(text: str, capitals: Matches) -> list[str]:
    """Pinyin names in capitals (KAIYUN) or capitalised (Kaiyun) glued to Chinese on both sides in
    two phrases or more. `capitals`: the words opening with a capital right after a Chinese
    character, as extract/spam/phrase_scan.py found them in its pass over the page."""
    return [
        run
        for run in dict.fromkeys(match[0] for match in capitals)
        if is_pinyin_name(run) and stands_between_words(text, occurrences(text, run), len(run))
    ]
