"""Does this checkout extract exactly what another revision extracts, on the speed bench's pages?

Run from the repository root: `python -m tests.bench.same_output [--base main]`.
The base revision is exported with `git archive` into a temporary folder; both trees
then run `extract.process()` in their own interpreter over the same pages (the
speed bench's portal, injected and corpus sets) and every Report's full JSON is
compared byte for byte. Exit 0 when all pages agree, 1 with the differing pages
and fields otherwise. A speed change must leave this at 0.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from .revision import export_revision
from .speed import REPO, corpus_pages, injected_pages, portal_pages

# Runs inside the tree under test, so it may only use what every revision has; the options
# after the two paths (a shuffle seed, "reset") are given to our side only: older trees
# have no extract.caches.
DUMP = """
import json, pickle, random, sys
from extract import pipeline
pages = pickle.load(open(sys.argv[1], "rb"))
seed, reset = sys.argv[3:4], "reset" in sys.argv[4:]
if seed and seed[0] != "-":
    random.Random(int(seed[0])).shuffle(pages)
if reset:
    from extract.caches import reset_caches
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for name, body, url in pages:
        if reset:
            reset_caches()
        report = pipeline.process(body, url)
        out.write(json.dumps([name, report.to_json()], ensure_ascii=False, sort_keys=True) + "\\n")
"""


def reports(tree: Path, pages_file: Path, out: Path, options: list[str] = []) -> dict[str, str]:  # noqa: B006
    """Page name → its Report as the JSON line the tree wrote."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-c", DUMP, str(pages_file), str(out), *options]
    subprocess.run(command, cwd=tree, env=env, check=True)
    return {json.loads(line)[0]: line for line in out.read_text(encoding="utf-8").splitlines()}


def differing_fields(base: str, ours: str) -> list[str]:
    base_report, our_report = json.loads(base)[1], json.loads(ours)[1]
    keys = base_report.keys() | our_report.keys()
    return sorted(key for key in keys if base_report.get(key) != our_report.get(key))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="main", help="git revision to compare against (default: main)")
    parser.add_argument(
        "--shuffle",
        nargs="?",
        type=int,
        const=1,
        help="our side reads the pages in an order shuffled by SEED",
    )
    parser.add_argument(
        "--reset-caches",
        action="store_true",
        help="our side calls extract.caches.reset_caches() before each page",
    )
    args = parser.parse_args()
    options = ["-" if args.shuffle is None else str(args.shuffle), *(["reset"] if args.reset_caches else [])]
    pages = portal_pages() + injected_pages() + corpus_pages()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        base_tree = export_revision(args.base, work / "base")
        pages_file = work / "pages.pickle"
        pages_file.write_bytes(pickle.dumps(pages))
        base = reports(base_tree, pages_file, work / "base.jsonl")
        ours = reports(REPO, pages_file, work / "ours.jsonl", options)
    differing = [name for name, _, _ in pages if base[name] != ours[name]]
    for name in differing:
        print(f"{name}: {', '.join(differing_fields(base[name], ours[name]))}")
    how = [f"shuffled (seed {args.shuffle})"] * (args.shuffle is not None) + [
        "reset_caches()"
    ] * args.reset_caches
    print(
        f"{len(pages) - len(differing)} of {len(pages)} pages identical to {args.base}"
        + (f", ours {' and '.join(how)}" if how else "")
    )
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
