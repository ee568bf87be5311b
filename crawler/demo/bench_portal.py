"""A generated TRS-style portal for the crawl benchmark: home, disclosure section, a report
column of `createPageHTML` list pages (the pager in /js/page.js), report pages and decoys,
written to a folder.

Generated report pages are small and plain; every REAL_EVERY-th report page of the column
is instead a copy of one of the sample portal's real reports (20-70 KB, statistics tables,
spam, a GBK page), so the benchmark parses pages as heavy as a real column's."""

from __future__ import annotations

from pathlib import Path

from crawler.demo.server import sample_portal_root
from crawler.demo.trs_pager import TRS_PAGER_JS

PER_PAGE = 20
# The city every generated report is written for (registry benchmarks give each site its own).
CITY = "示范市"
# Agencies reporting each year: one report per (agency, year), as real columns hold.
AGENCIES = ("人民政府", "教育局", "财政局", "民政局", "卫生健康委员会", "交通运输局", "自然资源局", "公安局")

PAGE = """<html><head><meta charset="utf-8"><title>{title}_{city}人民政府</title></head><body>
<div class="nav"><a href="/index.html">首页</a> <a href="/zwgk/index.html">政务公开</a></div>
<h1>{title}</h1><div class="TRS_Editor">{body}</div></body></html>"""
REPORT = """<p>本报告中所列数据的统计期限自{year}年1月1日至{year}年12月31日。</p>
<p>一、概述</p><p>{year}年，{city}{agency}认真贯彻落实政府信息公开条例，主动公开政府信息{n}条。</p>
<p>二、主动公开政府信息情况</p><p>主动公开政府信息{n}条，其中规范性文件{k}件，各类政策解读{k}篇。</p>
<p>三、依申请公开政府信息情况</p><p>全年共收到政府信息公开申请{k}件，均在法定期限内答复。</p>
<p>四、因政府信息公开申请行政复议、提起行政诉讼的情况</p><p>无。</p>
<p>五、存在的主要问题及改进情况</p><p>公开的及时性有待提高，下一步将加强队伍建设。</p>"""
REAL_EVERY = 4
# The sample portal's report pages: real seed reports in real TRS chrome.
REAL_REPORTS = (
    "xxgk/ndbg/201803/t20180330_1234567.html",
    "xxgk/ndbg/201803/t20180328_1234488.html",
    "xxgk/ndbg/201903/t20190325_2345601.html",
    "xxgk/ndbg/201803/t20180322_1234401.html",
    "xxgk/ndbg/201803/t20180329_1234502.html",
)
NOTICE = (
    "<p>各单位：为做好{year}年政府信息公开工作年度报告编制发布工作，现将有关事项通知如下。</p>"
    "<p>特此通知。</p>"
)


def write_portal(root: Path, reports: int, real_every: int | None = REAL_EVERY) -> int:
    """Write the portal under root; returns how many distinct reports it holds. With
    `real_every=None` every report page is a small generated one."""
    files, distinct = portal_files(reports, real_every)
    for path, body in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    return distinct


def portal_files(
    reports: int, real_every: int | None = REAL_EVERY, city: str = CITY
) -> tuple[dict[str, bytes], int]:
    """The portal's files by path (no leading slash), and how many distinct reports it holds.
    Each `city` reports under its own name, so the reports of two cities are distinct reports."""
    docs: list[tuple[str, str]] = []
    real_copies: dict[int, bytes] = {}  # position in docs -> a real report page's bytes
    for i in range(reports):
        if real_every and i % real_every == real_every - 1:
            copy = len(real_copies) % len(REAL_REPORTS)
            real_copies[len(docs)] = (sample_portal_root() / REAL_REPORTS[copy]).read_bytes()
            docs.append((f"年度报告（{copy}）", ""))
            continue
        agency, year = AGENCIES[i % len(AGENCIES)], 2008 + i // len(AGENCIES)
        title = f"{city}{agency}{year}年政府信息公开工作年度报告"
        docs.append((title, REPORT.format(city=city, year=year, agency=agency, n=1000 + i, k=10 + i % 50)))
        if i % 5 == 4:  # one decoy for every five reports
            title = f"关于做好{year}年政府信息公开工作年度报告编制发布工作的通知（{i}）"
            docs.append((title, NOTICE.format(year=year)))
    files = {
        "index.html": _page(city, "首页", '<a href="/zwgk/ndbg/index.html">政府信息公开年报</a>'),
        "zwgk/index.html": _page(city, "政务公开", '<a href="ndbg/index.html">年报</a>'),
        "robots.txt": b"User-agent: *\nAllow: /\n",
        "js/page.js": TRS_PAGER_JS.encode("utf-8"),
    }
    pages = (len(docs) + PER_PAGE - 1) // PER_PAGE
    for page in range(pages):
        items = "".join(
            f'<li><a href="./d/t{n}.html">{title}</a></li>'
            for n, (title, _) in enumerate(docs)
            if page * PER_PAGE <= n < (page + 1) * PER_PAGE
        )
        body = (
            f'<ul>{items}</ul><script src="/js/page.js"></script>'
            f'<script>createPageHTML({pages}, {page}, "index", "html");</script>'
        )
        name = "index.html" if page == 0 else f"index_{page}.html"
        files[f"zwgk/ndbg/{name}"] = _page(city, "政府信息公开年报", body)
    for n, (title, body) in enumerate(docs):
        files[f"zwgk/ndbg/d/t{n}.html"] = real_copies.get(n) or _page(city, title, body)
    generated = sum(1 for i in range(reports) if not real_every or i % real_every != real_every - 1)
    return files, generated + min(len(real_copies), len(REAL_REPORTS))


def _page(city: str, title: str, body: str) -> bytes:
    return PAGE.format(city=city, title=title, body=body).encode("utf-8")
