"""Scrapy settings for nianbao. Environment variables named like a setting override it."""

import os

BOT_NAME = "nianbao"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Our own settings ---------------------------------------------------------
# SQLite file the pipelines write to.
NIANBAO_DB = os.environ.get("NIANBAO_DB", "output/reports.db")
# Contact URL named in the User-Agent, so a site's administrator can reach us.
NIANBAO_CONTACT_URL = os.environ.get("NIANBAO_CONTACT_URL", "https://github.com/nianbao/nianbao")
# Pages fetched per site before the spider stops following links.
NIANBAO_MAX_PAGES = int(os.environ.get("NIANBAO_MAX_PAGES", "2000"))

# Politeness ---------------------------------------------------------------
USER_AGENT = f"nianbao/0.1 (+{NIANBAO_CONTACT_URL})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = float(os.environ.get("NIANBAO_DOWNLOAD_DELAY", "0.5"))
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = DOWNLOAD_DELAY
DOWNLOAD_MAXSIZE = 50 * 1024 * 1024
DOWNLOAD_TIMEOUT = 60
DEPTH_LIMIT = int(os.environ.get("NIANBAO_DEPTH_LIMIT", "6"))
# Breadth-first: list pages before the deep corners of a site.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

# Every fetched URL is stored, error pages included, so 4xx/5xx reach the spider.
HTTPERROR_ALLOW_ALL = True

ITEM_PIPELINES = {
    "crawler.pipelines.ExtractPipeline": 300,
    "crawler.pipelines.StorePipeline": 800,
}

TELNETCONSOLE_ENABLED = False
LOG_LEVEL = os.environ.get("NIANBAO_LOG_LEVEL", "INFO")
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
