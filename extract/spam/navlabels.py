"""A made-up name written over a link's label, told by the link itself: 聚贤庄 on …/zwxx/.

A phrase swap over 政务公开 or 信息公开 on a portal page lands mostly in the navigation,
where no sentence surrounds the name. The link still says what stood there:

- its path: portals name their sections by the pinyin initials of the label (zwgk
  政务公开, xxgk 信息公开, ndbg 年度报告). Where most of the page's labels are spelled by
  their links' slugs (the page is read for this, no list of slugs), a label that is no
  word, place or body, under a slug of initials that spells something else, is a suspect;
- its query: a search link carries its own words (searchWord=创新发展); a label that
  differs from them by one replaced span (创新满堂红) gives both the name and the word;
- its twin: the same address under another label on the page (one menu swapped, the
  other not) gives the name and the word the same way. One list giving one address two
  labels, and the topics' index (/ztzl/) under each topic's name, are the portal's own.

With the site's name in the title (extract/spam/sitename.py) these are clues, each weak:
one alone flags nothing (a portal may label one link oddly), and several names with one
clue each flag nothing either (a portal that renamed its columns to slogans). A name a clue
points at and that the page writes in two places or more, or that two kinds of clue point
at, is a swap; a menu printed twice (header and footer) is one place.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import SplitResult, parse_qsl, urlsplit

from lxml import etree

from ..caches import loaded, memo
from ..chars import HAN_RANGE, is_chinese, is_han
from ..model import SpamFinding
from .called import is_called_brand
from .fold import nfkc
from .labels import is_foreign_unit
from .names import BrandRepair
from .numbered import is_number_led_name
from .shape import holds_a_brand_word, is_acronym, is_latin_label, load_shapes
from .sitename import is_foreign_set_phrase, replaced_span, site_names, title_swap
from .slots import footer_lines
from .words import holds_a_word

MIN_LABEL_CHARS, MAX_LABEL_CHARS = 2, 12
# Chinese, and the Latin and digits a brand's name may hold (k8vip, ｍｋ体育).
_LABEL = re.compile(f"[{HAN_RANGE}A-Za-z0-9０-９Ａ-Ｚａ-ｚ]{{{MIN_LABEL_CHARS},{MAX_LABEL_CHARS}}}")
# Two characters are too often a word the dictionary counts rarely (简体).
MIN_NAME_CHARS, MAX_NAME_CHARS = 3, 6
# The page reads as named by initials when this many of its labels are spelled by their slugs,
# and a label's own list when this many of its other labels are, and at least this share.
MIN_SPELLED_LABELS = 4
MIN_SPELLED_IN_MENU = 2
MIN_SPELLED_SHARE = 0.5
# A slug of pinyin initials has at most this many vowels (an initial is a vowel only for the
# few syllables without a consonant: 安 a, 二 e); English and full pinyin (index, guoqing) have more.
MAX_SLUG_VOWELS = 1
MIN_PREFIX = 4  # initials that spell a slug's head: fewer say too little
_SLUG = re.compile(r"[a-z]{2,8}")
CLUE_SCORE = 1.0  # one clue alone: as weak as a lone brand word in the title
SWAP_SCORE = 2.0  # a clue the page confirms: a swap, as strong as a phrase swap in sentences
MIN_PLACES = 2
# One menu swapped and another not gives an address two or three labels; an address under many
# (every item of a list pointing to one page) says nothing, and would be read pair by pair.
MAX_TWIN_LABELS = 6
_SENTENCE_MARKS = re.compile("[，。；！？]")


@dataclass(frozen=True)
class PageLink:
    label: str
    href: str
    menu: int  # which list the link stands in: links of one <ul> or table row share it


@dataclass
class _Suspect:
    clues: list[tuple[str, str]] = field(default_factory=list)  # (kind of clue, where it saw the name)
    originals: list[str] = field(default_factory=list)  # what the page says stood there


def page_links(tree: etree._Element) -> tuple[PageLink, ...]:
    """The page's links whose label is a short Chinese text, with their addresses."""
    links = []
    menus: dict[etree._Element | None, int] = {}
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        if not href:
            continue
        label = ("".join(anchor.itertext()) if len(anchor) else anchor.text or "").strip()
        if _LABEL.fullmatch(label):
            # <ul><li><a>, <tr><td><a>: the list is the link's grandparent.
            parent = anchor.getparent()
            menu = menus.setdefault(parent.getparent() if parent is not None else None, len(menus))
            links.append(PageLink(label, href.strip(), menu))
    return tuple(links)


