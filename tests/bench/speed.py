"""Speed of the whole extraction against bare trafilatura, measured in the same run.

Run from the repository root: `python -m tests.bench.speed [--repeat N] [--profile]
[--base REV [--rounds N]]`.
Page sets: the sample portal's report pages, the spam evaluation's injected pages
(built from ../shared/seeds, skipped when absent) and the HTML pages of
../shared/corpus/real (skipped when absent).

The baseline is what a user would run without us: decode the bytes, then
`trafilatura.extract(text)` with its defaults. Each page is timed several times
and the median kept, so one slow garbage collection does not decide a figure; the
`all` row is every page's median counted once, the overall ratio (the per-stage
total below it is a mean of fewer runs, wrapped in timers, and noisier).
A second figure runs process() right after emptying extract/'s bounded memos (cells,
styles, lexicon hits of short texts), the cost of a page whose texts were never met.
Per-stage times come from wrapping the stage functions the pipeline calls, from
the outside: extract/ carries no timing code. --profile prints cProfile's
hottest functions over all pages instead. --base REV then runs the bench of git revision
REV as that revision wrote it; with --rounds N, ours and the base's run in turn N times, each
in a fresh interpreter, and each page set's ratio is compared with the base's of the same
round, median last.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import trafilatura

from extract import analysis, pipeline
from extract import spam as spam_stage
from extract.decode import decode_html

from ..helpers.paths import REPO, SHARED
from .revision import export_revision

PORTAL = REPO / "crawler" / "demo" / "sample_portal" / "xxgk" / "ndbg"

Page = tuple[str, bytes, str]  # name, body, url

# Stage functions as process() reaches them: (label, owner, attribute name); the stages
# a page shares with a document are called from extract/analysis.py.
STAGES = (
    ("decode", pipeline, "decode_html"),
    ("parse", pipeline.html_stage, "parse_html"),
    ("spam: dom", spam_stage, "scan_dom"),
    ("visible_lines", pipeline.html_stage, "visible_lines"),
    ("spam: keyword lists", spam_stage, "strip_text_spam"),
    ("clean (trafilatura)", pipeline, "main_text"),
    ("spam: keyword lists, text", spam_stage, "strip_known_lines"),
    ("spam: pinyin", spam_stage, "strip_pinyin_lines"),
    ("script", pipeline.script_stage, "detect_script"),
    ("spam: names", spam_stage, "repair_names"),
    ("metadata", analysis, "read_metadata"),
    ("recognize", analysis, "is_annual_report"),
    ("sections", analysis, "split_sections"),
    ("tables: grids", pipeline, "html_grids"),
    ("tables: read", analysis, "read_report_tables"),
    ("prose", analysis, "prose_figures"),
    ("validate", analysis, "validate_report"),
    ("divisions", analysis, "find_division"),
    ("spam: brand findings", spam_stage, "brand_findings"),
    ("spam: verdict", spam_stage, "judge"),
)


def portal_pages() -> list[Page]:
    return [
        (
            f"portal:{path.name}",
            path.read_bytes(),
            f"http://sample-portal.localhost/xxgk/ndbg/{path.parent.name}/{path.name}",
        )
        for path in sorted(PORTAL.glob("*/t*.html"))
    ]


def injected_pages() -> list[Page]:
    seeds = SHARED / "seeds"
    if not seeds.exists():
        return []
    from .inject import build_cases

    return [(f"inject:{case.name}", case.html.encode("utf-8"), case.url) for case in build_cases(seeds)]


def corpus_pages() -> list[Page]:
    root = SHARED / "corpus" / "real"
    if not root.exists():
        return []
    return [
        (
            f"corpus:{path.relative_to(root)}",
            path.read_bytes(),
            f"http://corpus.localhost/{path.relative_to(root)}",
        )
        for path in sorted(root.rglob("*.htm*"))
    ]


def bare(body: bytes) -> None:
    # The user's own decoding is part of the baseline, as ours is part of process().
    trafilatura.extract(body.decode(decode_html(body).encoding, errors="replace"))


def ours(page: Page) -> None:
    pipeline.process(page[1], page[2])


def memo_caches() -> list[Any]:
    """extract/'s memos of per-text results (cells, lexicon hits, styles, OpenCC), as
    extract/caches.py names them; loaded data (lexicons, OpenCC, the gazetteer) stays.

    A base revision without extract/caches.py finds its bounded lru_cache memos instead.
    """
    try:
        from extract.caches import MEMO, registered
    except ImportError:
        return _bounded_lru_caches()
    return list(registered(MEMO).values())


def _bounded_lru_caches() -> list[Any]:
    found: dict[int, Any] = {}
    for name, module in list(sys.modules.items()):
        if name != "extract" and not name.startswith("extract."):
            continue
        for value in vars(module).values():
            if isinstance(value, type):
                continue  # a memo's class, not a memo
            info = getattr(value, "cache_info", None)
            owner = getattr(value, "__module__", None) or ""
            if callable(info) and owner.startswith("extract") and info().maxsize not in (None, 1):
                found[id(value)] = value
    return list(found.values())


@contextmanager
def base_tree(rev: str) -> Iterator[Path]:
    """A copy of revision `rev`, beside a link to ../shared, so that it finds the same page sets."""
    with tempfile.TemporaryDirectory() as scratch:
        tree = export_revision(rev, Path(scratch) / "base")
        if SHARED.exists():
            (Path(scratch) / "shared").symlink_to(SHARED)
        yield tree


def bench_in(tree: Path, title: str, repeat: int) -> tuple[int, dict[str, float]]:
    """The bench as the checkout in `tree` wrote it (this one, or a revision exported), in its own
    interpreter: its exit status and the ratio of each page set it printed."""
    print(f"\n{title}:", flush=True)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-m", "tests.bench.speed", "--repeat", str(repeat)]
    run = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True)
    print(run.stdout, end="")
    print(run.stderr, end="", file=sys.stderr)
    return run.returncode, printed_ratios(run.stdout)


def printed_ratios(output: str) -> dict[str, float]:
    """Each page set's ratio as a revision of this bench printed it."""
    rows = {m[1]: (int(m[2]), float(m[3]), float(m[4])) for m in _RATIO_ROW.finditer(output)}
    ratios = {m[1]: float(m[5]) for m in _RATIO_ROW.finditer(output)}
    if "all" not in rows and len(rows) > 1:
        # An older bench printed no `all` row: every page counted once is the sets weighted by size.
        ratios["all"] = sum(n * process_ms for n, _, process_ms in rows.values()) / sum(
            n * bare_ms for n, bare_ms, _ in rows.values()
        )
    return ratios


