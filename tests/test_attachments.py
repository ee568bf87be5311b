"""Attachment links: TRS ./W0….docx with OLDSRC (the real 教育部 page, corpus #17), file_appendix
scripts, plain links, read from the parsed page."""

import pytest
from parsel import Selector

from crawler.links.attachments import find_attachments, is_attachment_url
from extract.attachments import PDF, attachment_problem, not_a_document

from .helpers.paths import shared_file

MOE_URL = "http://www.moe.gov.cn/srcsite/A13/moe_772/202406/t20240613_1135446.html"


@pytest.fixture(scope="module")
def moe_links():
    page = shared_file("corpus", "real", "mhxqwer__wjmoe.gov.cn", "index.html")
    return find_attachments(Selector(text=page.read_text("utf-8")), MOE_URL)


@pytest.mark.shared
def test_all_three_trs_docx_attachments_are_found(moe_links):
    assert [link.url.rsplit("/", 1)[1] for link in moe_links] == [
        "W020240613556663716813.docx",
        "W020240613556663720310.docx",
        "W020240613556663730435.docx",
    ]


@pytest.mark.shared
def test_attachment_resolves_beside_its_page(moe_links):
    assert moe_links[0].url == "http://www.moe.gov.cn/srcsite/A13/moe_772/202406/W020240613556663716813.docx"


@pytest.mark.shared
def test_attachment_keeps_its_link_text(moe_links):
    assert moe_links[0].text == "知识竞答工作要求"


def test_oldsrc_alone_is_enough():
    html = '<a href="javascript:void(0)" OLDSRC="/protect/P0201901/P020190110385742556914.pdf">年报</a>'
    assert (
        find_attachments(Selector(text=html), "http://h/a/b.html")[0].url
        == "http://h/protect/P0201901/P020190110385742556914.pdf"
    )


def test_file_appendix_script_with_escaped_quotes():
    html = """<script>var file_appendix = "<a href=\\"./P020200115.xlsx\\">统计表</a>";</script>"""
    assert [(x.url, x.text) for x in find_attachments(Selector(text=html), "http://h/a/t.html")] == [
        ("http://h/a/P020200115.xlsx", "统计表")
    ]


def test_unquoted_href_is_found():
    html = "<p><a href=./P020190110.pdf>2018年政府信息公开工作年度报告</a></p>"
    assert [(x.url, x.text) for x in find_attachments(Selector(text=html), "http://h/a/t.html")] == [
        ("http://h/a/P020190110.pdf", "2018年政府信息公开工作年度报告")
    ]


def test_link_inside_a_comment_is_not_found():
    html = """<p><!-- <a href="./P020180101.pdf">旧附件</a> --><a href="./P020190110.pdf">附件</a></p>"""
    assert [x.url for x in find_attachments(Selector(text=html), "http://h/a/t.html")] == [
        "http://h/a/P020190110.pdf"
    ]


def test_bare_path_in_a_script_string_is_found():
    html = (
        """<script>var OLDSRC = './P020190110.pdf';</script><!-- <script>var x = './old.pdf';</script> -->"""
    )
    assert [x.url for x in find_attachments(Selector(text=html), "http://h/a/t.html")] == [
        "http://h/a/P020190110.pdf"
    ]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://h/a/W0201.docx", True),
        ("http://h/a/report.PDF", True),
        ("http://h/download.jsp?filename=2019年报.pdf", True),
        ("http://h/a/index.html", False),
        ("http://h/a/pdf.html", False),
    ],
)
def test_is_attachment_url(url, expected):
    assert is_attachment_url(url) is expected


@pytest.mark.parametrize(
    ("url", "body", "problem"),
    [
        ("http://h/a.pdf", b"", "corrupt attachment: empty (0 bytes)"),
        (
            "http://h/a.xlsx",
            b"<!DOCTYPE html><html>404</html>",
            "corrupt attachment: .xlsx served as an HTML page",
        ),
        (
            "http://h/a.pdf",
            b"  <html><body>error</body></html>",
            "corrupt attachment: .pdf served as an HTML page",
        ),
        ("http://h/a.pdf", b"%PDF-1.4 ...", None),
        ("http://h/a.docx", b"PK\x03\x04...", None),
        ("http://h/a.xls", b"<html><table></table></html>", None),  # Excel's own HTML export
        ("http://h/a.ofd", b"<!-- 404 --><html></html>", "corrupt attachment: .ofd served as an HTML page"),
        ("http://h/a.pdf", b"\x00\x01 not html", None),  # left to the PDF reader, which says what it is
    ],
)
def test_attachment_problem(url, body, problem):
    assert attachment_problem(url, body) == problem


def test_a_document_that_is_a_commented_html_page_says_so():
    assert (
        not_a_document(b"<!-- 404 --><p>not found</p>", PDF)
        == "pdf: not a PDF file: the bytes are an HTML page"
    )
