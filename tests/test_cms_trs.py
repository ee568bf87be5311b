from crawler.cms.trs import list_page_urls

LIST_PAGE = """<div class="page"><script>
var currentPage = 1;
createPageHTML(3, 1, "index", "html");
</script></div>"""


def test_all_list_pages_are_named():
    assert list_page_urls(LIST_PAGE, "http://127.0.0.1:8000/xxgk/ndbg/index_1.html") == [
        "http://127.0.0.1:8000/xxgk/ndbg/index.html",
        "http://127.0.0.1:8000/xxgk/ndbg/index_1.html",
        "http://127.0.0.1:8000/xxgk/ndbg/index_2.html",
    ]


def test_function_definition_is_not_a_call():
    definition = "function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {}"
    assert list_page_urls(definition, "http://127.0.0.1:8000/a/index.html") == []


def test_endless_paging_is_capped():
    assert len(list_page_urls('createPageHTML(999999, 0, "index", "shtml")', "http://h/a/")) == 500
