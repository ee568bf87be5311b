"""Clean pages of clean prose: what the spam layer must leave alone, word for word.

tests/bench/data/clean_prose.txt holds sentences as 28 kinds of government body write them in
reports and notices (## headers name the body), full of what brand rules trip on: 体育彩票,
电子竞技, 直播带货, 娱乐场所, 打击赌博, 官方网站, 短视频186部, Win10, SO2, ISO9001, h7n9,
万达广场, 凤凰卫视, company and estate names, slogans. They are built into the pages a portal
serves: a body's annual report (its name in the title's slot and the footer, the site's codes),
the same with a portal's login, share and friend-link bars, a news page under a menu of
pinyin-initial slugs, each again with three sentences printed twice (a summary above the
article); the reports of 108 kinds of body a portal hosts beside its agencies (street offices,
police units, libraries, the Red Cross, banks, clinics, co-operatives, schools, federations);
news pages whose title ends with the site's name and what portals write after it (英文版,
长者版, 欢迎您, 网站群, V3, 数据开放平台…); and reports under a disclosure platform's menu whose
labels share a policy word (依申请公开指南, 疫情防控专栏, 部门预决算, 河长制公示).

`python -m tests.bench.clean_prose` prints how many pages got a finding, were flagged tampered
or lost a sentence, and lists them; tests/test_spam_clean_pages.py asserts there are none.
"""

from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass
from pathlib import Path

from .deface import FRIEND_LINKS, LOGIN_BAR, SHARE_BAR
from .inject import page

SENTENCES = Path(__file__).resolve().parent / "data" / "clean_prose.txt"
# A place, its host, its division code, its 走进 slug, a street office and a town of it.
PLACES = [
    ("诸城市", "www.zhucheng.gov.cn", "370782", "zc", "密州街道办事处", "昌城镇人民政府"),
    ("抚顺市", "www.fushun.gov.cn", "210400", "fs", "新华街道办事处", "拉古满族乡人民政府"),
    ("绵阳市", "www.my.gov.cn", "510700", "my", "城郊街道办事处", "青义镇人民政府"),
    ("洪山区", "www.hongshan.gov.cn", "420111", "hs", "珞南街道办事处", "天兴乡人民政府"),
    ("宜昌市", "www.yichang.gov.cn", "420500", "yc", "西陵街道办事处", "土城乡人民政府"),
    ("柳州市", "www.liuzhou.gov.cn", "450200", "lz", "柳石街道办事处", "洛埠镇人民政府"),
]
# A body's name after its place, where it is no agency of the place's own name.
NAMES = {
    "网信办": "中共{place}委网络安全和信息化委员会办公室",
    "税务局": "国家税务总局{place}税务局",
    "共青团市委": "共青团{place}委员会",
    "街道办事处": "{place}{street}",
    "乡镇人民政府": "{place}{town}",
    "通用": "{place}人民政府",
}
# Bodies a portal hosts beside its agencies, each with reports of its own.
OWNERS = [
    "委员会",
    "人大常委会",
    "政协委员会",
    "纪委监委",
    "人民法院",
    "人民检察院",
    "经济开发区管理委员会",
    "高新技术产业开发区管委会",
    "经济技术开发区管委会",
    "高新区管委会",
    "经开区管委会",
    "城市建设投资集团有限公司",
    "农村商业银行",
    "人民医院",
    "中医医院",
    "妇幼保健院",
    "中心卫生院",
    "第一中学",
    "实验小学",
    "职业技术学院",
    "学院",
    "大学",
    "农业科学研究院",
    "气象局",
    "水文站",
    "国有林场",
    "国营农场",
    "监狱",
    "强制隔离戒毒所",
    "看守所",
    "消防救援支队",
    "海关",
    "出入境边防检查站",
    "税务局城区税务分局",
    "供电公司",
    "自来水公司",
    "公共交通有限公司",
    "村民委员会",
    "居民委员会",
    "社区居民委员会",
    "老年大学",
    "少年宫",
    "青少年活动中心",
    "妇女联合会",
    "妇联",
    "团委",
    "共青团委员会",
    "工商业联合会",
    "工商联",
    "归国华侨联合会",
    "侨联",
    "科学技术协会",
    "科协",
    "文学艺术界联合会",
    "文联",
    "作家协会",
    "残疾人联合会",
    "残联",
    "红十字会",
    "慈善总会",
    "总工会",
    "档案馆",
    "图书馆",
    "文化馆",
    "博物馆",
    "体育中心",
    "公证处",
    "法律援助中心",
    "不动产登记中心",
    "疾病预防控制中心",
    "公共资源交易中心",
    "住房公积金管理中心",
    "医疗保障局",
    "机关事务服务中心",
    "党校",
    "行政学院",
    "社会主义学院",
    "融媒体中心",
    "广播电视台",
    "报社",
    "新华书店",
    "邮政分公司",
    "烟草专卖局",
    "粮食储备库",
    "供销合作社",
    "农机推广站",
    "畜牧兽医站",
    "动物疫病预防控制中心",
    "水库管理处",
    "公路管理局",
    "公路养护中心",
    "港航管理处",
    "机场管理处",
    "殡仪馆",
    "福利院",
    "救助管理站",
    "光荣院",
    "敬老院",
    "交通警察大队",
    "派出所",
    "司法所",
    "财政所",
    "林业工作站",
    "市场监督管理所",
    "城市管理行政执法局",
    "综合行政执法大队",
    "应急管理局",
    "退役军人服务中心",
]

