"""The Hanweb adapter: records hidden in the jpage datastore, dataproxy.jsp POST paging."""

import pytest
from parsel import Selector

from crawler.cms.hanweb import HanwebAdapter, next_group

from .portals import markup, script_lists

URL = "http://127.0.0.1:8000/col/col300/index.html"
PROXY = "http://127.0.0.1:8000/module/web/jpage/dataproxy.jsp"


@pytest.fixture(scope="module")
def column():
    return markup.hanweb_portal()["/col/col300/index.html"].decode()


def test_records_inside_the_xml_script_are_links(column):
    links = HanwebAdapter().links(Selector(text=column), URL)
    assert [link.text for link in links] == [d.title for d in markup.HANWEB_DOCS[:4]]


def test_record_links_are_absolute(column):
    assert (
        HanwebAdapter().links(Selector(text=column), URL)[0].url
        == "http://127.0.0.1:8000/art/2020/3/25/art_300_5000.html"
    )


def test_next_group_is_a_post_after_the_shown_records(column):
    (request,) = HanwebAdapter().list_requests(Selector(text=column), URL)
    assert (request.method, request.url) == ("POST", PROXY + "?startrecord=5&endrecord=8&perpage=2")


def test_the_post_carries_the_column_ajax_parameters(column):
    (request,) = HanwebAdapter().list_requests(Selector(text=column), URL)
    form = dict(request.formdata)
    assert (form["columnid"], form["unitid"], form["webname"], "page" in form) == (
        "300",
        "4567",
        "江源市",
        False,
    )


def test_a_stated_total_names_every_group(column):
    page = column.replace("perPage: 2", "perPage: 2, totalRecord: 17")
    starts = [
        r.url.split("startrecord=")[1].split("&")[0]
        for r in HanwebAdapter().list_requests(Selector(text=page), URL)
    ]
    assert starts == ["5", "9", "13", "17"]


def test_a_full_group_without_total_asks_for_the_next():
    xml = (
        "<datastore><recordset>"
        + markup.hanweb_records(markup.HANWEB_DOCS, 5, 8)
        + "</recordset></datastore>"
    )
    following = next_group(xml, PROXY + "?startrecord=5&endrecord=8&perpage=2", (("columnid", "300"),))
    assert following.url == PROXY + "?startrecord=9&endrecord=12&perpage=2"


def test_a_short_group_is_the_last():
    xml = (
        "<datastore><recordset>"
        + markup.hanweb_records(markup.HANWEB_DOCS, 9, 12)
        + "</recordset></datastore>"
    )
    assert next_group(xml, PROXY + "?startrecord=9&endrecord=12&perpage=2", ()) is None


def test_paging_posts_go_to_the_endpoint_the_page_names():
    pages, _routes = script_lists.hanweb_named()
    column = pages["/col/col2629/index.html"].decode()
    (request,) = HanwebAdapter().list_requests(
        Selector(text=column), "http://127.0.0.1:8000/col/col2629/index.html"
    )
    assert request.url.split("?")[0] == "http://127.0.0.1:8000/module/jpage/dataproxy.jsp"


def test_quoted_nextgroup_values_are_sent_whole():
    pages, _routes = script_lists.hanweb_named()
    column = pages["/col/col2629/index.html"].decode()
    (request,) = HanwebAdapter().list_requests(
        Selector(text=column), "http://127.0.0.1:8000/col/col2629/index.html"
    )
    assert dict(request.formdata)["path"] == "'/'" and dict(request.formdata)["webname"] == "'柳林县'"
