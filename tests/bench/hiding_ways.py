"""The ways a defacer hides or writes a link farm, each tried on the seed reports, against a base.

Run from the repository root: `python -m tests.bench.hiding_ways [--base REV]` (needs
../shared/seeds). Each way puts brand-shaped names that no lexicon knows (金凤凰棋牌, 银河彩票:
a brand word and a made-up name) into seeds 001 and 004 as the deface split does, but by
another route: hidden by a script, a transform or <noscript>, written by an encoded script or
innerHTML, listed visibly in a table or a drop-down, put inside sentences, appended after
</html>, beside the heading in the title. Some names are shapes the detector's tests use, so
this measures the ways, not how brands generalise (tests/bench/heldout does that). Printed per
way, for the base and this checkout: pages flagged tampered, and pages where a name is left in
the text or title.
"""

from __future__ import annotations

import argparse
import base64
import html
import json
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from ..helpers.paths import REPO
from .inject import CLEAN_SEEDS, body_lines, page, seed_lines
from .revision import export_revision

SEEDS = REPO.parent / "shared" / "seeds"
BRANDS = [
    "鑫鼎娱乐城",
    "万利汇国际",
    "金凤凰棋牌",
    "大富豪彩票网",
    "龙腾体育直播",
    "福星棋牌",
    "百胜彩票",
    "瑞丰电竞",
]


def _links(names: list[str]) -> str:
    return "".join(
        f"<a href='http://www.q{i}z.example/' target=_blank>{html.escape(n)}</a>" for i, n in enumerate(names)
    )


def _items(names: list[str], wrap: str) -> str:
    return "".join(f"<{wrap}>{_links([n])}</{wrap}>" for n in names)


def _encoded(names: list[str]) -> str:
    return quote(f"<div style=display:none>{_links(names)}</div>")


# Each way: keyword arguments of inject.page() for the names, or a whole page from the clean one.
WAYS: dict[str, Callable[[list[str]], dict[str, str]]] = {
    "display_none_important": lambda b: {"after": f"<div style='display:none !important'>{_links(b)}</div>"},
    "visibility_hidden": lambda b: {
        "after": f"<div style='visibility:hidden;position:absolute'>{_links(b)}</div>"
    },
    "hidden_attribute": lambda b: {"after": f"<div hidden>{_links(b)}</div>"},
    "overflow_one_pixel": lambda b: {
        "after": f"<div style='overflow:hidden;width:1px;height:1px'>{_links(b)}</div>"
    },
    "scaled_to_nothing": lambda b: {
        "after": f"<div style='transform:scale(0);position:absolute'>{_links(b)}</div>"
    },
    "behind_the_page": lambda b: {
        "after": f"<div style='position:absolute;z-index:-999;top:0'>{_links(b)}</div>"
    },
    "fixed_off_screen": lambda b: {"after": f"<div style='position:fixed;top:-3000px'>{_links(b)}</div>"},
    "id_in_style": lambda b: {
        "head": "<style>#kx8m{position:absolute;left:-8000px}</style>",
        "after": f"<div id='kx8m'>{_links(b)}</div>",
    },
    "class_in_style": lambda b: {
        "head": "<style>.a,.hz3 {display:none}</style>",
        "after": f"<div class='box hz3'>{_links(b)}</div>",
    },
    "hidden_by_script": lambda b: {
        "after": f"<div id='p7q'>{_links(b)}</div>"
        "<script>document.getElementById('p7q').style.display='none';</script>"
    },
    "hidden_by_jquery": lambda b: {
        "after": f"<div id='p7q'>{_links(b)}</div><script>$('#p7q').hide();</script>"
    },
    "noscript": lambda b: {"after": f"<noscript>{_links(b)}</noscript>"},
    "marquee": lambda b: {
        "after": f"<marquee scrollamount='9999' width='2' height='2'>{_links(b)}</marquee>"
    },
    "tiny_white_text": lambda b: {"after": f"<font style='font-size:1px;color:#fff'>{' '.join(b)}</font>"},
    "written_plain": lambda b: {
        "after": "<script>document.writeln(\"<div style='display:none'>" + _links(b) + '</div>");</script>'
    },
    "written_percent_encoded": lambda b: {
        "after": f"<script>document.write(unescape('{_encoded(b)}'))</script>"
    },
    "written_base64": lambda b: {
        "after": f"<script>document.write(atob('{base64.b64encode(_links(b).encode()).decode()}'))</script>"
    },
    "written_inner_html": lambda b: {
        "after": f"<div id='zz'></div><script>document.getElementById('zz').innerHTML=\"{_links(b)}\";</script>"
    },
    "visible_tail": lambda b: {"footer_tail": f"<div>{_links(b)}</div>"},
    "visible_head": lambda b: {"before": f"<div class='hot'>{_links(b)}</div>"},
    "list_items": lambda b: {"footer_tail": f"<ul>{_items(b, 'li')}</ul>"},
    "table_cells": lambda b: {"footer_tail": f"<table><tr>{_items(b, 'td')}</tr></table>"},
    "drop_down": lambda b: {
        "footer_tail": "<select><option>友情链接</option>"
        + "".join(f"<option value='http://www.q{i}z.example/'>{n}</option>" for i, n in enumerate(b))
        + "</select>"
    },
    "plain_names": lambda b: {"footer_tail": f"<div>{'&nbsp;'.join(b)}</div>"},
}


