"""Document bytes (PDF, DOCX, XLSX, XLS) → Report, through the same stages as a page.

Only the first step differs from extract/pipeline.py: lines and table grids come
from the document's library instead of the DOM; from there extract/analysis.py
runs the stages a page gets. A file its library cannot open is still returned as
a Report with its hash and a clear error.
"""

from __future__ import annotations

import hashlib

from . import script as script_stage
from .analysis import Source, analyse
from .attachments import read_document
from .model import Report
from .options import Options


def process_document(
    body: bytes, url: str, kind: str, options: Options, context_title: str | None = None
) -> Report:
    sha256 = hashlib.sha256(body).hexdigest()
    try:
        document = read_document(body, kind)
    except Exception as exc:  # noqa: BLE001 - a broken attachment must still be stored
        return Report(url=url, sha256=sha256, errors=(f"{kind}: {type(exc).__name__}: {exc}",))
    if document.image_only:
        # A scan: storing an empty report would claim a report with no figures; say what it is.
        return Report(
            url=url,
            sha256=sha256,
            flags=("image_only_pdf",),
            errors=(
                f"{kind}: image-only document ({document.pages} scanned pages, no text layer); needs OCR",
            ),
        )
    lines = document.lines
    script = script_stage.detect_script("".join(lines[:200]))
    if options.fold_traditional and script == script_stage.TRADITIONAL:
        lines = script_stage.to_simplified(lines)
    return analyse(
        Source(
            url=url,
            sha256=sha256,
            encoding=None,
            lines=list(lines),
            text="\n".join(lines),
            # The linking page's title stands where a page's <title> would: used when no line is a title.
            title_hint=context_title,
            script=script,
            grids=lambda: document.grids,
        ),
        options,
    )
