"""Brand names written over ordinary words inside sentences: 通过vwin德胜体育公开政府信息.

A phrase swap leaves the sentence whole and puts a sportsbook or video-app name where
政府网站 or 门户网站 stood. No list knows next week's name, but its shape is the same
(extract/spam/shape.py): a short name glued to a brand word (体育, 娱乐, 视频, 棋牌…) and
to calls to action or digits (官网, app, 188), or a lower-case Latin run glued to
Chinese. Where the name starts is read from the page itself: a swapped name is one unit
wherever it stands, so the characters that all its occurrences share before the brand
word are its own, and those that differ are the sentences'. With nothing glued, the name
must be repeated and be no word of the language (extract/spam/words.py): a brand word
after a place or a common word (诸城体育, 青少年体育, 歌舞娱乐场所) is the report's own.
"""

from __future__ import annotations

import re
import unicodedata

from ..chars import is_chinese, is_han
from ..model import SpamFinding
from . import lexicon
from .candidates import MAX_CONTEXT, MAX_NAME_HAN, is_foreign, shared_context, without_particle
from .capitals import capitalised_names
from .channels import channel_names
from .names import in_one_sentence, occurrences, stands_between_words
from .numbered import number_led_token, numbered_token
from .phrase_scan import (
    FIGURE_GOES_ON,
    MAX_NAME_DIGITS,
    Matches,
    Patterns,
    Scan,
    phrase_patterns,
    scan_phrases,
)
from .shape import (
    ends_in_a_latin_brand_word,
    holds_a_brand_word,
    holds_a_latin_brand_word,
    is_coined,
    is_pinyin_word,
    is_unspeakable,
    load_shapes,
)
from .slots import MIN_REPEATS, follows_a_site_code_label, site_code_names
from .text import WEAK_CATEGORY
from .words import (
    COMMON_COUNT,
    SET_PHRASE_COUNT,
    acts_or_qualifies,
    cuts_a_word,
    is_common_word,
    is_made_of_words,
    is_named_before_a_brand_word,
    word_counts,
)

PHRASE_SCORE = 2.0
PLATFORM_AFTER = 2  # characters read after a brand word for a platform holding it (视频号)
_ADDRESS_CHARS = ".@/:-_"
# Letters and a number, the shape of a betting brand's short name (w88, hg8, ob9); is_coined
# reads the longer ones (k8vip, yb88) as names wherever they stand.
_SHORT_CODE = re.compile(r"[a-z]{1,3}[0-9]{1,3}")
_SHAPE_CATEGORIES = (WEAK_CATEGORY, "morphology")


def _is_latin_or_digit(char: str) -> bool:
    """An ASCII letter or digit, or its full-width form (ＫＫ, ８８): the same name to a reader."""
    return char.isalnum() and (char.isascii() or "\uff10" <= char <= "\uff5a")


def _name_before(text: str, end: int) -> str:
    """The Chinese name (at most MAX_NAME_HAN characters) and the Latin or digits glued before it."""
    start = end
    while start > max(0, end - MAX_NAME_HAN) and is_han(text[start - 1]):
        start -= 1
    while start > 0 and _is_latin_or_digit(text[start - 1]):
        start -= 1
    return text[start:end]


def _is_made_up(name: str, core: str) -> bool:
    """A name with nothing glued counts only when it is no word of the language."""
    # A name the lexicon knows needs no dictionary (which takes some 0.7 s to load once).
    # Not a morphology hit: its patterns (X娱乐, X体育) read any X, the word this checks.
    if any(hit.category not in _SHAPE_CATEGORIES for hit in lexicon.hits(name + core)):
        return True
    return not is_common_word(name) and not (is_chinese(name) and acts_or_qualifies(name))


def _brand_word(core: str) -> str:
    """The brand word a core match opens with (视频 in 视频app188), the longest that fits."""
    words = phrase_patterns().brand_words
    return next(core[:size] for size in phrase_patterns().brand_word_sizes if core[:size] in words)


