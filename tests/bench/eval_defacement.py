"""Defacement by unseen brands: this checkout against a base revision, measured in one run.

Run from the repository root: `python -m tests.bench.eval_defacement [--base main]` (needs
../shared). Pages come from tests/bench/deface.py: the held-out split (brands that are not
in the lexicon, five injection styles, seed reports and real pages) and the clean controls
(clean reports with their traps, real portal pages with login bars, share bars and
友情链接). Both trees extract the same pages in their own interpreter (as
tests.bench.same_output does), and each is scored against the same gold:

  spam strings removed   a gold spam string is in neither the text nor the title (both
                         folded: full-width to ASCII, zero-width characters dropped)
  text kept              characters of the gold report lines found in the output
  text kept, old gold    the same against the gold this evaluation used before split3 (below)
  tampered flags right   defaced pages tampered, clean controls not
  clean controls clean   no finding on a clean control
  names recovered        the name a brand was written over is back (region for a report)
  statistics cells right the defaced page's figures equal its clean twin's, cell by cell

Bare trafilatura's spam removal and text kept are printed for comparison, and the
tampered flag's precision and recall (the page's combined spam score against the threshold
of extract/spam/verdict.py). `--split train` runs the training split instead (other brands,
and agency reports among the controls): the threshold is chosen there (`--sweep` prints
precision and recall at each score), and only there are pages printed one by one.
The gold of "text kept" counts what a reader of the clean page would want back and what
the page itself can tell. A phrase swap writes a brand over an ordinary word (政府网站 →
brand): the word is gone from the page and nothing on it says which it was, so no layer can
bring it back; the old gold of a seed page still held it, and a line whose word was
destroyed was scored by its longer half only, so every phrase swap lost about half of three
lines whatever the layer did (real pages' gold never held the word). The new gold is the
defaced lines with the brand split out, for seeds as for real pages. A name swap is the
other way round: the page's identity (host, 网站标识码, 文号) tells the name back, so the
gold of a real page is now its clean lines (the old one split the brand out and did not ask
for the name), as it already was for seeds. Both golds are printed, for this layer and for
bare trafilatura alike.

`--split heldout3` runs tests/bench/heldout/split3.csv, a second held-out split frozen
before the detector work that followed the first one (see tests/bench/heldout/README.md);
`--split heldout4` runs split4.csv, a third, frozen before the work that followed split3;
`--split heldout5` runs split5.csv, a fourth, frozen before the work that followed split4;
`--split heldout6` runs split6.csv, a fifth, frozen before the work that followed split5.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

import trafilatura

from extract.spam import lexicon

from .deface import (
    SPLIT,
    SPLIT3,
    SPLIT4,
    SPLIT5,
    SPLIT6,
    TRAIN_SPLIT,
    Page,
    agency_controls,
    clean_controls,
    defaced_pages,
    split_rows,
)
from .eval_spam import _norm, legit_kept
from .revision import export_revision
from .same_output import reports
from .speed import REPO

SHARED = REPO.parent / "shared"


SPLITS = {
    "heldout": SPLIT,
    "heldout3": SPLIT3,
    "heldout4": SPLIT4,
    "heldout5": SPLIT5,
    "heldout6": SPLIT6,
    "train": TRAIN_SPLIT,
}


def _fold(text: str) -> str:
    """Full-width forms to ASCII and zero-width characters dropped: a brand written
    `ｂｅｔ` or `九\u200b五` that comes out as `bet` or `九五` has not been removed."""
    plain = unicodedata.normalize("NFKC", text or "")
    return _norm("".join(c for c in plain if unicodedata.category(c) != "Cf"))


def _check_split(split: Path) -> None:
    known = lexicon.load_lexicon().terms
    leaked = [r["brand"] for r in split_rows(split) if _fold(r["brand"]).lower() in known]
    if leaked:
        raise SystemExit(f"{split.name}: brands found in the lexicon: {', '.join(leaked)}")


def flag_quality(pages: list[Page], found: dict[str, dict], threshold: float | None = None) -> str:
    """Precision and recall of the tampered flag, or of `score >= threshold` when one is given."""

    def flagged(report: dict) -> bool:
        spam = report["spam"]
        return spam["tampered"] if threshold is None else spam["score"] >= threshold

    hits = sum(flagged(found[p.name]) for p in pages if p.tampered)
    alarms = sum(flagged(found[p.name]) for p in pages if not p.tampered)
    positives = sum(p.tampered for p in pages)
    precision = f"{hits}/{hits + alarms}" if hits + alarms else "–"
    return f"precision {precision}, recall {hits}/{positives}"


def _sweep(pages: list[Page], found: dict[str, dict]) -> None:
    scores = sorted({found[p.name]["spam"]["score"] for p in pages} - {0})
    print("\ncombined score threshold sweep (this checkout):")
    for threshold in scores:
        print(f"  score >= {threshold:<6} {flag_quality(pages, found, threshold)}")


def _stat_cells(report: dict) -> dict[tuple, object]:
    return {(s["key"], s["scope"], s["table"]): s["value"] for s in report["stats"]}


def score(pages: list[Page], found: dict[str, dict]) -> dict[str, tuple[int, int]]:
    """Figure name → (right, out of)."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def add(name: str, right: int, total: int) -> None:
        totals[name][0] += right
        totals[name][1] += total

    for p in pages:
        report = found[p.name]
        output = "\n".join([report["text"] or "", report["title"] or ""])
        folded = _fold(output)
        if p.spam:
            add("spam strings removed", sum(_fold(s) not in folded for s in p.spam), len(p.spam))
        add("text kept (chars)", *legit_kept(p.legit, output, p.spam))
        add("text kept, old gold", *legit_kept(p.legit_old or p.legit, output, p.spam))
        tampered = report["spam"]["tampered"]
        add("tampered flags right", tampered == p.tampered, 1)
        if not p.tampered:
            add("clean controls clean", not report["spam"]["findings"], 1)
        if p.real_name:
            region = report["region"] or ""
            back = region.startswith(p.real_name) if report["is_report"] else p.real_name in report["text"]
            add("names recovered", back, 1)
        if p.twin and (twin := found.get(f"{p.twin}-clean")):
            gold, got = _stat_cells(twin), _stat_cells(report)
            add("statistics cells right", sum(got.get(k) == v for k, v in gold.items()), len(gold))
    return {name: (right, total) for name, (right, total) in totals.items()}


