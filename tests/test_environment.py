"""The NIANBAO_* environment enters once (crawler/addons/environment.py): typed, checked, ranked."""

import os
import subprocess
import sys

import pytest

from crawler.addons.environment import BadEnvironment, read_environment
from crawler.run import project_settings

from .helpers.paths import REPO


def test_a_number_is_typed():
    assert read_environment({"NIANBAO_MAX_PAGES": "40"}) == {"NIANBAO_MAX_PAGES": 40}


def test_the_download_delay_sets_autothrottle_start_too():
    values = read_environment({"NIANBAO_DOWNLOAD_DELAY": "0"})
    assert values == {"DOWNLOAD_DELAY": 0.0, "AUTOTHROTTLE_START_DELAY": 0.0}


def test_the_contact_url_is_named_in_the_user_agent():
    values = read_environment({"NIANBAO_CONTACT_URL": "https://example.org/crawl"})
    assert values["USER_AGENT"] == "nianbao/0.1 (+https://example.org/crawl)"


def test_a_switch_reads_words():
    assert read_environment({"NIANBAO_INCREMENTAL": "off"}) == {"NIANBAO_INCREMENTAL": False}


def test_an_empty_variable_counts_as_unset():
    assert read_environment({"NIANBAO_BROWSER": ""}) == {}


@pytest.mark.parametrize(
    "name, value",
    [
        ("NIANBAO_MAX_PAGES", "lots"),
        ("NIANBAO_MAX_PAGES", "0"),
        ("NIANBAO_DOWNLOAD_DELAY", "-1"),
        ("NIANBAO_DOWNLOAD_DELAY", "nan"),
        ("NIANBAO_BROWSER", "maybe"),
        ("NIANBAO_LOG_LEVEL", "loud"),
        ("NIANBAO_CONTACT_URL", "mailto:x@example.org"),
    ],
)
def test_a_bad_value_is_named(name, value):
    with pytest.raises(BadEnvironment, match=name):
        read_environment({name: value})


def test_the_environment_overrides_the_project(monkeypatch):
    monkeypatch.setenv("NIANBAO_MAX_PAGES", "40")
    assert project_settings().getint("NIANBAO_MAX_PAGES") == 40


def test_the_command_line_overrides_the_environment(monkeypatch):
    monkeypatch.setenv("NIANBAO_MAX_PAGES", "40")
    assert project_settings(NIANBAO_MAX_PAGES=5).getint("NIANBAO_MAX_PAGES") == 5


def test_the_environment_overrides_a_command_default(monkeypatch):
    monkeypatch.setenv("NIANBAO_LOG_LEVEL", "debug")
    assert project_settings({"LOG_LEVEL": "WARNING"}).get("LOG_LEVEL") == "DEBUG"


def test_a_command_default_overrides_the_project():
    assert project_settings({"LOG_LEVEL": "WARNING"}).get("LOG_LEVEL") == "WARNING"


def _run(command: list[str], **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, env={**os.environ, **env}, cwd=REPO
    )


def test_nianbao_says_one_line_for_a_bad_value(tmp_path):
    result = _run(
        [sys.executable, "-m", "crawler.cli", "crawl", "http://127.0.0.1:9/", "--db", str(tmp_path / "r.db")],
        NIANBAO_MAX_PAGES="lots",
    )
    lines = result.stderr.strip().splitlines()
    assert (result.returncode, lines) == (
        2,
        ["nianbao: error: NIANBAO_MAX_PAGES='lots': expected a whole number of at least 1"],
    )


def test_scrapy_crawl_stops_on_a_bad_value_without_a_traceback(tmp_path):
    command = [sys.executable, "-m", "scrapy", "crawl", "portal", "-a", "url=http://127.0.0.1:9/"]
    result = _run(command, NIANBAO_MAX_PAGES="lots", NIANBAO_DB=str(tmp_path / "r.db"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("nianbao: error: NIANBAO_MAX_PAGES='lots'")
