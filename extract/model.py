"""The records that flow out of extraction.

They are plain frozen dataclasses so that every stage can be tested on its own
and the crawler can store them without knowing how they were made.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from . import version

# Value statuses from the format spec (§5): a blank cell is not a zero.
OK = "ok"
BLANK = "blank"
NOT_APPLICABLE = "not_applicable"
APPROXIMATE = "approximate"
UNPARSED = "unparsed"

# Table scopes (spec §8.4).
OWN_BODY = "own_body"
REGION_TOTAL = "region_total"
UNKNOWN_SCOPE = "unknown"
# Value columns of multi-column local forms (spec §2.3: 区政府 | 区直单位 | 乡镇街道统计数):
# own_body is the government itself (区政府/本级/本机关), region_total the whole area (全区/合计).
DEPARTMENTS = "departments"  # its departments together (区直单位/部门)
TOWNSHIPS = "townships"  # its townships and sub-districts together (乡镇街道)


@dataclass(frozen=True)
class Stat:
    """One figure of a report, mapped to a canonical indicator key."""

    key: str
    value: float | int | None
    scope: str = UNKNOWN_SCOPE
    unit: str | None = None
    source: str = "table"  # "table" or "prose"
    status: str = OK
    raw_label: str = ""
    raw_value: str = ""
    note: str | None = None  # "45478(政府热线)" keeps 政府热线 here
    table: int | None = None  # which statistics table of the report (0-based, document order)
    era: str | None = None  # format era read from that table's signature (spec §0)
    unit_default: str | None = None  # the unit indicators.csv gives the key
    column_label: str = ""  # the column header path the value sat under
    # How sure the 2008–2018 reader is that the row's label means this key (0–1); None where
    # the label is fixed by the format (2019/2021 tables) or the figure comes from prose.
    confidence: float | None = None
    # The cell in its table (0-based), so a figure can be cited and found again: the row and
    # column of the grid it was read from (a table or page segment of markup, a document, `|`
    # text); for a 2008–2018 table read from the text, the row's order in that table and the
    # value's order after its label. None for prose.
    cell_row: int | None = None
    cell_column: int | None = None

    def in_table(self, table: int, era: str | None) -> Stat:
        """This figure numbered among its report's tables."""
        return self.changed(table=table, era=era)

    def changed(self, **changes: Any) -> Stat:
        """This figure with the fields named in `changes` set to their values. Made without
        `__init__`, which on a frozen dataclass sets each field through `object.__setattr__`:
        `dataclasses.replace` cost 0.1–0.2 ms a report page, renumbering every figure of its
        2008–2018 tables, and `Stat(...)` takes about 2 µs a figure against 0.5 µs for this."""
        copy = object.__new__(Stat)
        copy.__dict__.update(self.__dict__, **changes)
        return copy


@dataclass(frozen=True)
class RawCell:
    """A table cell that no canonical key claims; kept so nothing is lost."""

    label: str
    value: str
    scope: str = UNKNOWN_SCOPE
    column: str = ""
    table: int | None = None
    reason: str = ""  # why no key claims it: "no indicator means complaint+litigation", …


@dataclass(frozen=True)
class Section:
    heading: str
    text: str


@dataclass(frozen=True)
class SpamFinding:
    kind: str
    evidence: str
    action: str  # "removed", "flagged", "replaced", "masked"
    score: float = 1.0


@dataclass(frozen=True)
class ValidationFinding:
    rule: str
    severity: str  # "hard" or "soft"
    scope: str
    expected: float | None
    actual: float | None
    message: str
    # "strict": blank and "-" cells are unknown; "lenient": they count as 0 (spec §7).
    mode: str = "strict"
    key: str = ""  # the figure the rule is about, e.g. the row total that does not add up


@dataclass(frozen=True)
class SpamReport:
    tampered: bool = False
    score: float = 0.0
    findings: tuple[SpamFinding, ...] = ()
    # clean, cleaned, tampered_recovered, tampered_unrecovered, clone_low_trust, spam_page
    verdict: str = "clean"
    # True for clones and parasite pages: their numbers are not to be trusted.
    low_trust: bool = False


# A Report field that to_json leaves out (field metadata key).
INTERNAL = "internal"
# Report fields of plain values that to_json writes as lists (asdict keeps them tuples).
_LISTED = ("errors", "flags")


@dataclass(frozen=True)
class Report:
    """Everything extraction learned about one fetched page."""

    url: str
    sha256: str
    encoding: str | None = None
    is_report: bool = False
    title: str | None = None
    agency: str | None = None
    region: str | None = None
    year: int | None = None
    published_on: str | None = None
    index_number: str | None = None
    era: str | None = None
    # "simplified" or "traditional", as found; kept out of the JSON contract, as it always was.
    script: str | None = field(default=None, metadata={INTERNAL: True})
    text: str = ""
    sections: tuple[Section, ...] = ()
    stats: tuple[Stat, ...] = ()
    raw_cells: tuple[RawCell, ...] = ()
    spam: SpamReport = field(default_factory=SpamReport)
    validation: tuple[ValidationFinding, ...] = ()
    errors: tuple[str, ...] = ()
    # GB/T 2260 code of the region and the body's level (province … township, department).
    division_code: str | None = None
    level: str | None = None
    document_number: str | None = None  # 文号, as printed in the metadata block
    # Doubts that do not reject the page: "published_outside_window", "body_unreliable", …
    flags: tuple[str, ...] = ()
    quality: float | None = None  # share of hard checks held, less penalties (validation/quality.py)
    # The extraction that made this Report (extract/version.py), read when the Report is built.
    extractor_version: int = field(default_factory=lambda: version.EXTRACTOR_VERSION)

    def to_json(self) -> dict[str, Any]:
        """The `nianbao extract` contract: every field, in field order, but those marked internal.

        Lists of values (errors, flags) become JSON lists; asdict already turned each
        nested dataclass (sections, stats, spam …) into a dict.
        """
        data = asdict(self)
        return {
            f.name: list(data[f.name]) if f.name in _LISTED else data[f.name]
            for f in fields(self)
            if not f.metadata.get(INTERNAL)
        }
