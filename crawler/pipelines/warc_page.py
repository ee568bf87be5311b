"""WarcPipeline: keeps every answer the crawl fetched, headers and body, in WARC files beside the
database, and tells the store where each one is.

The store keeps a page's hash and what was extracted from it; the archive keeps the bytes, so a
better extractor can read them again without the network. WARC is the web-archiving standard
(Heritrix, Browsertrix, the Internet Archive; read with `warcio`). Each answer is a `response`
record followed by the `request` record that asked for it, each record gzipped on its own, so the
(file, offset) stored in `pages` opens one record without reading the file from its start.
A record is gzipped at zlib's default level 6, not warcio's 9: a third of the CPU for files about
1% larger, which matters when the archive is written by the crawl's event loop.

The payload is the body as the spider got it: Scrapy has already undone any Content-Encoding
(and removed that header), so Content-Length is set to the length kept, and the payload's hash is
the page's `sha256`. This pipeline runs before StorePipeline: a record is written (and flushed)
before the page's row that points at it is committed.
"""

from __future__ import annotations

import zlib
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit
from uuid import uuid4

from scrapy.exceptions import NotConfigured
from scrapy.utils.job import job_dir
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.extensions.jobdir_lease import resumed_run_id
from crawler.items import PageItem

# zlib's own default: level 9 (warcio's) costs twice the time for some 1% smaller records.
GZIP_LEVEL = 6
# Writers that only build or serialise records: a WARCWriter looks up the host name when made,
# and keeps no state between records. Used from the crawl's event loop only.
_BUILDER = WARCWriter(BytesIO())
_SERIALISER = WARCWriter(BytesIO(), gzip=False)


def warc_folder(db_path: str | Path) -> Path:
    """`output/reports.db` keeps its archive in `output/reports-warc/`."""
    db = Path(db_path)
    return db.parent / f"{db.stem}-warc"


class WarcFiles:
    """The numbered files of one run (`nianbao-<run>-<n>.warc.gz`): a record goes to the current
    file, and a new file is begun once it is past `max_bytes`. A number already taken (a resumed
    run, another process of the same run) is skipped, never overwritten."""

    def __init__(self, folder: Path, run_id: str, max_bytes: int):
        self.folder = folder
        self.run_id = run_id
        self.max_bytes = max_bytes
        self.number = 0
        self.file: IO[bytes] | None = None

    def _open_next(self) -> None:
        self.close()
        self.folder.mkdir(parents=True, exist_ok=True)
        while self.file is None:
            self.number += 1
            try:
                self.file = open(self.folder / self.name, "xb")  # noqa: SIM115 - kept open across records
            except FileExistsError:
                continue
        info = _BUILDER.create_warcinfo_record(self.name, {"software": "nianbao"})
        self.file.write(gzipped(info))

    @property
    def name(self) -> str:
        return f"nianbao-{self.run_id}-{self.number}.warc.gz"

    def write(self, records: list[Any]) -> tuple[str, int, int]:
        """Write the records together; the file (relative to the database's folder), offset and
        compressed length of the first."""
        if self.file is None or self.file.tell() >= self.max_bytes:
            self._open_next()
        assert self.file is not None
        offset = self.file.tell()
        members = [gzipped(record) for record in records]
        self.file.write(b"".join(members))  # one write, one flush for the answer and its request
        self.file.flush()
        return f"{self.folder.name}/{self.name}", offset, len(members[0])

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        self.file = None


class WarcPipeline:
    def __init__(self, db_path: str, max_bytes: int, run_id: str | None = None):
        self.folder = warc_folder(db_path)
        self.max_bytes = max_bytes
        self.run_id = run_id
        self.files: WarcFiles | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> WarcPipeline:
        settings = crawler.settings
        if not settings.getbool("NIANBAO_WARC"):
            raise NotConfigured("NIANBAO_WARC is off")
        # The store's run (crawler/pipelines/store_page.py), so a file names the run it belongs to.
        run_id = settings.get("NIANBAO_RUN_ID") or resumed_run_id(job_dir(settings))
        pipeline = cls(settings.get("NIANBAO_DB"), settings.getint("NIANBAO_WARC_MAX_BYTES"), run_id)
        pipeline.crawler = crawler
        return pipeline

    def open_spider(self) -> None:
        run_id = self.run_id or getattr(self.crawler.spider, "run_id", None) or uuid4().hex[:12]
        self.files = WarcFiles(self.folder, run_id, self.max_bytes)

    def close_spider(self) -> None:
        if self.files is not None:
            self.files.close()

    def process_item(self, item: PageItem) -> PageItem:
        # No status: the URL was refused or got no answer at all; there is nothing to keep.
        if item.status is None or self.files is None:
            return item
        item.warc_file, item.warc_offset, item.warc_length = self.files.write(warc_records(item))
        self.crawler.stats.inc_value("nianbao/warc/records")
        return item


def gzipped(record: Any) -> bytes:
    """The record as a gzip member of its own, as warcio's gzip writer makes it."""
    plain = _SERIALISER.out = BytesIO()
    _SERIALISER.write_record(record)
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
    return compressor.compress(plain.getvalue()) + compressor.flush()


def warc_records(item: PageItem) -> list[Any]:
    """The answer's `response` record, then the `request` record concurrent to it."""
    writer = _BUILDER  # only builds records; WarcFiles writes them
    sent = item.exchange
    url = sent.url if sent else item.url
    protocol = (sent.protocol if sent else None) or "HTTP/1.1"
    try:
        reason = HTTPStatus(item.status).phrase
    except ValueError:
        reason = ""
    headers = [(k, v) for k, v in (item.headers or {}).items() if k.lower() != "content-length"]
    headers.append(("Content-Length", str(len(item.body))))
    response = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(item.body),
        length=len(item.body),
        http_headers=StatusAndHeaders(f"{item.status} {reason}".strip(), headers, protocol=protocol),
    )
    if sent is None:
        return [response]
    parts = urlsplit(url)
    target = parts.path or "/"
    if parts.query:
        target += f"?{parts.query}"
    request = writer.create_warc_record(
        url,
        "request",
        payload=BytesIO(sent.request_body),
        length=len(sent.request_body),
        http_headers=StatusAndHeaders(
            f"{sent.method} {target} {protocol}",
            list({"Host": parts.netloc, **sent.request_headers}.items()),
            is_http_request=True,
        ),
        warc_headers_dict={"WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")},
    )
    return [response, request]
