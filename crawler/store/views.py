"""SQL views that Datasette shows beside the tables.

`stats` is long (one row per report, scope and key) and its keys differ by era: the
2008–2018 table says `legacy.applications.received_total` where the 2019 and 2021
formats say `applications.new_received.total`. Researchers want one wide row per
report with the headline figures side by side whatever the era, so the views fold the
eras together here, once, instead of in every query.

Views are dropped and created again each time a store is opened: a view is only a
stored SELECT, and rebuilding it lets it pick up columns that a later migration adds
to `reports` (division code, level, province) without a migration of its own.
"""

from __future__ import annotations

import csv
from importlib import resources

import sqlite_utils

from crawler.store.coverage import REPORT_COVERAGE_BY_BODY_SQL, REPORT_COVERAGE_SQL

# Levels as divisions.csv numbers them.
LEVELS = {"1": "province", "2": "city", "3": "county"}

# Headline indicator → the keys that carry it, v2019/v2021 first, then the legacy table.
# Where the 2019 formats only print the parts of a group (the subtotals are derived),
# the parts are summed; the legacy table's nearest rows are summed the same way.
HEADLINE_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "applications_received": (
        ("applications.new_received.total",),
        ("legacy.applications.received_total",),
    ),
    "granted": (
        ("applications.results.granted.total",),
        ("legacy.applications.reply_granted",),
    ),
    "partly_granted": (
        ("applications.results.partially_granted.total",),
        ("legacy.applications.reply_partially_granted",),
    ),
    "withheld": (
        ("applications.results.withheld.subtotal.total", "applications.results.withheld.*.total"),
        ("legacy.applications.reply_refused_total",),
    ),
    "unavailable": (
        ("applications.results.unavailable.subtotal.total", "applications.results.unavailable.*.total"),
        (
            "legacy.applications.reply_not_this_agency",
            "legacy.applications.reply_not_exist",
            "legacy.applications.reply_amend_requested",
        ),
    ),
    "not_processed": (
        (
            "applications.results.not_processed.subtotal.total",
            "applications.results.not_processed.*.total",
        ),
        ("legacy.applications.reply_redirected",),
    ),
    "admin_reviews": (("review_litigation.admin_review.total",), ("legacy.admin_review.total",)),
    "reviews_upheld": (("review_litigation.admin_review.upheld",), ("legacy.admin_review.upheld",)),
    "reviews_corrected": (("review_litigation.admin_review.corrected",), ("legacy.admin_review.corrected",)),
    "lawsuits": (
        ("review_litigation.litigation_direct.total", "review_litigation.litigation_after_review.total"),
        ("legacy.litigation.total",),
    ),
    "lawsuits_upheld": (
        ("review_litigation.litigation_direct.upheld", "review_litigation.litigation_after_review.upheld"),
        ("legacy.litigation.upheld",),
    ),
    "lawsuits_corrected": (
        (
            "review_litigation.litigation_direct.corrected",
            "review_litigation.litigation_after_review.corrected",
        ),
        ("legacy.litigation.corrected",),
    ),
}

# Columns that other parts of the crawler may add to `reports` later; the views show
# them when present and NULL until then.
OPTIONAL_REPORT_COLUMNS = ("division_code", "level")


def _sum_of(keys: tuple[str, ...]) -> str:
    """SQL for one era's figure inside a GROUP BY over `stats`.

    A key ending in `subtotal.total` followed by a `*` pattern means: the printed or
    derived subtotal when present, else the sum of its printed parts. Otherwise the
    listed keys are summed; the result is NULL when none of them was printed.
    """
    if len(keys) == 2 and keys[0].endswith(".subtotal.total") and "*" in keys[1]:
        subtotal, parts = keys
        return (
            f"coalesce(max(case when s.key = '{subtotal}' then s.value end), "
            f"sum(case when s.key glob '{parts}' and s.key != '{subtotal}' then s.value end))"
        )
    listed = ", ".join(f"'{key}'" for key in keys)
    return f"sum(case when s.key in ({listed}) then s.value end)"


def _headline_columns() -> str:
    return ",\n  ".join(
        f"coalesce({_sum_of(modern)}, {_sum_of(legacy)}) as {name}"
        for name, (modern, legacy) in HEADLINE_KEYS.items()
    )


