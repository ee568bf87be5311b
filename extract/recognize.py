"""Is this page an annual disclosure report, and what does its title say?

Report columns also hold the notices that order the reports, explanatory companions
(解读, 图解), disclosure guides and news about the reports, all with titles full of the
same words. The title is the main signal (spec §8.2); the text decides only when the
title is missing or says nothing either way, and a report title only counts over a
page that has a body (a list page prints report titles too).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .chars import HAN

# --- patterns (data) -------------------------------------------------------------------

# The report kinds a title ends with (§8.2). FULL starts with 政府/政务; SHORT lets a
# year-first title keep 政府 in its body ("2017年X市人民政府信息公开…").
KIND_FULL = r"(?:政府|政务)(?:信息)?公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)"
KIND_SHORT = r"信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_TAIL = r"(?:\([^)]{0,12}\))?$"  # "(全文)", "(更正)" after the kind
# Tried in order; the first whose body passes `_plausible_body` wins.
TITLE_PATTERNS = tuple(
    re.compile(pattern)
    for pattern in (
        rf"^(?P<body>.+?){_YEAR}年度?(?P<kind>{KIND_FULL}|{KIND_SHORT}){_TAIL}",
        rf"^{_YEAR}年度?(?P<body>.*?)(?P<kind>{KIND_FULL}){_TAIL}",
        rf"^{_YEAR}年度?(?P<body>.*?)(?P<kind>{KIND_SHORT}){_TAIL}",
        rf"^(?P<body>.*?)(?P<kind>{KIND_FULL}|{KIND_SHORT})\({_YEAR}年度?\)$",
    )
)
KIND_RE = re.compile(f"{KIND_FULL}|{KIND_SHORT}")

# Between a title and the site name in <title>: "…年度报告_抚顺市人民政府".
SITE_SEPARATOR_RE = re.compile(r"\s*(?:[_|｜＿]|—+|-)\s*")

# Titles of pages about reports that are not reports: notices and rules (通知, 格式, 制度,
# 办法, 编制发布, 工作要点), companions (解读, 图解, 一图读懂), guides, news of meetings.
# fmt: off
REJECT_TITLE_WORDS = (
    "通知", "格式", "制度", "办法", "编制发布", "工作要点", "培训", "会议", "召开", "部署",
    "解读", "图解", "一图读懂", "指南", "通报",
)
# fmt: on

# A report title over a page without a body is a link to a report (a list page), unless
# the report is only an attachment.
MIN_BODY_CHARS = 100
_CHINESE_RUN = re.compile(HAN + "+")
ATTACHMENT_MARKERS = ("附件", "下载", ".pdf", ".doc", ".wps", ".xls")
# List items print a date or an ellipsis after the title.
LIST_ITEM_TAIL_RE = re.compile(r"(?:\.{2,}|…+)?\s*(?:\d{4}[-./]\d{1,2}[-./]\d{1,2})?\s*$")
# The last character of every report title: its kind ends in 报告 or 年报, or a bracket follows
# the kind ("(全文)", "(2017年度)"). Every pattern in TITLE_PATTERNS ends there, at `$`.
TITLE_LAST_CHARS = ("告", "报", ")")

# Statistical-period sentence (§8.3 priority 1); its start year is the reporting year.
PERIOD_RE = re.compile(
    r"统计(?:期限|时限|限期|时间段|时段|区间|周期|时间)[^。\d]{0,8}?"
    r"(?P<year>(?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日"
)
# Headings every era shares (§2.1, §3.1); a report has at least two of these groups.
REPORT_HEADING_GROUPS = (
    ("主动公开",),
    ("依申请公开", "收到和处理政府信息公开申请"),
    ("行政复议", "行政诉讼", "复议、诉讼"),
    ("存在的主要问题", "主要问题"),
)
HEADING_MAX_CHARS = 40
# A notice that orders the reports may quote the period sentence and the headings.
NOTICE_MARKERS = ("通知如下", "特此通知", "现将有关事项通知")


@dataclass(frozen=True)
class TitleParts:
    body: str  # "" when the title starts with the year and names no body
    year: int
    kind: str


def compact(text: str) -> str:
    """Chinese titles and labels carry no meaningful spaces; CMS layouts add them."""
    # str.split() and re's \s both use Python's Unicode whitespace test: same result, no regex.
    return "".join(text.split())


def _plausible_body(body: str) -> bool:
    # "X市人民" is the lazy half of "X市人民政府信息公开…"; a colon means "上一篇:…".
    return not body.endswith("人民") and ":" not in body and ">" not in body and "|" not in body


def parse_title(title: str) -> TitleParts | None:
    """Body, year and kind of a report title (§8.2), or None if it is not one."""
    # Every kind names 公开, and no other character normalises to 公 or 开: most lines of a
    # page are turned away before they are compacted and normalised.
    if "公" not in title or "开" not in title:
        return None
    norm = unicodedata.normalize("NFKC", compact(title)).strip('《》"“”')
    # No pattern matches a text ending elsewhere than a title does (norm holds no newline for
    # `$` to stop before), and most lines of a page end in 。.
    if "公开" not in norm or not norm.endswith(TITLE_LAST_CHARS):
        return None
    for pattern in TITLE_PATTERNS:
        match = pattern.match(norm)
        if match and _plausible_body(match["body"]):
            return TitleParts(match["body"], int(match["year"]), match["kind"])
    return None


def strip_site_suffix(html_title: str) -> str | None:
    """The report title inside a <title> that adds the site name ("…_示范门户")."""
    parts = [p for p in SITE_SEPARATOR_RE.split(html_title.strip()) if p.strip()]
    for part in parts + [word for p in parts for word in p.split()]:
        if parse_title(part):
            return compact(part)
    return compact(parts[0]) if parts else None


def distinct_reports(titles: Iterable[str]) -> int:
    """How many reports these titles name; one report may be named two ways on its page.

    Same year and one body a prefix of the other ("包头市…" / "包头市人民政府…", or the
    bodiless second line of a split title) is one report; two bodies or years are two.
    """
    kept: list[TitleParts] = []
    for parts in filter(None, map(parse_title, titles)):
        if not any(
            k.year == parts.year and (k.body.startswith(parts.body) or parts.body.startswith(k.body))
            for k in kept
        ):
            kept.append(parts)
    return len(kept)


def may_hold_title(line: str) -> bool:
    """False for a line no report title can be read from, told without compacting it.

    Every kind names 公开, and no other character normalises to 公 or 开; a line ending
    in 。 is prose (NFKC leaves 。 alone, and no title or list-item tail ends there).
    """
    return "公" in line and "开" in line and not line.rstrip().endswith("。")


def _is_listing(lines: list[str]) -> bool:
    """Several reports' titles on lines of their own: a report column's list page."""
    # Every kind also ends in 报告 or 年报, and no other character normalises to 报.
    candidates = (line for line in lines if "报" in line and may_hold_title(line))
    return distinct_reports(_without_list_tail(compact(line)) for line in candidates) >= 2


def _without_list_tail(line: str) -> str:
    """A compacted list item without the date or ellipsis printed after its title."""
    # A line without whitespace loses a tail only when it ends in a dot, an ellipsis or a
    # digit; on any other line the pattern's one match is the empty one at its end.
    if line[-1:] in (".", "…") or line[-1:].isdecimal():
        return LIST_ITEM_TAIL_RE.sub("", line)
    return line


def _prose_lines(lines: list[str], title: str) -> Iterator[str]:
    """The lines that are not the title."""
    # A line shorter than the title cannot be the title: only the others need compacting.
    return (line for line in lines if len(line) < len(title) or compact(line) != title)


def _has_body(lines: list[str], title: str) -> bool:
    # Stop counting at the threshold: a report's body has thousands of characters, and its
    # first lines usually hold enough of them, so the rest is never read.
    needed = MIN_BODY_CHARS
    for line in _prose_lines(lines, title):
        for run in _CHINESE_RUN.finditer(line):
            needed -= run.end() - run.start()
            if needed <= 0:
                return True
    # The lines are joined before the markers are looked for: a marker may span two lines.
    prose = "".join(_prose_lines(lines, title))
    return any(marker in prose.lower() for marker in ATTACHMENT_MARKERS)


def _text_looks_like_report(text: str) -> bool:
    if any(marker in text for marker in NOTICE_MARKERS) or not PERIOD_RE.search(text):
        return False
    headings = [line for line in text.splitlines() if len(line.strip()) <= HEADING_MAX_CHARS]
    groups = sum(any(word in line for line in headings for word in group) for group in REPORT_HEADING_GROUPS)
    return groups >= 2


def is_annual_report(title: str | None, text: str) -> bool:
    """True for an annual disclosure report of any era, false for pages about reports."""
    norm = unicodedata.normalize("NFKC", compact(strip_site_suffix(title) or "")) if title else ""
    if norm:
        if any(word in norm for word in REJECT_TITLE_WORDS):
            return False
        if "统计表" in norm and "报告" not in norm:
            return False  # the statistics table posted on its own
        if parse_title(norm):
            lines = text.splitlines()
            return _has_body(lines, norm) and not _is_listing(lines)
        if KIND_RE.search(norm):
            return False  # the kind not at the end: "…年度报告编制培训会", "…报告发布"
    # No title, or one that names no kind (a bare site name): the text decides.
    return _text_looks_like_report(text)
