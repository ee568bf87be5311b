"""Split a report's text at its numbered top-level headings (一、二、…).

The narrative of every era is organised under headings like "二、主动公开政府信息情况"
(spec §2.1, §3.1). Sub-levels use （一）/1. and are left inside their section's text.

Two things look like headings but are not, and both are guarded against here:
* list items inside a paragraph that happen to start a line with 一、 (long lines, or a
  number that goes backwards);
* the block labels of a flattened legacy statistics table (一、主动公开情况 … 十三、…),
  which restart at 一. Once the table's title line or its 统计指标 header appears, the
  rest of the text is one final section headed "统计表", so the table reaches the tables
  stage whole and the narrative sections stay prose.
"""

from __future__ import annotations

import re

from extract.chars import HAN
from extract.model import Section

# Real headings are short labels ("六、存在的主要问题及改进措施" is 15 characters); a longer
# line starting with 一、 is a sentence that merely begins with an enumeration.
MAX_HEADING_CHARS = 40

# Numbers may repeat (a mis-numbered report prints 十、 twice) or skip a lost heading
# (seed 001 starts at 二、), but a big jump is more likely an enumeration inside the text.
MAX_HEADING_STEP = 3

HEADING_RE = re.compile(r"^(?P<number>[一二三四五六七八九十]{1,3})、\s*\S")

# After whitespace removal: "2017年度政府信息公开工作情况统计表", "统计指标", but not the
# list items "附表:1.2017年度…统计表(市本级)" / "2.2017年度…统计表(本行政区域)" that only
# announce the tables: only Chinese text and the year may precede the name.
TABLE_START_RE = re.compile(
    f"^{HAN}{{0,20}}?"
    r"(?:(?:19|20)\d{2}年度?)?"
    f"{HAN}{{0,20}}?"
    r"政府信息公开(?:工作)?(?:情况)?统计表"
    r"(?:[(（][^)）]{0,12}[)）])?$"
    r"|^统计指标$"
)

# The synthetic heading of the section that holds the statistics table(s).
TABLE_SECTION_HEADING = "统计表"

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(numeral: str) -> int | None:
    """一…九十九 as printed in headings; None for anything else (e.g. 十十)."""
    if numeral in _DIGITS:
        return _DIGITS[numeral]
    tens, sep, units = numeral.partition("十")
    if not sep or "十" in units:
        return None
    if tens and tens not in _DIGITS or units and units not in _DIGITS:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


def heading_number(line: str) -> int | None:
    """The number of a line that is shaped like a top-level heading, else None.

    Only the shape is judged here; whether the number fits the sequence is the caller's
    business (see `split_sections`).
    """
    stripped = line.strip()
    if len(stripped) > MAX_HEADING_CHARS:
        return None
    match = HEADING_RE.match(stripped)
    return chinese_number(match["number"]) if match else None


def is_table_start(line: str) -> bool:
    # Both forms hold 统计 once the spaces are gone, and only spaces are removed: a line
    # without 统 and 计 is no table start, and most lines are told so without compacting.
    if "统" not in line or "计" not in line:
        return False
    # str.split() and re's \s share one whitespace test: the line without its spaces.
    return bool(TABLE_START_RE.match("".join(line.split())))


def _block(lines: list[str]) -> str:
    # Indentation is layout, but blank lines are kept: in flattened tables they are
    # empty cells (spec §10).
    return "\n".join(line.strip() for line in lines).strip("\n")


def split_sections(text: str) -> tuple[Section, ...]:
    """Sections in document order; a preamble (heading "") only when it has text."""
    sections: list[Section] = []
    heading = ""
    body: list[str] = []
    last_number = 0
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if is_table_start(line):
            sections.append(Section(heading, _block(body)))
            sections.append(Section(TABLE_SECTION_HEADING, _block(lines[index:])))
            break
        number = heading_number(line)
        fits = number is not None and (
            last_number == 0 or last_number <= number <= last_number + MAX_HEADING_STEP
        )
        if number is not None and fits:
            sections.append(Section(heading, _block(body)))
            heading, body, last_number = line.strip(), [], number
        else:
            body.append(line)
    else:
        sections.append(Section(heading, _block(body)))
    # The preamble slot is always appended first; keep it only when it holds text.
    if sections and sections[0].heading == "" and not sections[0].text:
        sections.pop(0)
    return tuple(sections)
