"""Guangdong's 政府信息公开目录平台 (gkmlpt): an empty shell page whose list comes from a JSON API.

The shell (`/gkmlpt/index`, `/gkmlpt/annualreport#2629`) holds no items: it sets
`window._CONFIG = {SID: '755001', TREE: [{id, name, …}, …]}` and loads the platform's script
bundle, which the province's sites share from another host, so the sandbox (same-host scripts
only) never runs it. What that bundle does is asked here: page 1 of
`/gkmlpt/api/all/{column}?page=1&sid={SID}` for the column the address's hash names, or, with no
hash, for each column of the tree whose name says it holds annual reports. The JSON answer's
articles and its further pages are read like any list API's (crawler/links/json_links.py,
crawler/scripts/paging.py); a site that serves its own list script is run by the sandbox instead.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from crawler.links.scoring import REPORT_HINTS

from .base import CmsAdapter, ListRequest, script_text

# `SID: '755001'` inside the shell's _CONFIG (a script string: read with a pattern).
_SID = re.compile(r"""\bSID\s*:\s*['"]?(\d{1,10})['"]?""")
_CONFIG = re.compile(r"window\._CONFIG\s*=")
# A column of the TREE: {"id": 2629, "name": "政府信息公开年报", …}.
_COLUMN = re.compile(r"""["']?\bid["']?\s*:\s*(\d+)\s*,\s*["']?name["']?\s*:\s*["']([^"']+)["']""")
_SHELL_PATH = re.compile(r"^(.*?)/gkmlpt/")


class GkmlptAdapter(CmsAdapter):
    name = "gkmlpt"

    def matches(self, page: Selector) -> bool:
        html = script_text(page)
        return _CONFIG.search(html) is not None and _SID.search(html) is not None

    def list_requests(self, page: Selector, page_url: str) -> list[ListRequest]:
        html = script_text(page)
        parts = urlsplit(page_url)
        shell = _SHELL_PATH.match(parts.path)
        sid = _SID.search(html)
        if shell is None or sid is None:
            return []
        if parts.fragment.isdigit():
            columns = [parts.fragment]
        else:
            columns = [column for column, name in _COLUMN.findall(html) if REPORT_HINTS.search(name)]
        api = f"{shell.group(1)}/gkmlpt/api/all/"
        return [
            ListRequest(urljoin(page_url, f"{api}{column}?page=1&sid={sid.group(1)}"))
            for column in dict.fromkeys(columns)
        ]
