import pytest

from extract.decode import declared_encoding, decode_html

from .helpers.paths import shared_file

GBK_ONLY = "朱镕基"  # 镕 is in GBK but not in GB2312


def test_gb2312_declared_gbk_bytes_are_read_as_gb18030():
    body = f'<meta charset="gb2312"><p>{GBK_ONLY}</p>'.encode("gbk")
    decoded = decode_html(body)
    assert GBK_ONLY in decoded.text


def test_gb2312_declared_gbk_bytes_report_the_declaration():
    body = f'<meta charset="gb2312"><p>{GBK_ONLY}</p>'.encode("gbk")
    assert decode_html(body).declared == "gb2312"


def test_utf8_bytes_win_over_a_gb2312_meta():
    body = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>政府信息公开</p>'.encode()
    assert decode_html(body).encoding == "utf-8"


def test_header_charset_is_read_before_meta():
    assert declared_encoding(b'<meta charset="utf-8">', "text/html; charset=GBK") == "gbk"


def test_byte_order_mark_wins():
    body = "\ufeff<p>年度报告</p>".encode("utf-16-le")
    body = b"\xff\xfe" + body[2:]
    assert "年度报告" in decode_html(body).text


@pytest.mark.shared
def test_real_gbk_page_decodes_without_replacement():
    path = shared_file(
        "corpus", "real", "adbar__trafilatura", "tests", "eval", "archive.org.he.xinhuanet.com.25340717.html"
    )
    decoded = decode_html(path.read_bytes())
    assert decoded.text.count("\ufffd") == 0 and decoded.encoding == "gb18030"


@pytest.mark.shared
def test_real_page_lying_gb2312_meta_is_read_as_utf8():
    path = shared_file(
        "corpus", "real", "GeneralNewsExtractor__GeneralNewsExtractor", "tests", "people", "1.html"
    )
    assert decode_html(path.read_bytes()).encoding == "utf-8"


REPORT_LINE = "<p>政府信息公开工作年度报告，依申请公开的情况。2017年，我市主动公开政府信息。</p>" * 3


def test_utf8_once_misread_as_gbk_is_repaired():
    resaved = REPORT_LINE.encode("utf-8").decode("gb18030", errors="replace").encode("utf-8")
    assert "依申请公开" in decode_html(resaved).text


def test_repair_names_the_codec_it_undid():
    resaved = REPORT_LINE.encode("utf-8").decode("latin-1").encode("utf-8")
    assert decode_html(resaved).mojibake == "latin-1"


def test_clean_text_is_not_repaired():
    assert decode_html(REPORT_LINE.encode("utf-8")).mojibake is None


def test_rare_characters_in_clean_text_are_not_repaired():
    assert decode_html("<p>朱镕基 乾安县</p>".encode("gbk")).mojibake is None


def test_repaired_page_carries_a_flag():
    from extract import process

    resaved = ("<title>包头市2017年政府信息公开工作年度报告</title>" + REPORT_LINE).encode("utf-8")
    resaved = resaved.decode("latin-1").encode("utf-8")
    assert "mojibake_repaired:latin-1" in process(resaved, "http://x.gov.cn/a.html").flags
