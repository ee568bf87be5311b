"""The site registry: a CSV file listing the portals a scheduled crawl visits.

Columns (a header row names them, in any order): `url` (required: a home page or a report
column), and optionally `name`, `agency`, `region`, `max_pages` (this site's page budget;
empty = NIANBAO_MAX_PAGES), `enabled` (`0`, `no`, `false` or `n` leaves the site out) and
`group` (sites served by one platform: a group's sites are crawled one at a time, as if they
shared one download slot).
Lines starting with `#` are comments. Every problem names the file and the row, so a
scheduled job's log says what to fix.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from crawler.spiders.start_url import BadStartUrl, check_start_url

COLUMNS = ("name", "url", "agency", "region", "max_pages", "enabled", "group")
# Values of `enabled` that leave a site out (compared lower-cased); anything else, or empty, keeps it.
DISABLED = {"0", "no", "n", "false", "off"}


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
    # Sites of one group (a 站群 platform's) are never crawled at the same time.
    group: str = ""

    @property
    def netloc(self) -> str:
        return urlsplit(self.url).netloc.lower()

    @property
    def label(self) -> str:
        return self.name or self.netloc


def read_registry(path: str | Path) -> list[Site]:
    """Every site of the registry, enabled or not, in file order."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RegistryError(f"registry {path}: no such file") from None
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
    sites = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        where = f"registry {path}, row {number}"
        if len(cells) > len(header):
            raise RegistryError(f"{where}: {len(cells)} cells, but the header has {len(header)} columns")
        site = _site(dict(zip(header, (c.strip() for c in cells), strict=False)), where)
        if site.netloc in seen:
            raise RegistryError(f"{where}: {site.netloc} is already listed in row {seen[site.netloc]}")
        seen[site.netloc] = number
        sites.append(site)
    return sites


def enabled_sites(path: str | Path) -> list[Site]:
    sites = [site for site in read_registry(path) if site.enabled]
    if not sites:
        raise RegistryError(f"registry {path}: no enabled site")
    return sites


def _site(row: dict[str, str], where: str) -> Site:
    try:
        url = check_start_url(row.get("url"))
    except BadStartUrl as exc:
        raise RegistryError(f"{where}: {exc}") from None
    budget = row.get("max_pages") or ""
    if budget and not (budget.isdigit() and int(budget) > 0):
        raise RegistryError(f"{where}: max_pages must be a positive whole number, not {budget!r}")
    return Site(
        url=url,
        name=row.get("name", ""),
        agency=row.get("agency", ""),
        region=row.get("region", ""),
        max_pages=int(budget) if budget else None,
        enabled=(row.get("enabled") or "1").lower() not in DISABLED,
        group=row.get("group", ""),
    )
