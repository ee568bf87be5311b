"""A crawler's copy of the crawl's settings (crawler/copied_settings.py) is what Scrapy's deep
copy would give: the same values and priorities, and nothing the crawler changes reaches the crawl."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from crawler.run import project_settings


@pytest.fixture
def crawl_settings():
    return project_settings(NIANBAO_MAX_PAGES=7)


def test_copy_has_the_same_values_as_a_deep_copy(crawl_settings):
    assert crawl_settings.copy().copy_to_dict() == Settings.copy(crawl_settings).copy_to_dict()


def test_copy_keeps_each_settings_priority(crawl_settings):
    copied = crawl_settings.copy()
    assert {name: copied.getpriority(name) for name in copied} == {
        name: crawl_settings.getpriority(name) for name in crawl_settings
    }


def test_a_component_set_in_the_copy_stays_out_of_the_original(crawl_settings):
    copied = crawl_settings.copy()
    copied["DOWNLOADER_MIDDLEWARES"]["some.Middleware"] = 5
    assert "some.Middleware" not in crawl_settings["DOWNLOADER_MIDDLEWARES"]


def test_a_list_changed_in_the_copy_stays_out_of_the_original(crawl_settings):
    copied = crawl_settings.copy()
    copied["SPIDER_MODULES"].append("elsewhere")
    assert "elsewhere" not in crawl_settings["SPIDER_MODULES"]


def test_a_setting_set_in_the_copy_stays_out_of_the_original(crawl_settings):
    copied = crawl_settings.copy()
    copied.set("NIANBAO_RUN_ID", "abc", priority="cmdline")
    assert crawl_settings.get("NIANBAO_RUN_ID") is None


def test_a_frozen_copy_leaves_the_original_open(crawl_settings):
    crawl_settings.copy().freeze()
    crawl_settings.set("NIANBAO_MAX_PAGES", 8, priority="cmdline")
    assert crawl_settings.getint("NIANBAO_MAX_PAGES") == 8