def _split(href: str) -> SplitResult | None:
    try:
        return urlsplit(href)
    except ValueError:
        return None  # http://[x: no address at all, so no clue


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_REMOVED_BY_URLSPLIT = str.maketrans("", "", "\t\r\n")


def path_of(href: str) -> str:
    """urlsplit(href).path, read with string methods: a portal's page holds hundreds of links,
    and urlsplit builds a whole result for each. An address in brackets (IPv6) is urlsplit's."""
    if "[" in href:
        address = _split(href)
        return address.path if address else ""
    href = href.translate(_REMOVED_BY_URLSPLIT).lstrip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
        "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
    )
    href = href.split("#", 1)[0].split("?", 1)[0]
    if scheme := _SCHEME.match(href):
        href = href[scheme.end() :]
    if href.startswith("//"):
        slash = href.find("/", 2)
        return "" if slash == -1 else href[slash:]
    return href


def is_made_up(name: str, corpus: str) -> bool:
    """No word, place or body, and no word inside: a label of the portal's own is built of words."""
    return _could_be_a_name(name) and (is_called_brand(name) or is_foreign_unit(name, corpus))


@memo(4096)
def _could_be_a_name(label: str) -> bool:
    """What a made-up name must be, read from the dictionary alone (cheap, before the page):
    a name holding no word, or one calling the reader in whatever it holds (X视频直播).
    Remembered: a portal's menus give every page the same labels."""
    if not MIN_NAME_CHARS <= len(label) <= MAX_LABEL_CHARS:
        return False
    return (_is_name_sized(label) and not holds_a_word(label)) or is_called_brand(label)


def _is_name_sized(name: str) -> bool:
    """No longer than a made-up name: a name in pinyin takes more letters than its characters
    (huangguan, xinpujing), as many as a label may hold."""
    return len(name) <= MAX_NAME_CHARS or (len(name) <= MAX_LABEL_CHARS and is_latin_label(name))


@memo(4096)
def _initials(label: str) -> str:
    from pypinyin import Style, lazy_pinyin  # loaded only on pages named by initials

    # Lower case, as slugs are read: DRG付费 is drgff under /drgff/.
    return "".join(lazy_pinyin(label, style=Style.FIRST_LETTER)).lower()


@memo(4096)
def _initial_slugs(href: str) -> tuple[str, ...]:
    """The path's parts shaped like pinyin initials: /10462/wza2012/zwxx/zwxx.shtml → zwxx.

    Remembered: a portal's menus give every page the same addresses, and a page reads each
    link's address for more than one clue."""
    parts = (part.rsplit(".", 1)[0].lower() for part in path_of(href).split("/"))
    not_initials = load_shapes().cms_slugs
    return tuple(
        part
        for part in parts
        if _SLUG.fullmatch(part)
        and sum(part.count(v) for v in "aeiou") <= MAX_SLUG_VOWELS
        and part not in not_initials
    )