def _ends_a_word(text: str, core: re.Match[str]) -> bool:
    """One or two characters before the brand word make a common word with it (短视频)."""
    brand_word = _brand_word(core[0])
    counts = word_counts()
    start = core.start()
    return any(
        counts.get(text[start - k : start] + brand_word, 0) >= COMMON_COUNT for k in (1, 2) if start >= k
    )


def _starts_a_phrase(text: str, core: re.Match[str]) -> bool:
    """The brand word and the two characters after it are a phrase the dictionary counts (真人|真事)."""
    start = core.start()
    phrase = text[start : start + len(_brand_word(core[0])) + 2]
    return word_counts().get(phrase, 0) >= SET_PHRASE_COUNT


def _core_token(text: str, core: re.Match[str], patterns: Patterns) -> str | None:
    """The swapped name around a brand word, or None where the brand word is the report's own."""
    if _ends_a_word(text, core):
        return None  # 短视频, 网络直播: the brand word is the end of a word of the language
    if _starts_a_phrase(text, core):
        return None  # 真人真事, 电子商务: the brand word opens a phrase of the language
    name = _name_before(text, core.start())
    if not name or is_han(name[0]):
        name = name[-2:]  # the shortest Chinese name; the page's repeats may show a longer one
        if len(name) < 2:
            return None
    shapes = load_shapes()
    word = core[0]
    if word[-1].isdigit() and text.startswith(shapes.units, core.end()):
        word = word.rstrip("0123456789")  # 短视频186部: a count, not a brand's number
    glued = not is_han(name[0]) or patterns.glue.search(word) is not None
    token = name + word
    where = occurrences(text, token)
    # 龙8国际: digits with Chinese before them; where that name starts only repeats tell (a
    # letter starts a name: 通过vwin德胜体育). A sentence printed twice is one occurrence.
    opening = core.start() - len(name)
    han_before = name[0].isdigit() and opening > 0 and is_han(text[opening - 1])
    if len(where) >= MIN_REPEATS and not in_one_sentence(text, where, len(token)):
        if is_han(name[0]) or han_before:
            longer = without_particle(shared_context(text, where, len(token), -1) + name, patterns.particles)
            if sum(map(is_han, longer)) <= MAX_NAME_HAN:
                name = longer
        # The name opens where every occurrence opens it: inside a word there (执法记录仪视频:
        # 录仪 ends 记录仪), it is that word's tail, no name.
        first = where[0] - (len(name) - len(token) + len(word))
        if is_han(name[0]) and cuts_a_word(text, first):
            return None
    elif han_before:
        return None
    elif (is_han(name[0]) or name.isupper()) and not word.endswith(shapes.strong_funnels):
        # Once, with a Chinese name whose start is a guess or an acronym: only a call to action
        # no report writes after a name (官网, 入口) marks it; 伟德体育 could be a club.
        return None
    # A Chinese name glued by a Chinese word a report writes too (直播平台: 约谈直播平台) is read
    # as a name with nothing glued: only Latin, digits and calls to action no report writes mark it.
    if glued and is_chinese(name) and is_chinese(word) and not word.endswith(shapes.strong_funnels):
        glued = False
    # After a common word, 注册, 登录 and 下载 are words a report writes (商标国际注册, 表格下载).
    if glued and is_chinese(name) and word.endswith(shapes.verb_funnels) and is_common_word(name):
        glued = False
    if not glued and (not word.startswith(shapes.standalone) or shapes.function_chars.intersection(name)):
        return None  # a brand word that ends many ordinary words (国际, 电子), or a sentence (大的国际)
    if not is_foreign(name):
        return None
    if not glued and not _is_made_up(name, word) and not is_named_before_a_brand_word(name + word, text):
        return None  # the report's own words: 青少年体育, 文化旅游国际交流, 歌舞娱乐场所
    around = text[max(0, core.start() - 6) : core.end() + PLATFORM_AFTER]
    if shapes.platform.search(around):
        return None  # 政务抖音直播, 央视频app, 电视台视频号: a platform the report names
    return name + word


