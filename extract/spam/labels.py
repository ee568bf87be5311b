"""A made-up name written into a portal's parallel labels: 地方X, 部门X, 区（县）X.

A phrase swap on a portal page writes one name over an ordinary word wherever the word
stands, and on a portal that word stands mostly in short labels: the navigation, the
headings of link lists, the names of columns (政府信息公开, 政府信息公开指南, 政府信息公开制度).
The name then comes back as the same unit in several different labels, which is how the
portal's own words behave too, so the unit must also be foreign to the page: no word of
the language, no place, no body the page names (恩格贝生态示范区 makes 恩格贝 a place),
nothing a statistics table counts (申请数, 答复数), not Traditional on a Simplified page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ..caches import loaded, memo
from ..chars import HAN, is_chinese
from ..model import SpamFinding
from .candidates import shared_context
from .evidence import heads_a_document_number
from .fold import to_simplified
from .shape import is_latin_label, load_shapes
from .slots import body_ends, is_foreign_name
from .words import (
    COMMON_COUNT,
    cuts_a_word,
    ends_like_a_channel,
    head_of_a_brand_word,
    in_report_labels,
    is_a_name_before_a_brand_word,
    is_made_of_words,
    report_words,
    word_counts,
)

# Labels are short; a sentence that holds the name is prose, read by extract/spam/phrases.py.
MAX_LABEL_CHARS = 12
MIN_LABELS = 3  # distinct labels holding the same unit
SEED_CHARS = 3
MAX_NAME_CHARS = 8
MIN_POLICY_WORD = 3  # characters of a report word a unit may be a piece of
LABEL_SCORE = 2.0  # as strong as a phrase swap in sentences: the same evidence, in labels
_HAN_SEED = re.compile(f"{HAN}{{{SEED_CHARS}}}")
# A Latin name at a label's start or end (地方s77, 部门s77) is a seed of its own.
# The whole run, as long as a label may be: a name in pinyin is longer than in characters
# (地方huangguan).
_LATIN_HEAD = re.compile(f"[A-Za-z0-9]{{2,{MAX_LABEL_CHARS}}}(?![A-Za-z0-9])")
_LATIN_TAIL = re.compile(f"(?<![A-Za-z0-9])[A-Za-z0-9]{{2,{MAX_LABEL_CHARS}}}\\Z")
# How far a body's ending may follow its name (恩格贝生态示范区: four characters between).
MAX_BODY_GAP = 4
_LEVELS = tuple("省市县区旗")


def _cuts_a_word(name: str, where: list[tuple[str, int]]) -> bool:
    """A unit that starts or ends inside a word of its label (个人注册 → 人注册) is no name."""
    return any(cuts_a_word(label, at) or cuts_a_word(label, at + len(name)) for label, at in where)


def _in_a_report_word(name: str, where: list[tuple[str, int]]) -> bool:
    """A unit that overlaps a word of today's reports in one of its labels (河湖长 of 河湖长制,
    办实事 of 我为群众办实事) is a piece of that word, no name. Two characters say too little
    (微博, 快手 stand in names too)."""
    policy_words = _policy_words()
    for label, at in where:
        for match in policy_words.finditer(label):
            if match.start() < at + len(name) and at < match.end():
                return True
    return False


@loaded()
def _policy_words() -> re.Pattern[str]:
    """The report words of MIN_POLICY_WORD characters or more, longest first, as one pattern."""
    words = sorted((w for w in report_words() if len(w) >= MIN_POLICY_WORD), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _names_a_body(name: str, corpus: str) -> bool:
    """The page writes the unit before a body's ending (恩格贝生态示范区, X管委会): a place."""
    ends = (*body_ends(), *_LEVELS)
    at = corpus.find(name)
    while at != -1:
        after = corpus[at + len(name) : at + len(name) + MAX_BODY_GAP + 4]
        for gap in range(MAX_BODY_GAP + 1):
            if not is_chinese(after[:gap]):
                break
            if after.startswith(ends, gap):
                return True
        at = corpus.find(name, at + len(name))
    return False


