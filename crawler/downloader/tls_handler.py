"""Scrapy's HTTP/1.1 download handler, with the OpenSSL security level the cipher setting names.

Servers that speak only TLS 1.0 sign their handshake with MD5+SHA-1, which OpenSSL 3 and later
accept only at security level 0. Scrapy passes DOWNLOADER_CLIENT_TLS_CIPHERS through Twisted,
which expands the string into cipher names and drops its `@SECLEVEL=N`; DOWNLOAD_TLS_MIN_VERSION
= TLSv1.0 alone then still fails. When the cipher setting names a security level (NIANBAO_TLS=old
does), this handler sets the string as written on each connection's context. Any other setting
leaves Scrapy's handler exactly as it is.
"""

from __future__ import annotations

from typing import Any

from scrapy.core.downloader.contextfactory import _get_creator_context
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from twisted.web.iweb import IPolicyForHTTPS
from zope.interface import implementer


@implementer(IPolicyForHTTPS)
class CipherStringPolicy:
    """Scrapy's TLS policy, each connection's cipher list then set to `ciphers` as written."""

    def __init__(self, policy: IPolicyForHTTPS, ciphers: str):
        self.policy = policy
        self.ciphers = ciphers.encode("ascii")

    def creatorForNetloc(self, hostname: bytes, port: int) -> Any:  # noqa: N802 - Twisted's name
        creator = self.policy.creatorForNetloc(hostname, port)
        _get_creator_context(creator).set_cipher_list(self.ciphers)
        return creator


class SecurityLevelDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler: Any):
        super().__init__(crawler)
        ciphers = crawler.settings.get("DOWNLOADER_CLIENT_TLS_CIPHERS") or ""
        if "@SECLEVEL=" in ciphers.upper():
            self._contextFactory = CipherStringPolicy(self._contextFactory, ciphers)
