"""Page metadata of a report: title, reporting body, region, year, dates and numbers.

Input is every visible line of the page in document order, already in Simplified script
(the script stage converts Traditional pages before this one). Rules follow spec §8; the
patterns are data at the top so a new label or title variant is a one-line change.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from extract.chars import HAN, HAN_RANGE
from extract.gazetteer import LEVEL_SUFFIXES, TOWNSHIP_SUFFIXES
from extract.recognize import (
    PERIOD_RE,
    TitleParts,
    compact,
    distinct_reports,
    may_hold_title,
    parse_title,
    strip_site_suffix,
)
from extract.sections import heading_number

# --- patterns (data) -------------------------------------------------------------------

FIRST_SENTENCE_YEAR_RE = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})\s*年")

# Word lists stay compact: one entry per line would bury the rules.
# fmt: off
# Metadata-block labels by field, in priority order (§8.1). Fields named "other" only
# mark where the previous value ends on a line holding several "label: value" pairs.
METADATA_LABELS: dict[str, tuple[str, ...]] = {
    "index_number": ("索引号",),
    "publisher": ("发布机构", "发文机关", "信息来源", "来源", "作者"),
    "document_number": ("发布文号", "发文字号", "文号"),
    "published_on": ("发布日期", "发布时间", "发文日期", "成文日期", "生成日期", "时间", "日期"),
    "title": ("信息名称", "名称", "标题"),
    "other": (
        "公开目录", "主题分类", "组配分类", "体裁分类", "分类", "主题导航", "主题词", "关键词",
        "有效性", "是否有效", "时效", "文件下载", "附件", "公开方式", "公开范围", "公开时限",
        "浏览次数", "点击数", "所属机构", "所属主题",
    ),
}
# Body lines are long; a metadata line is short even when it holds four pairs.
METADATA_MAX_LINE = 160

DATE_RE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})")
# CMS article paths carry the posting date: /201803/t20180322_123.html, /art/2018/3/22/…
URL_DATE_RE = re.compile(r"/t?(?P<y>20\d{2})[/-]?(?P<m>[01]?\d)[/-]?(?P<d>[0-3]?\d)(?=[/_.])")

# Brand-for-place swaps (§8.4): a name holding these words is not a place.
CASINO_WORDS = ("娱乐", "娛樂", "官网", "官方网站", "入口", "棋牌", "彩票", "博彩", "真人", "平台")

# One administrative segment; a name is one or more of them ("济南市历下区").
# 州 is not a suffix when 市/县/区/省 follows (杭州市, 贵州省).
# 地区 is left to the prefix and 区, and 苏木 is not read as a township here: both as before
# the suffixes were shared, so that the same regions are found.
_PLACE_ENDINGS = [
    "州(?![市县区省])" if suffix == "州" else suffix
    for suffix in (*LEVEL_SUFFIXES, *TOWNSHIP_SUFFIXES)
    if suffix not in ("地区", "苏木")
]
PLACE_SEGMENT_RE = re.compile(f"{HAN}{{1,8}}?(?:{'|'.join(_PLACE_ENDINGS)})")
# Segments the pattern accepts that are not place names.
NOT_PLACE_SEGMENTS = (
    "城乡", "城市", "社区", "园区", "景区", "小区", "城区", "辖区", "市区", "县区", "全市", "全县",
    "全区", "全省", "本市", "本县", "本区", "我市", "我县", "我区", "各区", "各县", "该市", "该县",
)
# Name endings of a reporting body (government, office, department, agency).
ORGAN_SUFFIXES = (
    "人民政府", "政府", "办公厅", "办公室", "办事处", "委员会", "管委会", "局", "厅", "委", "署",
    "办", "中心", "院", "所", "站", "队", "会",
)
# A bare place in a title names its government: 包头市 → 包头市人民政府.
GOVERNMENT_OF_PLACE = {"街道": "办事处"}  # default suffix: 人民政府
# "由包头市人民政府办公厅…编制": the office that compiled a government's report.
COMPILER_RE = re.compile(
    f"由(?P<name>[{HAN_RANGE}·]{{2,30}}?)(?:综合|汇总|根据|在|负责|牵头|组织|编制|编写)"
)
OFFICE_SUFFIX_RE = re.compile(r"(?<=政府)(?:办公厅|办公室)$")
# The date under a signature: "2018年3月", "二〇一八年三月二十二日".
_NUMERAL = "一二三四五六七八九十"
SIGNATURE_DATE_RE = re.compile(
    rf"^[\d〇○零{_NUMERAL}]{{4}}年[\d{_NUMERAL}]{{1,2}}月(?:[\d{_NUMERAL}]{{1,3}}日)?$"
)
SIGNATURE_DATE_ENDS = ("月", "日")
# fmt: on


@dataclass(frozen=True)
class PageMetadata:
    """What the page says about itself; None where it does not say (or says a brand)."""

    title: str | None = None
    agency: str | None = None
    region: str | None = None
    year: int | None = None  # the year reported on, not the year published
    published_on: str | None = None  # ISO yyyy-mm-dd
    index_number: str | None = None
    document_number: str | None = None
    publisher: str | None = None  # the 发布机构 as printed, often an abbreviation
    year_source: str | None = None  # "period", "title", "first_sentence", "published"
    flags: tuple[str, ...] = ()


# --- title -----------------------------------------------------------------------------


def _title_candidates(stripped: Sequence[str]) -> list[str]:
    """Report titles printed on the page, from its lines stripped of surrounding spaces."""
    found: list[str] = []
    previous = ""  # the last line with text
    for line in stripped:
        if not line:
            continue
        if may_hold_title(line):  # most lines of a report's text are passed over here
            text = compact(line)
            parts = parse_title(text) if len(text) <= 80 else None
            if parts:
                before = compact(previous)
                if not parts.body and _looks_like_body(before) and place_of(before):
                    found.append(before + text)  # seed 004: "诸城市人民政府" / "2017年…年度报告"
                else:
                    found.append(text)
        previous = line
    return found


def _pick_title(on_page: list[str], from_html: str | None) -> str | None:
    """The on-page title <title> agrees with, else the first that names its body.

    List pages and related-article boxes also print report titles; where the page
    shows several different ones, only <title> can tell which is the page's own.
    """
    if from_html and from_html in on_page:
        return from_html
    if distinct_reports(on_page) > 1:
        return from_html  # several reports' titles: a list page, not one report
    for title in [*on_page, from_html]:
        if title and (parts := parse_title(title)) and parts.body:
            return title
    return on_page[0] if on_page else from_html


# --- metadata block --------------------------------------------------------------------

_FIELD_OF_LABEL = {label: field for field, labels in METADATA_LABELS.items() for label in labels}
_LABEL_RE = re.compile(
    "(?P<label>"
    + "|".join(
        # A two-character label ("时间", "来源") must not be the tail of a word.
        (f"(?<!{HAN})" if len(label) <= 2 else "") + r"\s*".join(label)
        for label in sorted(_FIELD_OF_LABEL, key=len, reverse=True)
    )
    + r")\s*[:：]"
)
_LABEL_LAST_CHARS = "".join(sorted({label[-1] for label in _FIELD_OF_LABEL}))
# Every pair ends in a label's last character and a colon: one scan turns away the prose
# lines that hold a colon but no label, before the long pattern above is tried.
_LABEL_END_RE = re.compile(rf"[{_LABEL_LAST_CHARS}]\s*[:：]")
# A label alone on its line ends it, maybe followed by colons.
_LONE_LABEL_ENDS = frozenset(_LABEL_LAST_CHARS + ":：")


def _lone_label(line: str) -> str | None:
    """The label a stripped line holds alone ("发布机构:", "发 布 机 构"), or None."""
    if line[-1:] not in _LONE_LABEL_ENDS:
        return None  # told without compacting the line
    label = compact(line).rstrip(":：")
    return label if label in _FIELD_OF_LABEL else None


def _labelled_values(stripped: Sequence[str]) -> dict[str, str]:
    """First value per label from "label: value" pairs and label-then-value lines.

    `stripped` holds the page's lines without surrounding spaces.
    """
    values: dict[str, str] = {}
    for index, line in enumerate(stripped):
        if not line or len(line) > METADATA_MAX_LINE:
            continue
        lone = _lone_label(line)
        if lone:  # label on its own line, value on the next non-blank one
            following = next((s for s in stripped[index + 1 :] if s), "")
            is_label = _lone_label(following) or _LABEL_RE.match(following)
            values.setdefault(lone, "" if is_label else following)
            continue
        if (":" not in line and "：" not in line) or not _LABEL_END_RE.search(line):
            continue  # no "label: value" pair
        matches = list(_LABEL_RE.finditer(line))
        for index_on_line, match in enumerate(matches):
            # A value runs to the next label on the same line ("索引号: … 公开目录: …").
            after = matches[index_on_line + 1].start() if index_on_line + 1 < len(matches) else len(line)
            values.setdefault(compact(match["label"]), line[match.end() : after].strip())
    return values


def _url_date(url: str) -> str | None:
    for match in URL_DATE_RE.finditer(urlsplit(url).path):
        if date := _iso_date(match):
            return date
    return None


def _iso_date(match: re.Match[str] | None) -> str | None:
    if not match:
        return None
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
    except ValueError:
        return None


def _field_value(field: str, value: str) -> str | None:
    """The value cleaned for its field, or None when it does not fit the field."""
    # Unknown labels may follow a value on the same line; values themselves have no spaces.
    token = value.split()[0] if value.split() else None
    if not token:
        return None
    if field == "published_on":
        return _iso_date(DATE_RE.search(value))
    if field == "index_number":
        return token if re.search(r"\d", token) else None
    if field == "publisher":  # skips CMS codes such as "来源: SRC-122"
        return token if len(re.findall(HAN, token)) >= 2 else None
    if field == "title":
        return compact(value)
    return token


def _field(values: dict[str, str], field: str) -> str | None:
    """First fitting value over the field's labels, in their priority order."""
    for label in METADATA_LABELS[field]:
        if label in values and (cleaned := _field_value(field, values[label])):
            return cleaned
    return None


