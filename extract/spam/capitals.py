"""A brand's romanised name in capitals between Chinese words: 思想政治KAIYUN司, 全国高校Kaiyun网.

Acronyms and English names stand between Chinese words in reports all the time (ETC用户,
推进PPP项目, 安装Chrome浏览器), so capitals alone are no name. A brand's pinyin is: two
syllables or more (KAIYUN, HUANGGUAN), which no acronym spells, written where words stood in
different phrases, as extract/spam/phrases.py reads the same name in lower case (leyu).
"""

from __future__ import annotations

from ..chars import is_han
from .names import in_one_sentence, occurrences
from .phrase_scan import Matches
from .shape import is_pinyin_name

MIN_REPEATS = 2  # different phrases, as for a short code between words


def capitalised_names(text: str, capitals: Matches) -> list[str]:
    """Pinyin names in capitals (KAIYUN) or capitalised (Kaiyun) glued to Chinese on both sides in
    two phrases or more. `capitals`: the words opening with a capital right after a Chinese
    character, as extract/spam/phrase_scan.py found them in its pass over the page."""
    found = []
    for run in dict.fromkeys(match[0] for match in capitals):
        if not is_pinyin_name(run):
            continue
        size = len(run)
        inside = [
            at
            for at in occurrences(text, run)
            if at and is_han(text[at - 1]) and is_han(text[at + size : at + size + 1])
        ]
        if len(inside) >= MIN_REPEATS and not in_one_sentence(text, inside, size):
            found.append(run)
    return found
