"""Figures quoted in the report's prose ("共收到政府信息公开申请5516件").

Many 2008–2018 reports print no statistics table at all (seeds 000–002): their
numbers exist only in sentences, so the sentences are read with the patterns in
data/prose_patterns.csv (spec §2.1). Each pattern names a canonical key and holds
`{N}` where the figure stands; a pattern with a fixed `value` records a stated
zero ("未发生…行政复议"), which the spec allows only with prose evidence (§10).

Numbers follow §9: 5.5万条 is 55000, 3.4万余件 is approximate, 三件 is 3, and a
percentage is never a count (no pattern ends in %). The scope of a figure is the
nearest scope phrase before it in its clause, else the paragraph's first one:
全市/我市各级… make it region-wide, 市本级/本机关… the body's own, anything else
unknown (§8.4).

The first figure found for a key and scope wins: later sentences break the total
down ("其中，市政府及其组成部门主动公开政府信息200739条") and must not replace it.
An unscoped figure is dropped when the key already has a scoped one.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from .caches import loaded
from .literals import LineFinder, required_literal
from .model import APPROXIMATE, OK, OWN_BODY, REGION_TOTAL, UNKNOWN_SCOPE, Stat
from .numbers import clean_cell, parse_cell, parse_chinese_numeral

# --- patterns (data) -------------------------------------------------------------------

# The figure: Arabic digits with an optional 万/亿 multiplier (not 万元, a unit) and
# approximation marks (§9), or a Chinese numeral (三件, 十一件).
_ARABIC = r"(?:大约|超过|约|近|逾)?\d+(?:,\d{3})*(?:\.\d+)?(?:万(?!元)|亿)?(?:余|多)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千万]+"
NUMBER_PATTERN = rf"(?<![\d.])(?P<n>{_ARABIC}|{_CHINESE})"

# fmt: off
# Nearest phrase before a figure decides its scope.
REGION_PHRASES = (
    "全市", "全县", "全区", "全省", "全旗", "全州", "全盟", "全镇", "全乡",
    "我市各级", "我县各级", "我区各级", "各级行政机关", "各级政府", "各地各部门", "本行政区域",
)
OWN_PHRASES = ("市本级", "县本级", "区本级", "本级", "本机关", "本部门", "本单位")
# A clause after one of these lists another part of the whole.
CLAUSE_MARKS = ("；", ";")
# fmt: on


def _marks_of(phrases: Sequence[str]) -> str:
    """Characters such that every phrase holds one of them: a text holding none of them
    holds no phrase, which a few `in` checks tell sooner than a search for every phrase."""
    marks = ""
    for phrase in phrases:
        if not any(mark in phrase for mark in marks):
            marks += max(phrase, key=lambda char: sum(char in other for other in phrases))
    return marks


SCOPE_MARKS = _marks_of(REGION_PHRASES + OWN_PHRASES)

# Reports on 2019 and later use the new keys; prose of earlier ones maps to legacy.*.
FIRST_NEW_FORMAT_YEAR = 2019


@dataclass(frozen=True)
class ProsePattern:
    key: str
    eras: tuple[str, ...]
    unit: str
    value: int | None  # a fixed figure (a stated zero) instead of {N}
    regex: re.Pattern[str]
    literal: str  # text every match contains: a paragraph without it is skipped


@loaded()
def load_prose_patterns() -> tuple[ProsePattern, ...]:
    text = (resources.files("extract") / "data" / "prose_patterns.csv").read_text("utf-8")
    return tuple(
        ProsePattern(
            key=row["key"],
            eras=tuple(row["eras"].split(";")),
            unit=row["unit"],
            value=int(row["value"]) if row["value"] else None,
            regex=(regex := re.compile(row["pattern"].replace("{N}", NUMBER_PATTERN))),
            literal=required_literal(regex),
        )
        for row in csv.DictReader(text.splitlines())
    )


def prose_era(year: int | None) -> str:
    """Which key family prose maps onto; without a year, the table-less era is the old one."""
    return "v2019" if year is not None and year >= FIRST_NEW_FORMAT_YEAR else "legacy"


@dataclass(frozen=True)
class EraPatterns:
    patterns: tuple[ProsePattern, ...]  # in file order
    finder: LineFinder  # of the patterns' literals


# Kept per process beside load_prose_patterns: there are two eras, and choosing a page's
# patterns and compiling their literals anew would cost more than reading its prose.
@loaded(2)
def era_patterns(era: str) -> EraPatterns:
    """The patterns that read prose of `era` (see prose_era)."""
    legacy = era == "legacy"
    patterns = tuple(
        p for p in load_prose_patterns() if legacy == any(e.startswith("legacy") for e in p.eras)
    )
    return EraPatterns(patterns, LineFinder(p.literal for p in patterns))


def _nearest_scope(text: str) -> tuple[str, int]:
    """Scope of the last scope phrase in `text` and where it ends (-1 when none)."""
    best, best_end = UNKNOWN_SCOPE, -1
    if not any(mark in text for mark in SCOPE_MARKS):
        return best, best_end
    for scope, phrases in ((REGION_TOTAL, REGION_PHRASES), (OWN_BODY, OWN_PHRASES)):
        for phrase in phrases:
            at = text.rfind(phrase)
            # A longer phrase ending at the same place ("市本级" vs "本级") is the same one.
            if at >= 0 and at + len(phrase) > best_end:
                best, best_end = scope, at + len(phrase)
    return best, best_end


def scope_before(paragraph: str, position: int) -> str:
    """The scope of the figure at `position`: the nearest scope phrase in its clause, else
    the paragraph's first one. A clause after "；" lists another part ("其中市本级…3.3万条；
    旗县区政府…2.2万条"), so a phrase from an earlier clause does not carry into it."""
    clause_start = max(paragraph.rfind(mark, 0, position) for mark in CLAUSE_MARKS) + 1
    scope, _ = _nearest_scope(paragraph[clause_start:position])
    if scope != UNKNOWN_SCOPE:
        return scope
    if not any(paragraph.find(mark, 0, position) >= 0 for mark in SCOPE_MARKS):
        return UNKNOWN_SCOPE
    first = min(
        (
            (at, scope)
            for scope, phrases in ((REGION_TOTAL, REGION_PHRASES), (OWN_BODY, OWN_PHRASES))
            for phrase in phrases
            if 0 <= (at := paragraph.find(phrase, 0, position))
        ),
        default=(-1, UNKNOWN_SCOPE),
    )
    return first[1]


