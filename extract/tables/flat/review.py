"""Table 四 (administrative review and litigation) flattened to text, read back into its row.

Under the two header lines come its fifteen figures, on one line or spread over several; fewer
than fifteen cannot be placed column by column and are kept as raw cells.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import RawCell
from ...numbers import clean_cell
from .lines import split_line

REVIEW_WIDTH = 15
_OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
# The format's own header (spec §3.4): flattened text keeps its words, not its layout.
REVIEW_HEADER = (
    ["行政复议"] * 5 + ["行政诉讼"] * 10,
    _OUTCOMES + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5,
    _OUTCOMES * 3,
)


def read_review(lines: Sequence[str], start: int) -> tuple[list[str] | None, list[RawCell], int]:
    cells: list[str] = []
    index = start
    while index < len(lines) and len(cells) < REVIEW_WIDTH:
        parts = split_line(lines[index])
        if parts is not None:
            if parts.blank:
                if cells:
                    cells.append("")
            elif parts.labels and not _is_review_header(parts.labels):
                break
            else:
                cells += list(parts.values)
        index += 1
    if len(cells) == REVIEW_WIDTH:
        return cells, [], index
    return None, [RawCell(label="行政复议/行政诉讼", value=v) for v in cells if v], index


def _is_review_header(fragments: Sequence[str]) -> bool:
    words = ("行政复议", "行政诉讼", "结果", "维持", "纠正", "其他", "审结", "尚未", "总", "计", "起诉")
    return all(any(word in clean_cell(f) for word in words) for f in fragments)