# A page set's row as every revision of this bench prints it: label, pages | bare ms, process ms,
# ratio (two decimals, finer than the quotient of the rounded times).
_RATIO_ROW = re.compile(r"^(\w+) +(\d+) \| +([\d.]+) +([\d.]+) +([\d.]+)x", re.MULTILINE)


def run_base(rev: str, repeat: int) -> int:
    """The same bench in a copy of revision `rev`, right after ours."""
    with base_tree(rev) as tree:
        return bench_in(tree, f"base {rev}", repeat)[0]


def compare_rounds(rev: str, repeat: int, rounds: int) -> int:
    """This checkout's bench and revision `rev`'s in turn, `rounds` times, each in a fresh
    interpreter, then each page set's ratio against the base's ratio of the same round, and the
    median over the rounds.

    One round's two ratios are measured minutes apart: a machine whose speed drifts moves one
    and not the other. The median of several rounds is the figure to compare. Both run as
    their revision wrote them, from a cold start, so neither meets memos the other left."""
    quotients: dict[str, list[float]] = defaultdict(list)
    with base_tree(rev) as tree:
        for round_number in range(1, rounds + 1):
            status, ours = bench_in(REPO, f"round {round_number} of {rounds}, this checkout", repeat)
            if status:
                return status
            status, base = bench_in(tree, f"round {round_number} of {rounds}, base {rev}", repeat)
            if status:
                return status
            for label in ours.keys() & base.keys():
                quotients[label].append(ours[label] / base[label])
    print(f"\nratio to bare trafilatura, this checkout against {rev}, round by round (median last):")
    for label, values in sorted(quotients.items()):
        rounds_text = " ".join(f"{value - 1:+.1%}" for value in values)
        print(f"  {label:10} {rounds_text}   median {statistics.median(values) - 1:+.1%}")
    return 0


def paired_ms(repeat: int, pages: list[Page]) -> list[tuple[float, float, float, float, float]]:
    """Median ms per page of bare trafilatura, of process(), and of process() with its memos
    emptied just before; then bare and process() on the first visit.

    The runs of a page alternate, so a busy spell on the machine slows them alike
    instead of skewing the ratio. Pages are visited round-robin, as a crawl meets them:
    a page never follows itself. The memos still hold what other pages left, as in a
    crawl; the cold run shows what a page costs when nothing it holds was met before.
    """
    memos = memo_caches()
    times: list[tuple[list[float], list[float], list[float]]] = [([], [], []) for _ in pages]
    for _ in range(repeat):
        for page, (bare_times, ours_times, cold_times) in zip(pages, times, strict=True):
            start = time.perf_counter()
            bare(page[1])
            middle = time.perf_counter()
            ours(page)
            end = time.perf_counter()
            for memo in memos:
                memo.cache_clear()
            cold_start = time.perf_counter()
            ours(page)
            bare_times.append((middle - start) * 1000)
            ours_times.append((end - middle) * 1000)
            cold_times.append((time.perf_counter() - cold_start) * 1000)
    return [
        (statistics.median(b), statistics.median(o), statistics.median(c), b[0], o[0]) for b, o, c in times
    ]


