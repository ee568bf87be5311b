"""Defaced pages built from clean ones, for brands and styles the detector never saw.

The split (tests/bench/heldout/split.csv) names a brand, an injection style and the clean
page to inject it into: a seed report built as HTML, or a real page of ../shared/corpus/real
served at its official URL. Clean controls are the same clean pages, with the traps a real
report carries (体育彩票, 娱乐场所, 打击赌博, WTO, 12345热线) and the chrome of real portals
(login bars, share bars, 友情链接 to other government sites). Only tests/bench/eval_defacement.py
reads the held-out split; the detector's tests build their own pages with build_page.
"""

from __future__ import annotations

import csv
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from extract.decode import decode_html
from extract.html import parse_html

from .inject import CLEAN_SEEDS, body_lines, page, seed_lines

SPLIT = Path(__file__).resolve().parent / "heldout" / "split.csv"
# A second held-out split, frozen after the first had been looked at during detector work.
SPLIT3 = Path(__file__).resolve().parent / "heldout" / "split3.csv"
# A fourth, frozen before the detector work that followed split3, weighted toward the styles
# split3 still missed (pure Chinese names swapped over words and over the place's name).
SPLIT4 = Path(__file__).resolve().parent / "heldout" / "split4.csv"
# Another, frozen before the detector work that followed split4, weighted like a real
# attack mix over all five styles and every kind of brand name.
SPLIT5 = Path(__file__).resolve().parent / "heldout" / "split5.csv"
# Another, frozen before the detector work that followed split5, weighted toward the styles
# that were hardest then (phrase swaps first, then tail lists and name swaps).
SPLIT6 = Path(__file__).resolve().parent / "heldout" / "split6.csv"
# The training split: other brands, the same styles and pages; thresholds and rules are
# tuned here, and its pages may be printed one by one.
TRAIN_SPLIT = Path(__file__).resolve().parent / "data" / "deface_train.csv"
# Real pages: folder → (official URL, the place name a cloner would write over).
CORPUS = {
    "mhxqwer__jchgz.gov.cn": ("https://www.gz.gov.cn/ysgz/xwdt/ysdt/content/post_9360641.html", "广州"),
    "mhxqwer__zxwhongshan.gov.cn": (
        "https://www.hongshan.gov.cn/hsyw/202306/t20230608_2213652.shtml",
        "洪山",
    ),
    "mhxqwer__wxhshaanxi.gov.cn": ("http://www.shaanxi.gov.cn/xw/sxyw/201312/t20131223_1501140.html", "陕西"),
    "mhxqwer__djjiangsu.gov.cn": ("http://www.jiangsu.gov.cn/art/2024/10/14/art_60085_11394426.html", "江苏"),
    "mhxqwer__lfyfcgs.gov.cn": ("http://www.fcgs.gov.cn/zxzx/zdxm/t18993630.shtml", "防城港"),
    "mhxqwer__zysc.gov.cn": ("https://www.sc.gov.cn/10462/10464/10797/2020/9/15/index.shtml", "四川"),
    "mhxqwer__wjmoe.gov.cn": ("http://www.moe.gov.cn/srcsite/A06/s3321/202406/t20240613_1135700.html", ""),
    "mhxqwer__hjhbjdx.gov.cn": ("http://www.bjdx.gov.cn/bjsdxqrmzf/zwxx/zjdt/2188837/index.html", "大兴"),
    "mhxqwer__ljywhlyw.cq.gov.cn": ("http://whlyw.cq.gov.cn/zwxx_221/bmdt/202107/t20210713_9468077.html", ""),
}
CORPUS_FILE = "index.html"
ORDINARY_WORDS = ("政府网站", "门户网站", "政务公开", "信息公开", "工作", "发展")
LOGIN_BAR = (
    "<div class='top-bar'><span>你好</span> <a href='/login'>登录</a> <a href='/register'>注册</a> "
    "<a href='/logout'>注销</a> <a href='/m'>手机版</a> <a href='/app'>APP下载</a></div>"
)
SHARE_BAR = (
    "<div class='share'>分享到： <a href='#'>微信</a> <a href='#'>微博</a> <a href='#'>QQ空间</a> "
    "<a href='javascript:window.print()'>打印</a> <a href='javascript:window.close()'>关闭</a></div>"
)
FRIEND_LINKS = (
    "<div class='links'>友情链接： <a href='http://www.gov.cn/'>中国政府网</a> "
    "<a href='http://www.shandong.gov.cn/'>山东省人民政府</a> <a href='http://www.weifang.gov.cn/'>潍坊市人民政府</a> "
    "<a href='http://www.ln.gov.cn/'>辽宁省人民政府</a> <a href='http://www.12345.gov.cn/'>12345政务服务便民热线</a></div>"
)
TRAPS = [
    "市体育局全年发布体育彩票公益金使用情况、全民健身赛事活动信息86条，体育彩票销售网点监管信息12条。",
    "市文化和旅游局公开娱乐场所、歌舞娱乐场所行政许可信息45条，在官方网站和“诸城文旅”APP同步发布。",
    "市公安局公开打击赌博、跨境赌博和网络诈骗案件通报20期，提醒群众不要登录境外赌博网站下载赌博APP。",
    "12345热线受理政务公开咨询1200件，WTO/TBT通报咨询信息在www.zhucheng.gov.cn发布，VIP客户服务通道取消。",
]

