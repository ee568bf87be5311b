"""Leave-variants-out evaluation of the 2008–2018 row mapper (issue 18).

The label variants in data/legacy_label_variants.csv (the spec's §2.2/§2.4/§6.2 wordings,
seeds 003/004, the issue's real-page wordings, and wordings written as real legacy reports
put them) are split once with a fixed seed (SEED) into a part the mapper's vocabulary may
be tuned on and a held-out part (a third, HELD_OUT_SHARE) that it is never tuned on.

Two measures:

* labels: each variant through the production mapper (`extract.labels.map_row`) with its
  enclosing labels; a variant with no key must stay unmapped. Right / unmapped / wrong.
* tables: the held-out variants printed as legacy tables in real pages' styles (unit
  column, numbering styles, a label cut over two lines, a heading cell spanning the rows
  of its children), every row with its own figure, run through `extract.process` of this
  checkout and of `--base` (default main) in the same run; 2019/2021 tables built from the
  spec are run the same way and must stay all right.

A second held-out set, data/legacy_label_variants_blind.csv, was written without looking at
the mapper's vocabulary or at the first file's wordings, and `--blind` scores the mapper on it
alone (labels measure, every miss listed; then its variants as tables through this checkout).
It is SPOILED as a blind measure: its first run (70/80 right, 9 unmapped, 1 wrong) showed
misses the mapper was then fixed for (Traditional labels, 刊登, 文章, 微博、微信 responses,
电子邮箱, fee services, consultation, a heading with no figure), so its later figures measure
those fixes, not unseen wordings.

A third set, data/legacy_label_variants_blind2.csv, was written and committed on its own
(a frozen evaluation set) before the mapper was run on it and before those fixes; `--blind2`
scores it the same way. It is the unseen measure until a fix is made from its misses.

    python -m tests.bench.legacy_labels [--base main] [--show seen|held-out]
    python -m tests.bench.legacy_labels --blind | --blind2
    python -m tests.bench.legacy_labels --claims

`--claims` counts the (scope, key) pairs claimed by more than one table row in one report
(the store keeps one figure per pair): over the seeds, the real pages and documents of
../shared/corpus/real, and every evaluation table of this module.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import pickle
import random
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from extract import pipeline
from extract.document import process_document
from extract.labels import load_legacy_lexicon, map_row, normalise_label
from extract.model import Report
from extract.options import Options
from extract.script import TRADITIONAL, detect_script, to_simplified
from extract.tables.report import read_report_tables

from ..helpers.paths import SEEDS, SHARED
from ..helpers.table_builders import applications_html, proactive_html, report_page, review_html
from .revision import export_revision
from .speed import REPO

VARIANTS = Path(__file__).with_name("data") / "legacy_label_variants.csv"
BLIND = Path(__file__).with_name("data") / "legacy_label_variants_blind.csv"
BLIND2 = Path(__file__).with_name("data") / "legacy_label_variants_blind2.csv"
SEED = 18
HELD_OUT_SHARE = 1 / 3


@dataclass(frozen=True)
class Variant:
    label: str
    context: tuple[str, ...]  # enclosing labels, outermost first
    key: str  # "" when no key may claim it
    origin: str


def load_variants(path: Path = VARIANTS) -> list[Variant]:
    """The variants of one file; lines starting with # before the header are comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return [
        Variant(
            row["label"],
            tuple(p.strip() for p in row["context"].split("/") if p.strip()),
            row["key"],
            row["origin"],
        )
        for row in csv.DictReader(lines)
    ]


def show_misses(misses: list[tuple[Variant, str]]) -> None:
    for variant, got in misses:
        print(
            f"    {variant.label!r} in {'/'.join(variant.context)!r}: {got or '-'} (want {variant.key or '-'})"
        )


def blind(path: Path, name: str) -> int:
    """The mapper on one held-out file alone: right / unmapped / wrong, and every miss."""
    variants = load_variants(path)
    right, unmapped, wrong, misses = score(variants)
    keyed = sum(1 for v in variants if v.key)
    print(f"{name} label variants: {len(variants)} ({keyed} with a key, {len(variants) - keyed} with none)")
    print(
        f"  right {right}/{len(variants)} = {right / len(variants):.1%}, unmapped {unmapped}, wrong {wrong}"
    )
    show_misses(misses)
    pages, expected = [], {}
    for style in range(3):  # the same tables as the held-out part's, through this checkout only
        body, expected[f"{name}-{style}"] = legacy_page(variants, style)
        pages.append((f"{name}-{style}", body, f"https://example.gov.cn/{name}-{style}.html"))
    with tempfile.TemporaryDirectory() as scratch:
        found = table_figures(REPO, pages, Path(scratch))
    print(f"{name} legacy tables (first variant of each key, three layouts), cells right:")
    for name, want in expected.items():
        lost = sorted(key for key in want if found[name].get(key) != want[key])
        print(f"  {name} {right_cells(found[name], want)}/{len(want)}; lost: {', '.join(lost) or '-'}")
    return 0