@contextmanager
def stage_timer(totals: dict[str, float]) -> Iterator[None]:
    """Wrap every stage function the pipeline calls; none of them calls another wrapped one."""
    originals = []
    for label, owner, name in STAGES:
        original = getattr(owner, name)
        originals.append((owner, name, original))

        def timed(*args, _label=label, _original=original, **kwargs):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                totals[_label] += (time.perf_counter() - start) * 1000

        setattr(owner, name, timed)
    try:
        yield
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)


def measure(sets: dict[str, list[Page]], repeat: int) -> None:
    """Mean over pages of the per-page medians; "memos emptied" is process() run right after its
    memos were cleared; "first visit" is each page's first run alone (one-time loads included)."""
    print(
        f"{'page set':10} {'pages':>5} | {'bare ms':>8} {'process ms':>10} {'ratio':>6} | "
        f"{'memos emptied':>13} | {'first visit':>11} | worst page (ratio)"
    )
    measured = {label: paired_ms(repeat, pages) for label, pages in sets.items()}
    if len(sets) > 1:  # every page, each counted once: the overall ratio, from the same medians
        sets = {**sets, "all": [page for pages in sets.values() for page in pages]}
        measured["all"] = [row for rows in measured.values() for row in rows]
    for label, pages in sets.items():
        bare_ms, ours_ms, cold_ms, bare_first, ours_first = zip(*measured[label], strict=True)
        worst = max(range(len(pages)), key=lambda i: ours_ms[i] / bare_ms[i])
        b, o = statistics.fmean(bare_ms), statistics.fmean(ours_ms)
        cold = statistics.fmean(cold_ms) / b
        first = statistics.fmean(ours_first) / statistics.fmean(bare_first)
        print(
            f"{label:10} {len(pages):5} | {b:8.1f} {o:10.1f} {o / b:5.2f}x | {cold:12.2f}x | "
            f"{first:10.2f}x | {pages[worst][0]} ({ours_ms[worst] / bare_ms[worst]:.2f}x)"
        )


def stages(pages: list[Page], repeat: int) -> None:
    totals: dict[str, float] = defaultdict(float)
    baseline = 0.0
    for _ in range(repeat):
        for page in pages:
            start = time.perf_counter()
            bare(page[1])
            baseline += (time.perf_counter() - start) * 1000
            with stage_timer(totals):
                start = time.perf_counter()
                ours(page)
                totals["process()"] += (time.perf_counter() - start) * 1000
    baseline /= repeat * len(pages)
    runs = repeat * len(pages)
    print(f"\nper stage, ms per page over all {len(pages)} pages (bare trafilatura {baseline:.2f} ms):")
    staged = sum(totals[label] for label, _, _ in STAGES)
    totals["outside the stages"] = totals["process()"] - staged
    for label in [label for label, _, _ in STAGES] + ["outside the stages", "process()"]:
        if totals[label]:
            ms = totals[label] / runs
            print(f"  {label:22} {ms:7.2f}  {ms / baseline:5.2f}x of bare")


def profile(pages: list[Page], limit: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for page in pages:
        ours(page)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(limit)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(limit)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per page; the median is kept")
    parser.add_argument("--profile", action="store_true", help="print cProfile's hottest functions instead")
    parser.add_argument("--base", metavar="REV", help="then run the same bench on git revision REV")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="with --base: run ours and the base's in turn N times, and compare",
    )
    args = parser.parse_args()
    if args.base and args.rounds > 1:
        return compare_rounds(args.base, args.repeat, args.rounds)
    sets = {"portal": portal_pages(), "injected": injected_pages(), "corpus": corpus_pages()}
    sets = {label: pages for label, pages in sets.items() if pages}
    everything = [page for pages in sets.values() for page in pages]
    for page in everything[:3]:  # load lexicons, OpenCC and the division table outside the timing
        ours(page)
        bare(page[1])
    if args.profile:
        profile(everything, 40)
        return 0
    measure(sets, args.repeat)
    stages(everything, max(1, args.repeat // 2))
    return run_base(args.base, args.repeat) if args.base else 0


if __name__ == "__main__":
    sys.exit(main())