def _slug_clues(links: Sequence[PageLink], corpus: str, suspects: dict[str, _Suspect]) -> None:
    # A portal's labels are built of words: most pages hold no other label and stop here,
    # before any address is split or pypinyin spells any label (most of this clue's cost).
    # The dictionary first, then the address, then the page's places and bodies. A page with
    # fewer links than the spelled labels the clue needs is not read at all.
    if len(links) < MIN_SPELLED_LABELS:
        return
    # A menu repeats its labels (the same item in the header and the footer): each is read once.
    shaped = {label for label in {link.label for link in links} if _could_be_a_name(label)}
    under_slugs = {link.label for link in links if link.label in shaped and _initial_slugs(link.href)}
    names = {label for label in under_slugs if _is_shaped_as_a_brand(label) or is_foreign_unit(label, corpus)}
    columns = _column_swaps(links, corpus)
    if not names and not columns:
        return
    slugged = [(link, slugs) for link in links if (slugs := _initial_slugs(link.href))]
    candidates = [(link, slugs) for link, slugs in slugged if link.label in names or link in columns]
    if len(slugged) < MIN_SPELLED_LABELS:
        return

    def is_spelled(link: PageLink, slugs: tuple[str, ...]) -> bool:
        spelled = _initials(link.label)
        # A slug may go on past the label (不忘初心 under /bwcxljsm/, 不忘初心牢记使命).
        return any(
            slug == spelled or (len(spelled) >= MIN_PREFIX and slug.startswith(spelled)) for slug in slugs
        )

    menus: dict[int, list[tuple[PageLink, tuple[str, ...]]]] = defaultdict(list)
    for link, slugs in slugged:
        menus[link.menu].append((link, slugs))
    page_spelled: set[str] | None = None
    topics = load_shapes().topic_slugs
    for link, slugs in candidates:
        column = columns.get(link)
        if column is None and (is_spelled(link, slugs) or topics.intersection(slugs)):
            continue  # a topic column's label is its topic (不忘初心 under /ztzl/), no section's
        others = [(other, s) for other, s in menus[link.menu] if other.label != link.label]
        in_menu = sum(is_spelled(other, s) for other, s in others)
        if in_menu < MIN_SPELLED_IN_MENU or in_menu < MIN_SPELLED_SHARE * len(others):
            continue  # a list its slugs do not spell: a list of people, of projects
        if page_spelled is None:
            page_spelled = {other.label for other, s in slugged if is_spelled(other, s)}
        if len(page_spelled) < MIN_SPELLED_LABELS:
            continue
        if column is not None:
            # Two facts: the slug does not spell the label, and it spells a column's name
            # the label is not, which says what stood there.
            name, word, column_name = column
            suspects[name].clues.append(("slug", f"link label over /{slugs[-1]}/"))
            suspects[name].clues.append(("column", f"/{slugs[-1]}/ spells the column {column_name}"))
            suspects[name].originals.append(word)
            continue
        suspects[link.label].clues.append(("slug", f"link label over /{slugs[-1]}/"))
        if _is_shaped_as_a_brand(link.label):
            # 188bet, 凤凰视频直播: shaped as a brand whatever the menu around it, a second clue.
            suspects[link.label].clues.append(("shape", "shaped as a brand"))


@loaded()
def _columns_by_initials() -> dict[str, tuple[str, ...]]:
    """The columns every portal has, by the slug of their initials (zfxxgk: 政府信息公开)."""
    columns: dict[str, list[str]] = defaultdict(list)
    for column in load_shapes().columns:
        columns[_initials(column)].append(column)
    return {slug: tuple(names) for slug, names in columns.items()}


@loaded()
def _column_bigrams() -> frozenset[str]:
    """Every two characters in a row of a column's name: the words a portal renames them with."""
    return frozenset(column[at : at + 2] for column in load_shapes().columns for at in range(len(column) - 1))


def _shares_a_column_word(label: str) -> bool:
    bigrams = _column_bigrams()
    return any(label[at : at + 2] in bigrams for at in range(len(label) - 1))


@memo(4096)
def _outside_the_columns(label: str) -> bool:
    """Some characters in a row of the label, as many as a name's fewest, share no two with a
    column's name: 政府吉祥如意 holds 吉祥如意; 阳光政务, 政府信息公开年报 hold none."""
    bigrams = _column_bigrams()
    run = 1
    for at in range(len(label) - 1):
        run = 1 if label[at : at + 2] in bigrams else run + 1
        if run >= MIN_NAME_CHARS:
            return True
    return False


