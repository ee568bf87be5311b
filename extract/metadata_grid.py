"""The metadata grid above a government article, kept at the head of the report text.

TRS, Hanweb and gkmlpt article pages open with a grid of label/value pairs (索引号,
发布机构, 成文日期, 文号, 主题分类…): the issuing body, the date and the document
number a reader and the metadata stage want. trafilatura drops it as chrome (it reads
no tables here, and a short list of spans looks like navigation). A table or list of
the page (after the spam DOM pass pruned the tree) whose cells hold at least
MIN_LABELS labels of data/metadata_labels.csv is that grid; its rows go at the head of
the text as `| label | value |` lines, the form trafilatura prints tables in (a merged
cell's text once, the slots it spans empty), unless the text already holds them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from importlib import resources
from itertools import islice

from lxml import etree

from .caches import loaded
from .labels import normalise_text
from .spam.dom import element_hiding, hidden_selectors
from .spam.fold import nfkc
from .tables.grid import expand_html_table

MIN_LABELS = 3  # two label-like words (标题, 文号) turn up in ordinary text and menus
# A grid has a dozen rows at most; a longer table (the statistics) or list (a menu) is none,
# and is not read cell by cell.
MAX_ROWS = 20
_COLONS = ":："
_LIST_TAGS = ("ul", "ol", "dl")


@loaded()
def metadata_labels() -> frozenset[str]:
    """The labels of data/metadata_labels.csv, as label_key() gives them."""
    with (resources.files("extract") / "data" / "metadata_labels.csv").open(encoding="utf-8") as handle:
        return frozenset(label_key(row["label"]) for row in csv.DictReader(handle))


@loaded()
def _label_pattern() -> re.Pattern[str]:
    """A label at the start of a line, its characters perhaps spaced out (索 引 号)."""
    labels = sorted(metadata_labels(), key=len, reverse=True)
    return re.compile("|".join("[ \u00a0]?".join(map(re.escape, label)) for label in labels))


@loaded()
def _first_characters() -> frozenset[str]:
    return frozenset(label[0] for label in metadata_labels())


def label_key(text: str) -> str:
    """A cell as compared with the labels: as table labels are (NFKC, no whitespace), no
    trailing colon."""
    return normalise_text(text).rstrip(_COLONS)


def _text_key(text: str) -> str:
    """Text as compared for presence: NFKC, without whitespace or `|` (a row kept as lines
    or as a table is the same run of characters)."""
    return "".join(nfkc(text).split()).replace("|", "")


def grid_lines(
    tree: etree._Element,
    page_lines: Sequence[str],
    text: str,
    selectors: dict[str, str] | None = None,
) -> list[str]:
    """The rows of the page's metadata grids that `text` lacks, as `|` lines in page order.

    `page_lines` are the page's visible lines, read first: a grid's label cells start lines
    (a cell or an item is a line of its own), and without MIN_LABELS distinct labels there
    no grid can exist and the DOM is not searched, which spares most pages its cost.
    `selectors` are the tree's hidden_selectors() where the spam pass already read them
    (DomScan.hidden_selectors); they are read here otherwise."""
    firsts, pattern = _first_characters(), _label_pattern()
    found = {label_key(m[0]) for line in page_lines if line[:1] in firsts and (m := pattern.match(line))}
    if len(found) < MIN_LABELS:
        return []
    present: str | None = None
    lines: list[str] = []
    for container, rows in _candidates(tree):
        if _count_labels(rows) < MIN_LABELS:
            continue
        if selectors is None:
            selectors = hidden_selectors(tree)
        if _is_hidden(container, selectors):
            continue
        if present is None:
            present = _text_key(text)
        for row in rows:
            key = _text_key("".join(row))
            if key and key not in present:
                lines.append(render_row(row))
                present += key  # a grid printed twice on the page is kept once
    return lines


def render_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _candidates(tree: etree._Element) -> Iterator[tuple[etree._Element, list[list[str]]]]:
    """Innermost tables and lists of at most MAX_ROWS rows, with their rows of cell texts."""
    for element in tree.iter("table", *_LIST_TAGS):
        if element.tag == "table":
            if any(True for _ in element.iterdescendants("table")) or _more_than(
                element.iter("tr"), MAX_ROWS
            ):
                continue
            rows = [[" ".join(cell.split()) for cell in row] for row in expand_html_table(element, False)]
        else:
            if any(True for _ in element.iterdescendants(*_LIST_TAGS)) or _more_than(iter(element), MAX_ROWS):
                continue
            rows = _list_rows(element)
        rows = [row for row in rows if any(row)]
        if rows:
            yield element, rows


def _more_than(items: Iterator[object], limit: int) -> bool:
    return any(True for _ in islice(items, limit, None))


def _list_rows(element: etree._Element) -> list[list[str]]:
    """One row per item (<li>, or a <dt> with its <dd>s), cut into label and value cells."""
    rows: list[list[str]] = []
    for item in element:
        if not isinstance(item.tag, str):
            continue
        cells = _item_cells(item)
        if item.tag == "dd" and rows:
            rows[-1].extend(cells)
        elif item.tag in ("li", "dt", "dd"):
            rows.append(cells)
    return rows


def _item_cells(item: etree._Element) -> list[str]:
    """The item's own text and each child's text as cells; a cell that starts with a label
    and a colon (索引号：1234) is cut after the colon."""
    pieces = [item.text or ""]
    for child in item:
        if isinstance(child.tag, str):
            pieces.append("".join(child.itertext()))
        pieces.append(child.tail or "")
    cells: list[str] = []
    for piece in pieces:
        piece = " ".join(piece.split())
        if piece:
            cells.extend(_cut_after_label(piece))
    return cells


def _cut_after_label(piece: str) -> list[str]:
    for index, char in enumerate(piece):
        if char in _COLONS:
            head, rest = piece[: index + 1], piece[index + 1 :].strip()
            if rest and label_key(head) in metadata_labels():
                return [head, rest]
            break
    return [piece]


def _count_labels(rows: list[list[str]]) -> int:
    labels = metadata_labels()
    return len({key for row in rows for cell in row if (key := label_key(cell)) in labels})


def _is_hidden(element: etree._Element | None, selectors: dict[str, str]) -> bool:
    while element is not None:
        if isinstance(element.tag, str) and element_hiding(element, selectors):
            return True
        element = element.getparent()
    return False
