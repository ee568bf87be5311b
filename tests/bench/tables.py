"""Benchmark of the table stage on the real reports in ../shared/corpus.

Prints, per report, the time of the whole extraction (`extract.process`) against a
baseline measured in the same run (bare pdfplumber text extraction of the same
file, the least any PDF reader must do), and over all real tables the share of
numeric cells mapped to a canonical key (target: at least 98 %).

    PYTHONPATH=. python tests/bench/tables.py [--repeat N]
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

from extract.model import OK
from extract.numbers import parse_cell
from extract.pipeline import process

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"
TARGET_SHARE = 0.98


def _best_of(repeat: int, run) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _bare_pdf_text(body: bytes) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(body)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per report; the best time is kept")
    args = parser.parse_args()
    files = sorted(CORPUS.rglob("*.pdf"))
    if not files:
        print(f"no real reports under {CORPUS}", file=sys.stderr)
        return 2
    mapped = unmapped = 0
    print(f"{'report':<22} {'parse s':>8} {'baseline s':>10} {'ratio':>6} {'mapped':>6} {'raw':>4}")
    for path in files:
        body = path.read_bytes()
        report = process(body, f"https://example.gov.cn/{path.name}")
        seconds = _best_of(args.repeat, lambda body=body: process(body, "https://example.gov.cn/x.pdf"))
        baseline = _best_of(args.repeat, lambda body=body: _bare_pdf_text(body))
        numeric_mapped = sum(1 for stat in report.stats if stat.status == OK and stat.value is not None)
        numeric_raw = sum(1 for cell in report.raw_cells if parse_cell(cell.value).status == OK)
        mapped += numeric_mapped
        unmapped += numeric_raw
        print(
            f"{path.stem:<22} {seconds:>8.3f} {baseline:>10.3f} {seconds / baseline:>6.2f} "
            f"{numeric_mapped:>6} {numeric_raw:>4}"
        )
    share = mapped / (mapped + unmapped) if mapped + unmapped else 0.0
    verdict = "meets" if share >= TARGET_SHARE else "BELOW"
    total = mapped + unmapped
    print(f"numeric cells mapped to a key: {mapped}/{total} = {share:.2%} ({verdict} the 98% target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
