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
# Agencies reporting each year: one report per (agency, year), as real columns hold.
AGENCIES = ("人民政府", "教育局", "财政局", "民政局", "卫生健康委员会", "交通运输局", "自然资源局", "公安局")

PAGE = """<html><head><meta charset="utf-8"><title>{title}_示范市人民政府</title></head><body>
<div class="nav"><a href="/index.html">首页</a> <a href="/zwgk/index.html">政务公开</a></div>
<h1>{title}</h1><div class="TRS_Editor">{body}</div></body></html>"""
REPORT = """<p>本报告中所列数据的统计期限自{year}年1月1日至{year}年12月31日。</p>
<p>一、概述</p><p>{year}年，示范市{agency}认真贯彻落实政府信息公开条例，主动公开政府信息{n}条。</p>
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
    docs: list[tuple[str, str]] = []
    real_copies: dict[int, bytes] = {}  # position in docs -> a real report page's bytes
    for i in range(reports):
        if real_every and i % real_every == real_every - 1:
            copy = len(real_copies) % len(REAL_REPORTS)
            real_copies[len(docs)] = (sample_portal_root() / REAL_REPORTS[copy]).read_bytes()
            docs.append((f"年度报告（{copy}）", ""))
            continue
        agency, year = AGENCIES[i % len(AGENCIES)], 2008 + i // len(AGENCIES)
        title = f"示范市{agency}{year}年政府信息公开工作年度报告"
        docs.append((title, REPORT.format(year=year, agency=agency, n=1000 + i, k=10 + i % 50)))
        if i % 5 == 4:  # one decoy for every five reports
            title = f"关于做好{year}年政府信息公开工作年度报告编制发布工作的通知（{i}）"
            docs.append((title, NOTICE.format(year=year)))
    _write(
        root / "index.html",
        PAGE.format(title="首页", body='<a href="/zwgk/ndbg/index.html">政府信息公开年报</a>'),
    )
    _write(
        root / "zwgk" / "index.html", PAGE.format(title="政务公开", body='<a href="ndbg/index.html">年报</a>')
    )
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    _write(root / "js" / "page.js", TRS_PAGER_JS)
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
        _write(root / "zwgk" / "ndbg" / name, PAGE.format(title="政府信息公开年报", body=body))
    for n, (title, body) in enumerate(docs):
        path = root / "zwgk" / "ndbg" / "d" / f"t{n}.html"
        if n in real_copies:
            path.write_bytes(real_copies[n])
        else:
            _write(path, PAGE.format(title=title, body=body))
    generated = sum(1 for i in range(reports) if not real_every or i % real_every != real_every - 1)
    return generated + min(len(real_copies), len(REAL_REPORTS))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
