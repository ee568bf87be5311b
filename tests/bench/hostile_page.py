"""What one hostile 30 MB page costs a crawl: peak memory of the whole process tree and wall time.

    python -m tests.bench.hostile_page [--megabytes 30]

A site on 127.0.0.1 (served from this process) has a home page linking to one report page; the
hostile run serves that page as a generated HTML page of the given size (a deep table with a link
in every row, the shape of a link farm or a runaway export), the baseline run as a small page. Both
are crawled by `nianbao crawl` in a child process with its default settings (no delay between
requests, the only change; one run with two extraction workers; one run of the largest page
still parsed, just under NIANBAO_MAX_PARSE_SIZE) while this process samples the resident memory of that child and
every process it starts (extraction workers included), from /proc. It prints, for each run, the
peak resident memory, the wall time and what the database says about the page.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from crawler.demo.server import serve_folder

REPO = Path(__file__).resolve().parents[2]
HOME = (
    '<html><head><meta charset="utf-8"><title>政府信息公开</title></head><body>'
    '<a href="/ndbg/report.html">2023年政府信息公开工作年度报告</a></body></html>'
)
SMALL = (
    '<html><head><meta charset="utf-8"><title>2023年政府信息公开工作年度报告</title></head><body>'
    "<h1>某县人民政府2023年政府信息公开工作年度报告</h1><p>一、总体情况</p>"
    + "<p>本年度主动公开政府信息。</p>"
    * 50
)
ROW = '<tr><td>{n}</td><td><a href="/list/{n}.html">政府信息公开第{n}条</a></td><td>主动公开政府信息{n}件</td></tr>\n'


def hostile_page(megabytes: int) -> bytes:
    target = megabytes * 1024 * 1024
    head = SMALL.encode("utf-8") + b"<table>"
    rows, size, n = [], len(head), 0
    while size < target:
        row = ROW.format(n=n).encode("utf-8")
        rows.append(row)
        size += len(row)
        n += 1
    return head + b"".join(rows) + b"</table></body></html>"


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants."""
    tree, total, todo = _children(), 0, [pid]
    while todo:
        current = todo.pop()
        todo += tree.get(current, [])
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def crawl(site: Path, folder: Path, name: str, env: dict[str, str]) -> dict:
    db = folder / f"{name}.db"
    with serve_folder(site) as base:
        start = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-m", "crawler.cli", "crawl", base + "index.html", "--db", str(db)],
            cwd=REPO,
            env={**os.environ, "NIANBAO_DOWNLOAD_DELAY": "0", **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        peak = 0
        output: dict[str, str] = {}
        reader = threading.Thread(
            target=lambda: output.update(zip(("out", "err"), child.communicate(), strict=True))
        )
        reader.start()
        while child.poll() is None:
            peak = max(peak, tree_rss(child.pid))
            time.sleep(0.05)
        reader.join()
        elapsed = time.monotonic() - start
    conn = sqlite3.connect(db)
    row = conn.execute("select size, sha256, error from pages where url like '%/ndbg/report.html'").fetchone()
    conn.close()
    return {"peak": peak, "seconds": elapsed, "code": child.returncode, "row": row, "stderr": output["err"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=int, default=30)
    args = parser.parse_args()
    from crawler import settings

    limit = settings.NIANBAO_MAX_PARSE_SIZE
    cases = [
        ("baseline: small page", SMALL.encode(), {}),
        (f"hostile: {args.megabytes} MB page", hostile_page(args.megabytes), {}),
        (
            "same, 2 extraction workers",
            hostile_page(args.megabytes),
            {"NIANBAO_EXTRACT_WORKERS": "2"},
        ),
        # The most a page can cost: the largest one still parsed.
        ("largest page parsed", hostile_page(limit // 2**20)[: limit - 64] + b"</table>", {}),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        results = {}
        for number, (name, page, env) in enumerate(cases):
            site = folder / f"site{number}"
            (site / "ndbg").mkdir(parents=True)
            (site / "index.html").write_text(HOME, encoding="utf-8")
            (site / "ndbg" / "report.html").write_bytes(page)
            results[name] = crawl(site, folder, f"site{number}", env) | {"bytes": len(page)}
    print(f"NIANBAO_MAX_PARSE_SIZE = {limit} bytes; peak RSS of the `nianbao crawl` process tree")
    for name, result in results.items():
        size, sha256, error = result["row"] or (None, None, None)
        print(
            f"{name:30} {result['bytes'] / 2**20:5.1f} MB page  peak RSS {result['peak'] / 2**20:6.0f} MB  "
            f"wall {result['seconds']:6.1f} s  exit {result['code']}  stored: size {size}, "
            f"sha256 {'yes' if sha256 else 'no'}, error {error}"
        )
        if result["code"] != 0:
            print(result["stderr"][-1500:])


if __name__ == "__main__":
    main()
