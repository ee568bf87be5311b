"""The one check every start URL passes, whether it comes from the command line, a registry or `-a url=`."""

from __future__ import annotations

from urllib.parse import urlsplit


class BadStartUrl(ValueError):
    pass


def check_start_url(url: str | None) -> str:
    """The URL without surrounding blanks; BadStartUrl says why it cannot start a crawl."""
    if not url:
        raise BadStartUrl("no start URL given (use -a url=http://host/path)")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadStartUrl(f"not an http(s) URL: {url!r}")
    return url.strip()
