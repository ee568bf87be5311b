"""Whether a short Chinese name is an ordinary word, from jieba's dictionary of word counts.

A brand's name is made up (伟博, 澳博, 天博) and stands in no dictionary; the words a
report puts before 体育, 国际 or 娱乐 (青少年体育, 农村体育, 文化旅游国际, 歌舞娱乐) are
common ones. jieba, the usual Chinese segmenter, ships a dictionary of 350,000 words with
their counts in a large corpus; only that dictionary is read here, never a model.
"""

from __future__ import annotations

import csv
import logging
import re
import warnings
from collections.abc import Iterator, Mapping
from importlib import resources

from ..caches import loaded, memo
from .shape import load_shapes

# Counts in jieba's dictionary: 歌舞 609, 青少年 1223, 农村 11478 against 鸿运 8, 千亿 7 and
# brands' made-up names at 0.
COMMON_COUNT = 100


@loaded()
def word_counts() -> Mapping[str, int]:
    """jieba's dictionary, loaded once per process and only when a page asks (about 0.7 s)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba imports pkg_resources, which warns
        import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.initialize()
    counts = jieba.dt.FREQ
    # Words today's reports write that the dictionary's older corpus counts rarely (短视频 0,
    # 约谈 3, 行政村 54): they count as common. Only this module reads jieba's counts.
    for word in report_words():
        counts[word] = max(counts.get(word, 0), COMMON_COUNT)
    return counts


@loaded()
def report_words() -> frozenset[str]:
    """extract/data/report_words.csv: words of today's reports and portals (疫情防控, 政民, 预决算)."""
    with (resources.files("extract") / "data" / "report_words.csv").open(encoding="utf-8") as handle:
        return frozenset(row["word"] for row in csv.DictReader(handle))


def holds_a_report_word(name: str) -> bool:
    """The name is made of words, one of them a word of today's reports (政民 + 互动)."""
    return any(word in report_words() for word in words_of(name))


# The report's own labels, from the project's table, row and metadata data: a statistics row
# (行政复议, 依申请公开, 已主动公开), a grid's label (发文机构). Spam data is not read here.
_REPORT_LABEL_FILES = (
    "indicators.csv",
    "table_labels.csv",
    "metadata_labels.csv",
    "legacy_rows.csv",
    "legacy_early_labels.csv",
    "legacy_concepts.csv",
    "legacy_meaning.csv",
)
_HAN_RUN = re.compile("[\u4e00-\u9fff]{2,}")


@loaded()
def report_labels() -> str:
    """Every run of Chinese characters in the report's labels, one a line."""
    runs: dict[str, None] = {}
    for name in _REPORT_LABEL_FILES:
        text = (resources.files("extract") / "data" / name).read_text(encoding="utf-8")
        runs.update(dict.fromkeys(_HAN_RUN.findall(text)))
    return "\n".join(runs)


def in_report_labels(unit: str) -> bool:
    """Three characters or more of a label the report formats print: the report's own words."""
    return len(unit) >= 3 and unit in report_labels()


def cuts_a_word(text: str, at: int) -> bool:
    """The characters either side of `at` make a common word: a cut there falls inside a word
    (个|人注册, 记|录仪视频)."""
    return 0 < at < len(text) and word_counts().get(text[at - 1 : at + 1], 0) >= COMMON_COUNT


def crosses_a_word(text: str, at: int) -> bool:
    """A common word of up to four characters runs across `at` (成果|博, 果博|览会: 博览会)."""
    counts = word_counts()
    return any(
        counts.get(text[start:end], 0) >= COMMON_COUNT
        for start in range(max(0, at - 2), at)
        for end in range(at + 1, min(len(text), at + 2) + 1)
        if end - start >= 2
    )


def is_common_word(name: str) -> bool:
    """A common word, or two of them (全民 + 健身, 文化 + 旅游)."""
    counts = word_counts()
    if counts.get(name, 0) >= COMMON_COUNT:
        return True
    return any(
        counts.get(name[:cut], 0) >= COMMON_COUNT and counts.get(name[cut:], 0) >= COMMON_COUNT
        for cut in range(2, len(name) - 1)  # single characters are all common
    )