# --- reporting body and region ---------------------------------------------------------


def is_casino_name(name: str) -> bool:
    return any(word in name for word in CASINO_WORDS)


def place_of(name: str) -> str | None:
    """Leading administrative place of a name (包头市人民政府办公厅 → 包头市), or None."""
    end = 0
    while match := PLACE_SEGMENT_RE.match(name, end):
        if match[0] in NOT_PLACE_SEGMENTS:
            break
        end = match.end()
    return name[:end] or None


def _looks_like_body(text: str) -> bool:
    return (
        2 <= len(text) <= 30
        and bool(re.fullmatch(f"[{HAN_RANGE}·]+", text))
        and (text.endswith(ORGAN_SUFFIXES) or place_of(text) == text)
    )


def _government_of(place: str) -> str:
    return place + next((s for end, s in GOVERNMENT_OF_PLACE.items() if place.endswith(end)), "人民政府")


def _signature(stripped: Sequence[str]) -> str | None:
    """ "诸城市人民政府" followed by "2018年3月" near the end of the report."""
    texts = [line for line in stripped if line]
    for index in range(len(texts) - 1, 0, -1):  # pairs of neighbours, the last pair first
        # The date ends in 月 or 日: nearly every line is passed over without compacting it.
        if not texts[index].endswith(SIGNATURE_DATE_ENDS):
            continue
        name, date = compact(texts[index - 1]), compact(texts[index])
        if SIGNATURE_DATE_RE.match(date) and _looks_like_body(name) and place_of(name):
            return name
    return None