# Clean controls of the training split alone: agencies whose own reports hold the words a
# spam rule could take for spam (and the held-out controls never see these sentences).
AGENCY_TRAPS = {
    "体育局": [
        "市体育局2017年在门户网站公开体育彩票公益金资助项目32个，全民健身体育赛事活动信息57条。",
        "组织马拉松、篮球、足球等体育赛事12项，通过“体育诸城”APP和官方网站发布赛事报名信息。",
    ],
    "文化和旅游局": [
        "公开娱乐场所经营许可、网吧和游艺娱乐场所年度核验结果共63条，全部在官方网站同步发布。",
        "开展文化市场综合执法检查，查处无证经营娱乐场所4家，公开行政处罚决定书4份。",
    ],
    "融媒体中心": [
        "开通政务微博、微信公众号和微信视频号，全年通过抖音直播、快手直播发布政务信息36场。",
        "在央视频app和学习强国app同步推送，抖音直播观看人次12万，快手直播观看人次8万。",
    ],
    "公安局": [
        "市公安局通过政府网站公开打击赌博违法犯罪、电信网络诈骗典型案例15个，破获网络赌博案件8起。",
        "发布防范网络诈骗、跨境赌博预警提示26期，提醒群众不点击陌生链接、不下载不明APP。",
    ],
}


@dataclass
class Page:
    name: str
    html: str
    url: str
    style: str  # an injection style, or "clean"
    spam: list[str] = field(default_factory=list)  # strings that must leave the output
    legit: list[str] = field(default_factory=list)  # lines whose characters must stay
    tampered: bool = False
    real_name: str | None = None  # the name a brand was written over
    twin: str | None = None  # the clean page whose statistics this page must keep
    # The gold lines as the evaluation first counted them, where they differ from `legit`
    # (tests/bench/eval_defacement.py says why): reported next to the new measure.
    legit_old: list[str] | None = None


def split_rows(split: Path = SPLIT) -> list[dict[str, str]]:
    with split.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _others(rows: list[dict[str, str]], index: int, count: int = 5) -> list[str]:
    brands = list(dict.fromkeys(r["brand"] for r in rows))
    start = brands.index(rows[index]["brand"])
    return [brands[(start + k) % len(brands)] for k in range(count + 1)]


def _links(brands: list[str]) -> str:
    return " ".join(
        f"<a href='http://www.b{i}x{len(b)}.example/'>{html.escape(b)}</a>" for i, b in enumerate(brands)
    )


