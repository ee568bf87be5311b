"""The site registry: a CSV file listing the portals a scheduled crawl visits.

Columns (a header row names them, in any order): `url` (required: a home page or a report
column), and optionally `name`, `agency`, `region`, `max_pages` (this site's page budget;
empty = NIANBAO_MAX_PAGES), `enabled` (`0`, `no`, `false` or `n` leaves the site out) and
`cadence` (how often `nianbao schedule` visits it: daily, weekly, monthly or a number of days;
empty = the statutory calendar, crawler/schedule/calendar.csv), `tls` (`modern` or `old`: this
site's NIANBAO_TLS) and `proxy` (an http(s) proxy URL: this site's NIANBAO_PROXY); an empty
`tls` or `proxy` leaves the crawl's own setting; `group` (sites served by one platform: a group's
sites are crawled one at a time, as if they shared one download slot).
Describing the site, for a registry that others will read and trust: `code` (its GB/T 2260
division code), `level` (province, prefecture, county or department), `column` (the disclosure
annual-report column, where the crawl starts when given), `source` and `column_source` (where a
reader can see that those URLs are this body's) and `verified` (1 once someone opened them).
Lines starting with `#` are comments. Every problem names the file and the row, so a
scheduled job's log says what to fix; `check_registry` lists them all (`nianbao registry check`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from crawler.addons.environment import proxy_url, tls_mode, tls_settings
from crawler.schedule.calendar import parse_cadence
from crawler.spiders.start_url import BadStartUrl, check_start_url
from extract.gazetteer import CITY, COUNTY, PROVINCE, gazetteer

COLUMNS = (
    "name",
    "url",
    "agency",
    "region",
    "max_pages",
    "enabled",
    "cadence",
    "code",
    "level",
    "column",
    "source",
    "column_source",
    "verified",
    "tls",
    "proxy",
    "group",
)
# Values of `enabled` that leave a site out (compared lower-cased); anything else, or empty, keeps it.
DISABLED = {"0", "no", "n", "false", "off"}
SWITCH_VALUES = DISABLED | {"1", "yes", "y", "true", "on"}
LEVELS = ("province", "prefecture", "county", "department")
# The gazetteer's level of a code for each registry level that is a government's.
GOVERNMENT_LEVELS = {"province": PROVINCE, "prefecture": CITY, "county": COUNTY}


class RegistryError(ValueError):
    pass


@dataclass(frozen=True)
class Site:
    url: str
    name: str = ""
    agency: str = ""
    region: str = ""
    max_pages: int | None = None
    enabled: bool = True
    # Days between scheduled visits; None follows the statutory calendar.
    cadence: int | None = None
    code: str = ""
    level: str = ""
    column: str = ""
    source: str = ""
    column_source: str = ""
    verified: bool = False
    tls: str | None = None
    proxy: str | None = None
    # Sites of one group (a 站群 platform's) are never crawled at the same time.
    group: str = ""

    @property
    def netloc(self) -> str:
        return urlsplit(self.url).netloc.lower()

    @property
    def label(self) -> str:
        return self.name or self.netloc

    @property
    def start_url(self) -> str:
        """Where its crawl starts: the report column when the row names one, else `url`."""
        return self.column or self.url

    def settings(self) -> dict[str, object]:
        """The Scrapy settings this row sets for its own crawler (its TLS mode, its proxy)."""
        values: dict[str, object] = tls_settings(self.tls) if self.tls else {}
        if self.proxy:
            values["NIANBAO_PROXY"] = self.proxy
        return values


@dataclass(frozen=True)
class RegistryCheck:
    sites: list[Site]
    problems: list[str]


def read_registry(path: str | Path) -> list[Site]:
    """Every site of the registry, enabled or not, in file order; the first problem raises."""
    sites = []
    for item in _read(path, check_data=False):
        if isinstance(item, str):
            raise RegistryError(item)
        sites.append(item)
    return sites


def check_registry(path: str | Path) -> RegistryCheck:
    """Every site that reads, and every problem of the file, each naming its row: what
    `nianbao registry check` prints. A problem of the file as a whole raises RegistryError."""
    sites: list[Site] = []
    problems: list[str] = []
    for item in _read(path, check_data=True):
        (sites if isinstance(item, Site) else problems).append(item)
    return RegistryCheck(sites, problems)


def enabled_sites(path: str | Path) -> list[Site]:
    sites = [site for site in read_registry(path) if site.enabled]
    if not sites:
        raise RegistryError(f"registry {path}: no enabled site")
    return sites


def _read(path: str | Path, check_data: bool) -> Iterator[Site | str]:
    path = Path(path)
    header, rows = _table(path)
    seen: dict[str, int] = {}
    for number, cells in rows:
        where = f"registry {path}, row {number}"
        if len(cells) > len(header):
            yield f"{where}: {len(cells)} cells, but the header has {len(header)} columns"
            continue
        row = dict(zip(header, (c.strip() for c in cells), strict=False))
        try:
            site = _site(row, where)
        except RegistryError as exc:
            yield str(exc)
            continue
        if site.netloc in seen:
            yield f"{where}: {site.netloc} is already listed in row {seen[site.netloc]}"
            continue
        seen[site.netloc] = number
        if check_data:
            yield from (f"{where}: {problem}" for problem in _described_problems(site, row, header))
        yield site


def _table(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RegistryError(f"registry {path}: no such file") from None
    except IsADirectoryError:
        raise RegistryError(f"registry {path}: a folder, not a file") from None
    except UnicodeDecodeError:
        raise RegistryError(f"registry {path}: not UTF-8 text") from None
    except OSError as exc:
        raise RegistryError(f"registry {path}: cannot read: {exc.strerror or exc}") from None
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise RegistryError(f"registry {path}: empty (expected a header row with a `url` column)")
    try:
        rows = list(csv.reader(lines, strict=True))
    except csv.Error as exc:
        raise RegistryError(f"registry {path}: not valid CSV: {exc}") from None
    header = [cell.strip().lower() for cell in rows[0]]
    if "url" not in header:
        raise RegistryError(
            f"registry {path}: the header row has no `url` column (columns: {', '.join(COLUMNS)})"
        )
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise RegistryError(f"registry {path}: unknown column {unknown[0]!r} (columns: {', '.join(COLUMNS)})")
    return header, list(enumerate(rows[1:], start=2))


def _site(row: dict[str, str], where: str) -> Site:
    try:
        url = check_start_url(row.get("url"))
        column = check_start_url(row["column"]) if row.get("column") else ""
    except BadStartUrl as exc:
        raise RegistryError(f"{where}: {exc}") from None
    budget = row.get("max_pages") or ""
    if budget and not (budget.isdigit() and int(budget) > 0):
        raise RegistryError(f"{where}: max_pages must be a positive whole number, not {budget!r}")
    try:
        cadence = parse_cadence(row["cadence"]) if row.get("cadence") else None
    except ValueError as exc:
        raise RegistryError(f"{where}: {exc}") from None
    tls, proxy = row.get("tls") or None, row.get("proxy") or None
    try:
        tls = tls_mode(tls) if tls else None
    except ValueError as exc:
        raise RegistryError(f"{where}: tls must be {exc}, not {tls!r}") from None
    try:
        proxy = proxy_url(proxy) if proxy else None
    except ValueError as exc:
        raise RegistryError(f"{where}: proxy must be {exc}, not {proxy!r}") from None
    return Site(
        url=url,
        name=row.get("name", ""),
        agency=row.get("agency", ""),
        region=row.get("region", ""),
        max_pages=int(budget) if budget else None,
        enabled=(row.get("enabled") or "1").lower() not in DISABLED,
        cadence=cadence,
        code=row.get("code", ""),
        level=row.get("level", "").lower(),
        column=column,
        source=row.get("source", ""),
        column_source=row.get("column_source", ""),
        verified=(row.get("verified") or "0").lower() not in DISABLED,
        tls=tls,
        proxy=proxy,
        group=row.get("group", ""),
    )


def _described_problems(site: Site, row: dict[str, str], header: list[str]) -> Iterator[str]:
    """What makes a row untrustworthy though a crawl could use it: an unknown division code, a
    level that is not one, a URL without its source where the registry keeps sources."""
    if site.code:
        yield from _division_problems(site)
    if site.level and site.level not in LEVELS:
        yield f"level {site.level!r} is not one of {', '.join(LEVELS)}"
    for name in ("enabled", "verified"):
        value = (row.get(name) or "").lower()
        if value and value not in SWITCH_VALUES:
            yield f"{name} must be 1 or 0 (yes/no, true/false), not {row[name]!r}"
    for url_name, source_name in (("url", "source"), ("column", "column_source")):
        source = row.get(source_name, "")
        if source_name in header and row.get(url_name) and not source:
            yield f"{url_name} has no {source_name} (this registry keeps one for every URL)"
        if source and urlsplit(source).scheme not in ("http", "https"):
            yield f"{source_name} is not a link a reader can open: {source!r}"


def _division_problems(site: Site) -> Iterator[str]:
    places = gazetteer()
    division = places.by_code.get(site.code)
    if division is None:
        yield f"code {site.code!r} is no division code (GB/T 2260, county level and above)"
        return
    expected = GOVERNMENT_LEVELS.get(site.level)
    if expected and division.level_by_code != expected:
        yield f"code {site.code} is a {division.level_by_code}'s, but level says {site.level}"
    # A government's row named after a division: the name must be its code's (by_any_name
    # also knows 东莞市, whose code's own row is a placeholder).
    if expected and site.name in places.by_any_name:
        if all(d.code != site.code for d in places.by_any_name[site.name]):
            yield f"name {site.name} is not the division of code {site.code} ({division.name})"
