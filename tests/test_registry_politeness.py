"""Politeness per server in a registry crawl: a `group` of sites is crawled as one slot, and
NIANBAO_REQUESTS_PER_IP caps the requests in flight to one address, across the sites' crawlers.

The generated sites (crawler/demo/registry_sites.py) answer after 0.1 s and log when each
request arrived and when its answer went out; two requests were in flight together when those
spans overlap."""

from __future__ import annotations

import pytest

from crawler.demo.registry_sites import served_sites

from .helpers.crawl import open_db, run_registry_crawl

ANSWER_DELAY = "0.1"


def most_in_flight(spans: list[tuple[float, float]]) -> int:
    """The most spans open at one moment: starts count +1, ends -1, ends first on a tie."""
    events = sorted([(start, 1) for start, _ in spans] + [(end, -1) for _, end in spans])
    now = peak = 0
    for _, step in events:
        now += step
        peak = max(peak, now)
    return peak


def read_log(path) -> list[tuple[str, float, float]]:
    """(address:port, arrived, answered) for every request the sites served."""
    rows = []
    for line in path.read_text().splitlines():
        site, start, end, _ = line.split(" ", 3)
        rows.append((site, float(start), float(end)))
    return rows


def crawl(folder, sites: int, group: int, columns: list[str], **env: str):
    """Serve `sites` sites, `group` to an address; crawl them with each site's `group` column."""
    log = folder / "requests.log"
    with served_sites(sites, "--group", str(group), "--delay", ANSWER_DELAY, "--log", str(log)) as listed:
        registry = folder / "sites.csv"
        registry.write_text(
            "name,url,group\n"
            + "".join(f"site{i},{site['url']},{columns[i]}\n" for i, site in enumerate(listed)),
            encoding="utf-8",
        )
        result = run_registry_crawl(registry, folder / "reports.db", **env)
    assert result.returncode == 0, result.stderr[-2000:]
    netlocs = [site["url"].split("/")[2] for site in listed]
    return netlocs, read_log(log), folder / "reports.db"


@pytest.fixture(scope="module")
def grouped(tmp_path_factory):
    """Four sites on four addresses; the first two are one platform's (group `platform`)."""
    return crawl(
        tmp_path_factory.mktemp("grouped"), 4, 1, ["platform", "platform", "", ""], NIANBAO_ACTIVE_SITES="4"
    )


@pytest.fixture(scope="module")
def one_server(tmp_path_factory):
    """Four sites on one address (four ports), at most two requests at a time to it."""
    return crawl(
        tmp_path_factory.mktemp("per_ip"),
        4,
        4,
        ["", "", "", ""],
        NIANBAO_ACTIVE_SITES="4",
        NIANBAO_REQUESTS_PER_IP="2",
    )


def test_two_sites_of_one_group_never_have_two_requests_in_flight(grouped):
    netlocs, log, _ = grouped
    spans = [(start, end) for site, start, end in log if site in netlocs[:2]]
    assert len(spans) > 10 and most_in_flight(spans) == 1


def test_sites_of_no_group_are_crawled_together(grouped):
    netlocs, log, _ = grouped
    spans = [(start, end) for site, start, end in log if site in netlocs[2:]]
    assert most_in_flight(spans) == 2


def test_every_site_of_a_group_is_crawled(grouped):
    _, _, db = grouped
    conn = open_db(db)
    statuses = [row[0] for row in conn.execute("select status from crawl_runs")]
    conn.close()
    assert statuses == ["finished"] * 4


def test_one_address_never_has_more_requests_in_flight_than_allowed(one_server):
    _, log, _ = one_server
    assert most_in_flight([(start, end) for _, start, end in log]) == 2


def test_sites_on_one_address_share_it(one_server):
    netlocs, log, _ = one_server
    assert len({netloc.split(":")[0] for netloc in netlocs}) == 1
    assert {site for site, _, _ in log} == set(netlocs)


def test_hosts_that_resolve_to_one_address_count_together():
    from twisted.internet import defer

    from crawler.registry import Site
    from crawler.site_admission import SiteAdmission

    admission = SiteAdmission(1, lambda host: defer.succeed("10.0.0.7"))
    first, second = Site("http://a.gov.cn/"), Site("http://b.gov.cn/")
    assert not admission.may_start(first)  # looked up now; the answer arrives at once here
    assert admission.may_start(first)
    admission.started(first)
    assert not admission.may_start(second)
    admission.finished(first)
    assert admission.may_start(second)