def split(variants: list[Variant]) -> tuple[list[Variant], list[Variant]]:
    """(seen, held out): a fixed shuffle, the first third held out."""
    order = list(range(len(variants)))
    random.Random(SEED).shuffle(order)
    cut = round(len(variants) * HELD_OUT_SHARE)
    held = sorted(order[:cut])
    return [v for i, v in enumerate(variants) if i not in set(held)], [variants[i] for i in held]


def mapped_key(variant: Variant) -> str:
    texts = [normalise_label(part).text for part in variant.context]
    meaning = map_row(
        normalise_label(variant.label), "/".join(texts), texts[::-1], True, load_legacy_lexicon()
    )
    return meaning.key or ""


def score(variants: list[Variant]) -> tuple[int, int, int, list[tuple[Variant, str]]]:
    right = unmapped = wrong = 0
    misses = []
    for variant in variants:
        got = mapped_key(variant)
        if got == variant.key:
            right += 1
            continue
        misses.append((variant, got))
        if got:
            wrong += 1
        else:
            unmapped += 1
    return right, unmapped, wrong, misses


# --- tables ------------------------------------------------------------------------------


def _cell(text: str, rowspan: int = 1) -> str:
    return f"<td rowspan='{rowspan}'>{text}</td>" if rowspan > 1 else f"<td>{text}</td>"


def legacy_page(variants: list[Variant], style: int) -> tuple[bytes, dict[str, int]]:
    """One legacy table of the variants with a key; style varies the layout real pages use."""
    rows: list[str] = ["<tr><td>统计指标</td><td>单位</td><td>统计数</td></tr>"]
    expected: dict[str, int] = {}
    printed: set[str] = set()
    for number, variant in enumerate(v for v in variants if v.key and v.key not in expected):
        value = 11 + number * 7 + style
        expected[variant.key] = value
        for part in variant.context:
            if part not in printed:  # enclosing rows print once, with a dash
                printed.add(part)
                rows.append(f"<tr><td>{part}</td><td></td><td>-</td></tr>")
        label = variant.label
        if style == 1 and len(label) > 5:  # a label cut over two lines of its cell
            label = f"{label[:4]}<br>{label[4:]}"
        unit = "件" if style == 2 else ""
        rows.append(f"<tr><td>{label}</td><td>{unit}</td><td>{value}</td></tr>")
    table = "<table border='1'>" + "".join(rows) + "</table>"
    title = f"某县人民政府{2012 + style}年政府信息公开工作年度报告"
    body = (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
        "<p>一、概述</p><p>根据《中华人民共和国政府信息公开条例》，现公布本年度报告。</p>"
        f"<p>附表</p>{table}<p>六、存在的主要问题及改进措施</p><p>无。</p></body></html>"
    )
    return body.encode(), expected


def modern_pages() -> list[tuple[str, bytes, dict[str, int]]]:
    pages = []
    for era in ("v2019", "v2021"):
        proactive, p_expected = proactive_html(era)
        applications, a_expected = applications_html(era)
        review, r_expected = review_html()
        body = report_page(
            f"某县人民政府{era[1:]}年政府信息公开工作年度报告", proactive, applications, review
        )
        pages.append((era, body, {**p_expected, **a_expected, **r_expected}))
    return pages


DUMP = """
import json, pickle, sys
from extract import pipeline
pages = pickle.load(open(sys.argv[1], "rb"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for name, body, url in pages:
        report = pipeline.process(body, url)
        stats = [[s.key, s.value] for s in report.stats if s.source == "table"]
        out.write(json.dumps([name, stats], ensure_ascii=False) + "\\n")
"""


def table_figures(
    tree: Path, pages: list[tuple[str, bytes, str]], work: Path
) -> dict[str, dict[str, object]]:
    pages_file, out = work / f"{tree.name}.pickle", work / f"{tree.name}.jsonl"
    pages_file.write_bytes(pickle.dumps(pages))
    env = {**os.environ, "PYTHONPATH": str(tree)}
    subprocess.run([sys.executable, "-c", DUMP, str(pages_file), str(out)], cwd=tree, env=env, check=True)
    found: dict[str, dict[str, object]] = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        name, stats = json.loads(line)
        found[name] = {}
        for key, value in stats:
            found[name].setdefault(key, value)
    return found


