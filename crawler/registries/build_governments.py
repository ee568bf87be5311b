"""Rebuild governments.csv: the starter registry of provincial and prefecture-level governments.

Source: the page 中国千县地名网 (https://laosheng.top/fuwu/qianxian), kept as Markdown in the public
repository DiamonWoo/Laosheng.top (file fuwu/qianxian.md). It joins the Ministry of Civil
Affairs' division codes with the State Council's register of government websites: one line per
division, `CODE [name](URL)`, provinces as `<h3 id="NN">` headings. Each registry row cites the
line it was read from (a GitHub permalink at the commit read), so a reader can open the source of
every URL. The home page is the scheme and host of the URL the source gives (some point at an
introduction page of the portal). No machine that builds this file can reach the portals, so every
row is marked unverified. The division codes are checked against extract/data/divisions.csv.
Where a second public source contradicts the first, corrections.csv says which wins and why.

Usage: python -m crawler.registries.build_governments CHECKOUT COMMIT > governments.csv
(CHECKOUT: a checkout of DiamonWoo/Laosheng.top at COMMIT.)
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from extract.gazetteer import CITY, gazetteer
from extract.gazetteer import PROVINCE as PROVINCE_LEVEL

HERE = Path(__file__).parent
SOURCE_FILE = "fuwu/qianxian.md"
PERMALINK = "https://github.com/DiamonWoo/Laosheng.top/blob/{commit}/" + SOURCE_FILE + "#L{line}"
PROVINCE = re.compile(r'<h3 id="(\d\d)">\d\d <a href="([^"]+)"')
PREFECTURE = re.compile(r"^(\d{6}) <b>\[([^\]]+)\]\((\S+?)\s*(?:'[^']*')?\s*\)</b>")
LEVELS = {"province": PROVINCE_LEVEL, "prefecture": CITY}
OUTSIDE = {"71", "81", "82"}
COLUMNS = (
    "name",
    "url",
    "agency",
    "region",
    "code",
    "level",
    "source",
    "column",
    "column_source",
    "verified",
)


def home_page(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{parts.scheme}://{parts.netloc.lower()}/"


def rows(text: str, commit: str) -> list[dict[str, str]]:
    places = gazetteer()
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        province = PROVINCE.search(line)
        prefecture = PREFECTURE.match(line)
        if province:
            code, url, level = province.group(1) + "0000", province.group(2), "province"
        elif prefecture:
            code, url, level = prefecture.group(1), prefecture.group(3), "prefecture"
        else:
            continue
        # by_code holds one row per code; for 东莞, 中山, 儋州 and 嘉峪关 that is the placeholder
        # 市直辖行政区划 row, which carries the city's code: take the row of the name the source gives.
        named = prefecture.group(2) if prefecture else ""
        division = next((d for d in places.by_any_name.get(named, ()) if d.code == code), None)
        division = division or places.by_code.get(code)
        # Taiwan, Hong Kong, Macau and the XPCC are left out, and so are districts printed in bold.
        if division is None or code[:2] in OUTSIDE or division.level_by_code != LEVELS[level]:
            continue
        province_name = places.by_code[code[:2] + "0000"].name
        found.append(
            {
                "name": division.name,
                "url": home_page(url),
                "agency": division.government,
                "region": province_name + division.name if level == "prefecture" else division.name,
                "code": code,
                "level": level,
                "source": PERMALINK.format(commit=commit, line=number),
                "column": "",
                "column_source": "",
                "verified": "0",
            }
        )
    return found


def corrected(found: list[dict[str, str]]) -> list[dict[str, str]]:
    """Apply corrections.csv (beside this file): where a second public source contradicts the
    first and the first is plainly wrong (a host outside gov.cn, a district's site), it wins."""
    with (HERE / "corrections.csv").open(encoding="utf-8") as handle:
        fixes = {row["code"]: row for row in csv.DictReader(handle)}
    for row in found:
        fix = fixes.get(row["code"])
        if fix:
            row["url"], row["source"] = fix["url"], fix["source"]
    return found


def main(checkout: str, commit: str) -> None:
    text = (Path(checkout) / SOURCE_FILE).read_text(encoding="utf-8")
    out = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
    sys.stdout.write(
        "# nianbao starter registry: the provincial and prefecture-level governments' portals.\n"
        "# Built by crawler/registries/build_governments.py; every URL cites its source (`source`);\n"
        "# none was reachable from the machine that built it (verified = 0).\n"
    )
    out.writeheader()
    out.writerows(corrected(rows(text, commit)))


if __name__ == "__main__":
    main(*sys.argv[1:3])