def _report_columns(db: sqlite_utils.Database) -> str:
    present = set(db["reports"].columns_dict)
    columns = []
    for name in OPTIONAL_REPORT_COLUMNS:
        columns.append(f"r.{name} as {name}" if name in present else f"null as {name}")
    # A province code is the first two digits of a GB/T 2260 division code; its name comes
    # from the `divisions` reference table.
    if "division_code" in present:
        province_code = "substr(r.division_code, 1, 2) || '0000'"
        columns.append(f"(select d.name from divisions d where d.code = {province_code}) as province")
        columns.append(f"{province_code} as province_code")
    else:
        columns.append("null as province")
        columns.append("null as province_code")
    return ", ".join(columns)


def report_indicators_sql(db: sqlite_utils.Database) -> str:
    # Reports without any figure still get one row (scope NULL), so the view lists every report.
    return f"""
select
  r.report_key, r.title, r.agency, r.region, {_report_columns(db)},
  r.year, r.era, r.tampered, sc.scope,
  {_headline_columns()},
  count(s.key) as figures
from reports r
left join (select distinct report_key, scope from stats) sc on sc.report_key = r.report_key
left join stats s on s.report_key = r.report_key and s.scope = sc.scope
group by r.report_key, sc.scope
"""


# One row per report: the scope that carries its application figures, its own body's before
# its region's, so that sums over reports never count one report twice and a stray own-body
# figure (a budget line in prose) does not hide the report's real headline figures.
def report_headlines_sql(db: sqlite_utils.Database) -> str:
    columns = ", ".join(f"[{c}]" for c in db["report_indicators"].columns_dict)
    return f"""
select {columns} from (
  select i.*, row_number() over (
    partition by i.report_key
    order by (i.applications_received is null),
             case i.scope when 'own_body' then 0 when 'region_total' then 1 else 2 end
  ) as headline_rank
  from report_indicators i
) where headline_rank = 1
"""


AGENCY_YEAR_OVER_YEAR_SQL = """
select
  agency, region, year, scope, report_key, applications_received,
  lag(year) over w as previous_year,
  lag(applications_received) over w as previous_applications_received,
  applications_received - lag(applications_received) over w as change,
  round(100.0 * (applications_received - lag(applications_received) over w)
        / nullif(lag(applications_received) over w, 0), 1) as change_percent,
  granted, admin_reviews, lawsuits
from report_headlines
where agency is not null and year is not null
window w as (partition by agency order by year)
"""

# In dependency order: a view is created after the views it reads.
VIEWS_SQL = {
    "agency_year_over_year": AGENCY_YEAR_OVER_YEAR_SQL,
    "report_coverage": REPORT_COVERAGE_SQL,
    "report_coverage_by_body": REPORT_COVERAGE_BY_BODY_SQL,
}


def load_divisions(db: sqlite_utils.Database) -> None:
    """The division code list as a table, so views and users' SQL can name provinces."""
    if db["divisions"].exists() and db["divisions"].count:
        return
    source = resources.files("extract") / "data" / "divisions.csv"
    with source.open(encoding="utf-8") as handle:
        rows = [
            {
                "code": row["code"],
                "name": row["name"],
                "level": LEVELS.get(row["level"], row["level"]),
                "parent": row["parent"] or None,
            }
            for row in csv.DictReader(handle)
        ]
    db["divisions"].insert_all(rows, pk="code", replace=True)


def create_views(db: sqlite_utils.Database) -> None:
    """Create every view anew when one is missing or its SQL changed (dependants are dropped
    first and created after); leave them alone when all are current, since dropping a view
    changes the schema under every other connection to the database."""
    load_divisions(db)
    if _views_current(db):
        return
    for name in (*reversed(VIEWS_SQL), "report_headlines", "report_indicators"):
        db.execute(f"drop view if exists [{name}]")
    db.execute(_statement("report_indicators", report_indicators_sql(db)))
    db.execute(_statement("report_headlines", report_headlines_sql(db)))
    for name, sql in VIEWS_SQL.items():
        db.execute(_statement(name, sql))


def _statement(name: str, sql: str) -> str:
    # Written as SQLite keeps it in sqlite_master, so a current view compares equal.
    return f"CREATE VIEW [{name}] AS {sql.strip()}"


def _views_current(db: sqlite_utils.Database) -> bool:
    stored = dict(db.execute("select name, sql from sqlite_master where type = 'view'").fetchall())
    if stored.get("report_indicators") != _statement("report_indicators", report_indicators_sql(db)):
        return False  # (report_headlines takes its columns from it)
    wanted = {"report_headlines": report_headlines_sql(db), **VIEWS_SQL}
    return all(stored.get(name) == _statement(name, sql) for name, sql in wanted.items())
