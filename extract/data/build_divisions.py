"""Rebuild divisions.csv and area_codes.csv from the JioNLP package's dictionaries.

Source: JioNLP 1.5.31 (PyPI `jionlp`, Apache-2.0, dictionaries dated 2025-11), files
`dictionary/china_location.zip` (GB/T 2260 codes and names, province / city / county,
maintained from the Ministry of Civil Affairs' yearly releases) and
`dictionary/landline_phone_area_code.txt`. Only the county level and above is kept
(about 3,500 rows instead of the 12 MB village list), with each name's pinyin
computed once here so that host names (dl.gov.cn, baotou.gov.cn) can be matched
without loading pypinyin at extraction time.

Usage: pip download --no-deps jionlp==1.5.31 -d /tmp/j && python build_divisions.py /tmp/j/jionlp-*.whl
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

from pypinyin import Style, lazy_pinyin

HERE = Path(__file__).parent
# Codes the JioNLP list gets wrong, by (code, name) → the code of the Ministry of Civil Affairs'
# list (GB/T 2260): it gives 410471 to both of 平顶山's zones, where 410471 is the 高新技术产业开发区
# and 410472 the 城乡一体化示范区.
CODE_CORRECTIONS = {("410471", "平顶山市城乡一体化示范区"): "410472"}


# Official spellings that differ from the plain pinyin: 陕西 doubles its a (Shaanxi) to tell it
# from 山西 (Shanxi), and its portal is shaanxi.gov.cn.
SPELLINGS = {"610000": "shaanxi"}


def _pinyin(short: str) -> tuple[str, str]:
    syllables = lazy_pinyin(short, style=Style.NORMAL)
    return "".join(syllables).replace("ü", "v"), "".join(s[0] for s in syllables if s)


def read_divisions(wheel: zipfile.ZipFile) -> list[dict[str, str]]:
    inner = zipfile.ZipFile(io.BytesIO(wheel.read("jionlp/dictionary/china_location.zip")))
    text = inner.read("china_location.txt").decode("utf-8")
    rows: list[dict[str, str]] = []
    parents: dict[int, str] = {}
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip("\t").split("\t")
        if depth > 2 or len(fields) < 3 or not fields[1].isdigit():
            continue
        name, code, short = fields[0], fields[1], fields[2]
        code = CODE_CORRECTIONS.get((code, name), code)
        parents[depth] = code
        if depth == 1 and code == parents[0]:
            continue  # municipalities repeat themselves as their own city
        pinyin, initials = _pinyin(short)
        pinyin = SPELLINGS.get(code, pinyin)
        rows.append(
            {
                "code": code,
                "name": name,
                "short": short,
                "level": str(depth + 1),
                "parent": parents[depth - 1] if depth else "",
                "pinyin": pinyin,
                "initials": initials,
            }
        )
    return rows


def read_area_codes(wheel: zipfile.ZipFile, divisions: list[dict[str, str]]) -> list[dict[str, str]]:
    by_short = {(d["short"], d["level"]): d["code"] for d in divisions}
    rows = []
    for line in wheel.read("jionlp/dictionary/landline_phone_area_code.txt").decode("utf-8").splitlines():
        if not line.strip():
            continue
        area_code, place = line.split()
        province, city = place.split("/")
        code = by_short.get((city, "2")) or by_short.get((city, "1")) or by_short.get((city, "3"))
        if code:
            rows.append({"area_code": area_code, "code": code, "city": city, "province": province})
    return rows


def main(wheel_path: str) -> None:
    wheel = zipfile.ZipFile(wheel_path)
    divisions = read_divisions(wheel)
    with (HERE / "divisions.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(divisions[0]))
        writer.writeheader()
        writer.writerows(sorted(divisions, key=lambda d: d["code"]))
    areas = read_area_codes(wheel, divisions)
    with (HERE / "area_codes.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(areas[0]))
        writer.writeheader()
        writer.writerows(areas)
    print(f"{len(divisions)} divisions, {len(areas)} area codes")


if __name__ == "__main__":
    main(sys.argv[1])
