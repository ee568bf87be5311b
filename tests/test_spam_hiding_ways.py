"""Link farms put into a page in ways a word list cannot see: hidden by a script or a transform,
in <noscript>, written by an encoded or innerHTML script, shown as a plain list of links out,
or appended after </html>. The brands are shaped like casino and lottery names (棋牌, 彩票,
电竞) and known to no lexicon; what a portal writes the same ways stays clean.
"""

import base64
from urllib.parse import quote

import pytest

from extract.html import parse_html, visible_lines
from extract.spam.dom import scan_dom

from .helpers.pages import lines_report

BRANDS = ["金凤凰棋牌", "万利汇国际", "银河彩票", "鸿福体育", "锦鲤电竞", "百胜彩票"]
URL = "http://www.fushun.gov.cn/xxgk/ndbg/201803/t20180330_1.html"
LINES = ["抚顺市2017年政府信息公开工作年度报告", "全市主动公开政府信息12000余条，依申请公开办理186件。"]


def _links(names: list[str], host: str = "www.q{}z.example") -> str:
    return "".join(f"<a href='http://{host.format(i)}/'>{name}</a>" for i, name in enumerate(names))


def _kinds(block: str, head: str = "") -> set[str]:
    tree = parse_html(f"<html><head>{head}</head><body><p>正文内容。</p>{block}</body></html>")
    return {f.kind for f in scan_dom(tree, URL).findings}


FARM = _links(BRANDS)


@pytest.mark.parametrize(
    "block",
    [
        f"<div id='p7q'>{FARM}</div><script>document.getElementById('p7q').style.display='none';</script>",
        f"<div id='p7q'>{FARM}</div><script>$('#p7q').hide();</script>",
        f"<div style='transform:scale(0);position:absolute'>{FARM}</div>",
        f"<div style='visibility:hidden;position:absolute'>{FARM}</div>",
        f"<noscript>{FARM}</noscript>",
    ],
    ids=["by_a_script", "by_jquery", "scaled_to_nothing", "visibility_hidden", "noscript"],
)
def test_links_out_hidden_any_way_are_a_hidden_block(block):
    assert "hidden_block" in _kinds(block)


def test_a_visible_list_of_links_out_named_as_brands_is_a_link_farm():
    items = "".join(
        f"<li>{link}</li>" for link in _links(BRANDS).replace("</a>", "</a>\n").split("\n") if link
    )
    assert "link_farm" in _kinds(f"<ul>{items}</ul>")


def test_links_written_percent_encoded_are_written_links():
    markup = f"<div style=display:none>{FARM}</div>"
    script = f"<script>document.write(unescape('{quote(markup)}'))</script>"
    assert "document_write_links" in _kinds(script)


def test_links_written_through_inner_html_are_written_links():
    script = f"<div id='zz'></div><script>document.getElementById('zz').innerHTML=\"{FARM}\";</script>"
    assert "document_write_links" in _kinds(script)


def test_links_written_base64_encoded_are_written_links():
    encoded = base64.b64encode(FARM.encode()).decode()
    assert "document_write_links" in _kinds(f"<script>document.write(atob('{encoded}'))</script>")


@pytest.mark.parametrize(
    "block",
    [
        # A portal's tab panel, hidden by its script until clicked: its own links.
        "<div id='tab2'>"
        + _links(["政策文件", "通知公告", "人事信息", "财政预决算", "规划计划"], "www.fushun.gov.cn/c{}")
        + "</div><script>document.getElementById('tab2').style.display='none';</script>",
        # The media a portal links to, in a drop-down folded away: names of no brand's shape.
        "<ul style='display:none'>"
        + _links(["人民网", "新华网", "央视网", "中国网", "光明网", "求是网"])
        + "</ul>",
        # A mail and login bar of links out: calls to action, no brand.
        "<ul>"
        + "".join(
            f"<li><a href='http://mail.example.com/{i}'>{name}</a></li>"
            for i, name in enumerate(["免费邮箱", "企业邮箱", "免费注册", "快速注册", "客户端下载", "登录"])
        )
        + "</ul>",
        # A menu the portal builds through innerHTML from its own columns.
        "<div id='nav'></div><script>document.getElementById('nav').innerHTML=\""
        + _links(["首页", "政务公开", "政务服务", "互动交流", "走进抚顺"], "www.fushun.gov.cn/n{}").replace(
            '"', "'"
        )
        + '";</script>',
    ],
)
def test_a_portal_s_own_blocks_are_kept(block):
    assert not _kinds(block) & {"hidden_block", "link_farm", "document_write_links"}