def _over_a_column(label: str, slug: str, corpus: str) -> tuple[str, str, str] | None:
    """(name, word, column) where `label`, over the slug of a column every portal has, is that
    column's name with a made-up name over some of its words (政府吉祥如意 over /zfxxgk/,
    政府信息公开) or over all of them (万家灯火 over /zwgk/, 政务公开)."""
    for column in _columns_by_initials().get(slug, ()):
        name, word, _, _ = replaced_span(label, column)
        if word and is_number_led_name(name):
            return name, word, column  # 9游会 over /zwgk/
        if (
            word
            and is_chinese(name)
            and MIN_NAME_CHARS <= len(name) <= MAX_NAME_CHARS
            and not _shares_a_column_word(name)
            and (
                holds_a_brand_word(name)  # 开元棋牌 over 信息公开
                or is_called_brand(name)
                or is_foreign_unit(name, corpus)
                or is_foreign_set_phrase(name, corpus)
            )
        ):
            return name, word, column
    return None


def _column_swaps(links: Sequence[PageLink], corpus: str) -> dict[PageLink, tuple[str, str, str]]:
    """The links whose label is a name over a column's words, read from the label first: most
    labels are a column's words (新闻中心, 阳光政务) and no address is split for them."""
    swaps: dict[PageLink, tuple[str, str, str]] = {}
    read: dict[tuple[str, str], tuple[str, str, str] | None] = {}
    for link in links:
        named = is_chinese(link.label) or is_number_led_name(link.label)
        if not named or not _outside_the_columns(link.label):
            continue
        slugs = _initial_slugs(link.href)
        if not slugs:
            continue
        key = (link.label, slugs[-1])
        if key not in read:
            read[key] = _over_a_column(link.label, slugs[-1], corpus)
        if read[key] is not None:
            swaps[link] = read[key]
    return swaps


def _is_shaped_as_a_brand(label: str) -> bool:
    """A brand's shape (188bet, 凤凰视频直播, AG真人); an acronym before a word a portal labels
    with (RSS订阅) is not."""
    if label.isascii() and is_latin_label(label):
        return True  # s77 over /zwxx/: a name with a number, the whole label
    if not is_called_brand(label):
        return False
    latin = "".join(char for char in nfkc(label) if char.isascii() and char.isalnum())
    return not is_acronym(latin) or holds_a_brand_word(label)


def _replaced(label: str, words: str, corpus: str, may_hold_a_word: bool = False) -> tuple[str, str] | None:
    """(name, word) where `label` is `words` with a made-up name over one of its words.

    A search link's own query is written by the portal's software from the label it was
    given, so a label that differs from it is already odd: there the name may hold a word
    (金沙湾: 沙湾) as long as it is none. Two labels of one address differ on clean portals
    (首页, 网站首页), so there the name must hold no word at all.
    """
    name, word, head, tail = replaced_span(label, words)
    if not word or not is_chinese(word) or not MIN_NAME_CHARS <= len(name) <= MAX_LABEL_CHARS:
        return None
    # 创新九州官方网站 over 创新发展: a name calling the reader in, whatever it holds.
    called = is_called_brand(name)
    if not called and not _is_name_sized(name):
        return None
    if (
        not called
        and not (name.isascii() and is_latin_label(name))  # 创新m88 over 创新发展
        and not (is_foreign_unit(name, corpus) if may_hold_a_word else is_made_up(name, corpus))
    ):
        return None  # the name must be none
    if is_foreign_unit(word, corpus):
        return None  # the word must be one of the language
    return (name, word) if head + tail else (name, "")


def _query_clues(links: Sequence[PageLink], corpus: str, suspects: dict[str, _Suspect]) -> None:
    for link in links:
        if "?" not in link.href or "%" not in link.href and not any(map(is_han, link.href)):
            continue  # no words in the address
        address = _split(link.href)
        for _, value in parse_qsl(address.query if address else ""):
            if (
                value != link.label
                and is_chinese(value)
                and (found := _replaced(link.label, value, corpus, may_hold_a_word=True))
            ):
                suspects[found[0]].clues.append(("query", f"link label over its query {value}"))
                suspects[found[0]].originals += [found[1]] if found[1] else []