def is_made_of_words(name: str) -> bool:
    """The name reads as common words end to end (政务邮箱 = 政务 + 邮箱, 分享到 = 分享 + 到),
    single characters allowed only where they are function words (到, 之).

    A made-up name leaves a character no word holds (聚贤 + 庄, 旺财 + 来)."""
    counts = word_counts()
    function_chars = load_shapes().function_chars
    reachable = [True] + [False] * len(name)
    for start in range(len(name)):
        if not reachable[start]:
            continue
        if name[start] in function_chars:
            reachable[start + 1] = True
        for end in range(start + 2, len(name) + 1):
            if counts.get(name[start:end], 0) >= COMMON_COUNT:
                reachable[end] = True
    return reachable[-1]


def words_of(name: str) -> list[str]:
    """The common words of two characters or more that make up `name`, in the fewest pieces
    (星辰大海: 星辰, 大海; 马到成功 whole), single characters between them allowed; [] where
    no such word is in it."""
    counts = word_counts()
    best: list[list[str] | None] = [[]] + [None] * len(name)
    for start in range(len(name)):
        so_far = best[start]
        if so_far is None:
            continue
        for end in range(start + 1, len(name) + 1):
            piece = name[start:end]
            if end - start >= 2 and counts.get(piece, 0) < COMMON_COUNT:
                continue
            known = best[end]
            if known is None or len(so_far) + 1 < len(known):
                best[end] = [*so_far, piece]
    return [word for word in best[-1] or () if len(word) >= 2]


def ends_like_a_channel(name: str, ends: tuple[str, ...]) -> bool:
    """The name ends in one of `ends`, as a report's channel does (公告栏, 座谈会, 网站上).

    A gathering (会) or a particle (时, 里) ends one only after what the dictionary counts (座谈会,
    茶话会, 办理时), or after a gathering's short name (进博会 for 进口博览会, 职代会: the head's
    last character opens a gathering the dictionary counts, 博览会, 代表大会); after what it never
    counts, each ends a brand's name (华体会, 尊龙凯时). An idiom ends none, whatever it ends in
    (财运亨通, 鹏程万里)."""
    if not name.endswith(ends):
        return False
    if len(name) == 4 and name in set_phrases():
        return False  # an idiom or a lucky phrase names no channel (财运亨通, 鹏程万里)
    shapes = load_shapes()
    held = shapes.gatherings + shapes.channel_particles
    if not name.endswith(held) or any(name.endswith(end) for end in ends if end not in held):
        return True
    end = next(end for end in held if name.endswith(end))
    head = name[: -len(end)]
    counts = word_counts()
    if len(head) < 2 or counts.get(name, 0) > 0 or counts.get(head, 0) > 0 or holds_a_word(head):
        return True
    return end in shapes.gatherings and head[-1] in _gathering_openers(end)


# A gathering's short name keeps the first character of its kind (进博会: 博览会); a kind
# counted this often is one a portal writes (博览会 1233, 贸促会 30), where 体博会 (3) and
# 游园会 (6) are no model for 华体会 and 九游会.
GATHERING_KIND_COUNT = 30


@loaded()
def _gathering_openers(end: str) -> frozenset[str]:
    """The first characters of the gatherings the dictionary counts that end in `end` (会)."""
    return frozenset(
        word[0]
        for word, count in word_counts().items()
        if count >= GATHERING_KIND_COUNT and len(word) >= 3 and word.endswith(end)
    )


def is_foreign_to(name: str, text: str) -> bool:
    """A name made of words the page writes nowhere else: 星辰大海 in a report that never says
    星辰 or 大海, where a report's own compounds (征求意见, 信用诸城) share words with its text."""
    words = words_of(name)
    own = text.count(name)
    return bool(words) and all(text.count(word) <= own * name.count(word) for word in words)


def head_of_a_brand_word(name: str) -> str | None:
    """What stands before the brand word the name ends in (体育, 棋牌, 电竞: `standalone` rows),
    where it is two characters or more; None where the name ends in none, or in a medium (视频,
    直播: `media_word` rows), which reports put after words no list holds (高清视频, 现场直播)."""
    shapes = load_shapes()
    word = next((word for word in shapes.standalone if name.endswith(word)), "")
    head = name[: len(name) - len(word)]
    if not word or word in shapes.media_words or len(head) < 2:
        return None
    return head


