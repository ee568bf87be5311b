"""Spam-layer evaluation: labelled cases, side by side with bare trafilatura and jusText.

Run from the repository root: `python -m tests.bench.eval_spam` (needs ../shared).
Cases: the five seeds as the sample portal serves them (HTML built from the seed text),
every spam pattern injected into the clean seeds 001 and 004 with seen and held-out brands
(tests/bench/inject.py), and real pages from ../shared/corpus labelled by hand.
Prints per-pattern and total figures, and the time per page against bare trafilatura
measured in the same run.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

import justext
import opencc
import trafilatura

from extract import process
from extract.decode import decode_html
from extract.options import Options

from .inject import Case, build_cases, seed_lines

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
PORTAL = REPO / "crawler" / "demo" / "sample_portal" / "xxgk" / "ndbg"
T2S = opencc.OpenCC("t2s")

# Seeds as served by the sample portal: gold spam strings and real names by hand (seeds/README.md).
SEED_PAGES = {
    "000": ("201803/t20180330_1234567.html", "000_193d3c49623dce5c.txt", ["美高梅娛樂城"], True, "大连市"),
    "001": ("201803/t20180328_1234488.html", "001_24be5d677ff59441.txt", [], False, None),
    "002": (
        "201903/t20190325_2345601.html",
        "002_19a69fc2833c1675.txt",
        ["开云手机官网入口·(中国)官方网站"],
        True,
        "黑山县",
    ),
    "003": (
        "201803/t20180322_1234401.html",
        "003_3a90b2f8d284c835.txt",
        ["天辰娱乐", "南山娱乐app", "摩臣2娱乐", "果博", "缅甸28gobo", "牛彩娱乐登录", "cxndz"],
        True,
        None,
    ),
    "004": ("201803/t20180329_1234502.html", "004_654c45f73d778c46.txt", [], False, None),
}
# Real pages (../shared/corpus/real, SOURCES.md): official pages are clean; mhxqwer copies are clones.
CORPUS_PAGES = {
    "GeneralNewsExtractor__GeneralNewsExtractor/tests/shanxi/1.html": (
        "http://www.shanxi.gov.cn/a/t20190918_693227.shtml",
        False,
    ),
    "GeneralNewsExtractor__GeneralNewsExtractor/tests/gzggw/1.html": (
        "http://fgw.zj.gov.cn/art/2016/11/1/art_1.html",
        False,
    ),
    "GeneralNewsExtractor__GeneralNewsExtractor/tests/other/1.html": (
        "http://www.gov.cn/gongbao/content/2007/1.htm",
        False,
    ),
    "mhxqwer__jchgz.gov.cn/index.html": ("http://mhxqwer.github.io/jchgz.gov.cn/", None),
    "mhxqwer__zxwhongshan.gov.cn/index.html": ("http://mhxqwer.github.io/zxwhongshan.gov.cn/", None),
    "mhxqwer__ljywhlyw.cq.gov.cn/index.html": ("http://mhxqwer.github.io/ljywhlyw.cq.gov.cn/", None),
    "mhxqwer__wxhshaanxi.gov.cn/index.html": ("http://mhxqwer.github.io/wxhshaanxi.gov.cn/", None),
}


def _norm(text: str) -> str:
    # "+" is dropped too: seed 001 lost it in transit ("互联网 政务服务") and the layer restores it.
    return re.sub(r"[\s+]+", "", T2S.convert(text or ""))


# Site chrome the seeds were scraped with (navigation, metadata grid, footer): not report text.
CHROME_LINE = re.compile(
    r"ICP|公网安备|公網安備|网站标识码|網站標識碼|Copyright|索引[号號]|作者:|首\s*页|首\s*頁"
)


def legit_kept(legit: list[str], output: str, spam: list[str]) -> tuple[int, int]:
    """Characters of the gold report lines found in the output; spam strings split the lines."""
    out = _norm(output)
    kept = total = 0
    for line in legit:
        fragments = [line]
        # A brand split by zero-width characters may stand in the gold without them.
        for s in {*spam, *("".join(c for c in s if unicodedata.category(c) != "Cf") for s in spam)}:
            fragments = [part for f in fragments for part in f.split(s)]
        for fragment in fragments:
            piece = _norm(fragment)
            total += len(piece)
            if piece and piece in out:
                kept += len(piece)
            elif piece:  # a fragment may span a brand we replaced: count its longest found half
                half = max(
                    len(piece[: len(piece) // 2]) if piece[: len(piece) // 2] in out else 0,
                    len(piece[len(piece) // 2 :]) if piece[len(piece) // 2 :] in out else 0,
                )
                kept += half
    return kept, total


def seed_cases(seeds_dir: Path) -> list[Case]:
    cases = []
    for seed, (page, file, spam, tampered, real) in SEED_PAGES.items():
        lines = [
            line
            for line in seed_lines(seeds_dir, file)
            if len(line) >= 40 and not any(s in line for s in spam[2:]) and not CHROME_LINE.search(line)
        ]
        url = f"http://sample-portal.localhost/xxgk/ndbg/{page}"
        cases.append(
            Case(
                f"seed{seed}-html",
                (PORTAL / page).read_bytes().decode("utf-8", "replace")
                if seed != "004"
                else (PORTAL / page).read_bytes().decode("gb18030"),
                url,
                spam,
                lines,
                tampered,
                "seed",
                real_name=real,
            )
        )
    return cases


def corpus_cases() -> list[Case]:
    cases = []
    for path, (url, tampered) in CORPUS_PAGES.items():
        file = SHARED / "corpus" / "real" / path
        if file.exists():
            text = decode_html(file.read_bytes(), None).text
            cases.append(Case(f"corpus:{path.split('/')[0]}", text, url, [], [], tampered, "corpus"))
    return cases


def run(case: Case) -> dict:
    body = case.html.encode("utf-8")
    started = time.perf_counter()
    report = process(body, case.url)
    ours_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    process(body, case.url, options=Options(strip_spam=False))
    no_spam_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    bare = trafilatura.extract(case.html, url=case.url) or ""
    bare_ms = (time.perf_counter() - started) * 1000
    # jusText has no Chinese stoplist: with an empty one it keeps paragraphs by length and link density.
    jt = "\n".join(
        p.text
        for p in justext.justext(
            body,
            frozenset(),
            length_low=10,
            length_high=40,
            stopwords_low=0,
            stopwords_high=0,
            encoding="utf-8",
        )
        if not p.is_boilerplate
    )
    # Tables are kept as figures, not text: their row labels count as kept where a stat carries them.
    table_labels = "\n".join(stat.raw_label for stat in report.stats)
    out = {
        "ours": "\n".join([report.text, report.title or "", table_labels]),
        "trafilatura": bare,
        "justext": jt,
    }
    row = {"case": case, "report": report, "ours_ms": ours_ms, "bare_ms": bare_ms, "no_spam_ms": no_spam_ms}
    for system, text in out.items():
        folded = _norm(text)
        row[f"{system}_removed"] = sum(1 for s in case.spam if _norm(s) not in folded)
        row[f"{system}_kept"] = legit_kept(case.legit, text, case.spam + case.brands)
    return row


def main() -> int:
    seeds_dir = SHARED / "seeds"
    if not seeds_dir.exists():
        print(f"no seeds at {seeds_dir}", file=sys.stderr)
        return 2
    cases = seed_cases(seeds_dir) + build_cases(seeds_dir) + corpus_cases()
    for case in cases[:3]:  # warm caches (lexicon, OpenCC, division table) outside the timing
        run(case)
    rows = [run(case) for case in cases]
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        c = row["case"]
        groups[
            "seeds (portal HTML)"
            if c.pattern == "seed"
            else "corpus"
            if c.pattern == "corpus"
            else "held-out brands"
            if c.held_out
            else "seen brands / no brand"
        ].append(row)
        groups[f"  pattern {c.pattern}"].append(row)
    print(
        f"{'group':34} {'cases':>5} | {'spam removed: ours / trafilatura / jusText':>44} | "
        f"{'legit kept: ours / traf / jusText':>36} | tampered ok | false flags"
    )
    for name, members in sorted(groups.items(), key=lambda kv: (kv[0].startswith("  "), kv[0])):
        spam_total = sum(len(r["case"].spam) for r in members)
        removed = {s: sum(r[f"{s}_removed"] for r in members) for s in ("ours", "trafilatura", "justext")}
        kept = {
            s: (sum(r[f"{s}_kept"][0] for r in members), sum(r[f"{s}_kept"][1] for r in members))
            for s in ("ours", "trafilatura", "justext")
        }
        labelled = [r for r in members if r["case"].tampered is not None]
        right = sum(1 for r in labelled if r["report"].spam.tampered == r["case"].tampered)
        false_flags = sum(1 for r in labelled if not r["case"].tampered and r["report"].spam.tampered)
        clean = sum(1 for r in labelled if not r["case"].tampered)

        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:5.1f}%" if b else "   – "

        print(
            f"{name:34} {len(members):5} | {pct(removed['ours'], spam_total):>14} {pct(removed['trafilatura'], spam_total):>14} "
            f"{pct(removed['justext'], spam_total):>14} | {pct(*kept['ours']):>11} {pct(*kept['trafilatura']):>11} "
            f"{pct(*kept['justext']):>11} | {right:4}/{len(labelled):<4}  | {false_flags}/{clean}"
        )
    print("\nnames recovered (region / agency):")
    for row in rows:
        c, r = row["case"], row["report"]
        if c.real_name:
            ok = r.region == c.real_name
            print(
                f"  {c.name:32} expected {c.real_name}: region={r.region} agency={r.agency} {'OK' if ok else 'MISSED'}"
            )
    print("\nclone / verdict on corpus pages:")
    for row in rows:
        if row["case"].pattern == "corpus":
            s = row["report"].spam
            print(
                f"  {row['case'].name:45} verdict={s.verdict:16} tampered={s.tampered} kinds={sorted({f.kind for f in s.findings})}"
            )
    ours = statistics.fmean(r["ours_ms"] for r in rows)
    bare = statistics.fmean(r["bare_ms"] for r in rows)
    no_spam = statistics.fmean(r["no_spam_ms"] for r in rows)
    print(
        f"\nms per page: bare trafilatura.extract {bare:.1f}; whole extraction (process) {ours:.1f} "
        f"= {ours / bare:.2f}x; the same without the spam layer {no_spam:.1f}; "
        f"spam layer alone {ours - no_spam:.1f} = {(ours - no_spam) / bare:.2f}x of bare trafilatura"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
