"""A page built from a few lines, extracted: the smallest page a stage can be tried on."""

from __future__ import annotations

from collections.abc import Iterable

from extract import process
from extract.model import Report


def lines_report(title: str, lines: Iterable[str], url: str, head: str = "", tail: str = "") -> Report:
    """The report of a UTF-8 page titled `title` that prints each line as a paragraph; `head`
    goes into <head> after the title, `tail` into <body> after the lines (a footer)."""
    body = "".join(f"<p>{line}</p>" for line in lines)
    markup = (
        f"<html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body>{body}{tail}</body></html>"
    )
    return process(markup.encode("utf-8"), url)
