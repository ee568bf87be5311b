"""The NIANBAO_* environment: read once, checked and typed, for every way of running a crawl.

`nianbao`, `scrapy crawl` and Scrapyd all load crawler/settings.py, whose ADDONS list this
add-on, so a variable means the same thing in each. `nianbao` also applies it to the settings
it builds before any crawler exists (crawler/run.py), so a bad value stops the command with
one line naming the variable, before any request.

Each variable sets one or more Scrapy settings at ENVIRONMENT_PRIORITY: above the project's
values and the `nianbao` command's own defaults, below options given on a command line
(`--max-pages`, `scrapy crawl -s`, Scrapyd's `-d setting=`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

# Scrapy's priorities: default 0, command 10, project 20, spider 30, cmdline 40.
ENVIRONMENT_PRIORITY = 30
# Where the `nianbao` command puts its own defaults (a quieter log than `scrapy crawl`'s):
# above crawler/settings.py, below the environment.
COMMAND_DEFAULTS_PRIORITY = 25

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")


class BadEnvironment(ValueError):
    """A NIANBAO_* variable whose value cannot be used; the message names it."""


def _whole(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        if not text.lstrip("-").isdigit() or int(text) < minimum:
            raise ValueError(f"a whole number of at least {minimum}")
        return int(text)

    return parse


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError("a number of seconds, 0 or more") from None
    if not value >= 0 or value == float("inf"):
        raise ValueError("a number of seconds, 0 or more")
    return value


def _switch(text: str) -> bool:
    if text.lower() in _TRUE:
        return True
    if text.lower() in _FALSE:
        return False
    raise ValueError("1 or 0 (or true/false, yes/no, on/off)")


def _text(text: str) -> str:
    return text


def _http_url(text: str) -> str:
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("an http(s) URL")
    return text


def _ratio(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError("a ratio between 0 and 1") from None
    if not 0 <= value <= 1:
        raise ValueError("a ratio between 0 and 1")
    return value


def _one_of(*choices: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text.lower() not in choices:
            raise ValueError(f"one of {', '.join(choices)}")
        return text.lower()

    return parse


def proxy_url(text: str) -> str:
    """A checked proxy URL (the registry's `proxy` column is checked the same way)."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("an http(s) proxy URL such as http://proxy.example:3128")
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when asked
    except ValueError:
        raise ValueError("an http(s) proxy URL with a port from 1 to 65535") from None
    return text


# How the crawl speaks TLS. `modern` (the default) is Scrapy's: TLS 1.2 or newer (Twisted's
# floor) with OpenSSL's default ciphers. `old` also speaks TLS 1.0 and 1.1 and offers every
# authenticated cipher OpenSSL has (RSA key exchange, CBC, SHA-1 MACs), which many government
# servers still require; it is a per-site choice, since it also accepts what a downgrade would.
TLS_MODES: dict[str, dict[str, str | None]] = {
    "modern": {"DOWNLOAD_TLS_MIN_VERSION": None, "DOWNLOADER_CLIENT_TLS_CIPHERS": "DEFAULT"},
    # Security level 0: TLS 1.0 signs with MD5+SHA-1 (crawler/downloader/tls_handler.py).
    "old": {
        "DOWNLOAD_TLS_MIN_VERSION": "TLSv1.0",
        "DOWNLOADER_CLIENT_TLS_CIPHERS": "ALL:!aNULL:!eNULL:@SECLEVEL=0",
    },
}


def tls_mode(text: str) -> str:
    if text.lower() not in TLS_MODES:
        raise ValueError(f"one of {', '.join(TLS_MODES)}")
    return text.lower()


def tls_settings(mode: str) -> dict[str, str | None]:
    """The Scrapy settings of a TLS mode, and the mode itself (NIANBAO_TLS)."""
    return {"NIANBAO_TLS": mode, **TLS_MODES[mode]}


def _log_level(text: str) -> str:
    if text.upper() not in _LOG_LEVELS:
        raise ValueError(f"one of {', '.join(_LOG_LEVELS)}")
    return text.upper()


def user_agent(contact_url: str) -> str:
    """The User-Agent names a contact URL, so a site's administrator can reach the crawl's owner."""
    return f"nianbao/0.1 (+{contact_url})"


@dataclass(frozen=True)
class Variable:
    name: str
    parse: Callable[[str], Any]
    # The Scrapy settings it sets, each from the parsed value.
    settings: Callable[[Any], dict[str, Any]]


def _same_name(name: str) -> Callable[[Any], dict[str, Any]]:
    return lambda value: {name: value}


def _variable(name: str, parse: Callable[[str], Any]) -> Variable:
    return Variable(name, parse, _same_name(name))


VARIABLES: tuple[Variable, ...] = (
    _variable("NIANBAO_DB", _text),
    Variable(
        "NIANBAO_CONTACT_URL",
        _http_url,
        lambda url: {"NIANBAO_CONTACT_URL": url, "USER_AGENT": user_agent(url)},
    ),
    _variable("NIANBAO_MAX_PAGES", _whole(1)),
    _variable("NIANBAO_OFFTOPIC_DEPTH", _whole(0)),
    _variable("NIANBAO_CALENDAR_DATES", _whole(0)),
    _variable("NIANBAO_OBEY_CRAWL_DELAY", _switch),
    _variable("NIANBAO_MAX_CRAWL_DELAY", _seconds),
    _variable("NIANBAO_RETRY_AFTER_TIMES", _whole(0)),
    _variable("NIANBAO_MAX_RETRY_AFTER", _seconds),
    _variable("NIANBAO_DETECT_BLOCKERS", _switch),
    _variable("NIANBAO_BLOCKS_BEFORE_STOP", _whole(0)),
    _variable("NIANBAO_INCREMENTAL", _switch),
    _variable("NIANBAO_BROWSER", _switch),
    _variable("NIANBAO_CHROMIUM", _text),
    _variable("NIANBAO_EXTRACT_WORKERS", _whole(0)),
    _variable("NIANBAO_MAX_PARSE_SIZE", _whole(0)),
    _variable("NIANBAO_WARC", _switch),
    _variable("NIANBAO_WARC_MAX_BYTES", _whole(1)),
    _variable("NIANBAO_WORKER_REQUESTS", _whole(1)),
    _variable("NIANBAO_REDIS_IDLE_SECONDS", _seconds),
    _variable("NIANBAO_SHARED_POLITENESS", _switch),
    _variable("NIANBAO_ACTIVE_SITES", _whole(1)),
    _variable("NIANBAO_MONITORS", _switch),
    _variable("NIANBAO_MONITOR_ERROR_RATIO", _ratio),
    _variable("NIANBAO_MONITOR_SPAM_JUMP", _whole(1)),
    _variable("NIANBAO_WEBHOOK", _http_url),
    _variable("NIANBAO_WEBHOOK_KIND", _one_of("generic", "dingtalk", "wecom")),
    _variable("NIANBAO_SCHEDULE_WAKE_SECONDS", _seconds),
    _variable("NIANBAO_PROXY", proxy_url),
    Variable("NIANBAO_TLS", tls_mode, tls_settings),
    _variable("NIANBAO_REQUESTS_PER_IP", _whole(0)),
    _variable("NIANBAO_WEBHOOK_SECRET", _text),
    _variable("NIANBAO_PROGRESS_SECONDS", _seconds),
    _variable("NIANBAO_STORE_BATCH", _whole(1)),
    # Scrapy's own settings, under our prefix.
    Variable(
        "NIANBAO_DOWNLOAD_DELAY",
        _seconds,
        lambda delay: {"DOWNLOAD_DELAY": delay, "AUTOTHROTTLE_START_DELAY": delay},
    ),
    Variable("NIANBAO_MAX_DOWNLOAD_SIZE", _whole(0), lambda size: {"DOWNLOAD_MAXSIZE": size}),
    Variable("NIANBAO_DEPTH_LIMIT", _whole(0), lambda depth: {"DEPTH_LIMIT": depth}),
    Variable("NIANBAO_LOG_LEVEL", _log_level, lambda level: {"LOG_LEVEL": level}),
)


def read_environment(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Setting name -> value for every NIANBAO_* variable that is set (an empty one counts as unset).

    Raises BadEnvironment, naming the first variable whose value cannot be used."""
    environ = os.environ if environ is None else environ
    known = {variable.name for variable in VARIABLES}
    unknown = sorted(name for name in environ if name.startswith("NIANBAO_") and name not in known)
    if unknown:
        logging.getLogger(__name__).warning("ignoring unknown variable %s", ", ".join(unknown))
    values: dict[str, Any] = {}
    for variable in VARIABLES:
        text = environ.get(variable.name, "").strip()
        if not text:
            continue
        try:
            values |= variable.settings(variable.parse(text))
        except ValueError as exc:
            raise BadEnvironment(f"{variable.name}={text!r}: expected {exc}") from None
    return values


def apply_environment(settings: BaseSettings, environ: Mapping[str, str] | None = None) -> None:
    for name, value in read_environment(environ).items():
        settings.set(name, value, priority=ENVIRONMENT_PRIORITY)


class EnvironmentAddon:
    """Scrapy add-on: the NIANBAO_* environment over the project settings."""

    def update_settings(self, settings: BaseSettings) -> None:
        try:
            apply_environment(settings)
        except BadEnvironment as exc:
            # `scrapy crawl` and Scrapyd jobs: one line naming the variable, not a traceback.
            raise SystemExit(f"nianbao: error: {exc}") from None