# What a portal writes after its own name in a page's title: versions, greetings, channels.
TITLE_ENDS = [
    "门户网站",
    "政府网",
    "欢迎您",
    "网站群",
    "英文版",
    "无障碍",
    "适老化",
    "长者版",
    "移动版",
    "手机版",
    "WAP",
    "H5",
    "2.0",
    "V2.0",
    "APP",
    "政务服务网",
    "数据开放平台",
    "门户网站（试运行）",
    "门户网站欢迎您",
    "官方网站",
    "政府门户网站",
    "网上办事大厅",
    "信息公开",
    "政务公开",
    "新闻网",
    "融媒体中心",
    "长者模式",
    "关怀版",
    "无障碍版",
    "适老化版",
    "繁体版",
    "English",
    "移动门户",
    "掌上政务",
    "智慧政务",
    "微门户",
    "政务微博",
    "欢迎访问",
    "欢迎光临",
    "门户网站V3",
    "V3",
    "IPv6",
    "网站IPv6",
    "PC版",
    "Wap版",
    "H5版",
    "2022版",
    "新版",
    "旧版",
    "测试版",
    "门户网站2.0",
    "门户网站4.0",
    "i诸城",
    "e福州",
    "政府网站普查",
    "政府网站绩效",
    "信息公开专栏",
    "一网通办",
    "营商环境",
    "数字政府",
    "智慧城市",
    "阳光政务",
    "公开透明",
    "便民服务",
    "网上信访",
    "互联网+政务服务",
]
NAVIGATION = [
    ("首页", "/"),
    ("政务公开", "/zwgk/"),
    ("政务服务", "/zwfw/"),
    ("互动交流", "/hdjl/"),
    ("网上办事", "/wsbs/"),
    ("新闻中心", "/xwzx/"),
    ("政策文件", "/zcwj/"),
    ("公众参与", "/gzcy/"),
]
REPEATED = 3  # sentences a page prints twice
# A portal's disclosure platform and topic columns: several labels sharing a policy word the
# dictionary of word counts is older than (依申请公开, 疫情防控, 预决算, 河长制), in a left menu
# beside a report that writes the same word in its sentences.
COLUMN_MENUS = [
    [
        "法定主动公开内容",
        "政府信息公开指南",
        "政府信息公开制度",
        "依申请公开",
        "依申请公开指南",
        "依申请公开表格",
    ],
    ["行政复议", "行政复议决定", "行政复议指南", "行政复议文书"],
    ["疫情防控动态", "疫情防控政策", "疫情防控专栏", "疫情防控通告"],
    ["部门预决算", "财政预决算", "预决算公开", "三公经费"],
    ["全面推行河长制", "河长制工作动态", "河长制公示"],
    ["权责清单", "权责清单公示", "部门权责清单"],
    ["征地拆迁", "征地拆迁公告", "征地拆迁补偿"],
    ["招投标信息", "招投标公告", "工程招投标"],
    ["政民互动", "政民互动平台", "政民互动留言"],
    ["便民服务", "便民服务中心", "便民服务热线"],
    ["领导之窗", "部门之窗", "乡镇之窗"],
    ["双随机一公开", "双随机抽查", "双随机公示"],
    ["村务公开", "居务公开", "党务公开"],
    ["公租房", "公租房分配", "公租房申请"],
    ["扫黑除恶", "扫黑除恶专项斗争", "扫黑除恶动态"],
    ["一窗受理", "一窗受理事项", "一窗受理指南"],
]


@dataclass
class CleanPage:
    name: str
    html: str
    url: str
    sentences: list[str]


def sentences_by_body(path: Path = SENTENCES) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    body = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            body = line[3:].strip()
            groups[body] = []
        elif line.strip():
            groups[body].append(line.strip())
    return groups


def _owner(body: str, place: tuple[str, ...]) -> str:
    name, street, town = place[0], place[4], place[5]
    return NAMES.get(body, "{place}" + body).format(place=name, street=street, town=town)


def _footer(owner: str, place: tuple[str, ...], serial: int) -> str:
    return f"版权所有：{owner} 主办单位：{owner}办公室 网站标识码：{place[2]}{serial:04d}"


def _report(name: str, owner: str, place: tuple[str, ...], lines: list[str], serial: int) -> CleanPage:
    title = f"{owner}2021年政府信息公开工作年度报告"
    url = f"http://{place[1]}/xxgk/ndbg/202201/t20220128_{serial}.html"
    return CleanPage(name, page(title, lines, footer=_footer(owner, place, serial)), url, lines)