def test_content_after_the_end_of_the_document_is_read():
    # libxml2 drops what follows </html>; a browser shows it, and a defacer appends there.
    tree = parse_html("<html><body><p>正文内容。</p></body></html><div>页尾追加</div>")
    assert "页尾追加" in visible_lines(tree)


def test_links_appended_after_the_end_of_the_document_flag_the_page():
    report = lines_report(
        "抚顺市2017年政府信息公开工作年度报告", LINES, URL, tail=f"</body></html><div>{FARM}</div>"
    )
    assert report.spam.tampered


def test_a_link_out_named_as_a_brand_inside_a_sentence_is_an_inline_link():
    paragraph = f"<p>全市主动公开政府信息12000余条，{_links(BRANDS[:1])}依申请公开办理186件。</p>"
    assert "inline_link" in _kinds(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        # A platform the report names, linked where it names it.
        "<p>通过政务<a href='https://www.douyin.com/'>抖音直播</a>发布会12场。</p>",
        # Another government site, linked inside the sentence.
        "<p>详见<a href='http://www.ln.gov.cn/'>辽宁省人民政府</a>网站。</p>",
        # A breadcrumb: links and separators, no sentence.
        "<p>当前位置：<a href='/'>首页</a> > <a href='http://www.q1z.example/'>鸿福体育</a></p>",
    ],
)
def test_a_report_s_own_links_in_its_sentences_are_kept(paragraph):
    assert "inline_link" not in _kinds(paragraph)


def test_a_drop_down_of_addresses_named_as_brands_is_a_link_farm():
    options = "".join(
        f"<option value='http://www.q{i}z.example/'>{name}</option>" for i, name in enumerate(BRANDS)
    )
    assert "link_farm" in _kinds(f"<select><option>友情链接</option>{options}</select>")


def test_a_redirect_in_the_body_s_onload_is_read_as_a_script():
    tree = parse_html(
        "<html><body onload=\"if(document.referrer.indexOf('baidu')>0)location.href='http://www.q1z.example/'\">"
        "<p>正文内容。</p></body></html>"
    )
    assert "redirect_script" in {f.kind for f in scan_dom(tree, URL).findings}


def test_a_brand_s_name_beside_the_heading_in_the_title_is_a_hijack():
    head = f"<title>{BRANDS[0]}-{LINES[0]}</title>"
    tree = parse_html(f"<html><head>{head}</head><body><h1>{LINES[0]}</h1><p>{LINES[1]}</p></body></html>")
    assert "title_hijack" in {f.kind for f in scan_dom(tree, URL).findings}


def test_a_site_s_channel_beside_the_heading_in_the_title_is_no_hijack():
    # A news site's channel holds the site's name, which the title gives too.
    head = f"<title>{LINES[0]}_凤凰网娱乐_凤凰网</title>"
    tree = parse_html(f"<html><head>{head}</head><body><h1>{LINES[0]}</h1><p>{LINES[1]}</p></body></html>")
    assert "title_hijack" not in {f.kind for f in scan_dom(tree, URL).findings}


def test_a_brand_after_the_site_s_name_in_the_title_is_left_to_the_link_labels():
    # 门户网站 swapped after the site's name: the labels read it and tell the word back.
    head = f"<title>{LINES[0]} - 抚顺市人民政府鸿福体育平台</title>"
    tree = parse_html(f"<html><head>{head}</head><body><h1>{LINES[0]}</h1><p>{LINES[1]}</p></body></html>")
    assert "title_hijack" not in {f.kind for f in scan_dom(tree, URL).findings}
