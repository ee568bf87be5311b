"""The whole extraction on the sample portal's saved pages (raw bytes as served, GBK stays GBK)."""

import json
import subprocess
import sys

import pytest

from extract import process

from .helpers.paths import REPO, SAMPLE_PORTAL

NDBG = "xxgk/ndbg/"
CASES = {
    "000": "201803/t20180330_1234567.html",
    "001": "201803/t20180328_1234488.html",
    "002": "201903/t20190325_2345601.html",
    "003": "201803/t20180322_1234401.html",
    "004": "201803/t20180329_1234502.html",
}


def url_of(page: str) -> str:
    return f"http://sample-portal.localhost/{NDBG}{page}"


@pytest.fixture(scope="module")
def reports():
    return {
        seed: process((SAMPLE_PORTAL / NDBG / page).read_bytes(), url_of(page))
        for seed, page in CASES.items()
    }


@pytest.mark.parametrize(
    ("seed", "title"),
    [
        ("001", "抚顺市2017年政府信息公开工作年度报告"),
        ("003", "包头市2017年政府信息公开工作年度报告"),
        ("004", "诸城市人民政府2017年政府信息公开工作年度报告"),
    ],
)
def test_title(reports, seed, title):
    assert reports[seed].title == title


@pytest.mark.parametrize(("seed", "agency"), [("003", "包头市人民政府"), ("004", "诸城市人民政府")])
def test_agency(reports, seed, agency):
    assert reports[seed].agency == agency


@pytest.mark.parametrize(("seed", "published_on"), [("003", "2018-03-22"), ("004", "2018-03-29")])
def test_published_on(reports, seed, published_on):
    assert reports[seed].published_on == published_on


@pytest.mark.parametrize(("seed", "era"), [("000", None), ("003", "legacy"), ("004", "legacy")])
def test_era(reports, seed, era):
    assert reports[seed].era == era


def test_gbk_page_text_keeps_its_characters(reports):
    assert "诸城市人民政府办公室" in reports["004"].text


def test_traditional_page_is_detected(reports):
    assert reports["003"].script == "traditional"


@pytest.mark.parametrize(
    ("seed", "phrase"), [("003", "依申请公开"), ("003", "行政复议"), ("004", "主动公开政府信息")]
)
def test_text_is_simplified(reports, seed, phrase):
    assert phrase in reports[seed].text


def test_simplified_page_is_not_converted(reports):
    assert reports["004"].script == "simplified"


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_site_navigation_is_not_in_the_text(reports, seed):
    assert "示范门户" not in reports[seed].text


def test_garbage_tag_is_a_finding(reports):
    assert "garbage_tag" in {f.kind for f in reports["003"].spam.findings}


def test_link_farm_after_the_footer_is_removed(reports):
    assert "果博" not in reports["003"].text


@pytest.mark.parametrize("seed", ["000", "002"])
def test_brand_over_the_place_name_is_flagged(reports, seed):
    assert "brand_swap" in {f.kind for f in reports[seed].spam.findings}


@pytest.mark.parametrize("seed", ["001", "004"])
def test_clean_page_is_not_tampered(reports, seed):
    assert reports[seed].spam.tampered is False


def test_sections_are_split(reports):
    assert [s.heading for s in reports["003"].sections][:2] == ["", "一、概述"]


def test_zhucheng_internal_mismatch_is_a_soft_finding(reports):
    assert [(v.rule, v.severity) for v in reports["004"].validation] == [("L-INTERNAL", "soft")]


@pytest.mark.parametrize("seed", CASES)
def test_no_stage_failed(reports, seed):
    assert reports[seed].errors == ()


def test_undecodable_bytes_still_give_a_page_with_its_hash():
    report = process(bytes(range(256)) * 4, "http://x.gov.cn/broken.html")
    assert len(report.sha256) == 64 and report.is_report is False


def test_extract_command_prints_the_contract():
    page = SAMPLE_PORTAL / NDBG / CASES["004"]
    result = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "extract", str(page), "--url", url_of(CASES["004"])],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    data = json.loads(result.stdout)
    contract = {
        "url",
        "title",
        "agency",
        "region",
        "year",
        "published_on",
        "era",
        "text",
        "sections",
        "stats",
        "spam",
        "validation",
        "errors",
    }
    assert (
        contract <= set(data) and data["year"] == 2017 and isinstance(data["stats"][0]["value"], int | float)
    )
