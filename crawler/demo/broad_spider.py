"""The baseline of `nianbao bench registry`: one plain Scrapy spider over every site at once.

Scrapy's broad-crawl settings (https://docs.scrapy.org/en/latest/topics/broad-crawls.html):
one engine, a download slot per host with one request at a time in each, the
`DownloaderAwarePriorityQueue`, no cookies, retries or redirects; robots.txt obeyed and no
delay, as the nianbao crawl in the benchmark. Every page it fetches goes through the same
extraction (`extract.process`) that nianbao's pipeline runs, on the reactor's thread as a plain
spider would; every same-host link of a page is followed.

`python -m crawler.demo.broad_spider REGISTRY` prints one JSON line: pages fetched, reports
found, seconds.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor

from extract import Options, process

BROAD_CRAWL_SETTINGS: dict[str, Any] = {
    "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.DownloaderAwarePriorityQueue",
    "CONCURRENT_REQUESTS": 100,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
    "REACTOR_THREADPOOL_MAXSIZE": 20,
    "LOG_LEVEL": "INFO",
    "COOKIES_ENABLED": False,
    "RETRY_ENABLED": False,
    "DOWNLOAD_TIMEOUT": 15,
    "REDIRECT_ENABLED": False,
    "ROBOTSTXT_OBEY": True,
    "DOWNLOAD_DELAY": 0,
    "TELNETCONSOLE_ENABLED": False,
}


class BroadSpider(scrapy.Spider):
    name = "broad"

    def __init__(self, urls: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = urls
        self.links = LinkExtractor(deny_extensions=["js", "css"])
        self.options = Options()
        self.pages = 0
        self.reports = 0

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        self.pages += 1
        headers = {k.decode(): v[0].decode("latin-1") for k, v in response.headers.items() if v}
        if process(response.body, response.url, headers, self.options).is_report:
            self.reports += 1
        if not isinstance(response, TextResponse):
            return
        host = urlsplit(response.url).netloc
        for link in self.links.extract_links(response):
            if urlsplit(link.url).netloc == host:
                yield response.follow(link.url, callback=self.parse)


def main(argv: list[str]) -> None:
    with open(argv[0], encoding="utf-8") as registry:
        urls = [row["url"] for row in csv.DictReader(registry)]
    started = time.monotonic()
    crawl = CrawlerProcess(BROAD_CRAWL_SETTINGS)
    crawler = crawl.create_crawler(BroadSpider)
    crawl.crawl(crawler, urls=urls)
    crawl.start()
    spider = crawler.spider
    seconds = time.monotonic() - started
    print(json.dumps({"pages": spider.pages, "reports": spider.reports, "seconds": seconds}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
