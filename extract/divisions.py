"""Administrative division (GB/T 2260 code) and level of a report's region and body.

The code list is the gazetteer's (extract/gazetteer.py: divisions.csv, county level
and up, its source and date recorded in extract/data/build_divisions.py), the same
table the spam layer uses to recover names. Names abolished before that date (a county that became
a district) are not found, and a report then keeps its region name with no code.

Levels: a 省级 code ends in 0000 (municipalities such as 北京市 included), a 地级 one
in 00, the rest are counties and districts. Townships (镇/乡/街道) have no GB/T 2260
code; their level is read from the name. A body that is not a government (a 局, a
委员会, an office) is a department, whatever its region.
"""

from __future__ import annotations

import re

from .gazetteer import CITY, COUNTY, PROVINCE, TOWNSHIP_SUFFIXES, Division, gazetteer
from .metadata import PLACE_SEGMENT_RE

__all__ = ["CITY", "COUNTY", "DEPARTMENT", "PROVINCE", "TOWNSHIP", "Division", "body_level", "find_division"]

TOWNSHIP, DEPARTMENT = "township", "department"
# A body named like this is a government (or a township's office), not a department.
GOVERNMENT_SUFFIXES = ("人民政府", "政府", "街道办事处", "办事处")


# A zone's management committee (开发区/高新区/管理区 管委会) governs its zone as a county-level
# government does; the report of the zone is published by it or by its office, which is not
# a department of it but the zone's competent disclosure office (2019 Regulation art. 49).
# 区/园 before it tells a zone's committee from a city department (城市管理委员会).
ZONE_GOVERNMENT = re.compile(r"[区园](?:管委会|管理委员会)(?:党政)?(?:办公室|办)?$")


def _within(division: Division, parent: Division) -> bool:
    prefix = {PROVINCE: 2, CITY: 4}.get(parent.level_by_code)
    return prefix is not None and division.code[:prefix] == parent.code[:prefix]


def find_division(region: str | None) -> Division | None:
    """The division a region name ("济南市历下区", "包头市") denotes, or None when the
    name is unknown or ambiguous without its parent ("朝阳区")."""
    if not region:
        return None
    divisions = gazetteer().by_any_name
    matches = list(PLACE_SEGMENT_RE.finditer(region))
    # A zone's name is no chain of place names (平顶山市 · 城乡 · 一体化示范区, 平顶山 ·
    # 高新技术产业开发区): the table's own name is looked up whole, after any places written
    # before it (河南省平顶山市城乡一体化示范区), before the region is split.
    for start in (0, *(match.end() for match in matches[:-1])):
        if region[start:] in divisions:
            parents = [match[0] for match in matches if match.end() <= start]
            if (whole := _one_division(_narrowed(divisions[region[start:]], parents))) is not None:
                return whole
    # No codes below counties.
    segments = [match[0] for match in matches if not match[0].endswith(TOWNSHIP_SUFFIXES)]
    if segments and (found := _one_division(_narrowed(divisions.get(segments[-1], ()), segments[:-1]))):
        return found
    return _named_after_parent(region)


def _named_after_parent(region: str) -> Division | None:
    """A division written by its name or short name right after its parent's name or short
    name: 平顶山市高新区, 平顶山新城区, 景德镇市昌江区.

    Splitting at level suffixes misses these: a zone's short name (高新区, 新城区) is shared by
    the zones of many cities or is another city's district, and a parent written bare
    (平顶山) or ending like a township (景德镇市, 新乡市) is no segment of its own. The parent
    written just before says which one is meant; with no parent, a short name stays ambiguous.
    """
    g = gazetteer()
    # The longest tail first: 新乡市新乡县 is 新乡县 after 新乡市, not 乡县 after anything.
    for start in range(1, len(region)):
        head, tail = region[:start], region[start:]
        candidates = dict.fromkeys((*g.by_any_name.get(tail, ()), *g.by_short.get(tail, ())))
        found = [
            candidate
            for candidate in candidates
            if (parent := g.by_code.get(candidate.parent)) is not None
            and parent.code != candidate.code
            and head.endswith(tuple(name for name in (parent.name, parent.short) if name))
        ]
        if found:
            return _one_division(found)
    return None


def _narrowed(candidates: tuple[Division, ...], parent_names: list[str]) -> list[Division]:
    """The candidates within each parent named, where that leaves any."""
    divisions = gazetteer().by_any_name
    narrowed = list(candidates)
    for parent_name in parent_names:
        parents = divisions.get(parent_name, ())
        narrowed = [c for c in narrowed if any(_within(c, parent) for parent in parents)] or narrowed
    return narrowed


def _one_division(candidates: list[Division]) -> Division | None:
    """The one division `candidates` denote, or None when they are none or several."""
    # 北京市 is listed as the province and again as its own city: the wider one is meant.
    containing = [c for c in candidates if all(o is c or _within(o, c) for o in candidates)]
    if len(containing) == 1:
        return containing[0]
    return candidates[0] if len(candidates) == 1 else None


def body_level(agency: str | None, region: str | None, division: Division | None) -> str | None:
    """province / city / county / township / department, or None when nothing tells."""
    if agency and ZONE_GOVERNMENT.search(agency):
        # A zone without a code of its own sits inside a city: county level.
        return division.level_by_code if division else COUNTY
    if agency and not agency.endswith(GOVERNMENT_SUFFIXES):
        return DEPARTMENT
    if region and region.endswith(TOWNSHIP_SUFFIXES):
        return TOWNSHIP
    return division.level_by_code if division else None
