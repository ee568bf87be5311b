"""Coverage: for each reporting body expected to publish, each year's report found, late or missing.

Article 49 of the 2019 Regulation (《政府信息公开条例》) sets the deadlines: a department
publishes its report for a year by 31 January of the next, a government (county level and up;
townships and zone committees are read the same way) by 31 March. Reports for 2019 on, published
from 2020, follow it; before, the 2008 Regulation's 31 March held for every body. The rules are
data, extract/data/deadlines.csv, which the schedule's seasons count from too.

The expected bodies are the registry's sites that name their body (`registry_sites.agency`) and
every body whose reports the crawled sites hold. A body's years run from its earliest report (a
listed body with none: the earliest report on its site, else only the last year due) to the last
year whose deadline has passed, and on to its latest report if one is already out.

A report is late when its own publication date is after the deadline. Without one, its first
sighting (`reports.first_seen`) decides only where a crawl of its site ran in the publication
window (from 1 January after the year reported on to the deadline) and did not see it: a report
first seen after the deadline, on a site nobody crawled in that window, may well have been out
in time, and is `found` with `judged_by` empty. (A report put up between that crawl and the
deadline is then counted late; the schedule's daily cadence from January to April keeps that gap
to a day.)
"""

from __future__ import annotations

from extract.deadlines import KINDS, Deadline, load_deadlines


def url_host(column: str) -> str:
    """SQL for the lower-cased host (and port) of a URL column."""
    rest = f"substr({column}, instr({column}, '://') + 3)"
    return f"lower(substr({rest}, 1, instr({rest} || '/', '/') - 1))"


def deadline_sql(year: str, kind: str, rules: tuple[Deadline, ...]) -> str:
    """SQL for the date ('YYYY-MM-DD') by which a body of `kind` publishes its report for `year`."""
    cases = []
    for rule in sorted(rules, key=lambda rule: (KINDS.index(rule.kind), -(rule.since or 0))):
        when = f"{kind} = '{rule.kind}'" + (f" and {year} >= {rule.since}" if rule.since is not None else "")
        cases.append(f"when {when} then ({year} + 1) || '-{rule.due[0]:02}-{rule.due[1]:02}'")
    return f"case {' '.join(cases)} end"


# The deadlines are data (extract/data/deadlines.csv), shared with the schedule's seasons.
_DEADLINES = load_deadlines()


def _deadline(year: str, kind: str) -> str:
    return deadline_sql(year, kind, _DEADLINES)


# The last report year whose deadline has passed today, for a kind of body.
_THIS_YEAR = "cast(strftime('%Y', 'now') as integer)"


def _last_due(kind: str) -> str:
    deadline = _deadline(f"({_THIS_YEAR} - 1)", kind)
    return f"({_THIS_YEAR} - case when date('now') > {deadline} then 1 else 2 end)"


REPORT_COVERAGE_SQL = f"""
with recursive
report_bodies as (
  select agency, max(region) as region, max(level) as level, min({url_host("url")}) as site,
    min(year) as first_year, max(year) as last_year
  from reports where agency is not null and year is not null
  group by agency
),
listed as (
  select agency, max(region) as region, max(level) as level, min(host) as site
  from registry_sites
  where coalesce(agency, '') != '' and agency not in (select agency from report_bodies)
  group by agency
),
listed_bodies as (
  select l.*,
    (select min(r.year) from reports r where r.year is not null and {url_host("r.url")} = l.site)
      as first_year,
    null as last_year
  from listed l
),
bodies as (
  select *, case when level = 'department' then 'department' else 'government' end as kind
  from (select * from report_bodies union all select * from listed_bodies)
),
years(year) as (
  select coalesce((select min(coalesce(first_year, {_THIS_YEAR} - 2)) from bodies), {_THIS_YEAR})
  union all select year + 1 from years where year < {_THIS_YEAR}
),
expected as (
  select b.agency, b.region, b.level, b.kind, b.site, y.year,
    {_deadline("y.year", "b.kind")} as deadline
  from bodies b join years y
    on y.year >= coalesce(b.first_year, {_last_due("b.kind")})
   and (y.year <= {_last_due("b.kind")} or y.year <= coalesce(b.last_year, 0))
),
judged as (
  select e.*, r.report_key, r.url, substr(r.published_on, 1, 10) as published_on, r.first_seen,
    exists (
      select 1 from crawl_runs c
      where c.site = {url_host("r.url")} and c.finished_at is not null
        and date(c.started_at) between (e.year + 1) || '-01-01' and e.deadline
    ) as crawled_by_deadline
  from expected e left join reports r on r.agency = e.agency and r.year = e.year
)
select agency, region, level, site, year, deadline,
  case
    when report_key is null then 'missing'
    when published_on is not null then case when published_on > deadline then 'late' else 'found' end
    when date(first_seen) > deadline and crawled_by_deadline then 'late'
    else 'found'
  end as status,
  case
    when report_key is null then null
    when published_on is not null then 'published_on'
    when date(first_seen) <= deadline or crawled_by_deadline then 'first_seen'
  end as judged_by,
  case
    when published_on > deadline then cast(julianday(published_on) - julianday(deadline) as integer)
    when published_on is null and date(first_seen) > deadline and crawled_by_deadline
      then cast(julianday(date(first_seen)) - julianday(deadline) as integer)
  end as days_late,
  published_on, first_seen, report_key, url,
  (select max(c.finished_at) from crawl_runs c where c.site = judged.site) as site_last_crawled
from judged
"""

# One row per body: how many of its expected years are found, late and missing, and which.
REPORT_COVERAGE_BY_BODY_SQL = """
select agency, max(region) as region, max(level) as level, max(site) as site,
  min(year) as first_year, max(year) as last_year,
  sum(status != 'missing') as years_covered,
  sum(status = 'late') as years_late,
  sum(status = 'missing') as years_missing,
  group_concat(case when status != 'missing' then year end, ' ') as years,
  group_concat(case when status = 'late' then year end, ' ') as late_years,
  group_concat(case when status = 'missing' then year end, ' ') as missing_years,
  (select sum(r.tampered) from reports r where r.agency = c.agency) as tampered_reports
from (select * from report_coverage order by agency, year) c
group by agency
"""