def is_foreign_unit(name: str, corpus: str) -> bool:
    shapes = load_shapes()
    if len(name) > MAX_NAME_CHARS or not is_chinese(name):
        return False
    # 黄先生, 钟女士: the person a notice names as its contact.
    if name.endswith(shapes.honorifics):
        return False
    # 朗人大〔2020〕05号: the short name of a document's issuer, its number's prefix.
    if heads_a_document_number(corpus, name):
        return False
    # 公告栏, 申请数: a channel's or a count's; 鹏程万里 ends in 里, no channel's end.
    if ends_like_a_channel(name, shapes.channel_things + shapes.count_nouns) or shapes.platform.search(name):
        return False
    if not is_foreign_name(name) or to_simplified(name) != name:
        return False
    # The dictionary and the page's bodies last: most units stop above. Words before where in
    # a channel (建设中, 规定时限内) are a phrase; 鹏程万里 holds no words before its 里. Words
    # before a brand word are a name (星空体育, 天天彩票) unless reports put them there (群众体育,
    # 福利彩票) or they name a place (广东体育).
    if is_a_name_before_a_brand_word(name) and is_foreign_name(head_of_a_brand_word(name) or ""):
        return not _names_a_body(name, corpus)
    if is_made_of_words(name) or in_report_labels(name):
        return False
    particle = next((p for p in shapes.channel_particles if name.endswith(p)), "")
    if particle and is_made_of_words(name.removesuffix(particle)):
        return False
    return not _names_a_body(name, corpus)


_LATIN_RUN = re.compile("[A-Za-z0-9]+")


def _is_label_sized(line: str) -> bool:
    """Short enough for a label, a Latin run counting as one character: a name in pinyin takes
    more letters than its characters (区（县）huangguan)."""
    if SEED_CHARS <= len(line) <= MAX_LABEL_CHARS:
        return True
    return (
        MAX_LABEL_CHARS < len(line) <= 2 * MAX_LABEL_CHARS
        and len(_LATIN_RUN.sub("a", line)) <= MAX_LABEL_CHARS
    )


def _line_starts(labels: list[str]) -> list[int]:
    starts, at = [], 0
    for label in labels:
        starts.append(at)
        at += len(label) + 1
    return starts


def label_names(lines: Sequence[str], corpus: str) -> list[str]:
    """Made-up names that at least MIN_LABELS different short labels of the page share."""
    # In the page's order: a set's order varies between processes, and so would the names found.
    labels = list(dict.fromkeys(label for label in map(str.strip, lines) if _is_label_sized(label)))
    # The shared unit touches a label's start or end in most labels (地方X, X指南): seeds are
    # read there alone, so a page's hundreds of labels cost two lookups each (in C).
    seeded: dict[str, dict[str, None]] = defaultdict(dict)
    for label in labels:
        if _HAN_SEED.fullmatch(head := label[:SEED_CHARS]):
            seeded[head][label] = None
        if _HAN_SEED.fullmatch(tail := label[-SEED_CHARS:]):
            seeded[tail][label] = None
        for latin in _latin_edges(label):
            seeded[latin][label] = None
    found: list[str] = []
    # Each label holding a seed holds it once at least: fewer occurrences in all the labels
    # than MIN_LABELS is counted in C, before the labels are walked.
    all_labels = ""
    for seed, holders in seeded.items():
        if len(holders) < 2:
            continue
        all_labels = all_labels or "\n".join(labels)
        if all_labels.count(seed) < MIN_LABELS:
            continue
        holding = [label for label in labels if seed in label]
        if len(holding) < MIN_LABELS:
            continue
        # The labels as one text, each on its own line: a line break ends what they share.
        joined = "\n".join(holding)
        starts = [joined.index(seed, at) for at in _line_starts(holding)]
        before = shared_context(joined, starts, len(seed), -1)
        name = before + seed + shared_context(joined, starts, len(seed), 1)
        if name in found or any(name in other for other in found):
            continue
        where = [(label, label.find(name)) for label in holding]
        if _cuts_a_word(name, where) or _in_a_report_word(name, where):
            continue
        # 政府X when every label wrote 政府 before the name: X is what must be foreign.
        name = _without_word_head(name)
        foreign = is_latin_label(name) if name.isascii() else is_foreign_unit(name, corpus)
        if name not in found and foreign:
            found.append(name)
    return found


@memo(4096)
def _latin_edges(label: str) -> tuple[str, ...]:
    """Latin names (letters with digits: s77, k8) opening or closing a Chinese label.
    Remembered: a portal's menus give every page the same labels."""
    edges = []
    if label[0].isascii() and (head := _LATIN_HEAD.match(label)) and head.end() < len(label):
        edges.append(head[0])
    if label[-1].isascii() and (tail := _LATIN_TAIL.search(label)) and tail.start() > 0:
        edges.append(tail[0])
    return tuple(edge for edge in edges if is_latin_label(edge))


def _without_word_head(name: str) -> str:
    """政府X when every label wrote 政府 before the name: the name is X."""
    counts = word_counts()
    while (
        len(name) - 2 >= SEED_CHARS
        and counts.get(name[:2], 0) >= COMMON_COUNT
        and not is_made_of_words(name[2:])
    ):
        name = name[2:]
    return name


def label_finding(name: str, count: int) -> SpamFinding:
    evidence = f"{name} ×{count}, one unit in several labels; no word, place or body"
    return SpamFinding("phrase_swap", evidence, "removed", LABEL_SCORE)
