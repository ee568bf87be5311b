"""Labelled spam cases built from the seed reports: each spam pattern injected into a clean page.

Every case knows its gold by construction: the spam strings that must leave the
text, the legitimate lines whose characters must stay, whether the page is
tampered, and for brand swaps the real name. HELD_OUT_BRANDS are not in
extract/data/spam_lexicon.csv, so they measure how detection generalises.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

# fmt: off
SEEN_BRANDS = ("美高梅娱乐城", "澳门新葡京", "太阳城娱乐", "皇冠体育", "天辰娱乐", "亚博体育官网", "百家乐", "时时彩")
HELD_OUT_BRANDS = ("利来国际app下载", "大发娱乐官网", "凯发娱乐", "乐天堂体育登录", "金博宝娱乐城", "博天堂国际官网",
                   "尊龙娱乐平台", "宝马会娱乐", "优德体育app", "德赢娱乐注册")
# Clean seeds with their reporting body, host and the name a brand can be written over.
CLEAN_SEEDS = {
    "001": {"file": "001_24be5d677ff59441.txt", "host": "www.fushun.gov.cn", "name": "抚顺市", "bare": "抚顺"},
    "004": {"file": "004_654c45f73d778c46.txt", "host": "www.zhucheng.gov.cn", "name": "诸城市", "bare": "诸城"},
}
# fmt: on


@dataclass
class Case:
    name: str
    html: str
    url: str
    spam: list[str]
    legit: list[str]
    tampered: bool | None
    pattern: str
    held_out: bool = False
    real_name: str | None = None
    brands: list[str] = field(default_factory=list)


def seed_lines(seeds_dir: Path, file: str) -> list[str]:
    return [
        line.strip() for line in (seeds_dir / file).read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def body_lines(lines: list[str]) -> list[str]:
    """The report body: long lines carry the prose the cleaner must keep."""
    return [line for line in lines if len(line) >= 40]


def page(
    title: str,
    paragraphs: list[str],
    *,
    head: str = "",
    before: str = "",
    after: str = "",
    footer: str = "",
    footer_tail: str = "",
) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>{head}</head>"
        "<body><div class='nav'><a href='/'>首页</a> | <a href='/xxgk/'>政府信息公开</a></div>"
        f"<div class='main'><h1>{html.escape(title)}</h1>{before}<div class='TRS_Editor'>{body}</div>{after}</div>"
        f"<div class='footer'><table><tr><td><p>{footer}</p>{footer_tail}</td></tr></table></div></body></html>"
    )


def _links(brands: tuple[str, ...] | list[str]) -> str:
    return " ".join(f"<a href='http://www.{i}{len(b)}spam.example/'>{b}</a>" for i, b in enumerate(brands))


def _plain(brands: tuple[str, ...] | list[str]) -> str:
    return " ".join(brands)


# Each injector returns keyword arguments for page(); brands go in, gold spam is the brands.
INJECTORS = {
    "hidden_inline": lambda b: {"after": f"<div style='display:none'>{_links(b)}</div>"},
    "hidden_class": lambda b: {
        "head": "<style>.f1x{display:none}</style>",
        "after": f"<div class='f1x'>{_plain(b)}</div>",
    },
    "off_screen": lambda b: {
        "after": f"<div style='position:absolute;left:-9999px;top:-9999px'>{_plain(b)}</div>"
    },
    "font_size_zero": lambda b: {"after": f"<p style='font-size:0px'>{_plain(b)}</p>"},
    "opacity": lambda b: {"after": f"<p style='opacity:0'>{_plain(b)}</p>"},
    "colour_camouflage": lambda b: {
        "after": f"<p style='color:#ffffff;background-color:#ffffff'>{_plain(b)}</p>"
    },
    "text_indent": lambda b: {"after": f"<p style='text-indent:-9999px'>{_plain(b)}</p>"},
    "clip": lambda b: {"after": f"<div style='position:absolute;clip:rect(0 0 0 0)'>{_plain(b)}</div>"},
    "marquee": lambda b: {
        "after": f"<marquee width='1' height='1' scrollamount='2000'>{_links(b)}</marquee>"
    },
    "tail_in_footer_cell": lambda b: {"footer_tail": f"<div class='link'>{_links(b)}</div>"},
    "tail_plain_text": lambda b: {"footer_tail": f"<p>{_plain(b)}</p>"},
    "head_list": lambda b: {"before": f"<p>{_plain(b)}</p>"},
    "document_write": lambda b: {
        "after": "<script>document.write(\"<div style='display:none'>"
        + _links(b).replace('"', "'")
        + '</div>")</script>'
    },
}
SCRIPT_INJECTORS = {
    "redirect_script": "<script>if(document.referrer.indexOf('baidu')>-1){window.location.href='http://www.spam.example/'}</script>",
    "obfuscated_script": "<script>eval(function(p,a,c,k,e,d){e=function(c){return c};return p}('0 1',2,2,'a|b'.split('|'),0,{}))</script>",
    "iframe_zero": "<iframe src='http://www.spam.example/' width='0' height='0'></iframe>",
    "iframe_overlay": "<iframe src='http://www.spam.example/' style='position:fixed;top:0;left:0;width:100%;height:100%;z-index:99999'></iframe>",
    "garbage_tags": "<wbr id='cxndz'></wbr><dfn id='qwrtk'></dfn><var class='zxcvb'></var><delect id='mnbvc'></delect>",
}
FOOTER = "版权所有:{agency} 主办单位:{agency}办公室 网站标识码:{site} {abbr}公网安备 {police}号"


def build_cases(seeds_dir: Path) -> list[Case]:
    cases: list[Case] = []
    for seed, info in CLEAN_SEEDS.items():
        lines = seed_lines(seeds_dir, info["file"])
        body = body_lines(lines)
        title = f"{info['name']}2017年政府信息公开工作年度报告"
        url = f"http://{info['host']}/xxgk/ndbg/201803/t20180330_1.html"
        footer = f"版权所有:{info['name']}人民政府 主办单位:{info['name']}人民政府办公室"
        cases.append(Case(f"{seed}-clean", page(title, body, footer=footer), url, [], body, False, "clean"))
        for held_out, pool in ((False, SEEN_BRANDS), (True, HELD_OUT_BRANDS)):
            for index, (pattern, inject) in enumerate(INJECTORS.items()):
                brands = [pool[(index + k) % len(pool)] for k in range(5)]
                html_page = page(title, body, footer=footer, **inject(brands))
                cases.append(
                    Case(
                        f"{seed}-{pattern}{'-heldout' if held_out else ''}",
                        html_page,
                        url,
                        brands,
                        body,
                        True,
                        pattern,
                        held_out,
                    )
                )
        for pattern, markup in SCRIPT_INJECTORS.items():
            cases.append(
                Case(
                    f"{seed}-{pattern}",
                    page(title, body, footer=footer, after=markup),
                    url,
                    [],
                    body,
                    True,
                    pattern,
                )
            )
        cases.append(_pinyin_case(seed, title, body, url, footer))
        cases.append(_title_hijack_case(seed, title, body, url, footer))
        for held_out, brand in ((False, "美高梅娛樂城"), (True, "金博宝娱乐城")):
            cases.append(_brand_swap_case(seed, info, lines, brand, held_out))
    return cases


def _pinyin_case(seed: str, title: str, body: list[str], url: str, footer: str) -> Case:
    glossed = list(body)
    first = glossed[0]
    for char, reading in (("政", "zheng"), ("府", "fu"), ("公", "gong"), ("开", "kai")):
        first = first.replace(char, f"{char}({reading})", 2)
    glossed[0] = first
    return Case(
        f"{seed}-pinyin",
        page(title, glossed, footer=footer),
        url,
        ["(zheng)", "(gong)"],
        body,
        True,
        "pinyin",
    )


def _title_hijack_case(seed: str, title: str, body: list[str], url: str, footer: str) -> Case:
    hijacked = page(title, body, footer=footer).replace(
        f"<title>{title}</title>", "<title>澳门新葡京娱乐场_百家乐_时时彩官网入口</title>"
    )
    return Case(
        f"{seed}-title_hijack", hijacked, url, ["澳门新葡京", "时时彩官网入口"], body, True, "title_hijack"
    )


def _brand_swap_case(seed: str, info: dict[str, str], lines: list[str], brand: str, held_out: bool) -> Case:
    """The reporting body's name written over by a brand everywhere; the host URL survives."""
    name, bare = info["name"], info["bare"]
    swapped = [line.replace(name, brand + "市").replace(bare, brand) for line in body_lines(lines)]
    title = f"{brand}市2017年政府信息公开工作年度报告"
    footer = f"版权所有:{brand}市人民政府 主办单位:{brand}市人民政府办公室"
    gold_legit = [line for line in body_lines(lines)]
    url = f"http://{info['host']}/xxgk/ndbg/201803/t20180330_2.html"
    return Case(
        f"{seed}-brand_swap{'-heldout' if held_out else ''}",
        page(title, swapped, footer=footer),
        url,
        [brand],
        gold_legit,
        True,
        "brand_swap",
        held_out,
        real_name=name,
        brands=[brand],
    )