def _agency_candidates(
    title_body: str, joined: str, stripped: Sequence[str], publisher: str | None
) -> list[str]:
    """Reporting-body names in priority order (§8.4), from the page's lines joined and stripped."""
    found: list[str] = []
    if title_body and place_of(title_body) == title_body:
        government = _government_of(title_body)
        # Only a body the page names. A place name has no spaces: printed without any, it is
        # found without compacting the page.
        if government in joined or government in compact(joined):
            found.append(government)
    elif title_body.endswith(ORGAN_SUFFIXES):
        found.append(title_body)
    if signature := _signature(stripped):
        found.append(signature)
    compiler = COMPILER_RE.search(joined)
    for name in (compiler["name"] if compiler else None, publisher):
        if name and place_of(name):  # "市人民政府办公厅" alone does not say which city
            found.append(OFFICE_SUFFIX_RE.sub("", name))
    return found


# --- the stage -------------------------------------------------------------------------


def _reporting_year(
    lines: Sequence[str], joined: str, title: TitleParts | None, published_on: str | None
) -> tuple[int | None, str | None, list[str]]:
    flags: list[str] = []
    period = PERIOD_RE.search(joined)
    if period and title and int(period["year"]) != title.year:
        flags.append("year_title_period_mismatch")
    if period:
        return int(period["year"]), "period", flags
    if title:
        return title.year, "title", flags
    section_one = next((index for index, line in enumerate(lines) if heading_number(line) == 1), None)
    if section_one is not None:  # the first sentence of section 一 (§8.3 priority 3)
        following = next((s for s in lines[section_one + 1 :] if s.strip()), "")
        if match := FIRST_SENTENCE_YEAR_RE.match(following.split("。")[0]):
            return int(match["year"]), "first_sentence", flags
    if published_on:
        return int(published_on[:4]) - 1, "published", flags + ["year_from_publication_date"]
    return None, None, flags


