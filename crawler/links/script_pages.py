"""Tell, from the HTML as served, whether a page's links exist only once JavaScript has run.

A few portals (AngularJS and Vue front ends, columns filled from a JSON file,
lists written with document.write) send an almost empty page and build the
report list in the browser. Only those pages are worth a browser: everything a
plain response or a CMS adapter can read stays plain HTTP. The checks are cheap
and conservative; each names its reason, which the crawl stats count.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

# Attributes of client-side templates that repeat an element once per record.
REPEAT_ATTRIBUTES = ("ng-repeat", "data-ng-repeat", "ng-repeat-start", "v-for", "x-for")
# <script type=...> that hold an HTML template for the page's scripts, not code.
TEMPLATE_SCRIPT_TYPES = re.compile(
    r"^text/(?:template|x-template|html|x-handlebars-template|x-jsrender|x-tmpl)"
)
TEMPLATE_ANCHOR = re.compile(r"<a[\s>]", re.I)
# Script types that are code (an absent type is code too).
CODE_SCRIPT_TYPES = re.compile(r"^(?:text/javascript|application/javascript|application/ecmascript|module)$")
# Code that makes a link whose address only the script knows: href="' + url + '", href="${url}",
# link.href = url, setAttribute("href", url), createElement("a"). A link written whole in a string
# (TRS's file_appendix) is read by the spider without a browser.
BUILDS_ANCHOR = re.compile(
    r"""href\s*=\s*\\?["']\s*["']\s*\+|href\s*=\s*\\?["']?\$\{|(?<!location)\.href\s*=(?!=)|"""
    r"""(?:setAttribute|attr|prop)\(\s*["']href["']\s*,|createElement\(\s*["']a["']\s*\)""",
    re.I,
)
# Code that puts markup into the page.
WRITES_DOM = re.compile(
    r"document\.write|\.innerHTML\s*\+?=|insertAdjacentHTML|\.appendChild\(|\.append\(|\.prepend\(|\.html\("
)
# Scripts that draw paging links (TRS createPageHTML and its kin): read by the CMS adapters.
PAGING_SCRIPT = re.compile(r"createPageHTML|下一页|尾页|上一页|PageCount|PageName|pageIndex", re.I)
# Elements that hold a list of links; empty, they wait for a script to fill them.
LIST_CONTAINERS = ("ul", "ol", "dl", "tbody", "table")
# A page with less visible text than this and no link is a shell its scripts fill.
SHELL_TEXT_CHARS = 200
# Placeholders of templates that a server did not fill.
PLACEHOLDER = re.compile(r"\{\{|\$\{")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
VISIBLE_TEXT = (
    ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"
)


def javascript_reason(html: str) -> str | None:
    """Why this page needs a browser to show its links, or None when plain HTML will do."""
    try:
        # lxml refuses a str that still carries its XML declaration.
        root = lxml.html.fromstring(XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, ValueError):
        return None
    for check in (_template_links, _script_built_list, _empty_shell):
        reason = check(root)
        if reason:
            return reason
    return None


def _is_concrete_link(anchor: etree._Element) -> bool:
    href = (anchor.get("href") or "").strip()
    return bool(href) and not href.startswith(("javascript:", "#")) and not PLACEHOLDER.search(href)


def _concrete_links(root: etree._Element) -> int:
    return sum(1 for anchor in root.iter("a") if _is_concrete_link(anchor))


def _code_scripts(root: etree._Element) -> list[str]:
    """Inline code, paging scripts left out (the CMS adapters read those without a browser)."""
    scripts = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        code = script.text or ""
        if (not kind or CODE_SCRIPT_TYPES.match(kind)) and code and not PAGING_SCRIPT.search(code):
            scripts.append(code)
    return scripts


def _template_links(root: etree._Element) -> str | None:
    """An AngularJS/Vue repeater, or a script template, whose links carry no address yet."""
    for attribute in REPEAT_ATTRIBUTES:
        for element in root.xpath(f"//*[@{attribute}]"):
            anchors = [element] if element.tag == "a" else list(element.iter("a"))
            if anchors and not any(_is_concrete_link(a) for a in anchors):
                return f"template: {attribute} builds the links"
    for script in root.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if TEMPLATE_SCRIPT_TYPES.match(kind) and TEMPLATE_ANCHOR.search(script.text or ""):
            return f"template: <script type={kind}> builds the links"
    return None


def _script_built_list(root: etree._Element) -> str | None:
    """An empty list that an inline script names and fills with links (from a JSON array or file),
    or links written in place with document.write."""
    empty = [
        element
        for element in root.iter(*LIST_CONTAINERS)
        if len(element) == 0 and not (element.text or "").strip()
    ]
    for code in _code_scripts(root):
        if not (BUILDS_ANCHOR.search(code) and WRITES_DOM.search(code)):
            continue
        if "document.write" in code:
            return "script: links written with document.write"
        for element in empty:
            names = [element.get("id") or ""] + (element.get("class") or "").split()
            if any(len(name) >= 2 and name in code for name in names):
                return f"script: an empty <{element.tag}> filled with links by a script"
    return None


def _empty_shell(root: etree._Element) -> str | None:
    """No link and hardly any text, but scripts: a loader that builds the whole page."""
    body = root.find(".//body")
    if body is None or _concrete_links(root):
        return None
    if not any(True for _ in root.iter("script")):
        return None
    text = "".join(body.xpath(VISIBLE_TEXT))
    if len(re.sub(r"\s+", "", text)) < SHELL_TEXT_CHARS:
        return "shell: no links and almost no text, only scripts"
    return None
