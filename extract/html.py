"""Parse HTML and read it as lines, the way a person reads the rendered page.

Tables and the metadata grid above an article are read from the raw DOM, not
from trafilatura's main text: trafilatura may drop short cells, and the
statistics tables are exactly a run of short cells. Every table cell becomes a
line of its own, an empty cell an NBSP line, so a cell grid survives as text.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

# Elements that start a new line when rendered.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul "
    "title option".split()
)
INVISIBLE_TAGS = frozenset(("script", "style", "noscript", "template", "head", "iframe", "object", "embed"))

# Rendered as one space when they run together (a newline is a line break here, not a space).
SPACES = " \t\r\f\v\u3000"


def _parser() -> lxml.html.HTMLParser:
    """lxml.html's parser with an element-class lookup done in C.

    lxml.html picks each element's Python class with a Python method, called whenever an
    element is first touched from Python, by our stages and by trafilatura alike. The
    classes it picks beyond HtmlElement (form, input, select, textarea, label) only add
    form-filling helpers that nothing here uses. A parser is not to be shared between
    threads, and one costs microseconds to make.
    """
    parser = lxml.html.HTMLParser()
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    return parser


# The end tags of the body and the document. libxml2 drops what follows </html> and puts what
# follows </body> beside the body; a browser shows both inside the body, and a defacer appends
# its links there. Case-blind by hand, so that the engine skips to "</" in C.
_DOCUMENT_ENDS = re.compile(r"</(?:[bB][oO][dD][yY]|[hH][tT][mM][lL])\s*>")


def parse_html(text: str) -> etree._Element:
    # lxml refuses str input that carries an XML encoding declaration.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    text = _DOCUMENT_ENDS.sub("", text)
    return lxml.html.document_fromstring(text or "<html></html>", parser=_parser())


def title_element(tree: etree._Element) -> etree._Element | None:
    """The document's first <title>, as xpath("//title")[0] finds it, without compiling an XPath."""
    return next(tree.getroottree().iter("title"), None)


def element_words(element: etree._Element) -> str:
    """An element's text, its runs of whitespace one space."""
    return " ".join(element.text_content().split())


def html_title(tree: etree._Element) -> str | None:
    element = title_element(tree)
    if element is None:
        return None
    title = collapse_spaces(element.text_content()).strip()
    return title or None


def visible_lines(tree: etree._Element) -> list[str]:
    """The page's text lines in document order, chrome included."""
    root = tree.find("body")
    if root is None:
        root = tree
    parts: list[str] = []
    _walk(root, parts)
    return [line for raw in collapse_spaces("".join(parts)).split("\n") if (line := raw.strip(" "))]


def collapse_spaces(text: str) -> str:
    """Every run of SPACES as one space: the same as re.sub(f"[{SPACES}]+", " ", text), but with
    str.replace, which skips through a page's text many times faster than a regex scan does."""
    for space in SPACES[1:]:
        if space in text:
            text = text.replace(space, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _walk(element: etree._Element, parts: list[str]) -> None:
    # lxml builds a new string on every read of .tag, .text and .tail: each is read once.
    tag = element.tag
    if not isinstance(tag, str) or tag in INVISIBLE_TAGS:
        # Comments and processing instructions carry no visible text, but their tail does.
        if tail := element.tail:
            parts.append(tail.replace("\n", " "))
        return
    block = tag in BLOCK_TAGS
    if block:
        parts.append("\n")
    start = len(parts)
    if text := element.text:
        parts.append(text.replace("\n", " "))
    for child in element:
        _walk(child, parts)
    if tag in ("td", "th") and not "".join(parts[start:]).strip():
        parts.append("\u00a0")  # keep the empty cell as a line
    if block:
        parts.append("\n")
    if tail := element.tail:
        parts.append(tail.replace("\n", " "))