def _is_ordinary_before_a_brand_word(head: str) -> bool:
    """One of the words reports put before a brand word: the `prefix` rows (青少年体育, 智慧体育,
    基层体育), a channel, another brand word, a word of today's reports (棋牌娱乐场所), or a
    verb or quality taking it as its object (发展体育, 观看电竞, 热爱体育)."""
    shapes = load_shapes()
    if head.endswith(shapes.prefixes + shapes.channel_nouns + shapes.standalone) or head in report_words():
        return True
    return acts_or_qualifies(head)


def acts_or_qualifies(words: str) -> bool:
    """The words end in a verb or quality jieba's dictionary tags (代售, 发展, 热爱), however
    rarely it counts them: what comes after is its object, no brand's name."""
    acts = verbs_and_qualities()
    return words in acts or words[-2:] in acts


@loaded()
def verbs_and_qualities() -> frozenset[str]:
    """The words jieba's dictionary tags as verbs or adjectives (发展 vn, 观看 v, 热爱 a).

    A brand's name is a noun or a made-up word (星空, 天龙, 米乐); read once per process, and
    only when a name before a brand word is judged (about 0.5 s)."""
    return frozenset(word for word, tag in _dictionary_tags() if tag[:1] in ("v", "a"))


def _dictionary_tags() -> Iterator[tuple[str, str]]:
    """(word, tag) of each entry of jieba's dictionary file, read through once."""
    word_counts()  # jieba initialised, quietly
    import jieba

    with jieba.dt.get_dict_file() as handle:
        for line in handle:
            word, _, tag = (line.decode("utf-8").split() + ["", ""])[:3]
            yield word, tag


@loaded()
def set_phrases() -> frozenset[str]:
    """Four-character words jieba's dictionary tags as idioms or sayings (海阔天空 i, 天天向上 l),
    or as names, which it does for the lucky phrases shops are named with (龙凤呈祥, 金玉满堂 nr).

    A body's or a site's name is made of the words of what it does (思想政治工作司), never of
    one of these, and no channel is either; read once per process, and only when a name of four
    characters is judged."""
    return frozenset(word for word, tag in _dictionary_tags() if len(word) == 4 and tag in ("i", "l", "nr"))


def is_a_name_before_a_brand_word(name: str) -> bool:
    """A brand word after two characters or more that no report puts before it (星空体育)."""
    head = head_of_a_brand_word(name)
    return head is not None and not _is_ordinary_before_a_brand_word(head)


def is_a_report_s_brand_word(name: str) -> bool:
    """A brand word after a word reports put before it: the report's own (基层体育, 青少年体育)."""
    head = head_of_a_brand_word(name)
    return head is not None and _is_ordinary_before_a_brand_word(head)


def is_named_before_a_brand_word(name: str, text: str) -> bool:
    """A word the page writes nowhere else before a brand word that stands alone (天龙棋牌,
    雷霆电竞): a brand's name, though both are words. A report's own compound opens with a word
    its other sentences write too (校园体育: 校园足球) or with one reports put there (青少年体育,
    发展体育: see `is_a_name_before_a_brand_word`)."""
    return is_a_name_before_a_brand_word(name) and is_foreign_to(name, text)


# jieba enters compounds nobody counted at 3 (加入收藏, 友情链接, 常见问题); a set phrase the corpus
# met is counted (金玉满堂 8, 紫气东来 16, 锦绣前程 16).
SET_PHRASE_COUNT = 4


def is_set_phrase(phrase: str) -> bool:
    """A phrase jieba's dictionary holds whole with a count of its own."""
    return word_counts().get(phrase, 0) >= SET_PHRASE_COUNT


# A portal's labels come back on each of its pages: each is read against the dictionary once.
@memo(4096)
def holds_a_word(name: str) -> bool:
    """Some two or more of its characters make a common word (便民服务: 服务; 政民互动: 互动).

    A portal's labels are built of words; a made-up name (聚贤庄, 鸿发坊) holds none."""
    counts = word_counts()
    return any(
        counts.get(name[start:end], 0) >= COMMON_COUNT
        for start in range(len(name) - 1)
        for end in range(start + 2, len(name) + 1)
    )