def _news(
    name: str,
    owner: str,
    place: tuple[str, ...],
    lines: list[str],
    serial: int,
    title: str = "",
    site: str = "",
) -> CleanPage:
    title = title or f"{owner}扎实推进年度重点工作"
    menu = [*NAVIGATION, (f"走进{place[0][:-1]}", f"/zj{place[3]}/")]
    items = "".join(f"<li><a href='{href}'>{html.escape(label)}</a></li>" for label, href in menu)
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    markup = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><meta name='SiteName' content='{html.escape(site)}'>"
        f"<title>{html.escape(title)}{'' if site else '_' + html.escape(owner)}</title></head><body><div class='header'><div class='logo'>{html.escape(owner)}</div>"
        f"<ul class='nav'>{items}</ul></div><div class='article'><h1>{html.escape(title)}</h1>"
        f"<div class='TRS_Editor'>{paragraphs}</div></div>"
        f"<div class='footer'><p>{_footer(owner, place, serial)}</p><ul class='nav'>{items}</ul></div>"
        "</body></html>"
    )
    return CleanPage(name, markup, f"http://{place[1]}/xwzx/bmdt/202203/t20220315_{serial}.html", lines)


def _column_report(
    owner: str, place: tuple[str, ...], lines: list[str], serial: int, labels: list[str]
) -> CleanPage:
    """A report under a disclosure platform's left menu, its sentences naming the first label."""
    report = _report(f"column menu:{labels[0]}", owner, place, lines, serial)
    items = "".join(
        f"<li><a href='/xxgk/c{serial}{index:02d}/'>{html.escape(label)}</a></li>"
        for index, label in enumerate(labels)
    )
    markup = report.html.replace("<body>", f"<body><div class='left'><ul class='menu'>{items}</ul></div>", 1)
    return CleanPage(report.name, markup, report.url, lines)


def _printed_twice(lines: list[str], rng: random.Random) -> list[str]:
    twice = rng.sample(lines, min(REPEATED, len(lines)))
    return [*twice, *lines]


def clean_pages(path: Path = SENTENCES) -> list[CleanPage]:
    """Every page of the set, in one order in every run."""
    rng = random.Random(2021)
    pages: list[CleanPage] = []
    for serial, (body, lines) in enumerate(sentences_by_body(path).items(), start=1):
        place = PLACES[serial % len(PLACES)]
        owner = _owner(body, place)
        report = _report(f"report:{body}", owner, place, lines, serial)
        chrome = report.html.replace("<body>", "<body>" + LOGIN_BAR, 1)
        chrome = chrome.replace("</body>", SHARE_BAR + FRIEND_LINKS + "</body>", 1)
        pages += [report, CleanPage(f"report+chrome:{body}", chrome, report.url, lines)]
        pages.append(_news(f"news:{body}", owner, place, lines, serial))
        twice = _printed_twice(lines, rng)
        pages.append(_report(f"report, printed twice:{body}", owner, place, twice, serial))
        pages.append(_news(f"news, printed twice:{body}", owner, place, twice, serial))
    generic = sentences_by_body(path).get("通用", [])
    for serial, owner in enumerate(OWNERS, start=100):
        place = PLACES[serial % len(PLACES)]
        pages.append(_report(f"owner:{owner}", place[0] + owner, place, generic, serial))
    for serial, labels in enumerate(COLUMN_MENUS, start=500):
        place = PLACES[serial % len(PLACES)]
        said = f"本机关在{labels[0]}栏目持续做好{labels[0]}相关信息的发布和更新工作。"
        pages.append(_column_report(place[0] + "人民政府", place, [said, *generic], serial, labels))
    for serial, end in enumerate(TITLE_ENDS, start=300):
        place = PLACES[serial % len(PLACES)]
        site = f"{place[0]}人民政府"
        title = f"全市优化营商环境工作推进会召开 - {site}{end}"
        pages.append(_news(f"title:{end}", site, place, generic, serial, title, site + "门户网站"))
    return pages


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def verdicts(pages: list[CleanPage]) -> list[tuple[str, list[str], list[str]]]:
    """(page, its findings, the sentences it lost) for every page the spam layer touched."""
    from extract import process

    touched = []
    for clean in pages:
        report = process(clean.html.encode("utf-8"), clean.url)
        text = _norm(report.text or "")
        lost = [line for line in dict.fromkeys(clean.sentences) if _norm(line) not in text]
        findings = [f"{f.kind}: {f.evidence[:80]}" for f in report.spam.findings]
        if findings or lost or report.spam.tampered:
            touched.append((clean.name, findings, lost))
    return touched


def main() -> int:
    pages = clean_pages()
    touched = verdicts(pages)
    print(f"{len(pages)} clean pages; {len(touched)} with a finding, a tampered flag or a lost sentence")
    for name, findings, lost in touched:
        print(f"  {name}: {findings} lost {len(lost)}: {[line[:40] for line in lost]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
