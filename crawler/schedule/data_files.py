"""The schedule's data file beside this module (calendar.csv): CSV whose lines
starting with `#` say what the columns mean and where the rules come from."""

from __future__ import annotations

import csv
import io
from importlib import resources


def data_rows(name: str, text: str | None = None) -> list[dict[str, str]]:
    """The rows of `text` (CSV as the file `name`), by default of the file shipped with the package;
    comment and blank lines left out."""
    if text is None:
        text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))
