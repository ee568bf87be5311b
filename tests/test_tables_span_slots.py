"""expand_html_table fills its slots row by row; the grid must be the one the slot map defines.

The reference below is the definition: every cell takes the first slot of its row no cell
took, its span's slots keep the first text written to them, and the grid is as wide as the
widest slot and as tall as the last row a cell reaches (never past the table's last row).
Random tables with spans, junk spans, empty rows and spans past the end are read both ways.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.html import parse_html
from extract.tables.grid import _cell_text, _span, expand_html_table

BOUNDED = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def slot_map_grid(table, repeat_spans: bool) -> list[list[str]]:
    grid: dict[tuple[int, int], str] = {}
    rows = list(table.iter("tr"))
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            text = _cell_text(cell)
            rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid.setdefault((r + dr, c + dc), text if repeat_spans or not (dr or dc) else "")
            c += colspan
    if not grid:
        return []
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    return [[grid.get((r, c), "") for c in range(width)] for r in range(min(height, len(rows)))]


SPANS = st.sampled_from(
    ["", " rowspan='2'", " colspan='2'", " rowspan='3' colspan='2'", " colspan='0'", " rowspan='x'"]
)
CELL = st.tuples(st.sampled_from(["td", "th"]), st.sampled_from(["", "申请", "12", " "]), SPANS)
ROW = st.lists(CELL, max_size=5)


def markup(rows: list[list[tuple[str, str, str]]]) -> str:
    body = "".join(
        "<tr>" + "".join(f"<{tag}{span}>{text}</{tag}>" for tag, text, span in row) + "</tr>" for row in rows
    )
    return f"<html><body><table>{body}</table></body></html>"


@BOUNDED
@given(st.lists(ROW, max_size=6), st.booleans())
def test_grid_is_the_slot_maps(rows, repeat_spans):
    table = next(parse_html(markup(rows)).iter("table"))
    assert expand_html_table(table, repeat_spans) == slot_map_grid(table, repeat_spans)


def test_span_below_the_last_row_widens_but_adds_no_row():
    table = next(
        parse_html(markup([[("td", "a", "")], [("td", "b", " rowspan='3' colspan='3'")]])).iter("table")
    )
    assert expand_html_table(table) == [["a", "", ""], ["b", "b", "b"]]
