"""Turn one printed cell (or a short prose figure) into a number and a status.

Statistics cells are not clean numbers: a blank cell is not a zero, "-" and "无"
mean "nothing to report", "是/否" is a placeholder nobody filled in, and some
cells carry a note after the figure ("45478(政府热线)", "10个,昆区、青山区…").
The spec (§9) wants all of these told apart, so a cell parses to a value *and*
a status, never to a bare number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .caches import memo
from .model import APPROXIMATE, BLANK, NOT_APPLICABLE, OK, UNPARSED

# Marks that say "nothing here / does not apply" rather than "zero" (spec §9).
NOT_APPLICABLE_MARKS = frozenset(
    {"-", "--", "—", "——", "–", "−", "/", "\\", "无", "空", "×", "x", "X", "n/a", "N/A", "NA"}
)
# The yes/no placeholder printed on unfilled forms (seed 003, Inner Mongolia rows).
YES_NO_PLACEHOLDERS = frozenset({"是/否", "是否", "是或否", "是\\否"})
# Units printed inside a cell or in the unit column; longest first so 万元 wins over 元.
UNIT_WORDS = ("万元", "人次", "元", "条", "件", "次", "篇", "个", "人", "项", "期", "份", "家", "处", "户")
UNIT_TOKENS = frozenset(UNIT_WORDS)

# Characters that survive NFKC and still are not text: zero-width joiners and BOM.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff]")
_APPROX_BEFORE = ("大约", "超过", "约", "近", "逾")
_APPROX_AFTER = ("以上", "左右", "余", "多")
_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")
# A note may follow the figure after one of these; "、" is excluded on purpose, since
# "1、当面申请数" is a numbered label, not the figure 1 with a note.
_NOTE_SEPARATORS = ",;:"


@dataclass(frozen=True)
class CellValue:
    value: int | float | None
    status: str
    unit_in_cell: str | None = None
    note: str | None = None


# Kept: saves 3.1% of a warm run's instructions (callgrind, bench pages read twice). A table
# repeats the same few cells ("0", "-", a unit) and its lines pass through several readers.
@memo(8192)
def clean_cell(text: str) -> str:
    """NFKC, then drop every kind of space: cells wrap and NBSP marks empty cells."""
    text = "".join(unicodedata.normalize("NFKC", text.replace("&nbsp;", " ")).split())
    # Dropping whitespace and dropping invisible characters commute (the sets are disjoint), and
    # every invisible character is a format character: a printable text has none to scan for.
    return text if text.isprintable() else _INVISIBLE.sub("", text)


def _to_number(digits: str) -> int | float:
    digits = digits.replace(",", "")
    return float(digits) if "." in digits else int(digits)


def _strip_prefix(text: str, words: tuple[str, ...]) -> tuple[str, bool]:
    for word in words:
        if text.startswith(word):
            return text[len(word) :], True
    return text, False


def _parse_note(rest: str) -> tuple[str | None, bool]:
    """What follows the figure: nothing, a note, or text that makes the cell unreadable."""
    if not rest:
        return None, True
    if rest[0] == "(" and rest.endswith(")"):
        return rest[1:-1] or None, True
    if rest[0] in _NOTE_SEPARATORS:
        return rest.lstrip(_NOTE_SEPARATORS) or None, True
    return None, False


# Kept: a 2008-2018 table asks each of its cells several times (is it a value, a figure, a
# kept figure, its value), and every report prints the same few: read_report_tables on the
# sample portal's pages falls from 1.1 to 0.8 ms a page.
@memo(8192)
def parse_cell(text: str) -> CellValue:
    """Parse one cell as printed; the caller keeps the raw text alongside."""
    cell = clean_cell(text)
    if not cell:
        return CellValue(None, BLANK)
    if cell.isascii() and cell.isdigit():
        # Most cells are a bare count: no mark, sign, unit or note to look for (none is a digit).
        return CellValue(int(cell), OK)
    if cell in NOT_APPLICABLE_MARKS:
        return CellValue(None, NOT_APPLICABLE)
    if cell in ("是", "否"):
        return CellValue(1 if cell == "是" else 0, OK)
    if cell in YES_NO_PLACEHOLDERS:
        return CellValue(None, UNPARSED)

    rest, approximate = _strip_prefix(cell, _APPROX_BEFORE)
    sign = 1
    for mark, factor in (("+", 1), ("增加", 1), ("-", -1), ("−", -1), ("减少", -1)):
        if rest.startswith(mark):
            rest, sign = rest[len(mark) :], factor
            break
    match = _NUMBER.match(rest)
    if match is None:
        return CellValue(None, UNPARSED)
    value: int | float = _to_number(match.group(1))
    rest = rest[match.end() :]

    unit: str | None = None
    if rest.startswith("万元"):
        unit, rest = "万元", rest[2:]
    elif rest[:1] in ("万", "亿"):
        # 5.5万条 in prose: a multiplier, unlike the unit 万元 above.
        # Round away float noise (37.9 * 10000 = 379000.00000000006).
        value = round(value * (10_000 if rest[0] == "万" else 100_000_000), 6)
        value = int(value) if float(value).is_integer() else value
        rest = rest[1:]
    rest, approximate_after = _strip_prefix(rest, _APPROX_AFTER)
    approximate = approximate or approximate_after
    if unit is None and rest:
        for word in UNIT_WORDS:
            if rest.startswith(word):
                unit, rest = word, rest[len(word) :]
                break
    note, readable = _parse_note(rest)
    if not readable:
        # "2018年3月" or "1.政府公报…": digits that start a text, not a figure.
        return CellValue(None, UNPARSED)
    return CellValue(sign * value, APPROXIMATE if approximate else OK, unit, note)


def is_value_cell(text: str) -> bool:
    """Whether a line of a flattened table reads as a value cell rather than a label."""
    cell = clean_cell(text)
    return bool(cell) and (cell in YES_NO_PLACEHOLDERS or parse_cell(cell).status != UNPARSED)


def is_unit_cell(text: str) -> bool:
    return clean_cell(text) in UNIT_TOKENS


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}


def parse_chinese_numeral(text: str) -> int | None:
    """三 → 3, 十一 → 11, 一百零五 → 105, 三万五千 → 35000, 二〇一八 → 2018; else None."""
    text = text.strip()
    if not text or any(
        ch not in _CN_DIGITS and ch not in _CN_SMALL_UNITS and ch not in _CN_LARGE_UNITS for ch in text
    ):
        return None
    if len(text) > 1 and all(ch in _CN_DIGITS for ch in text):
        # Years and codes are read digit by digit: 二〇一八 is 2018, not 2+0+1+8.
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total = section = digit = 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL_UNITS:
            # A bare 十 at the start means 一十 (十一 = 11).
            section += (digit or 1) * _CN_SMALL_UNITS[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * _CN_LARGE_UNITS[ch]
            section = digit = 0
        else:  # 亿 scales everything read so far
            total = (total + section + digit) * _CN_LARGE_UNITS[ch]
            section = digit = 0
    return total + section + digit
