"""What a document reader returns, and the document kinds.

Apart from extract/attachments/__init__.py so that each reader can build a Document
without importing the package that dispatches to it (which would be an import cycle).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..tables.grid import Grid

PDF = "pdf"
DOCX = "docx"
XLSX = "xlsx"
XLS = "xls"


@dataclass(frozen=True)
class Document:
    kind: str
    lines: list[str] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    # Pages that are pictures with no text layer (scanned PDFs): nothing to read without OCR.
    pages: int = 0
    image_only_pages: int = 0

    @property
    def image_only(self) -> bool:
        return self.pages > 0 and self.image_only_pages == self.pages
