"""The statutory deadlines of the annual reports (data/deadlines.csv).

The schedule's reporting season runs on from the last deadline (crawler/schedule/calendar.py)
and the coverage view judges a report late after its deadline (crawler/store/coverage.py, its
SQL made from these rules), so a change of the rules is one change of deadlines.csv. They are
knowledge about the reports, kept here so that neither of those two depends on the other.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from importlib import resources

DEADLINES_CSV = resources.files("extract") / "data" / "deadlines.csv"

# What reports.level and registry_sites.level reduce to: a department, or a government of a place.
KINDS = ("department", "government")


class BadDeadlines(ValueError):
    """deadlines.csv (or the text given instead) cannot be used; the message says why."""


@dataclass(frozen=True)
class Deadline:
    kind: str
    since: int | None  # the first report year the rule holds for; None: every year before the next
    due: tuple[int, int]  # (month, day) in the year after the report year


def load_deadlines(text: str | None = None) -> tuple[Deadline, ...]:
    """The rules in `text` (CSV as deadlines.csv), by default the ones shipped with the package."""
    if text is None:
        text = DEADLINES_CSV.read_text(encoding="utf-8")
    # Lines starting with `#` say what the columns mean and where the rules come from.
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rules = []
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        try:
            kind, since, due = row["kind"].strip(), row["since"].strip(), row["due"].strip()
            if kind not in KINDS:
                raise ValueError(f"kind must be one of {', '.join(KINDS)}")
            month, day = (int(part) for part in due.split("-"))
            date(2023, month, day)  # not a leap year: a deadline every year has
            rules.append(Deadline(kind, int(since) if since else None, (month, day)))
        except (KeyError, AttributeError, ValueError) as exc:
            raise BadDeadlines(f"deadlines: bad row {row}: {exc}") from None
    for kind in KINDS:
        if [rule.since for rule in rules if rule.kind == kind].count(None) != 1:
            raise BadDeadlines(f"deadlines: {kind} needs one rule with `since` empty, its oldest")
    return tuple(rules)


def in_force(rules: tuple[Deadline, ...]) -> tuple[Deadline, ...]:
    """Each kind's newest rule: the ones the reports now being written follow."""
    newest = {}
    for rule in sorted(rules, key=lambda rule: rule.since or 0):
        newest[rule.kind] = rule
    return tuple(newest.values())
