"""Every table under extract/data is well-formed CSV: each row has its header's fields.

An unquoted comma in a row's last field is read as one more field, which csv.DictReader puts
under None: a pattern holding a comma (，|,|;) then loses what came after it without a word.
"""

import csv
import io
from importlib import resources

import pytest

TABLES = sorted(
    entry.name for entry in (resources.files("extract") / "data").iterdir() if entry.name.endswith(".csv")
)


def _rows(name: str) -> list[list[str]]:
    text = (resources.files("extract") / "data" / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.reader(io.StringIO("\n".join(lines))))


@pytest.mark.parametrize("name", TABLES)
def test_every_row_has_its_header_s_fields(name):
    header, *rows = _rows(name)
    assert [row for row in rows if row and len(row) != len(header)] == []


def test_the_function_words_of_table_labels_hold_their_punctuation():
    rows = {row[0]: row for row in _rows("legacy_concepts.csv")[1:]}
    assert {",", ";", "；"} <= set(rows["function"][2].split("|"))