def _twin_clues(links: Sequence[PageLink], corpus: str, suspects: dict[str, _Suspect]) -> None:
    labels: dict[str, set[str]] = defaultdict(set)
    menus: dict[tuple[str, str], set[int]] = defaultdict(set)
    for link in links:
        labels[link.href].add(link.label)
        menus[link.href, link.label].add(link.menu)
    for href, named in labels.items():
        if not 2 <= len(named) <= MAX_TWIN_LABELS or href.startswith(("#", "javascript")):
            continue
        if load_shapes().topic_slugs.intersection(_initial_slugs(href)):
            continue  # the topics' index: 专题专栏 and each topic's slogan lead there
        for label in named:
            for other in named - {label}:
                if menus[href, label] & menus[href, other]:
                    continue  # one list giving one address two labels is the portal's own list
                if found := _replaced(label, other, corpus):
                    suspects[found[0]].clues.append(("twin", f"link label where the same link reads {other}"))
                    suspects[found[0]].originals += [found[1]] if found[1] else []


def _in_labels(line: str, token: str, original: str) -> str:
    """The line with `token` replaced, unless it is a sentence."""
    if token not in line or _SENTENCE_MARKS.search(line):
        return line
    return line.replace(token, original)


def _repeats(links: Sequence[PageLink], label: str) -> int:
    """How many of the links labelled `label` repeat an address another of them gives."""
    addresses = [link.href for link in links if link.label == label]
    return len(addresses) - len(set(addresses))


def link_swaps(
    title: str | None,
    lines: Sequence[str],
    text: str,
    links: Sequence[PageLink],
    meta: Mapping[str, str],
    footer: str | None = None,
) -> BrandRepair:
    """Names written over link labels or the title's site name: findings, and the page repaired.

    `footer`: the footer lines of this title and these lines, where the caller has them.
    """
    corpus = "\n".join([title or "", *lines])
    suspects: dict[str, _Suspect] = defaultdict(_Suspect)
    if links:
        _slug_clues(links, corpus, suspects)
        _query_clues(links, corpus, suspects)
        _twin_clues(links, corpus, suspects)
    # An untitled page has no site name in a title to swap: its footer is not read.
    if title:
        footer = footer_lines(corpus) if footer is None else footer
    if title and (swap := title_swap(title, site_names(meta, footer), corpus)):
        suspects[swap.token].clues.append(("title", f"title's site name {swap.site_name}"))
        suspects[swap.token].originals += [swap.original] if swap.original else []
    findings: list[SpamFinding] = []
    lines = list(lines)
    # The title is the corpus's first line. A menu the template prints twice (in the header
    # and the footer) says a label once. A label the phrase rule already cut from the lines
    # still stands in one place: its link.
    places = {token: max(1, corpus.count(token) - _repeats(links, token)) for token in suspects}
    kinds = {token: {kind for kind, _ in suspect.clues} for token, suspect in suspects.items()}
    lone = [token for token in suspects if places[token] < MIN_PLACES and len(kinds[token]) < 2]
    for token, suspect in suspects.items():
        # The word most clues tell; on a tie the first told (a set's order would vary by run).
        original = Counter(suspect.originals).most_common(1)[0][0] if suspect.originals else ""
        where = "; ".join(dict.fromkeys(clue for _, clue in suspect.clues))
        evidence = f"{token} ×{places[token]}: {where}" + (f"; the page says {original}" if original else "")
        if token in lone:
            # A swap writes one name. Several names each with a lone clue are the portal's own
            # way of labelling (columns renamed to slogans: 风清气正 over /lzjs/, 凝心聚力 over /tzgz/).
            clue_score = CLUE_SCORE if len(lone) == 1 else 0.0
            findings.append(SpamFinding("label_swap", evidence, "flagged", clue_score))
            continue
        findings.append(
            SpamFinding("label_swap", evidence, "replaced" if original else "removed", SWAP_SCORE)
        )
        if kinds[token] == {"slug"}:
            # The link alone tells the swap: its label is cut where the page writes it as a
            # label (menus, the breadcrumb); a sentence may name the column's topic
            # (我市深入推进风清气正工作，取得阶段性成效。) and is kept.
            lines = [_in_labels(line, token, original) for line in lines]
            text = "\n".join(_in_labels(line, token, original) for line in text.split("\n"))
            continue
        title = title.replace(token, original) if title else title
        lines = [line.replace(token, original) if token in line else line for line in lines]
        text = text.replace(token, original)
    return BrandRepair(title, lines, text, findings)
