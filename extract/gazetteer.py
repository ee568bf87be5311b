"""The gazetteer: administrative divisions, telephone area codes and province abbreviations.

One table and one Division type for every stage: metadata reads a report's region
against it (extract/divisions.py), the spam layer recovers place names a cloner
swapped out (extract/spam/evidence.py, names.py).

Data: extract/data/divisions.csv and area_codes.csv, built by
extract/data/build_divisions.py from JioNLP's dictionaries (GB/T 2260 codes,
county level and above, 2025 vintage), and province_abbreviations.csv (the
one-character abbreviations printed in 文号, ICP and 公网安备 numbers).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from .caches import loaded

# How a division's name ends. Where one suffix ends another (自治区, 地区 and 区), the
# longer comes first, so that the first that fits is the whole suffix.
LEVEL_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "省",
    "市",
    "县",
    "区",
    "旗",
    "盟",
    "州",
)
# One-character suffixes, for the tests that look at the character after a bare name.
SINGLE_LEVEL_SUFFIXES = tuple(suffix for suffix in LEVEL_SUFFIXES if len(suffix) == 1)
# Below the county: townships and sub-districts, which have no GB/T 2260 code.
TOWNSHIP_SUFFIXES = ("镇", "乡", "街道", "苏木")
# Placeholder rows of the code list ("市辖区", "县") name no place.
PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
# Levels as metadata reports them.
PROVINCE, CITY, COUNTY = "province", "city", "county"
# Names so common as words that finding them in prose says nothing about a place.
AMBIGUOUS_NAMES = frozenset(
    ("城区", "郊区", "矿区", "新区", "市中区", "东区", "西区", "南区", "北区", "中区")
)


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    short: str
    level: int  # 1 province, 2 prefecture, 3 county, as the list's hierarchy places it
    parent: str
    pinyin: str
    initials: str

    @property
    def level_by_code(self) -> str:
        """PROVINCE, CITY or COUNTY as the code's trailing zeros say.

        What a report's level is read from. It differs from `level` for 30 rows: the
        市直辖行政区划 rows of 东莞, 中山, 儋州 and 嘉峪关 and the districts of 香港 and 澳门,
        which the list places below a city but which carry the city's own code.
        """
        if self.code.endswith("0000"):
            return PROVINCE
        return CITY if self.code.endswith("00") else COUNTY

    @property
    def province(self) -> str:
        return self.code[:2] + "0000"

    @property
    def bare(self) -> str:
        """The name without its level suffix, as it stands before 市/县 in a sentence."""
        for suffix in LEVEL_SUFFIXES:
            if self.name.endswith(suffix) and len(self.name) > len(suffix) + 1:
                return self.name[: -len(suffix)]
        return self.short

    @property
    def government(self) -> str:
        return self.name + "人民政府"


@dataclass(frozen=True)
class Gazetteer:
    by_code: dict[str, Division]
    # Full names of three characters or more, and not common words: what a text is searched for.
    by_name: dict[str, tuple[Division, ...]]
    # Every name but placeholders: what a region already known to be a place is looked up by.
    # Several places share a name (朝阳区 in 北京 and 长春).
    by_any_name: dict[str, tuple[Division, ...]]
    # Short names ("高新区", "新城", "平顶山"): several cities have a 高新区, so a short name
    # says which division only after its parent's name.
    by_short: dict[str, tuple[Division, ...]]
    by_prefix: dict[str, tuple[str, ...]]  # first two characters → full names
    area_codes: dict[str, str]  # "0411" → division code
    abbreviations: dict[str, tuple[str, ...]]  # "辽" → province codes
    # Indexes over by_code, each in its order, for the few stages that would otherwise scan it.
    by_province: dict[str, tuple[Division, ...]]  # province code → its divisions (itself included)
    by_pinyin: dict[str, tuple[Division, ...]]  # "baotou" → divisions of that full pinyin name
    by_initials: dict[str, tuple[Division, ...]]  # "gz" → 广州, 贵州, 赣州…
    rank: dict[str, int]  # code → position in by_code
    # A position where a name may start: one of the names' first characters, followed by
    # one of their second and one of their third characters (every name has three or more).
    name_starts: re.Pattern[str]

    def ancestors(self, code: str) -> list[Division]:
        found: list[Division] = []
        seen = {code}
        division = self.by_code.get(code)
        # A code already walked ends the walk: the list has rows that name their own code as parent
        # (东莞's 市直辖行政区划), and a list edited by hand may have a longer loop.
        while division and division.parent and division.parent not in seen:
            seen.add(division.parent)
            division = self.by_code.get(division.parent)
            if division:
                found.append(division)
        return found

    def lineage(self, code: str) -> set[str]:
        return {code, *(d.code for d in self.ancestors(code))}

    def names_in(self, text: str) -> list[Division]:
        """Every division whose full name occurs in the text, in order (one scan)."""
        found: list[Division] = []
        prefix = self.by_prefix
        # The regex finds the few positions where a name may start in C (a lookahead, so
        # every position is tried); the loop checks their prefix and full names.
        for start in self.name_starts.finditer(text):
            index = start.start()
            names = prefix.get(text[index : index + 2])
            if not names:
                continue
            for name in names:
                if text.startswith(name, index):
                    found.extend(self.by_name[name])
                    break
        return found


def _rows(name: str) -> list[dict[str, str]]:
    with (resources.files("extract") / "data" / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _class_of(chars: Iterable[str]) -> str:
    return "[" + re.escape("".join(sorted(set(chars)))) + "]"


@loaded()
def gazetteer() -> Gazetteer:
    divisions = [
        Division(r["code"], r["name"], r["short"], int(r["level"]), r["parent"], r["pinyin"], r["initials"])
        for r in _rows("divisions.csv")
    ]
    by_name: dict[str, list[Division]] = defaultdict(list)
    by_any_name: dict[str, list[Division]] = defaultdict(list)
    for division in divisions:
        if len(division.name) >= 3 and division.name not in AMBIGUOUS_NAMES:
            by_name[division.name].append(division)
        if division.name and division.name not in PLACEHOLDER_NAMES:
            by_any_name[division.name].append(division)
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for name in sorted(by_name, key=len, reverse=True):
        by_prefix[name[:2]].append(name)
    abbreviations: dict[str, list[str]] = defaultdict(list)
    for row in _rows("province_abbreviations.csv"):
        abbreviations[row["abbreviation"]].append(row["code"])
    # A row the list places below its own code (the 市直辖行政区划 rows of 东莞, 中山, 儋州 and
    # 嘉峪关, the districts of 香港 and 澳门) is not the division of that code: the code's own row is.
    by_code = {d.code: d for d in divisions if d.parent != d.code}
    by_short: dict[str, list[Division]] = defaultdict(list)
    by_province: dict[str, list[Division]] = defaultdict(list)
    by_pinyin: dict[str, list[Division]] = defaultdict(list)
    by_initials: dict[str, list[Division]] = defaultdict(list)
    for division in by_code.values():
        if division.short and division.name not in PLACEHOLDER_NAMES:
            by_short[division.short].append(division)
        by_province[division.province].append(division)
        by_pinyin[division.pinyin].append(division)
        by_initials[division.initials].append(division)
    return Gazetteer(
        by_code=by_code,
        by_name={k: tuple(v) for k, v in by_name.items()},
        by_any_name={k: tuple(v) for k, v in by_any_name.items()},
        by_short={k: tuple(v) for k, v in by_short.items()},
        by_prefix={k: tuple(v) for k, v in by_prefix.items()},
        area_codes={r["area_code"]: r["code"] for r in _rows("area_codes.csv")},
        abbreviations={k: tuple(v) for k, v in abbreviations.items()},
        by_province={k: tuple(v) for k, v in by_province.items()},
        by_pinyin={k: tuple(v) for k, v in by_pinyin.items()},
        by_initials={k: tuple(v) for k, v in by_initials.items()},
        rank={code: i for i, code in enumerate(by_code)},
        name_starts=re.compile(
            _class_of(name[0] for name in by_name)
            + f"(?={_class_of(name[1] for name in by_name)}{_class_of(name[2] for name in by_name)})"
        ),
    )