def _glued_latin(text: str, runs: Matches, written: str = "") -> list[tuple[int, int]]:
    """Lower-case Latin runs (digits allowed) glued to Chinese, no web address, no English word.

    shape.latin_spans reads keyword-list items in NFKC and any case; inside sentences a swapped
    name is written in plain lower case (vwin, ag), so the page is read as it stands. `runs`:
    the matches of LOWER_RUN in `text`; `written`: the page's own text where `text` is its
    ASCII fold.
    """
    words = load_shapes().latin_words
    found = []
    for match in runs:
        start, end = match.span()
        # Most runs (addresses, scripts, English) stand between ASCII characters: no Chinese
        # on either side, and no digit before that could reach back to one.
        previous = text[start - 1 : start]
        if previous.isascii() and not previous.isdigit() and text[end : end + 1].isascii():
            continue
        if previous.isascii() and previous.isalpha():
            continue  # the tail of a capitalised word (Win10, Office2016, Android10): a product's name
        while start and text[start - 1].isdigit():
            start -= 1
        run = text[start:end]
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not (is_han(before) or is_han(after)):
            continue
        if run in words:
            continue  # a word a report writes (app, mp4)
        if run.strip("0123456789") in words and not _disguised(written[start:end], after):
            continue  # a word and a number (vip1), unless written to hide from this rule (ｖｉｐ８８)
        if (before and before in _ADDRESS_CHARS) or (after and after in _ADDRESS_CHARS):
            continue
        if follows_a_site_code_label(text, start):
            continue  # 网站标识码bm01000001: a central body's site code
        if len(run.strip("0123456789")) >= 2 or len(run) >= 3:
            found.append((start, end))
    return found


def _latin_token(text: str, start: int, end: int, written: str = "") -> str | None:
    """A lower-case Latin run glued to Chinese, with the Chinese its occurrences share.

    `written`: the page's own text where `text` is its ASCII fold (the same length)."""
    run = text[start:end]
    where = occurrences(text, run)
    disguised = _disguised(written[start:end], text[end : end + 1])
    if len(where) < MIN_REPEATS:
        # Once: virus subtypes, standards and models are coined too (h7n9, gb18030), and no
        # other occurrence shows where the name starts and ends; a name's letters before a
        # betting word in English, glued to Chinese (美术书法sbobet，), are a name, and the run
        # is all of it.
        return run if disguised or ends_in_a_latin_brand_word(run) else None
    after = shared_context(text, where, len(run), 1)
    before = shared_context(text, where, len(run), -1)
    if len(after) >= MAX_CONTEXT or len(before) >= MAX_CONTEXT:
        return None  # the same sentence quoted twice, not a name in several sentences
    if not (run.islower() or any(c.isdigit() for c in run)):
        return None
    if not (after or before) and not is_coined(run) and not disguised:
        # A Latin word on its own (an English product name: Chrome), not glued to a name; but a
        # short code, a word of pinyin or letters no word spells standing between Chinese words,
        # in different phrases, is written where words stood (思想政治w88司, 全国高校leyu网,
        # 美育bbin委员会): a report's code names the same thing each time (a4纸), and a report
        # writes Chinese in characters.
        return run if _stands_between_words(text, where, run) else None
    if after and not disguised and _names_a_thing(after):
        return None  # c30混凝土, h7n9疫情: a code before the thing it grades, no brand's name
    # 在bet9 in every sentence: 在 is the sentence's, the name is bet9.
    return without_particle(before + run, phrase_patterns().particles) + after


def _stands_between_words(text: str, where: list[int], run: str) -> bool:
    """A short code (w88, hg8), a word of pinyin with or without a number (leyu, dafa888),
    letters no word spells (bbin, xpj) or a betting word in English (betway) glued to Chinese on
    both sides in two sentences or more."""
    if not (
        _SHORT_CODE.fullmatch(run)
        or is_pinyin_word(run.rstrip("0123456789"))
        or is_unspeakable(run)
        or holds_a_latin_brand_word(run)
    ):
        return False
    return stands_between_words(text, where, len(run))


def _names_a_thing(words: str) -> bool:
    """Words a code grades (混凝土, 疫情): common words, no brand word or call to action in them,
    and no channel a brand stands for (kk365网站, ag88平台)."""
    if holds_a_brand_word(words):
        return False
    return not words.endswith(load_shapes().channel_nouns) and is_made_of_words(words)


