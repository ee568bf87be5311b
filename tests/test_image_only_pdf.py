"""A scanned PDF (pictures, no text layer) is flagged, not stored as an empty report."""

import io

import pytest
from PIL import Image

from extract import process


@pytest.fixture(scope="module")
def scanned():
    buffer = io.BytesIO()
    pages = [Image.new("RGB", (620, 877), "white") for _ in range(2)]
    pages[0].save(buffer, "PDF", save_all=True, append_images=pages[1:])
    return process(
        buffer.getvalue(),
        "http://www.example.gov.cn/xxgk/W020180322.pdf",
        context_title="包头市2017年政府信息公开工作年度报告",
    )


def test_scan_is_not_a_report(scanned):
    assert scanned.is_report is False


def test_scan_is_flagged(scanned):
    assert scanned.flags == ("image_only_pdf",)


def test_scan_error_says_why(scanned):
    assert "image-only" in scanned.errors[0] and "2 scanned pages" in scanned.errors[0]


def test_scan_keeps_its_hash(scanned):
    assert len(scanned.sha256) == 64
