"""Broken inputs end in one clear line: a folder or unreadable page file, an empty or corrupt
document, a database that is not SQLite; and `serve` says so when it opens SQL to the network."""

from __future__ import annotations

import io
import json
import os
import pathlib
import subprocess
import sys
import zipfile

from click.testing import CliRunner

from crawler.cli import main
from crawler.store import Store
from extract import process

from .helpers.cli import assert_one_line_error, nianbao
from .helpers.paths import REPO
from .helpers.ports import free_port

HTML = b"<html><head><title>404</title></head><body>\xe6\x96\x87\xe4\xbb\xb6\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8</body></html>"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _zip_without_a_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return buffer.getvalue()


# extract/ -------------------------------------------------------------------------------------
def test_an_empty_pdf_has_an_error():
    report = process(b"", "http://x.gov.cn/2020/report.pdf")
    assert report.errors == ("pdf: not a PDF file: it is empty (0 bytes)",) and len(report.sha256) == 64


def test_an_empty_page_has_an_error():
    assert process(b"", "http://x.gov.cn/index.html").errors == ("empty: 0 bytes",)


def test_html_served_as_xlsx_has_an_error():
    report = process(HTML, "http://x.gov.cn/files/notzip.xlsx", {"Content-Type": XLSX_TYPE})
    assert report.errors[0] == "xlsx: not an XLSX file: the bytes are an HTML page"


def test_html_behind_a_docx_link_has_an_error():
    report = process(HTML, "http://x.gov.cn/files/report.docx", {"Content-Type": "application/octet-stream"})
    assert report.errors[0].startswith("docx: not a DOCX file")


def test_a_zip_that_is_no_workbook_has_an_error():
    report = process(_zip_without_a_document(), "http://x.gov.cn/files/a.xlsx")
    assert report.errors[0] == (
        "xlsx: not an XLSX file: a ZIP archive that is damaged or holds no Word or Excel document"
    )


def test_a_truncated_pdf_has_an_error():
    assert process(b"%PDF-1.7\n1 0 obj <<", "http://x.gov.cn/a.pdf").errors[0].startswith("pdf: ")


def test_html_as_xls_is_read_the_page_way_without_an_error():
    # HTML tables saved as .xls are a common "Excel" export; the page way reads them.
    assert process(HTML, "http://x.gov.cn/files/table.xls").errors == ()


# nianbao extract ------------------------------------------------------------------------------
def test_extract_on_a_folder_is_one_line(tmp_path):
    assert_one_line_error(nianbao("extract", str(tmp_path), "--url", "http://x.gov.cn/"), "it is a folder")


def test_extract_on_an_unreadable_file_is_one_line(tmp_path, monkeypatch):
    page = tmp_path / "page.html"
    page.write_bytes(HTML)
    # Tests run as root, who may read anything: make the file unreadable as for any other user.
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)

    def refuse(self: pathlib.Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(pathlib.Path, "read_bytes", refuse)
    result = CliRunner().invoke(main, ["extract", str(page), "--url", "http://x.gov.cn/"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"nianbao: error: cannot read {page}: Permission denied"]


def test_extract_on_an_empty_pdf_prints_the_report_and_exits_1(tmp_path):
    page = tmp_path / "report.pdf"
    page.write_bytes(b"")
    result = nianbao("extract", str(page), "--url", "http://x.gov.cn/report.pdf")
    assert result.returncode == 1
    assert json.loads(result.stdout)["errors"] == ["pdf: not a PDF file: it is empty (0 bytes)"]
    assert result.stderr.strip().splitlines() == [
        f"nianbao: error: {page}: pdf: not a PDF file: it is empty (0 bytes)"
    ]


# nianbao serve --------------------------------------------------------------------------------
def test_serve_on_a_file_that_is_not_sqlite_is_one_line(tmp_path):
    db = tmp_path / "reports.db"
    db.write_bytes(b"this is not a database, " * 200)
    assert_one_line_error(nianbao("serve", "--db", str(db)), "not a SQLite database")
    assert db.read_bytes() == b"this is not a database, " * 200


def test_serve_warns_when_it_listens_beyond_loopback(tmp_path):
    db = tmp_path / "reports.db"
    Store(db).close()
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crawler.cli",
            "serve",
            "--db",
            str(db),
            "--host",
            "0.0.0.0",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert server.stderr is not None
        first = server.stderr.readline().strip()
    finally:
        server.terminate()
        server.communicate(timeout=60)
    assert first == (
        f"nianbao: warning: --host 0.0.0.0 is not a loopback address: anyone who can reach port {port} "
        f"can run read-only SQL on {db}"
    )