def _seed_page(seeds: Path, seed: str, row: dict[str, str], brands: list[str]) -> Page:
    info = CLEAN_SEEDS[seed]
    lines = seed_lines(seeds, info["file"])
    name, bare, brand, style = info["name"], info["bare"], row["brand"], row["style"]
    url = f"http://{info['host']}/xxgk/ndbg/201803/t20180330_9.html"
    title = f"{name}2017年政府信息公开工作年度报告"
    footer = f"版权所有:{name}人民政府 主办单位:{name}人民政府办公室"
    legit = body_lines(lines)
    kwargs: dict[str, str] = {}
    spam = [brand]
    real = None
    legit_old: list[str] | None = None
    if style == "name_swap":
        # One pass: a brand holding the bare name (诸城汇 over 诸城) is written once, not
        # again over its own characters (诸城汇汇市).
        swap = re.compile(f"{re.escape(name)}|{re.escape(bare)}")
        lines = [swap.sub(lambda m: brand + "市" if m[0] == name else brand, line) for line in lines]
        title = f"{brand}市2017年政府信息公开工作年度报告"
        footer = footer.replace(name, brand + "市")
        real = name
    elif style == "phrase_swap":
        word = next(w for w in ORDINARY_WORDS if sum(line.count(w) for line in legit) >= 2)
        lines = _replace_first(lines, word, brand, 3)
        # The word the brand replaced is gone from the page: nothing on it tells it back.
        legit_old, legit = legit, body_lines(lines)
    elif style == "tail_list":
        kwargs["footer_tail"] = f"<p>{html.escape(' '.join(brands))}</p>"
        spam = brands
    elif style == "hidden_block":
        kwargs["after"] = f"<div style='position:absolute;left:-9999px;top:-9999px'>{_links(brands)}</div>"
        spam = brands
    elif style == "title_meta":
        hijack = f"{brand}_{brand}官方网站-{brand}app下载"
        kwargs["head"] = f"<meta name='keywords' content='{hijack}'>"
        markup = page(title, lines, footer=footer, **kwargs).replace(
            f"<title>{title}</title>", f"<title>{hijack}</title>"
        )
        return Page(f"{seed}-{style}-{brand}", markup, url, style, spam, legit, True, None, seed)
    markup = page(title, lines, footer=footer, **kwargs)
    defaced = Page(f"{seed}-{style}-{brand}", markup, url, style, spam, legit, True, real, seed)
    defaced.legit_old = legit_old
    return defaced


def _replace_first(lines: list[str], word: str, brand: str, count: int) -> list[str]:
    out = []
    for line in lines:
        if count and word in line and len(line) >= 40:
            replaced = line.replace(word, brand, count)
            count -= line.count(word) - replaced.count(word)
            line = replaced
        out.append(line)
    return out


def _corpus_tree(shared: Path, folder: str) -> etree._Element | None:
    file = shared / "corpus" / "real" / folder / CORPUS_FILE
    if not file.exists():
        return None
    return parse_html(decode_html(file.read_bytes(), None).text)


def _text_nodes_replace(tree: etree._Element, old: str, new: str, limit: int | None = None) -> int:
    done = 0
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        for attribute in ("text", "tail"):
            value = getattr(element, attribute)
            if value and old in value and (limit is None or done < limit):
                n = value.count(old) if limit is None else min(value.count(old), limit - done)
                setattr(element, attribute, value.replace(old, new, n))
                done += n
    return done


def _serialise(tree: etree._Element) -> str:
    return "<!DOCTYPE html>" + etree.tostring(tree, encoding="unicode", method="html")


def _legit_of(tree: etree._Element) -> list[str]:
    import trafilatura

    text = trafilatura.extract(_serialise(tree)) or ""
    return [line for line in text.splitlines() if len(line) >= 40][:12]


def _ordinary_word(tree: etree._Element) -> str:
    """The first ordinary word the page holds twice, else once (a short page may hold none twice)."""
    counts = {w: _text_nodes_replace(parse_html(_serialise(tree)), w, w) for w in ORDINARY_WORDS}
    return next((w for w, n in counts.items() if n >= 2), None) or next(w for w, n in counts.items() if n)


