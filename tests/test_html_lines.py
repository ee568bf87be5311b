from extract.html import html_title, parse_html, visible_lines

PAGE = """<html><head><title>报告_示范门户</title><style>p{}</style></head><body>
<div class="nav">首页<a href="/">政务</a></div>
<table><tr><td>收到申请数</td><td></td><td>81</td></tr></table>
<script>document.write('x')</script><p>正文<br>第二行</p></body></html>"""


def lines():
    return visible_lines(parse_html(PAGE))


def test_each_table_cell_is_a_line():
    assert lines()[1:4] == ["收到申请数", "\u00a0", "81"]


def test_scripts_are_not_text():
    assert not any("document" in line for line in lines())


def test_br_breaks_a_line():
    assert lines()[-2:] == ["正文", "第二行"]


def test_title_is_read():
    assert html_title(parse_html(PAGE)) == "报告_示范门户"


FORM_PAGE = """<html><body><form id="aspnetForm"><input name="q" value="搜索">
<label for="q">关键词</label><select><option>2019年</option></select>
<textarea>留言</textarea><p>本报告由市政府办公室编制。</p></form></body></html>"""


def test_a_page_wrapped_in_a_form_reads_as_lines():
    # Form controls are plain elements here: their text is read like any other.
    assert visible_lines(parse_html(FORM_PAGE)) == ["关键词", "2019年", "留言", "本报告由市政府办公室编制。"]