def right_cells(found: dict[str, object], expected: dict[str, int]) -> int:
    return sum(found.get(key) == value for key, value in expected.items())


def claimed_twice(stats: list[tuple[str, str]]) -> int:
    """How many (scope, key) pairs more than one row claims."""
    return sum(1 for pair in set(stats) if stats.count(pair) > 1)


def _table_pairs(report: Report) -> list[tuple[str, str]]:
    return [(stat.scope, stat.key) for stat in report.stats if stat.source == "table"]


def claims() -> int:
    """Keys claimed twice in one report, over the seeds, the real pages and the evaluation tables."""
    seeds = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if detect_script("".join(lines[:200])) == TRADITIONAL:
            lines = to_simplified(lines)
        found = read_report_tables([], lines)
        seeds.append((path.name, [(stat.scope, stat.key) for stat in found.stats]))
    real = []
    for path in sorted((SHARED / "corpus" / "real").rglob("*")):
        kind = path.suffix.lower().lstrip(".")
        if kind in ("html", "htm"):
            report = pipeline.process(path.read_bytes(), f"https://example.gov.cn/{path.name}")
        elif kind in ("pdf", "docx"):
            report = process_document(
                path.read_bytes(), f"https://example.gov.cn/{path.name}", kind, Options()
            )
        else:
            continue
        real.append((path.name, _table_pairs(report)))
    tables = []
    for name, variants in (("held-out", split(load_variants())[1]), ("blind", load_variants(BLIND))):
        tables += [(f"{name}-{style}", legacy_page(variants, style)[0]) for style in range(3)]
    tables += [(f"blind2-{style}", legacy_page(load_variants(BLIND2), style)[0]) for style in range(3)]
    tables += [(era, body) for era, body, _ in modern_pages()]
    evaluation = [
        (name, _table_pairs(pipeline.process(body, f"https://example.gov.cn/{name}.html")))
        for name, body in tables
    ]
    for group, results in (("seeds", seeds), ("real pages", real), ("evaluation tables", evaluation)):
        twice = sum(claimed_twice(pairs) for _, pairs in results)
        figures = sum(len(pairs) for _, pairs in results)
        print(f"{group:<18} {len(results)} reports, {figures} table figures, keys claimed twice: {twice}")
        for name, pairs in results:
            if claimed_twice(pairs):
                print(f"    {name}: {claimed_twice(pairs)}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="revision to compare the tables with (default main)")
    parser.add_argument("--show", choices=("seen", "held-out"), help="list the misses of one part")
    parser.add_argument("--blind", action="store_true", help="score the second (spoiled) variants file only")
    parser.add_argument("--blind2", action="store_true", help="score the third, frozen variants file only")
    parser.add_argument("--claims", action="store_true", help="count keys claimed twice in one report")
    args = parser.parse_args()
    if args.claims:
        return claims()
    if args.blind:
        return blind(BLIND, "blind")
    if args.blind2:
        return blind(BLIND2, "blind2")
    seen, held_out = split(load_variants())
    print(f"label variants: {len(seen)} seen, {len(held_out)} held out (seed {SEED})")
    for name, part in (("seen", seen), ("held-out", held_out)):
        right, unmapped, wrong, misses = score(part)
        print(
            f"  {name:<8} right {right}/{len(part)} = {right / len(part):.1%}, unmapped {unmapped}, wrong {wrong}"
        )
        if args.show == name:
            show_misses(misses)
    legacy = [legacy_page(held_out, style) for style in range(3)]
    pages = [
        (f"legacy-{i}", body, f"https://example.gov.cn/legacy{i}.html") for i, (body, _) in enumerate(legacy)
    ]
    modern = modern_pages()
    pages += [(era, body, f"https://example.gov.cn/{era}.html") for era, body, _ in modern]
    expected = {f"legacy-{i}": exp for i, (_, exp) in enumerate(legacy)} | {
        era: exp for era, _, exp in modern
    }
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        base_tree = export_revision(args.base, work / "base")
        base = table_figures(base_tree, pages, work)
        ours = table_figures(REPO, pages, work)
    print(f"table cells right, {args.base} -> this checkout (same run):")
    for group in ("legacy", "v20"):
        names = [name for name in expected if name.startswith(group)]
        total = sum(len(expected[name]) for name in names)
        before = sum(right_cells(base[name], expected[name]) for name in names)
        after = sum(right_cells(ours[name], expected[name]) for name in names)
        label = "held-out legacy tables" if group == "legacy" else "2019/2021 tables"
        print(f"  {label:<24} {before}/{total} -> {after}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
