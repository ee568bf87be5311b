"""Reports that arrive as documents (PDF, DOCX, XLSX, XLS): kind from the bytes, then lines and grids.

The kind is read from the magic bytes, never from the file name or the
Content-Type a server claims: portals serve PDFs as application/octet-stream and
name Word files .doc. Each reader returns the document's text lines (for
metadata, recognition and sections) and its tables as cell grids (for the
table stage), the same two things the HTML path produces.
"""

from __future__ import annotations

import io
import zipfile
from urllib.parse import urlsplit

from .model import DOCX, PDF, XLS, XLSX, Document

__all__ = [
    "DOCX",
    "PDF",
    "XLS",
    "XLSX",
    "Document",
    "attachment_problem",
    "claimed_kind",
    "not_a_document",
    "read_document",
    "sniff",
]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .xls (and .doc, which we cannot read)
_ZIP_MAGIC = b"PK\x03\x04"


def sniff(body: bytes) -> str | None:
    """The document kind, or None for anything else (HTML and text go the page way)."""
    head = body[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return PDF
    if body.startswith(_ZIP_MAGIC):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(body)).namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
        return None
    if body.startswith(_OLE_MAGIC):
        return XLS
    return None


# What a server or a link says a file is. XLS is left out on purpose: "Excel" exports that are
# HTML tables saved as .xls are common, and the page way reads them.
_CLAIMED_TYPES = {
    "application/pdf": PDF,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": XLSX,
}
_CLAIMED_EXTENSIONS = {".pdf": PDF, ".docx": DOCX, ".xlsx": XLSX}


def claimed_kind(url: str, content_type: str | None) -> str | None:
    """The document kind the Content-Type or the URL's extension claims, if any."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media in _CLAIMED_TYPES:
        return _CLAIMED_TYPES[media]
    path = urlsplit(url).path.lower()
    return next((kind for ext, kind in _CLAIMED_EXTENSIONS.items() if path.endswith(ext)), None)


_HTML_STARTS = (b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<!--")
# The first bytes of the documents a link's extension may promise.
_DOCUMENT_MAGIC = (b"%PDF", _ZIP_MAGIC, _OLE_MAGIC)
# Extensions whose files are never HTML (OFD is a ZIP too). .doc and .xls are left out: an HTML
# page saved under those names is an old, legitimate export that the page way reads.
_NEVER_HTML = frozenset({"pdf", "docx", "xlsx", "ofd"})


def _is_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return not head.startswith(_DOCUMENT_MAGIC) and (head.startswith(_HTML_STARTS) or b"<html" in head)


def not_a_document(body: bytes, kind: str) -> str:
    """The error for bytes that claim to be a `kind` document and are not: what they look like instead."""
    if not body:
        looks = "it is empty (0 bytes)"
    elif body.startswith(_ZIP_MAGIC):
        looks = "a ZIP archive that is damaged or holds no Word or Excel document"
    elif _is_html(body):
        looks = "the bytes are an HTML page"
    else:
        looks = "the bytes are of no known document format"
    article = "an" if kind == XLSX else "a"
    return f"{kind}: not {article} {kind.upper()} file: {looks}"


def attachment_problem(url: str, body: bytes) -> str | None:
    """Why a downloaded attachment cannot be what its name says (empty, an HTML page), or None.

    Said when the crawler stores the download; bytes of some other kind are left to the
    document readers, which say what they found."""
    if not body:
        return "corrupt attachment: empty (0 bytes)"
    extension = urlsplit(url).path.rsplit(".", 1)[-1].lower()
    if extension in _NEVER_HTML and _is_html(body):
        return f"corrupt attachment: .{extension} served as an HTML page"
    return None


def read_document(body: bytes, kind: str) -> Document:
    """Lines and grids of a document; raises on a file its library cannot open."""
    if kind == PDF:
        from .pdf import read_pdf

        return read_pdf(body)
    elif kind == DOCX:
        from .word import read_docx

        lines, grids = read_docx(body)
    elif kind in (XLSX, XLS):
        from .sheets import read_xls, read_xlsx

        lines, grids = read_xlsx(body) if kind == XLSX else read_xls(body)
    else:
        raise ValueError(f"unsupported document kind: {kind}")
    return Document(kind=kind, lines=lines, grids=grids)