def read_metadata(lines: Sequence[str], html_title: str | None, url: str) -> PageMetadata:
    """Metadata of one page; `url` supplies the posting date when the page prints none."""
    # Several readers below look at every line without surrounding spaces, or at the whole page.
    stripped = [line.strip() for line in lines]
    joined = "\n".join(lines)
    values = _labelled_values(stripped)
    from_html = strip_site_suffix(html_title) if html_title else None
    on_page = _title_candidates(stripped)
    labelled_title = _field(values, "title")
    if labelled_title and parse_title(labelled_title):
        on_page.append(labelled_title)
    title = _pick_title(on_page, from_html)
    parts = parse_title(title) if title else None

    flags: list[str] = []
    published_on = _field(values, "published_on")
    if published_on is None and (published_on := _url_date(url)):
        flags.append("published_from_url")
    year, year_source, year_flags = _reporting_year(lines, joined, parts, published_on)
    flags += year_flags
    if year and published_on and not f"{year + 1}-01-01" <= published_on <= f"{year + 1}-03-31":
        flags.append("published_outside_window")

    publisher = _field(values, "publisher")
    candidates = _agency_candidates(parts.body if parts else "", joined, stripped, publisher)
    if (parts and is_casino_name(parts.body)) or any(is_casino_name(c) for c in candidates):
        flags.append("body_unreliable")  # a brand replaced the place name (§8.4)
    trusted = [c for c in candidates if not is_casino_name(c)]
    title_place = place_of(parts.body) if parts and not is_casino_name(parts.body) else None
    if title_place:  # another body's name (a quoted notice, a portal) is not this one's
        trusted = [c for c in trusted if place_of(c) == title_place]
    agency = trusted[0] if trusted else None
    region = place_of(agency) if agency else title_place
    return PageMetadata(
        title=title,
        agency=agency,
        region=region,
        year=year,
        published_on=published_on,
        index_number=_field(values, "index_number"),
        document_number=_field(values, "document_number"),
        publisher=publisher,
        year_source=year_source,
        flags=tuple(flags),
    )