def read_figure(raw: str) -> tuple[int | float | None, str]:
    """A prose figure as value and status; Chinese numerals are exact."""
    if (chinese := parse_chinese_numeral(raw)) is not None:
        return chinese, OK
    cell = parse_cell(raw)
    return cell.value, cell.status


def _paragraphs(text: str) -> list[str]:
    return [p for p in (clean_cell(line) for line in text.split("\n")) if p]


def _patterns_per_paragraph(paragraphs: Sequence[str], era: EraPatterns) -> dict[int, list[ProsePattern]]:
    """The paragraphs holding some pattern's literal, each with those patterns in file order:
    a paragraph without a pattern's literal cannot match it."""
    holding = era.finder.lines_holding(paragraphs)
    per_paragraph: dict[int, list[ProsePattern]] = {}
    for pattern in era.patterns:
        for index in holding[pattern.literal]:
            per_paragraph.setdefault(index, []).append(pattern)
    return per_paragraph


def prose_figures(text: str, year: int | None = None) -> tuple[Stat, ...]:
    """Figures stated in prose, as Stats with source="prose", in document order."""
    paragraphs = _paragraphs(text)
    found: list[tuple[int, int, Stat]] = []
    per_paragraph = _patterns_per_paragraph(paragraphs, era_patterns(prose_era(year)))
    for index, patterns in sorted(per_paragraph.items()):
        paragraph = paragraphs[index]
        for pattern in patterns:
            for match in pattern.regex.finditer(paragraph):
                stat = _stat(pattern, match, scope_before(paragraph, match.start()))
                if stat is not None:
                    found.append((index, match.start(), stat))
    found.sort(key=lambda item: (item[0], item[1]))
    return _first_per_key([stat for _, _, stat in found])


def _stat(pattern: ProsePattern, match: re.Match[str], scope: str) -> Stat | None:
    if pattern.value is not None:
        value, status, raw = pattern.value, OK, match[0]
    else:
        raw = match["n"]
        value, status = read_figure(raw)
        if value is None:
            return None
        if isinstance(value, float) and pattern.unit != "万元":
            # Counts are integers; 3.45万 read as 34500 is still a count, a fraction is not.
            if not value.is_integer():
                return None
            value = int(value)
    return Stat(
        key=pattern.key,
        value=value,
        scope=scope,
        unit=pattern.unit or None,
        source="prose",
        status=status if status in (OK, APPROXIMATE) else OK,
        raw_label=match[0],
        raw_value=raw,
    )


def _first_per_key(stats: Sequence[Stat]) -> tuple[Stat, ...]:
    kept: dict[tuple[str, str], Stat] = {}
    for stat in stats:
        kept.setdefault((stat.key, stat.scope), stat)
    scoped = {key for key, scope in kept if scope != UNKNOWN_SCOPE}
    return tuple(stat for (key, scope), stat in kept.items() if scope != UNKNOWN_SCOPE or key not in scoped)
