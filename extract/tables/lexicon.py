"""The label lexicon of the 2019/2021 tables, kept as data in data/table_labels.csv.

Rows of table 三, its applicant columns, the proceedings and outcomes of table 四
and the items and measures of table 二 are all recognised the same way: every
keyword of `label_all` in the normalised label, none of `label_none`, and the same
for the enclosing group labels (spec §6). The CSV lists specific entries before
general ones; the first match wins.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from ..caches import loaded
from ..labels import LexiconRow, _keywords, kept_ideographs

# Package data through importlib.resources, so it reads from an installed egg or wheel too.
DATA = resources.files("extract") / "data"
LABELS_CSV = DATA / "table_labels.csv"
KEYS_CSV = DATA / "indicators.csv"


@dataclass(frozen=True)
class Entry:
    name: str  # the key segment this label stands for
    rule: LexiconRow
    # A keyword the label must hold ("" when none is required): most labels are told apart from
    # most entries by this one `in` test, without a call into the rule's keyword loops.
    gate: str = ""


@loaded()
def _entries() -> dict[tuple[str, str], tuple[Entry, ...]]:
    found: dict[tuple[str, str], list[Entry]] = {}
    with LABELS_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rule = LexiconRow(
                key=row["name"],
                label_all=_keywords(row["label_all"]),
                label_none=_keywords(row["label_none"]),
                context_all=_keywords(row["context_all"]),
                context_none=_keywords(row["context_none"]),
                unit="",
            )
            gate = rule.label_all[0] if rule.label_all else ""
            found.setdefault((row["table"], row["role"]), []).append(Entry(row["name"], rule, gate))
    return {role: tuple(entries) for role, entries in found.items()}


def entries(table: str, role: str) -> Sequence[Entry]:
    return _entries().get((table, role), ())


def match(table: str, role: str, label: str, context: str = "") -> str | None:
    """The name of the first entry whose keyword sets fit the (normalised) label and context."""
    for entry in entries(table, role):
        if entry.gate in label and entry.rule.matches(label, context):
            return entry.name
    return None


def required_ideograph(table: str, role: str, name: str) -> str:
    """An ideograph that every entry named `name` needs and folding cannot add ("" if none).

    A label can match such an entry only when the NFKC text it is folded from holds this
    character (see labels.kept_ideographs), so one `in` test rules most lines out.
    """
    needs = [
        kept_ideographs("".join(entry.rule.label_all)) for entry in entries(table, role) if entry.name == name
    ]
    return next((char for char in needs[0] if all(char in other for other in needs[1:])), "") if needs else ""


@dataclass(frozen=True)
class KeyInfo:
    eras: str
    unit: str


@loaded()
def table_keys() -> dict[str, KeyInfo]:
    """Canonical keys of the 2019/2021 tables with their default units (from indicators.csv).

    The 2008–2018 keys (legacy.*, legacy_early.*) have their own reader and lexicon.
    """
    with KEYS_CSV.open(encoding="utf-8", newline="") as handle:
        return {
            row["key"]: KeyInfo(row["eras"], row["unit"])
            for row in csv.DictReader(handle)
            if not row["key"].startswith("legacy")
        }
