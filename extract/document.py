"""Document bytes (PDF, DOCX, XLSX, XLS) → Report, through the same stages as a page.

Only the first step differs from extract/pipeline.py: lines and table grids come
from the document's library instead of the DOM. A file its library cannot open
is still returned as a Report with its hash and a clear error.
"""

from __future__ import annotations

import hashlib

from . import script as script_stage
from .attachments import read_document
from .metadata import read_metadata
from .model import Report
from .options import Options
from .recognize import is_annual_report
from .sections import split_sections
from .tables.report import read_report_tables
from .validate import validate_legacy


def process_document(
    body: bytes, url: str, kind: str, options: Options, context_title: str | None = None
) -> Report:
    sha256 = hashlib.sha256(body).hexdigest()
    try:
        document = read_document(body, kind)
    except Exception as exc:  # noqa: BLE001 - a broken attachment must still be stored
        return Report(url=url, sha256=sha256, errors=(f"{kind}: {type(exc).__name__}: {exc}",))
    errors: list[str] = []
    lines = document.lines
    script = script_stage.detect_script("".join(lines[:200]))
    fold = None
    if options.fold_traditional and script == script_stage.TRADITIONAL:
        lines = script_stage.to_simplified(lines)
        fold = script_stage.to_simplified
    text = "\n".join(lines)
    # The context title stands where a page's <title> would: used when no line is a title.
    meta = _run(errors, "metadata", lambda: read_metadata(lines, context_title, url))
    title = meta.title if meta else None
    is_report = bool(_run(errors, "recognize", lambda: is_annual_report(title, text)))
    sections, tables, validation = (), None, ()
    if is_report:
        sections = _run(errors, "sections", lambda: split_sections(text)) or ()
        if options.read_tables:
            tables = _run(errors, "tables", lambda: read_report_tables(document.grids, lines, fold))
        stats = tables.stats if tables else ()
        validation = _run(errors, "validate", lambda: validate_legacy(stats)) or ()
    return Report(
        url=url,
        sha256=sha256,
        encoding=None,
        is_report=is_report,
        title=title,
        agency=meta.agency if meta else None,
        region=meta.region if meta else None,
        year=meta.year if meta else None,
        published_on=meta.published_on if meta else None,
        index_number=meta.index_number if meta else None,
        era=tables.era if tables else None,
        script=script,
        text=text,
        sections=tuple(sections),
        stats=tables.stats if tables else (),
        raw_cells=tables.raw_cells if tables else (),
        validation=tuple(validation),
        errors=tuple(errors),
    )


def _run(errors: list[str], name: str, stage):  # type: ignore[no-untyped-def]
    try:
        return stage()
    except Exception as exc:  # noqa: BLE001 - one stage failing must not lose the document
        errors.append(f"{name}: {type(exc).__name__}: {exc}")
        return None
