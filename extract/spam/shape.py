"""Brand-shaped tokens: what a betting or video-app brand looks like, whatever its name.

Brands rotate every week, so a list of them always lags. Their shape does not: a
Latin or digit run glued to Chinese (bet9九州, 必威betway, kok体育), an entertainment or
sportsbook word glued to a call to action (视频app, 体育官网), a short name glued to
体育/娱乐/视频/直播/电竞/棋牌 as a whole keyword-list item (乐动体育, 樱桃视频). A report
template never holds such tokens, but a government page does write some Latin: WTO,
APP, www.x.gov.cn, 5G, PM2.5. Those words are data (extract/data/spam_shapes.csv, kind
`latin`) and count only when glued to a brand word; ordinary words before a suffix
(新闻视频, 政务直播, 体育彩票) are data too (kind `prefix`).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from ..caches import loaded
from ..chars import is_han
from ..gazetteer import gazetteer
from .fold import nfkc

SHAPE_WEIGHT = 2.0
# A short Chinese name and a number glued after it: 金宝搏188, 明升88; not a year (年报2019).
_NUMBERED_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}(?!(?:19|20)\d\d\b)(\d{2,4})")
MAX_ITEM_CHARS = 16
_JOINERS = frozenset("&·- ")


@dataclass(frozen=True)
class Shapes:
    suffixes: tuple[str, ...]
    funnels: tuple[str, ...]
    funnels_longest_first: tuple[str, ...]  # funnel_stem cuts the longest call glued on first
    latin_words: frozenset[str]
    onsets: frozenset[str]  # consonants that open an English or pinyin word: st, chr, zh
    prefixes: tuple[str, ...]
    particles: tuple[str, ...]  # words a sentence puts before a name (通过, 在): never part of one
    hotlines: tuple[str, ...]  # how a government hotline's number starts (12345, 110)
    standalone: tuple[str, ...]  # brand words that mark a name in prose with nothing glued
    platforms: tuple[str, ...]  # 抖音, 微博, 央视频: platforms a report names, never brands
    platform: re.Pattern[str]  # any of the platforms: one search in C, not one `in` per platform
    strong_funnels: tuple[str, ...]  # calls to action that mark a lone name (官网, 入口), unlike app
    function_chars: frozenset[str]  # 的, 了, 在: a sentence's, never a brand name's
    units: tuple[str, ...]  # what follows a figure that counts something: 88件, 12号, 3公里
    ranks: tuple[str, ...]  # what makes the number after it a rank or an order: 前20, 第3
    counters: tuple[str, ...]  # what the number after it counts on a page: 查看25668, 回复162
    # 通过X公开, 在X集中发布: where a report names its channel; X of three characters or more
    # read first (在村务公开栏公布), two only where no longer X fits (see load_shapes).
    channel_slot: re.Pattern[str]
    channel_befores: tuple[str, ...]  # the words that open the slot: 通过, 在
    channel_rest: str  # the slot's pattern after its opening word, without groups
    channel_afters: tuple[str, ...]  # what follows a channel's name in the slot: 公开, 集中, 发布
    channel_nouns: tuple[str, ...]  # how a report's own channels end: 公告栏, 公众号, 服务中心
    channel_things: tuple[str, ...]  # the same, less where in a channel: what a name ends in
    channel_particles: tuple[str, ...]  # where or when in a channel a slot's reading ends (里, 中, 时间)
    gatherings: tuple[str, ...]  # a channel held, not kept (座谈会), which also ends brands (华体会)
    count_nouns: tuple[str, ...]  # how a statistics table's column labels end: 申请数, 办结量
    site_suffixes: tuple[str, ...]  # what a portal writes after its own name: 英文版, 欢迎您, 网站群
    topic_slugs: frozenset[str]  # a topic column's path (ztzl 专题专栏): its labels name topics
    cms_slugs: frozenset[str]  # path words of content systems shaped like initials (col): none
    columns: tuple[str, ...]  # the columns every portal has (政务公开 under /zwgk/)
    latin_brand_words: tuple[str, ...]  # betting words in English a brand's Latin name holds (bet)
    media_words: tuple[str, ...]  # brand words that are media reports describe (高清视频)
    agency_ends: tuple[str, ...]  # how a body's own name ends (局, 委员会, 街道办事处, 图书馆)
    place_prefixes: tuple[str, ...]  # what a city's app puts before its short name (微绵阳, 爱义乌)
    honorifics: tuple[str, ...]  # what follows a person's name (先生, 同志)
    nation: tuple[str, ...]  # the nation's names, as a place's: 中央人民政府, 全国见义勇为网
    verb_funnels: tuple[str, ...]  # calls to action a report writes as words too (商标国际注册)
    latin_run: re.Pattern[str]  # a run of Latin letters and digits holding a letter
    cjk_item: re.Pattern[str]  # a whole item: a short name, a brand word, calls to action


@loaded()
def load_shapes() -> Shapes:
    """Immutable package data, read once per process."""
    with (resources.files("extract") / "data" / "spam_shapes.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    words: dict[str, list[str]] = {}
    for row in rows:
        words.setdefault(row["kind"], []).append(row["word"])
    suffixes = tuple(words["suffix"])
    funnels = tuple(words["funnel"])

    def alternation(items: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))

    cjk_item = re.compile(
        rf"([\u4e00-\u9fff][\u4e00-\u9fff0-9]{{1,3}}?)(?:{alternation(suffixes)})(?:{alternation(funnels)}|\d+)*"
    )
    # The channel's name: three to six Chinese characters, tried first, so that a longer
    # name is read whole (在镇村公开栏公布); else Chinese with Latin or digits glued on either
    # side (在米乐m6集中发布, 在i诸城、); else two Chinese characters (在必赢集中发布, whose
    # longer reading 必赢集中 extract/spam/channels.py cuts before its 集中).
    channel_name = (
        r"[\u4e00-\u9fff]{3,6}?"
        r"|[\u4e00-\u9fff]{2,6}?[a-zA-Z0-9]{1,6}|[a-zA-Z0-9]{1,6}[\u4e00-\u9fff]{2,6}?"
        r"|[\u4e00-\u9fff]{2}"
    )
    # 公开 is what a report does through its channel; 公开课 and 发布会 are things held there.
    channel_end = (
        rf"上?(?={alternation(tuple(words['channel_after']))})"
        rf"(?!{alternation(tuple(words['channel_after_noun'])) or '(?!)'})"
    )
    return Shapes(
        suffixes=suffixes,
        funnels=funnels,
        funnels_longest_first=tuple(sorted(funnels, key=len, reverse=True)),
        latin_words=frozenset(words["latin"]),
        onsets=frozenset(words["onset"]),
        prefixes=tuple(words["prefix"]),
        particles=tuple(sorted(words["particle"], key=len, reverse=True)),
        hotlines=tuple(words["hotline"]),
        standalone=tuple(words["standalone"]),
        platforms=tuple(words["platform"]),
        platform=re.compile(alternation(tuple(words["platform"])) or "(?!)"),
        strong_funnels=tuple(words["strong_funnel"]),
        function_chars=frozenset(words["function"]),
        units=tuple(words["unit"]),
        ranks=tuple(words["rank"]),
        counters=tuple(words["counter"]),
        channel_slot=re.compile(
            rf"({alternation(tuple(words['channel_before']))})({channel_name}){channel_end}"
        ),
        channel_befores=tuple(words["channel_before"]),
        channel_rest=f"(?:{channel_name}){channel_end}",
        channel_afters=tuple(words["channel_after"]),
        channel_nouns=(*words["channel_noun"], *words["gathering"], *words["channel_particle"]),
        channel_things=(*words["channel_noun"], *words["gathering"]),
        channel_particles=tuple(words["channel_particle"]),
        gatherings=tuple(words["gathering"]),
        count_nouns=tuple(words["count_noun"]),
        site_suffixes=tuple(words["site_suffix"]),
        topic_slugs=frozenset(words["topic_slug"]),
        cms_slugs=frozenset(words["cms_slug"]),
        columns=tuple(words["column"]),
        latin_brand_words=tuple(words["latin_brand_word"]),
        media_words=tuple(words["media_word"]),
        agency_ends=tuple(words["agency_end"]),
        place_prefixes=tuple(words["place_prefix"]),
        honorifics=tuple(words["honorific"]),
        nation=tuple(words["nation"]),
        verb_funnels=tuple(words["verb_funnel"]),
        latin_run=re.compile(r"[a-z0-9]*[a-z][a-z0-9]*"),
        cjk_item=cjk_item,
    )


def latin_spans(text: str, any_case: bool = False) -> list[tuple[int, int]]:
    """Latin runs glued to Chinese that a government page would not write.

    In prose an upper-case acronym (CT检查, NBA比赛) is an ordinary word: only lower-case
    runs and runs holding digits count there; a keyword-list item counts in `any_case`.

    `text` is read in NFKC lower case (Ｂｅｔ is bet); offsets are those of `text` when
    NFKC keeps its length, and no span is returned when it does not.
    """
    folded = nfkc(text).lower()
    if len(folded) != len(text):
        return []
    shapes = load_shapes()
    found = []
    for match in shapes.latin_run.finditer(folded):
        start, end = match.span()
        before = folded[start - 1] if start else ""
        after = folded[end] if end < len(folded) else ""
        if not (is_han(before) or is_han(after)):
            continue
        if (before and before in ".@/:-_") or (after and after in ".@/:-_"):
            continue  # a web address or an e-mail
        word = match[0].strip("0123456789")
        original = text[start:end]
        if len(word) == 1 and original.islower() and len(match[0]) >= 3:
            pass  # w66, m88: a letter and a number, a brand's short name
        elif len(word) < 2 or (original.isupper() and len(set(word)) == 1):
            continue  # B超, 3D打印, 4A级, AAAA级: a letter or a grade, not a name
        if not any_case and original.isupper() and original.isalpha():
            continue
        if word in shapes.latin_words or match[0] in shapes.latin_words:
            # An English word a page writes too, unless glued to a brand word (视频app).
            if not folded[max(0, start - 4) : start].endswith(shapes.suffixes):
                continue
        found.append((start, end))
    return found


def is_acronym(latin: str) -> bool:
    """Latin letters all in upper case (RSS, OA): a word in a report's prose, no brand's name."""
    return latin.isalpha() and latin.isupper()


def holds_a_brand_word(text: str) -> bool:
    """A brand word or a call to action stands in the text (AG真人, kk365官网)."""
    shapes = load_shapes()
    return any(word in text for word in (*shapes.suffixes, *shapes.funnels))


def holds_a_latin_brand_word(run: str) -> bool:
    """Lower-case letters holding a betting word in English (betway, dafabet, sbobet): a brand's
    Latin name; a report writes no such word glued to its Chinese."""
    return run.islower() and any(word in run for word in load_shapes().latin_brand_words)


def ends_in_a_latin_brand_word(run: str) -> bool:
    """A name's letters before a betting word in English (sbo|bet, dafa|bet, 12|bet): pinyin,
    letters no word spells or digits; English that ends so (alpha|bet) is none of them."""
    for word in load_shapes().latin_brand_words:
        head = run.removesuffix(word)
        if head != run and head and (head.isdigit() or is_pinyin_word(head) or is_unspeakable(head)):
            return True
    return False


def is_coined(run: str) -> bool:
    """Letters and digits mixed as no word or version number is (k8vip, yb88, hth77), so the run
    is a name even with nothing glued to it; chrome, mp4 and a year are not."""
    if len(run) < 4 or not (run.isascii() and run.isalnum()):
        return False
    letters = sum(c.isalpha() for c in run)
    inside = run.strip("0123456789")
    if not letters or inside in load_shapes().latin_words:
        return False
    return any(c.isdigit() for c in inside) or (letters <= 3 and len(run) - letters >= 2)


def is_latin_name(name: str) -> bool:
    """Latin letters mixed with digits, or words joined (k8, bwin7, M&G, Lucky Star), standing
    where a name belongs: no acronym (OA), hotline (12345) or word a report writes (5G, 4K)."""
    letters = sum(c.isalpha() for c in name)
    if not letters or name.lower() in load_shapes().latin_words:
        return False
    if not all((c.isascii() and c.isalnum()) or c in _JOINERS for c in name):
        return False
    return any(c in _JOINERS for c in name) or len(name) > letters


_VERSION = re.compile(r"[vV]\d{1,2}")  # 网站V3: a version a portal writes after its name


def is_latin_label(label: str) -> bool:
    """A Latin name standing as a label or a label's part (s77, 地方k8, 地方leyu, 地方bbin,
    betway): no version number."""
    return (
        (is_latin_name(label) and not _VERSION.fullmatch(label))
        or is_pinyin_name(label)
        or is_unspeakable(label)
        or holds_a_latin_brand_word(label)
    )


@loaded()
def pinyin_syllables() -> frozenset[str]:
    """extract/data/pinyin_syllables.csv: the syllables of Standard Chinese without tones (ü as v),
    as pypinyin spells its readings, less interjections (hm, ng) and rare readings (biang)."""
    with (resources.files("extract") / "data" / "pinyin_syllables.csv").open(encoding="utf-8") as handle:
        return frozenset(row["syllable"] for row in csv.DictReader(handle))


MAX_SYLLABLE_CHARS = 6  # zhuang, shuang


def is_pinyin_word(run: str) -> bool:
    """Two pinyin syllables or more in lower case, without tones (leyu, kaiyun, huangguan): a
    brand's romanised name. A report writes Chinese in characters, and English words (chrome,
    linux, windows) are no run of syllables."""
    if len(run) < 4 or not (run.isascii() and run.isalpha() and run.islower()):
        return False
    syllables = pinyin_syllables()
    if run in syllables:
        return False  # one syllable (zhuang)
    reachable = [True] + [False] * len(run)
    for start in range(len(run)):
        if reachable[start]:
            for end in range(start + 1, min(len(run), start + MAX_SYLLABLE_CHARS) + 1):
                reachable[end] = reachable[end] or run[start:end] in syllables
    return reachable[-1]


def is_pinyin_name(run: str) -> bool:
    """A word of pinyin in lower case, in capitals or capitalised (leyu, KAIYUN, Kaiyun).

    In capitals a report writes English that reads as pinyin (ASEAN, NASA: `latin` rows) and a
    place's name (Beijing, Dongcheng: the gazetteer's pinyin)."""
    if run.islower():
        return is_pinyin_word(run)
    if not (run.isupper() or run[1:].islower()):
        return False
    lower = run.lower()
    if lower in load_shapes().latin_words or not is_pinyin_word(lower):
        return False
    return lower not in gazetteer().by_pinyin


_VOWELS = frozenset("aeiou")


def is_unspeakable(run: str) -> bool:
    """Lower-case letters that no English or pinyin word spells (bbin, xpj, sbobet, ybvip): no
    vowel, or consonants opening the run that open no word (bb, sb, yb, where street opens with
    st and zhang with zh). A brand's code; an abbreviation a report writes in lower case (ktv,
    bbs, hpv) is a `latin` row."""
    if len(run) < 3 or not (run.isascii() and run.isalpha() and run.islower()):
        return False
    shapes = load_shapes()
    if run in shapes.latin_words:
        return False
    # y opens words as a consonant (yes) and is a vowel after one (gym, rhythm).
    opening = next((at for at, char in enumerate(run) if char in _VOWELS or (char == "y" and at)), len(run))
    return opening == len(run) or (opening >= 2 and run[:opening] not in shapes.onsets)


def is_brand_item(item: str) -> bool:
    """A keyword-list item shaped like a brand: Latin glued to Chinese, or a name + 体育/视频…."""
    if len(item) > MAX_ITEM_CHARS:
        return False
    if latin_spans(item, any_case=True):
        return True
    folded = item.lower()
    if load_shapes().latin_run.fullmatch(folded) and re.search(r"\d", folded) and len(folded) >= 4:
        return folded.strip("0123456789") not in load_shapes().latin_words  # 12bet, w88
    if numbered := _NUMBERED_NAME.fullmatch(item):
        return not numbered[1].startswith(load_shapes().hotlines)  # 明升88, not 市长热线12345
    match = load_shapes().cjk_item.fullmatch(item)
    return match is not None and not match[1].endswith(load_shapes().prefixes)


def funnel_stem(item: str) -> str | None:
    """The name before the calls to action glued after it (X官方网站, Xapp下载 → x), or None."""
    funnels = load_shapes().funnels_longest_first
    stem = nfkc(item).lower()
    glued = False
    # Most items end in no call at all: one endswith() of the whole tuple, in C, tells.
    while stem.endswith(funnels) and any(stem.endswith(f) and len(stem) > len(f) for f in funnels):
        stem = stem[: -len(next(f for f in funnels if stem.endswith(f)))]
        glued = True
    return stem if glued and len(stem) >= 2 else None


def repeats_with_funnels(items: list[str]) -> bool:
    """One name stuffed with several calls to action (X官方网站, Xapp下载), whatever the name is.

    A page's title names its page once; a hijacked one repeats the brand, each time glued to
    another way in, and the brand may have no brand word at all (富豪俱乐部, 金马88).
    """
    stems = Counter(stem for item in items if (stem := funnel_stem(item)))
    return any(count >= 2 for count in stems.values())


def score(text: str) -> float:
    """What the brand-shaped tokens of a text add to its lexicon score."""
    return min(10.0, SHAPE_WEIGHT * len(latin_spans(text)))