def bare_scores(pages: list[Page]) -> dict[str, tuple[int, int]]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for p in pages:
        text = trafilatura.extract(p.html, url=p.url) or ""
        folded = _fold(text)
        figures = {
            "spam strings removed": (sum(_fold(s) not in folded for s in p.spam), len(p.spam)),
            "text kept (chars)": legit_kept(p.legit, text, p.spam),
            "text kept, old gold": legit_kept(p.legit_old or p.legit, text, p.spam),
        }
        for name, (right, total) in figures.items():
            totals[name][0] += right
            totals[name][1] += total
    return {name: (right, total) for name, (right, total) in totals.items()}


def _pct(pair: tuple[int, int] | None) -> str:
    if not pair or not pair[1]:
        return "–"
    right, total = pair
    return f"{right}/{total} ({100 * right / total:.1f}%)"


def _extract(tree: Path, pages: list[Page], work: Path, label: str) -> dict[str, dict]:
    pages_file = work / "pages.pickle"
    with pages_file.open("wb") as handle:
        pickle.dump([(p.name, p.html.encode("utf-8"), p.url) for p in pages], handle)
    lines = reports(tree, pages_file, work / f"{label}.jsonl")
    return {name: json.loads(line)[1] for name, line in lines.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="main", help="git revision to compare against (default: main)")
    parser.add_argument(
        "--split",
        choices=tuple(SPLITS),
        default="heldout",
        help="which split to run: heldout (split.csv), heldout3 (split3.csv), heldout4 (split4.csv),"
        " heldout5 (split5.csv), heldout6 (split6.csv) or train",
    )
    parser.add_argument(
        "--pages", action="store_true", help="print every page's verdict (training split only)"
    )
    parser.add_argument("--sweep", action="store_true", help="precision and recall at each combined score")
    args = parser.parse_args()
    if not (SHARED / "seeds").exists():
        print(f"no seeds at {SHARED / 'seeds'}", file=sys.stderr)
        return 2
    if (args.pages or args.sweep) and args.split != "train":
        print("--pages and --sweep read the training split only (--split train)", file=sys.stderr)
        return 2
    split = SPLITS[args.split]
    _check_split(split)
    defaced, controls = defaced_pages(SHARED, split), clean_controls(SHARED)
    if args.split == "train":
        controls += agency_controls(SHARED)
    pages = defaced + controls
    brands = {b for p in defaced for b in p.spam}
    styles = {p.style for p in defaced}
    print(
        f"{len(defaced)} defaced pages ({len(brands)} brands, {len(styles)} styles), {len(controls)} clean controls"
    )
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        base_tree = export_revision(args.base, work / "base")
        base = _extract(base_tree, pages, work, "base")
        ours = _extract(REPO, pages, work, "ours")
    bare = bare_scores(defaced)
    label = "training" if args.split == "train" else "held-out"
    print(f"\n{'':26} {'base ' + args.base:>22} {'this checkout':>22} {'bare trafilatura':>22}")
    for group, members in ((f"{label} defaced", defaced), ("clean controls", controls), ("all", pages)):
        print(f"{group}:")
        before, after = score(members, base), score(members, ours)
        for name in after:
            extra = _pct(bare.get(name)) if group == f"{label} defaced" else ""
            print(f"  {name:24} {_pct(before.get(name)):>22} {_pct(after[name]):>22} {extra:>22}")
    print(f"\ntampered flag on the {label} split (combined score >= threshold):")
    print(f"  base {args.base}: {flag_quality(pages, base)}")
    print(f"  this checkout: {flag_quality(pages, ours)}")
    by_style: dict[str, list[Page]] = defaultdict(list)
    for p in defaced:
        by_style[p.style].append(p)
    # Figures by style only, never by page: a held-out split's pages are not printed.
    for first, width, second, narrow in (
        ("spam strings removed", 16, "tampered flags right", 14),
        ("text kept (chars)", 24, "names recovered", 12),
    ):
        print(f"\nper style ({first} / {second}), base → this checkout:")
        for style, members in sorted(by_style.items()):
            b, o = score(members, base), score(members, ours)
            print(
                f"  {style:14} {_pct(b.get(first)):>{width}} → {_pct(o.get(first)):<{width}}"
                f" {_pct(b.get(second)):>{narrow}} → {_pct(o.get(second))}"
            )
    if args.pages:
        for p in pages:
            r = ours[p.name]
            kinds = sorted({f["kind"] for f in r["spam"]["findings"]})
            print(
                f"  {p.name:60} tampered={r['spam']['tampered']!s:5} score={r['spam']['score']}"
                f" region={r['region']} {kinds}"
            )
    if args.sweep:
        _sweep(pages, ours)
    return 0


if __name__ == "__main__":
    sys.exit(main())
