"""Trap URLs refused before they are requested."""

import pytest

from crawler.links.traps import CalendarTrap, trap_reason


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://h/zwgk/rili.html?year=2019&month=3", "calendar query"),
        ("http://h/calendar/2019/03/index.html", "calendar or session path"),
        ("http://h/list.jsp?page=999999", "endless paging"),
        ("http://h/col/index_100000.html", "endless paging"),
        ("http://h/a/b/a/b/a/b/c.html", "repeated path segment"),
        ("http://h/list.jsp?jsessionid=abc", "session query"),
        ("http://h/list.jsp?sid=8F3A9C0D2E4B6A17", "session query"),
        ("http://h/" + "x" * 600, "url too long"),
    ],
)
def test_traps_are_named(url, reason):
    assert trap_reason(url) == reason


@pytest.mark.parametrize(
    "url",
    [
        "http://h/zwgk/ndbg/index_2.html",
        "http://h/list.jsp?page=3&columnid=12",
        "http://h/art/2020/3/25/art_300_5000.html",
        "http://h/zwgk/ndbg/202003/t20200325_1000.html",
        "http://h/gkmlpt/api/all/2629?page=2&sid=755001",
    ],
)
def test_ordinary_pages_pass(url):
    assert trap_reason(url) is None


@pytest.mark.parametrize(
    "urls",
    [
        [f"http://h/xxgk/hdrl/cal.jsp?rq=2019{m:02d}" for m in range(1, 13)],
        [f"http://h/huodong/2019/3/{d}/index.html" for d in range(1, 20)],
        [f"http://h/list.do?d=2019-03-{d:02d}&type=1" for d in range(1, 20)],
        [f"http://h/rili_201903{d:02d}.html" for d in range(1, 20)],
    ],
    ids=["query-month", "path-day", "query-day", "file-name-day"],
)
def test_a_calendar_is_fetched_for_a_few_dates_only(urls):
    trap = CalendarTrap(4)
    assert [trap.refuse(u) for u in urls] == [None] * 4 + ["calendar dates"] * (len(urls) - 4)


def test_a_date_already_counted_is_not_refused():
    trap = CalendarTrap(1)
    assert [trap.refuse("http://h/cal?rq=201903") for _ in range(3)] == [None, None, None]


@pytest.mark.parametrize(
    "urls",
    [
        [f"http://h/zwgk/ndbg/202003/t20200325_{1000 + i}.html" for i in range(20)],
        [f"http://h/art/2020/3/{1 + i}/art_300_{5000 + i}.html" for i in range(20)],
        [f"http://h/ndbg/{year}/index.html" for year in range(2008, 2025)],
        [f"http://h/ndbg/list.jsp?page={n}" for n in range(20)],
    ],
    ids=["trs-articles", "hanweb-articles", "year-archive", "paging"],
)
def test_articles_year_archives_and_paging_are_not_calendars(urls):
    trap = CalendarTrap(4)
    assert [trap.refuse(u) for u in urls] == [None] * len(urls)


def test_no_limit_refuses_nothing():
    trap = CalendarTrap(0)
    assert {trap.refuse(f"http://h/cal?rq=2019{m:02d}") for m in range(1, 13)} == {None}
