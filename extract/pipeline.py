"""bytes → Report: the whole extraction, one stage after another.

Each stage is a pure function of what the earlier ones produced. A stage that
fails adds an error and the page is still returned with everything the other
stages could read, so a bad page never costs the crawl its data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from . import html as html_stage
from . import script as script_stage
from . import spam as spam_stage
from .analysis import Source, analyse, run_stage
from .attachments import claimed_kind, not_a_document
from .attachments import sniff as sniff_document
from .clean import main_text
from .decode import decode_html
from .document import process_document
from .metadata_grid import grid_lines
from .model import Report
from .options import Options
from .tables.grid import html_grids


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
    claimed = claimed_kind(url, content_type)
    if not body:
        return Report(
            url=url, sha256=sha256, errors=(not_a_document(body, claimed) if claimed else "empty: 0 bytes",)
        )
    if claimed is not None:
        # A .pdf/.docx/.xlsx that is not one (often an error or login page): said, and still read
        # the page way, which keeps whatever it holds.
        errors.append(not_a_document(body, claimed))

    decoded = decode_html(body, content_type)
    if decoded.error:
        errors.append(decoded.error)

    tree = run_stage(errors, "parse", None, lambda: html_stage.parse_html(decoded.text))
    if tree is None:
        return Report(url=url, sha256=sha256, encoding=decoded.encoding, errors=tuple(errors))

    findings = []
    dom = spam_stage.DomScan()
    links: tuple[spam_stage.PageLink, ...] = ()
    if options.strip_spam:
        dom = run_stage(errors, "spam", dom, lambda: spam_stage.scan_dom(tree, url))
        findings += dom.findings
        links = run_stage(errors, "links", (), lambda: spam_stage.page_links(tree))
    title_tag = dom.title or html_stage.html_title(tree)
    lines = html_stage.visible_lines(tree)
    listed = spam_stage.TextClean(lines, [], [])
    if options.strip_spam:
        listed = spam_stage.strip_text_spam(lines)
        lines = listed.lines
        findings += listed.findings

    text = run_stage(errors, "clean", "\n".join(lines), lambda: main_text(tree, url, lines))
    # The metadata grid (索引号, 发布机构, 文号…) trafilatura dropped heads the text again.
    grid = run_stage(errors, "metadata grid", [], lambda: grid_lines(tree, lines, text, dom.hidden_selectors))
    if grid:
        text = "\n".join([*grid, text])
    if options.strip_spam:
        # The main text's lines are mostly the visible lines read above: only new ones are read.
        text_listed = spam_stage.strip_known_lines(text.split("\n"), listed)
        text = "\n".join(text_listed.lines)
        findings += [f for f in text_listed.findings if f not in findings]
        lines, text, pinyin_findings = spam_stage.strip_pinyin_lines(lines, text)
        findings += pinyin_findings
        lines, text, tail_findings = spam_stage.strip_tail_names(lines, text)
        findings += tail_findings

    script = script_stage.detect_script(text + "".join(lines[:50]))
    if options.fold_traditional and script == script_stage.TRADITIONAL:
        lines = script_stage.to_simplified(lines)
        text = "\n".join(script_stage.to_simplified(text.split("\n")))
        title_tag = script_stage.to_simplified([title_tag])[0] if title_tag else None
    return analyse(
        Source(
            url=url,
            sha256=sha256,
            encoding=decoded.encoding,
            lines=lines,
            text=text,
            title_hint=title_tag,
            script=script,
            grids=lambda: html_grids(tree),
            identity=dom.meta,
            replaced_title=html_stage.html_title(tree) if dom.title else None,
            links=links,
            findings=findings,
            flags=[f"mojibake_repaired:{decoded.mojibake}"] if decoded.mojibake else [],
            errors=errors,
        ),
        options,
    )


def _header(headers: Mapping[str, str] | None, name: str) -> str | None:
    if not headers:
        return None
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None
