"""Which links lead toward reports: a score from the anchor text and the URL.

The crawl is focused: links that point at the disclosure section (政府信息公开)
or at the annual-report column (年报, 年度报告) are fetched first and always;
other links are followed only near the start page or from a page already
inside the disclosure section, so the page budget is spent where reports are.
"""

from __future__ import annotations

import re

# Annual-report column or report: anchor text and URL fragments, the Hanweb report module.
REPORT_HINTS = re.compile(
    r"年报|年度报告|工作报告|ndbg|gknb|xxgknb|zfxxgknb|nianbao|annualreport|xxgkAnnualReport", re.I
)
# The disclosure section that holds the report column.
DISCLOSURE_HINTS = re.compile(r"信息公开|政务公开|公开目录|xxgk|zwgk|zfxxgk|gkml|opennessTarget", re.I)
# Paging inside a column: worth following from any list page.
PAGING_TEXT = re.compile(r"^\s*(?:下一页|下页|后页|尾页|末页|上一页|首页|\d{1,3}|next|›|»|>>)\s*$", re.I)

REPORT_SCORE = 40
DISCLOSURE_SCORE = 30
PAGING_SCORE = 35


def link_score(url: str, text: str) -> int:
    """Priority of a link: higher is fetched earlier; 0 says nothing about reports."""
    if REPORT_HINTS.search(text) or REPORT_HINTS.search(url):
        return REPORT_SCORE
    if DISCLOSURE_HINTS.search(text) or DISCLOSURE_HINTS.search(url):
        return DISCLOSURE_SCORE
    if PAGING_TEXT.match(text):
        return PAGING_SCORE
    return 0


def is_paging_text(text: str) -> bool:
    """The anchor text of a column's pager (下一页, a page number), whatever the URL says."""
    return PAGING_TEXT.match(text) is not None