def _corpus_page(shared: Path, folder: str, row: dict[str, str], brands: list[str]) -> Page | None:
    tree = _corpus_tree(shared, folder)
    if tree is None:
        return None
    url, place = CORPUS[folder]
    brand, style = row["brand"], row["style"]
    spam, real = [brand], None
    body = tree.find("body")
    # A name swap is undone where the page's identity tells the name: the clean page's lines
    # are its gold (they were the defaced page's lines, the brand split out).
    clean_legit = _legit_of(tree) if style == "name_swap" else None
    if style == "name_swap":
        _text_nodes_replace(tree, place, brand)
        real = place
    elif style == "phrase_swap":
        word = _ordinary_word(tree)
        _text_nodes_replace(tree, word, brand, 3)
    elif style == "title_meta" and (head := tree.find("head")) is not None:
        hijack = f"{brand}_{brand}官方网站-{brand}app下载"
        for element in head.findall("title"):
            head.remove(element)
        title = etree.SubElement(head, "title")
        title.text = hijack
        etree.SubElement(head, "meta", name="keywords", content=hijack)
    elif style in ("tail_list", "hidden_block") and body is not None:
        spam = brands
        if style == "tail_list":
            body.append(etree.fromstring(f"<p>{html.escape(' '.join(brands))}</p>"))
        else:
            block = f"<div style='position:absolute;left:-9999px'>{_links(brands)}</div>"
            body.append(etree.fromstring(block))
    legit = _legit_of(tree)
    defaced = Page(f"corpus:{folder}-{style}-{brand}", _serialise(tree), url, style, spam, legit, True, real)
    if clean_legit is not None:
        defaced.legit, defaced.legit_old = clean_legit, legit
    return defaced


def build_page(shared: Path, row: dict[str, str], brands: list[str]) -> Page | None:
    """One defaced page: `row` names the brand, the style and the clean page; `brands` fill lists."""
    if row["page"].startswith("corpus:"):
        return _corpus_page(shared, row["page"].removeprefix("corpus:"), row, brands)
    return _seed_page(shared / "seeds", row["page"], row, brands)


def defaced_pages(shared: Path, split: Path = SPLIT) -> list[Page]:
    rows = split_rows(split)
    built = (build_page(shared, row, _others(rows, index)) for index, row in enumerate(rows))
    return [page for page in built if page]


def _with_chrome(markup: str) -> str:
    return markup.replace("<body>", "<body>" + LOGIN_BAR, 1).replace(
        "</body>", SHARE_BAR + FRIEND_LINKS + "</body>", 1
    )


def _seed_site(info: dict[str, str]) -> tuple[str, str]:
    """A seed report's URL on its portal and the portal's footer."""
    url = f"http://{info['host']}/xxgk/ndbg/201803/t20180330_9.html"
    return url, f"版权所有:{info['name']}人民政府 主办单位:{info['name']}人民政府办公室"


def agency_controls(shared: Path) -> list[Page]:
    """Clean reports of a 体育局, a 文旅局 and a 公安局, with the site's chrome: training controls."""
    pages = []
    for seed, info in CLEAN_SEEDS.items():
        lines = seed_lines(shared / "seeds", info["file"])
        url, footer = _seed_site(info)
        for agency, traps in AGENCY_TRAPS.items():
            title = f"{info['name']}{agency}2017年政府信息公开工作年度报告"
            # The report's own title line names the agency too, as the page's title does.
            own = [
                title if line.startswith(info["name"]) and line.endswith("年度报告") else line
                for line in lines
            ]
            trapped = own[:8] + traps + own[8:]
            markup = _with_chrome(page(title, trapped, footer=footer))
            legit = body_lines(lines) + traps
            pages.append(Page(f"{seed}-clean-{agency}", markup, url, "clean", [], legit, False, None, seed))
    return pages


def clean_controls(shared: Path) -> list[Page]:
    pages = []
    for seed, info in CLEAN_SEEDS.items():
        lines = seed_lines(shared / "seeds", info["file"])
        title = f"{info['name']}2017年政府信息公开工作年度报告"
        url, footer = _seed_site(info)
        legit = body_lines(lines)
        markup = page(title, lines, footer=footer)
        pages.append(Page(f"{seed}-clean", markup, url, "clean", [], legit, False, None, seed))
        pages.append(
            Page(f"{seed}-clean-chrome", _with_chrome(markup), url, "clean", [], legit, False, None, seed)
        )
        trapped = lines[:12] + TRAPS + lines[12:]
        markup = _with_chrome(page(title, trapped, footer=footer))
        pages.append(Page(f"{seed}-clean-traps", markup, url, "clean", [], legit + TRAPS, False, None, seed))
    for folder in CORPUS:
        tree = _corpus_tree(shared, folder)
        if tree is None:
            continue
        url = CORPUS[folder][0]
        markup = _serialise(tree)
        legit = _legit_of(tree)
        pages.append(Page(f"corpus:{folder}", markup, url, "clean", [], legit, False))
        pages.append(Page(f"corpus:{folder}-chrome", _with_chrome(markup), url, "clean", [], legit, False))
    return pages
