"""bytes → Report: the whole extraction, one stage after another.

Each stage is a pure function of what the earlier ones produced. A stage that
fails adds an error and the page is still returned with everything the other
stages could read, so a bad page never costs the crawl its data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import TypeVar

from . import html as html_stage
from . import script as script_stage
from . import spam as spam_stage
from .attachments import sniff as sniff_document
from .clean import main_text
from .decode import decode_html
from .divisions import body_level, find_division
from .document import process_document
from .metadata import read_metadata
from .model import Report, SpamReport
from .options import Options
from .prose import prose_figures
from .recognize import is_annual_report
from .sections import split_sections
from .tables.grid import html_grids
from .tables.report import read_report_tables
from .validation import validate_report

T = TypeVar("T")


def _stage(errors: list[str], name: str, default: T, run: Callable[[], T]) -> T:
    try:
        return run()
    except Exception as exc:  # noqa: BLE001 - a stage's failure must not lose the page
        errors.append(f"{name}: {type(exc).__name__}: {exc}")
        return default


def process(
    body: bytes,
    url: str,
    headers: Mapping[str, str] | None = None,
    options: Options | None = None,
    context_title: str | None = None,
) -> Report:
    """`context_title` names a document that has no title of its own (an attachment: the title
    of the page linking to it)."""
    options = options or Options()
    document_kind = sniff_document(body)  # PDF/DOCX/XLS(X) bytes, whatever the URL or headers say
    if document_kind is not None:
        return process_document(body, url, document_kind, options, context_title)
    sha256 = hashlib.sha256(body).hexdigest()
    errors: list[str] = []
    content_type = _header(headers, "content-type")

    decoded = decode_html(body, content_type)
    if decoded.error:
        errors.append(decoded.error)

    tree = _stage(errors, "parse", None, lambda: html_stage.parse_html(decoded.text))
    if tree is None:
        return Report(url=url, sha256=sha256, encoding=decoded.encoding, errors=tuple(errors))

    findings = []
    dom = spam_stage.DomScan()
    if options.strip_spam:
        dom = _stage(errors, "spam", dom, lambda: spam_stage.scan_dom(tree, url))
        findings += dom.findings
    title_tag = dom.title or html_stage.html_title(tree)
    lines = html_stage.visible_lines(tree)
    if options.strip_spam:
        lines, list_findings = spam_stage.strip_keyword_lists(lines)
        findings += list_findings

    text = _stage(errors, "clean", "\n".join(lines), lambda: main_text(tree, url, lines))
    if options.strip_spam:
        text_lines, text_findings = spam_stage.strip_keyword_lists(text.split("\n"))
        text = "\n".join(text_lines)
        findings += [f for f in text_findings if f not in findings]
        lines, text, pinyin_findings = spam_stage.strip_pinyin_lines(lines, text)
        findings += pinyin_findings

    script = script_stage.detect_script(text + "".join(lines[:50]))
    if options.fold_traditional and script == script_stage.TRADITIONAL:
        lines = script_stage.to_simplified(lines)
        text = "\n".join(script_stage.to_simplified(text.split("\n")))
        title_tag = script_stage.to_simplified([title_tag])[0] if title_tag else None
    if options.strip_spam:
        names = _stage(
            errors,
            "names",
            None,
            lambda: spam_stage.repair_names(title_tag, lines, text, url, dom.meta, script),
        )
        if names is not None:
            title_tag, lines, text = names.title, names.lines, names.text
            findings += names.findings

    meta = _stage(errors, "metadata", None, lambda: read_metadata(lines, title_tag, url))
    title = meta.title if meta else title_tag
    is_report = _stage(errors, "recognize", False, lambda: is_annual_report(title, text))

    sections = ()
    stats = ()
    raw_cells = ()
    table_era = None
    validation = ()
    quality = None
    if is_report:
        sections = _stage(errors, "sections", (), lambda: split_sections(text))
        if options.read_tables:
            traditional = options.fold_traditional and script == script_stage.TRADITIONAL
            fold = script_stage.to_simplified if traditional else None
            tables = _stage(errors, "tables", None, lambda: read_report_tables(html_grids(tree), lines, fold))
            if tables is not None:
                stats, raw_cells, table_era = tables.stats, tables.raw_cells, tables.era
        # Prose figures are the stats only where no table was read; otherwise they are checks.
        prose = _stage(errors, "prose", (), lambda: prose_figures(text, meta.year if meta else None))
        stats = stats or prose
        checked = _stage(errors, "validate", None, lambda: validate_report(stats, prose))
        if checked is not None:
            validation, quality = checked.findings, checked.quality

    agency = meta.agency if meta else None
    region = meta.region if meta else None
    division = _stage(errors, "divisions", None, lambda: find_division(region))
    findings += spam_stage.brand_findings("title", title)
    findings += spam_stage.brand_findings("agency", agency)
    spam = _stage(
        errors,
        "verdict",
        SpamReport(tampered=bool(findings), score=spam_stage.score(findings), findings=tuple(findings)),
        lambda: spam_stage.judge(findings, url, text, is_report, "\n".join(lines), dom.meta),
    )
    return Report(
        url=url,
        sha256=sha256,
        encoding=decoded.encoding,
        is_report=is_report,
        title=title,
        agency=agency,
        region=meta.region if meta else None,
        year=meta.year if meta else None,
        published_on=meta.published_on if meta else None,
        index_number=meta.index_number if meta else None,
        era=(table_era or "legacy") if any(stat.source == "table" for stat in stats) else None,
        script=script,
        text=text,
        sections=tuple(sections),
        stats=tuple(stats),
        raw_cells=tuple(raw_cells),
        spam=spam,
        validation=tuple(validation),
        errors=tuple(errors),
        division_code=division.code if division else None,
        level=body_level(agency, region, division) if is_report else None,
        document_number=meta.document_number if meta else None,
        flags=meta.flags if meta else (),
        quality=quality,
    )


def _header(headers: Mapping[str, str] | None, name: str) -> str | None:
    if not headers:
        return None
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None
