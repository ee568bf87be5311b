"""The Shanghai pagination adapter on the real 疫情通报 list page (corpus #11)."""

import pytest
from parsel import Selector

from crawler.cms.shanghai import ShanghaiAdapter

from .helpers.paths import shared_file

pytestmark = pytest.mark.shared  # every test here reads ../shared

URL = "https://wsjkw.sh.gov.cn/xwfb/index.html"


@pytest.fixture(scope="module")
def requests():
    page = shared_file("corpus", "real", "lvchengli__covid-spider", "src", "htmlstr.extracted.html")
    return ShanghaiAdapter().list_requests(Selector(text=page.read_text("utf-8")), URL)


def test_every_page_of_the_pager_is_named(requests):
    assert len(requests) == 54


def test_page_one_is_index(requests):
    assert requests[0].url == "https://wsjkw.sh.gov.cn/xwfb/index.html"


def test_index_2_is_page_two_unlike_trs(requests):
    assert requests[1].url == "https://wsjkw.sh.gov.cn/xwfb/index_2.html"


def test_last_page(requests):
    assert requests[-1].url == "https://wsjkw.sh.gov.cn/xwfb/index_54.html"