def _disguised(written: str, after: str) -> bool:
    """A name with a number written in full-width lower case (ｈｔｈ７７): no typist's habit.

    Full-width text in a report is an old input method's capitals and figures (ＧＤＰ, ２０２１,
    ＰＭ２．５); lower-case letters followed by digits, all full-width, hide a name from
    rules that read ASCII, and are one even once."""
    after = unicodedata.normalize("NFKC", after)
    if after in FIGURE_GOES_ON or (after and after in _ADDRESS_CHARS):
        return False  # ｐｍ２．５, ｚｃ１２＠１６３．ｃｏｍ: a figure goes on, an address goes on
    if not written or not "\uff41" <= written[0] <= "\uff5a":
        return False
    letters = written.rstrip("０１２３４５６７８９")
    # A brand's number is short (３６５, ００８８); longer ones are accounts and codes
    # (ｑｑ１２３４５６７, ｇｂ１８０３０).
    digits = len(written) - len(letters)
    return 0 < digits < MAX_NAME_DIGITS and all("\uff41" <= char <= "\uff5a" for char in letters)


# Full-width letters and digits (ｋ８ｖｉｐ, ＸＹ体育) are the same name to a reader and a trick
# to a rule: they are read in their ASCII forms, one character for one, so that a name found
# is cut out of the page as the page wrote it.
_TO_ASCII = {
    code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}


def find_phrases(text: str, scan: Scan | None = None) -> list[str]:
    """Brand-shaped names standing inside the page's sentences, longest first, as written.

    `scan`: scan_phrases(text), where the caller has read it already."""
    patterns = phrase_patterns()
    scan = scan_phrases(text, patterns) if scan is None else scan
    if not scan.full_width:
        return _find_phrases(text, scan)
    folded = text.translate(_TO_ASCII)
    written: dict[str, None] = {}
    for token in _find_phrases(folded, scan_phrases(folded, patterns), text):
        for at in occurrences(folded, token):
            written[text[at : at + len(token)]] = None
    return list(written)


def _find_phrases(text: str, scan: Scan, written: str = "") -> list[str]:
    patterns = phrase_patterns()
    found: set[str] = set()
    seen: set[str] = set()
    for core in scan.cores:
        key = text[max(0, core.start() - 2) : core.end()]
        if key in seen:
            continue
        seen.add(key)
        if token := _core_token(text, core, patterns):
            found.add(token)
    for start, end in _glued_latin(text, scan.runs, written):
        if text[start:end] in seen:
            continue
        seen.add(text[start:end])
        if any(text[start:end] in token for token in found):
            continue
        if token := _latin_token(text, start, end, written):
            found.add(token)
    for number in scan.numbers:
        key = text[max(0, number.start() - 2) : number.end()]
        if key in seen or any(key in token for token in found):
            continue
        seen.add(key)
        # One digit after a name is how a report numbers its things (附件1, 表2); before a
        # name it may be a brand's (9游会), as two digits may be on either side.
        numbered = len(number[0]) > 1 and numbered_token(text, number, patterns)
        if token := numbered or number_led_token(text, number):
            found.add(token)
    found.update(
        name for name in channel_names(text, scan.channels) if not any(name in token for token in found)
    )
    found.update(
        name for name in capitalised_names(text, scan.capitals) if not any(name in token for token in found)
    )
    if "标识码" in text or "標識碼" in text:
        found.update(name for name in site_code_names(text) if not any(name in token for token in found))
    tokens = sorted(found, key=lambda token: (-len(token), token))  # one order in every process
    return [t for t in tokens if not any(t != other and t in other for other in tokens)]


def strip_phrases(value: str, tokens: list[str]) -> str:
    for token in tokens:
        value = value.replace(token, "")
    return value


def phrase_finding(token: str, count: int) -> SpamFinding:
    return SpamFinding("phrase_swap", f"{token} ×{count} inside sentences", "removed", PHRASE_SCORE)
