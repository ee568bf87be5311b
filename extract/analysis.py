"""The stages a page and a document share, once their text is in hand.

A page (extract/pipeline.py) and an attachment (extract/document.py) differ only in
how they become lines, main text, a title hint and table grids. From there on the
same stages run in the same order: name repair, metadata, report recognition,
sections, tables, prose figures, validation, divisions and the spam verdict. One
function for both keeps an attachment from silently missing a stage a page has.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from . import script as script_stage
from . import spam as spam_stage
from .divisions import body_level, find_division
from .metadata import read_metadata
from .model import Report, SpamFinding, SpamReport
from .options import Options
from .prose import prose_figures
from .recognize import is_annual_report
from .sections import split_sections
from .tables.grid import Grid
from .tables.report import read_report_tables
from .validation import validate_report

T = TypeVar("T")


def run_stage(errors: list[str], name: str, default: T, run: Callable[[], T]) -> T:
    """Run one stage; its failure becomes an error on the report, never a lost page."""
    try:
        return run()
    except Exception as exc:  # noqa: BLE001 - a stage's failure must not lose the page
        errors.append(f"{name}: {type(exc).__name__}: {exc}")
        return default


@dataclass
class Source:
    """A page or document as text: what the shared stages read."""

    url: str
    sha256: str
    encoding: str | None
    lines: list[str]
    text: str
    title_hint: str | None  # the page's <title>, or the linking page's title for an attachment
    script: str
    grids: Callable[[], Sequence[Grid]]  # read only for reports
    identity: dict[str, str] = field(default_factory=dict)  # the page's own meta tags
    links: Sequence[spam_stage.PageLink] = ()  # the page's labelled links (none for a document)
    findings: list[SpamFinding] = field(default_factory=list)  # found before these stages
    flags: list[str] = field(default_factory=list)  # doubts found before these stages
    errors: list[str] = field(default_factory=list)
    # A hijacked <title> that a heading replaced: its name slots may still hold a swapped name.
    replaced_title: str | None = None


def analyse(source: Source, options: Options) -> Report:
    errors, findings = source.errors, source.findings
    lines, text, title_hint, url = source.lines, source.text, source.title_hint, source.url
    if options.strip_spam:
        names = run_stage(
            errors,
            "names",
            None,
            lambda: spam_stage.repair_names(
                title_hint, lines, text, url, source.identity, source.script, source.replaced_title
            ),
        )
        footer = None
        if names is not None:
            title_hint, lines, text = names.title, names.lines, names.text
            findings += names.findings
            footer = names.footer
        labels = run_stage(
            errors,
            "link labels",
            None,
            lambda: spam_stage.link_swaps(title_hint, lines, text, source.links, source.identity, footer),
        )
        if labels is not None:
            title_hint, lines, text = labels.title, labels.lines, labels.text
            findings += labels.findings

    meta = run_stage(errors, "metadata", None, lambda: read_metadata(lines, title_hint, url))
    title = meta.title if meta else title_hint
    is_report = run_stage(errors, "recognize", False, lambda: is_annual_report(title, text))

    sections: Sequence = ()
    stats: Sequence = ()
    raw_cells: Sequence = ()
    table_era = None
    validation: Sequence = ()
    quality = None
    if is_report:
        sections = run_stage(errors, "sections", (), lambda: split_sections(text))
        if options.read_tables:
            traditional = options.fold_traditional and source.script == script_stage.TRADITIONAL
            fold = script_stage.to_simplified if traditional else None
            tables = run_stage(
                errors, "tables", None, lambda: read_report_tables(source.grids(), lines, fold)
            )
            if tables is not None:
                stats, raw_cells, table_era = tables.stats, tables.raw_cells, tables.era
        # Prose figures are the stats only where no table was read; otherwise they are checks.
        prose = run_stage(errors, "prose", (), lambda: prose_figures(text, meta.year if meta else None))
        stats = stats or prose
        checked = run_stage(errors, "validate", None, lambda: validate_report(stats, prose))
        if checked is not None:
            validation, quality = checked.findings, checked.quality

    agency = meta.agency if meta else None
    region = meta.region if meta else None
    division = run_stage(errors, "divisions", None, lambda: find_division(region))
    findings += spam_stage.brand_findings("title", title)
    findings += spam_stage.brand_findings("agency", agency)
    spam = run_stage(
        errors,
        "verdict",
        SpamReport(tampered=bool(findings), score=spam_stage.score(findings), findings=tuple(findings)),
        lambda: spam_stage.judge(findings, url, text, is_report, "\n".join(lines), source.identity),
    )
    return Report(
        url=url,
        sha256=source.sha256,
        encoding=source.encoding,
        is_report=is_report,
        title=title,
        agency=agency,
        region=region,
        year=meta.year if meta else None,
        published_on=meta.published_on if meta else None,
        index_number=meta.index_number if meta else None,
        era=(table_era or "legacy") if any(stat.source == "table" for stat in stats) else None,
        script=source.script,
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
        flags=tuple(source.flags) + (meta.flags if meta else ()),
        quality=quality,
    )
