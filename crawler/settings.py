"""Scrapy settings for nianbao: plain values, one comment each.

The NIANBAO_* environment variables override them through one add-on
(crawler/addons/environment.py), the same way for `nianbao`, `scrapy crawl` and Scrapyd.
"""

from crawler.addons.environment import user_agent

BOT_NAME = "nianbao"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Our own settings ---------------------------------------------------------
# SQLite file the pipelines write to.
NIANBAO_DB = "output/reports.db"
# Contact URL named in the User-Agent, so a site's administrator can reach us.
NIANBAO_CONTACT_URL = "https://github.com/nianbao/nianbao"
# Pages fetched per site before the spider stops following links.
NIANBAO_MAX_PAGES = 2000
# Links that say nothing about reports are followed only from pages this close to the start
# (0 = the start page only); beyond it the crawl keeps to the disclosure section and report column.
NIANBAO_OFFTOPIC_DEPTH = 1
# URLs that differ only by a date (a calendar, an archive by day) are fetched for this many dates
# per URL pattern; further dates are refused as a calendar trap, with a row each (0 = no limit).
NIANBAO_CALENDAR_DATES = 4
# Wait as robots.txt's Crawl-delay asks (Scrapy reads the rules but ignores the delay) ...
NIANBAO_OBEY_CRAWL_DELAY = True
# ... up to this many seconds: a longer delay would stall the crawl; the budget does the rest.
NIANBAO_MAX_CRAWL_DELAY = 60
# Tries after a 429/503 with Retry-After (0 switches it off), and the longest wait honoured.
NIANBAO_RETRY_AFTER_TIMES = 3
NIANBAO_MAX_RETRY_AFTER = 300
# Mark WAF challenges, geoblocks and TLS failures instead of parsing them ...
NIANBAO_DETECT_BLOCKERS = True
# ... and stop crawling a site after this many blocked answers in a row (0 = never stop).
NIANBAO_BLOCKS_BEFORE_STOP = 3
# Re-crawls send If-None-Match / If-Modified-Since for stored reports and skip unchanged bytes.
NIANBAO_INCREMENTAL = True
# Render in a browser the pages whose links only JavaScript builds (needs the `browser` extra);
# off by default: every other page, and every page without it, is plain HTTP.
NIANBAO_BROWSER = False
# The chromium that renders them: Debian's, never a browser downloaded by Playwright.
NIANBAO_CHROMIUM = "/usr/bin/chromium"
# Worker processes that parse pages while the crawl downloads and stores (0 parses in the
# crawl's own process). Workers pay off where pages come faster than one core parses them.
NIANBAO_EXTRACT_WORKERS = 0
# Pages (HTML, text) larger than this many bytes are stored with their hash, size and the reason,
# but not parsed and their links not followed: parsing costs about 40 times a page's size in
# memory. Report pages are well under 1 MB; 0 parses every page. PDF/Word/Excel files are read
# up to DOWNLOAD_MAXSIZE, page by page.
NIANBAO_MAX_PARSE_SIZE = 4 * 1024 * 1024
# Keep every fetched answer (headers and body) in gzipped WARC files beside the database
# (`output/reports-warc/`), each `pages` row pointing at its record, so pages can be read again
# without the network ...
NIANBAO_WARC = True
# ... beginning a new file once one is past this many bytes.
NIANBAO_WARC_MAX_BYTES = 1024 * 1024 * 1024
# Distributed crawls (--redis): requests one worker takes from the shared queue at a time (more
# keeps it busy across many sites, fewer shares a small frontier evenly) ...
NIANBAO_WORKER_REQUESTS = 2
# ... and seconds a worker waits on an empty queue for other workers to add to it before it stops.
NIANBAO_REDIS_IDLE_SECONDS = 15
# ... and one lease per site in Redis, so that across all workers one request at a time goes to a
# site and its delay holds between any two of them (off: each worker is polite on its own only).
NIANBAO_SHARED_POLITENESS = True
# Registry crawls (--registry): sites crawled at once, each by its own crawler (some 4 MB and 4 open
# files each); when one finishes the next starts, so memory depends on this, not on the registry.
NIANBAO_ACTIVE_SITES = 16
# ... of which at most this many on one IP address (0 = no limit): each site gets one request at
# a time, so this is the requests in flight to one server (Scrapy's CONCURRENT_REQUESTS_PER_IP,
# held across the sites' crawlers); a registry `group` column puts sites in one slot outright.
NIANBAO_REQUESTS_PER_IP = 4
# Monitors (crawler/monitors/): after each site's crawl, check it against the site's earlier runs,
# store what they found in `monitor_results` and print it in the summary ...
NIANBAO_MONITORS = True
# ... an alert when more than this share of the run's pages had an error (a fetch error or an HTTP
# error answer) ...
NIANBAO_MONITOR_ERROR_RATIO = 0.2
# ... and when the run's pages carry at least this many spam findings more than the site's last run.
NIANBAO_MONITOR_SPAM_JUMP = 10
# Alerts are also sent to this URL (empty: none) ...
NIANBAO_WEBHOOK = ""
# ... as a JSON document of the run's results (`generic`), a DingTalk group robot's text message
# (`dingtalk`) or a WeCom group robot's markdown message (`wecom`).
NIANBAO_WEBHOOK_KIND = "generic"
# `nianbao schedule` without --once sleeps until the next site is due, but never longer than this
# (seconds): it then looks again for registry edits and for Scrapyd jobs that have ended.
NIANBAO_SCHEDULE_WAKE_SECONDS = 600
# An HTTP proxy every request of the crawl goes through (http://host:port); empty: none. A
# registry row's `proxy` column sets it for that site alone.
NIANBAO_PROXY = ""
# How the crawl speaks TLS: `modern` (OpenSSL's defaults) or `old` (also TLS 1.0/1.1 and old
# ciphers, for servers that offer nothing newer); a registry row's `tls` column sets it per site.
NIANBAO_TLS = "modern"
# A DingTalk robot's signing secret (加签, `SEC…`): each message is then signed with it (empty: unsigned).
NIANBAO_WEBHOOK_SECRET = ""
# Progress of a registry crawl: on a terminal one live line; otherwise a log line on stderr every
# this many seconds (0 = no progress at all).
NIANBAO_PROGRESS_SECONDS = 60
# Pages a registry crawl's one writer commits together (1 = a commit per page): fewer commits,
# and fewer turns at SQLite's write lock for other processes writing the same file.
NIANBAO_STORE_BATCH = 100