def _inline(clean: str, lines: list[str], names: list[str]) -> str:
    """A link out put in the middle of each of the first paragraphs."""
    for index, (line, name) in enumerate(zip(lines, names, strict=False)):
        cut = len(line) // 2
        link = _links([name]).replace("q0z", f"q{index}z")
        linked = f"<p>{html.escape(line[:cut])}{link}{html.escape(line[cut:])}</p>"
        clean = clean.replace(f"<p>{html.escape(line)}</p>", linked, 1)
    return clean


def pages(seeds: Path) -> list[tuple[str, str, str, bytes, list[str]]]:
    """(way, seed, url, page, names) for every way on both seeds."""
    built = []
    for seed, info in CLEAN_SEEDS.items():
        lines = body_lines(seed_lines(seeds, info["file"]))
        title = f"{info['name']}2017年政府信息公开工作年度报告"
        url = f"http://{info['host']}/xxgk/ndbg/201803/t20180330_1.html"
        footer = f"版权所有:{info['name']}人民政府 主办单位:{info['name']}人民政府办公室"
        clean = page(title, lines, footer=footer)
        for index, (way, inject) in enumerate(WAYS.items()):
            names = [BRANDS[(index + k) % len(BRANDS)] for k in range(5)]
            built.append((way, seed, url, page(title, lines, footer=footer, **inject(names)), names))
        names = BRANDS[:5]
        built += [
            ("inside_sentences", seed, url, _inline(clean, lines, names), names),
            ("one_inside_a_sentence", seed, url, _inline(clean, lines, names[:1]), names[:1]),
            ("after_the_document", seed, url, clean + f"<div>{_links(names)}</div>", names),
            (
                "beside_the_title",
                seed,
                url,
                clean.replace(f"<title>{title}", f"<title>{names[0]}-{title}"),
                names[:1],
            ),
        ]
    return [(way, seed, url, markup.encode("utf-8"), names) for way, seed, url, markup, names in built]


# Runs inside the tree under test: it may only use what every revision has.
VERDICTS = """
import json, pickle, sys
from extract import pipeline
for way, seed, url, body, names in pickle.load(open(sys.argv[1], "rb")):
    report = pipeline.process(body, url)
    shown = (report.title or "") + "\\n" + report.text
    print(json.dumps([way, seed, report.spam.tampered, [n for n in names if n in shown]], ensure_ascii=False))
"""


def verdicts(tree: Path, pages_file: Path) -> dict[tuple[str, str], tuple[bool, list[str]]]:
    run = subprocess.run(
        [sys.executable, "-c", VERDICTS, str(pages_file)],
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("[")]
    return {(way, seed): (tampered, left) for way, seed, tampered, left in rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="git revision to compare against (default: main)")
    args = parser.parse_args()
    if not SEEDS.exists():
        print(f"no seeds at {SEEDS}", file=sys.stderr)
        return 2
    built = pages(SEEDS)
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        pages_file = work / "pages.pickle"
        pages_file.write_bytes(pickle.dumps(built))
        base = verdicts(export_revision(args.base, work / "base"), pages_file)
        ours = verdicts(REPO, pages_file)
    print(
        f"{len(built)} pages, {len(WAYS) + 4} ways on seeds 001 and 004; flagged / names left, base → this checkout"
    )
    for way in dict.fromkeys(way for way, *_ in built):
        keys = [key for key in ours if key[0] == way]
        before = (sum(base[k][0] for k in keys), sum(bool(base[k][1]) for k in keys))
        after = (sum(ours[k][0] for k in keys), sum(bool(ours[k][1]) for k in keys))
        print(
            f"  {way:26} flagged {before[0]}/{len(keys)} → {after[0]}/{len(keys)}   names left {before[1]} → {after[1]}"
        )
    for label, verdict in (("base " + args.base, base), ("this checkout", ours)):
        flagged = sum(tampered for tampered, _ in verdict.values())
        left = sum(bool(names) for _, names in verdict.values())
        print(f"{label}: {flagged}/{len(verdict)} flagged, names left on {left}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
