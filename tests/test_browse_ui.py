"""A person's path through Datasette, in Debian's chromium driven by Playwright.

Screenshots of every step are saved under test-artifacts/. The tests skip only where
chromium or Playwright is absent on a developer machine; in CI (.ci/run installs both)
their absence is a failure.
"""

import os
import shutil

import pytest

from crawler.addons.browser import CHROMIUM_ARGS

from .helpers.datasette import nianbao_serve
from .helpers.paths import REPO

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts"
ROWS = "table.rows-and-columns tbody tr"


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: .ci/run installs it")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed")
    if not os.path.exists(CHROMIUM):
        _missing("Debian's chromium is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(demo_database):
    with nianbao_serve(demo_database) as base:
        yield base


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def test_reports_table_renders(page, site):
    page.goto(site + "/reports/reports")
    assert page.locator(ROWS).count() == 5


def test_a_facet_click_filters_the_table(page, site):
    page.goto(site + "/reports/reports")
    page.locator('.facet-info[data-column="year"] a', has_text="2018").first.click()
    page.wait_for_url("**year=2018**")
    assert page.locator(ROWS).count() == 1


def test_the_table_search_box_finds_reports(page, site):
    page.goto(site + "/reports/reports")
    page.fill("input[name=_search]", "主动公开")
    page.locator("form.filters input[type=submit]").click()
    page.wait_for_url("**_search=**")
    assert page.locator(ROWS).count() == 5


def test_search_for_a_two_character_word_is_reached_from_the_table(page, site):
    page.goto(site + "/reports/reports")
    page.get_by_role("link", name="Search 全文搜索").first.click()
    page.wait_for_url("**/reports/search**")
    page.fill("input[name=q]", "抚顺")
    page.locator("form.sql input[type=submit]").click()
    page.wait_for_url("**q=**")
    assert "抚顺市2017年政府信息公开工作年度报告" in page.locator("table.rows-and-columns").inner_text()


def test_a_regions_reports_from_the_home_page(page, site):
    page.goto(site + "/")
    page.get_by_role("link", name="A region's reports 地区年报").click()
    page.fill("input[name=region]", "诸城")
    page.locator("form.sql input[type=submit]").click()
    page.wait_for_url("**region=**")
    assert (
        "诸城市人民政府2017年政府信息公开工作年度报告" in page.locator("table.rows-and-columns").inner_text()
    )


def test_tampered_pages_show_their_evidence(page, site):
    page.goto(site + "/")
    page.get_by_role("link", name="Tampered pages 被篡改页面").click()
    page.wait_for_url("**/reports/tampered_pages")
    assert "美高梅" in page.locator("table.rows-and-columns").inner_text()


# Vega labels every mark it draws (ARIA), so what a chart shows can be read back.
@pytest.mark.parametrize(
    ("chart", "mark", "count"),
    [
        ("applications-per-year", "bar", 2),  # 2017 and 2018 have application figures in the demo
        ("outcome-shares", "arc mark", 5),  # the five outcomes
        # three kinds in 2017, one in 2018, and the brand titles masked on list pages (fetch year)
        ("spam-over-time", "bar", 5),
    ],
)
def test_a_chart_renders_on_the_dashboard(page, site, chart, mark, count):
    page.goto(site + "/")
    page.get_by_role("link", name="Charts 图表").click()
    marks = page.locator(f'#chart-{chart} svg.marks [aria-roledescription="{mark}"]')
    marks.first.wait_for(state="visible")
    assert marks.count() == count


def test_the_coverage_chart_shows_each_years_reports_found_and_missing(page, site):
    page.goto(site + "/-/dashboards/nianbao")
    bars = page.locator('#chart-coverage-by-year svg.marks [aria-roledescription="bar"]')
    bars.first.wait_for(state="visible")
    labels = [bars.nth(i).get_attribute("aria-label") for i in range(bars.count())]
    # The demo's four 2017 reports are found, and its bodies' 2018 reports but 黑山's are missing.
    assert {
        "Year 年度: 2017; Bodies 机关数: 4; Status 状态: found 已发布",
        "Year 年度: 2018; Bodies 机关数: 4; Status 状态: missing 缺失",
    } <= set(labels)


def test_the_applications_chart_shows_the_sum_of_the_reports(page, site):
    page.goto(site + "/-/dashboards/nianbao")
    bar = page.locator('#chart-applications-per-year svg.marks [aria-roledescription="bar"]').first
    assert bar.get_attribute("aria-label").endswith(": 5685")  # 大连 5516 (prose) + 诸城 88 + 包头 81


def test_the_dashboard_filter_narrows_the_chart_to_a_region(page, site):
    page.goto(site + "/-/dashboards/nianbao")
    page.select_option("select#region", "诸城市")
    page.locator(".dashboard-filters input[type=submit]").click()
    page.wait_for_url("**region=**")
    bar = page.locator('#chart-applications-per-year svg.marks [aria-roledescription="bar"]').first
    assert bar.get_attribute("aria-label").endswith(": 88")


@pytest.mark.parametrize(
    "view", ["report_headlines", "report_indicators", "agency_year_over_year", "report_coverage"]
)
def test_a_view_applies_its_own_filter_form(page, site, view):
    page.goto(f"{site}/reports/{view}")
    page.locator("form.filters input[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(ROWS).count() >= 3