# Politeness ---------------------------------------------------------------
USER_AGENT = user_agent(NIANBAO_CONTACT_URL)
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = DOWNLOAD_DELAY
# Largest page or attachment downloaded (bytes); a report PDF is rarely over a few MB.
DOWNLOAD_MAXSIZE = 50 * 1024 * 1024
DOWNLOAD_WARNSIZE = 10 * 1024 * 1024
DOWNLOAD_TIMEOUT = 60
DEPTH_LIMIT = 6
# Breadth-first: list pages before the deep corners of a site.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

# Every fetched URL is stored, error pages included, so 4xx/5xx reach the spider.
HTTPERROR_ALLOW_ALL = True

# Our downloader middlewares, one behaviour each (crawler/middlewares/). Crawl-delay runs after
# Scrapy's robots.txt check (100); the response side runs from high numbers to low, so blockers
# (650) and Retry-After (560) see an answer before the conditional check (580) marks it unchanged,
# refused redirects (610) are marked before Scrapy's redirect middlewares (600, 580) follow them,
# and oversize (585) runs after decompression (590) and before Scrapy's meta-refresh check (580).
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.crawl_delay.CrawlDelayMiddleware": 110,
    "crawler.middlewares.retry_after.RetryAfterMiddleware": 560,
    "crawler.middlewares.conditional.ConditionalRequestsMiddleware": 580,
    "crawler.middlewares.redirects.RefusedRedirectsMiddleware": 610,
    "crawler.middlewares.oversize.OversizeMiddleware": 585,
    "crawler.middlewares.blockers.BlockersMiddleware": 650,
    # Before Scrapy's HttpProxyMiddleware (750), which then proxies the request.
    "crawler.middlewares.proxy.SiteProxyMiddleware": 740,
    # Distributed crawls only: last before the download, first to see its answer.
    "crawler.middlewares.shared_politeness.SharedPolitenessMiddleware": 960,
}

# HTTPS through Scrapy's handler, which keeps a security level the cipher setting names
# (NIANBAO_TLS=old: TLS 1.0 servers); http stays Scrapy's default.
DOWNLOAD_HANDLERS = {"https": "crawler.downloader.tls_handler.SecurityLevelDownloadHandler"}

# A list page reached by paging (下一页, a CMS list request) keeps its parent's depth, so
# DEPTH_LIMIT counts steps into the site, not pages of a long column.
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "crawler.middlewares.paging_depth.PagingDepthMiddleware": 900,
}

# The environment comes in first; the browser add-on (crawler/addons/browser.py) then switches
# itself off unless NIANBAO_BROWSER is set.
ADDONS = {
    "crawler.addons.environment.EnvironmentAddon": 0,
    "crawler.addons.browser.BrowserAddon": 10,
}

# A JOBDIR survives any death of its crawl (crawler/extensions/jobdir_lease.py); after Scrapy's
# own SpiderState (0), so the lease is closed only once the queue and the state are saved.
EXTENSIONS = {
    "crawler.extensions.jobdir_lease.JobdirLease": 1000,
    "crawler.extensions.site_monitors.SiteMonitors": 1100,
}

ITEM_PIPELINES = {
    "crawler.pipelines.extract_page.ExtractPipeline": 300,
    # Before the store: a page's row is committed only once its WARC record is written.
    "crawler.pipelines.warc_page.WarcPipeline": 700,
    "crawler.pipelines.store_page.StorePipeline": 800,
}

TELNETCONSOLE_ENABLED = False
# Scrapy's remote control runs Python code sent to a local HTTP port: one more server (a port, a
# job file, seconds to stop) per crawler, so per site of a registry, and no use to a scheduled crawl.
REMOTE_CONTROL_ENABLED = False
# Items and requests of one response handled at once: a page yields one item and a few dozen links,
# and Scrapy starts this many tasks for every response whatever it yields (100 by default).
CONCURRENT_ITEMS = 16
LOG_LEVEL = "INFO"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
# Item feeds (`scrapy crawl -o`, Scrapyd's items_dir) list what was fetched: the raw bytes and the
# parsed report are in the database, and would not serialize to JSON or CSV anyway.
FEED_EXPORT_FIELDS = [
    "url",
    "status",
    "kind",
    "error",
    "depth",
    "parent_url",
    "link_text",
    "blocked_reason",
    "unchanged",
]
