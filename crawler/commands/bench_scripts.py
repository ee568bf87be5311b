"""`nianbao bench scripts`: what the script sandbox costs a list page, against that page's parse.

The pages are the sample portal's list pages whose pager is a script (TRS `createPageHTML`,
after a real column page), read from the package, so nothing is served or fetched. For each,
in the same run: the page's parse (extract.process, what the pipeline does to every page) and
the sandbox's run over the same page (its scripts, forms and handlers taken from the parsed
page, the same-host scripts it loads, QuickJS run, links and requests read back). Each is the
median of --rounds runs; the ratio is sandbox / parse, per page and over all pages.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import click

from crawler.commands.common import fail

HEADERS = {"Content-Type": "text/html; charset=utf-8"}


def _median_seconds(work: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def script_list_pages(root: Path) -> list[Path]:
    """The sample portal's list pages that carry a script."""
    return [
        path
        for path in sorted(root.rglob("index*.html"))
        if b"<script" in path.read_bytes() and b"createPageHTML" in path.read_bytes()
    ]


@click.command("scripts")
@click.option("--rounds", default=20, show_default=True, type=click.IntRange(1, 1000), help="Runs per page.")
def bench_scripts(rounds: int) -> None:
    """Sandbox time per script list page vs the page's parse, in one run."""
    from parsel import Selector

    import extract
    from crawler import scripts
    from crawler.demo.server import SAMPLE_PORTAL_URL, sample_portal_root

    root = sample_portal_root()
    pages = script_list_pages(root)
    if not pages:
        fail("bench scripts found no script list page in the sample portal", status=1)
    base = SAMPLE_PORTAL_URL.rstrip("/") + "/"
    total_parse = total_sandbox = 0.0
    click.echo(f"{'list page':32} {'parse ms':>9} {'sandbox ms':>11} {'sandbox/parse':>14}  links")
    for path in pages:
        body = path.read_bytes()
        url = base + path.relative_to(root).as_posix()
        selector = Selector(text=body.decode("utf-8", errors="replace"))
        page = scripts.page_scripts(selector, url)
        loaded = {
            src: (root / src.removeprefix(base)).read_text(encoding="utf-8", errors="replace")
            for src in scripts.same_host_sources(page)
            if (root / src.removeprefix(base)).is_file()
        }

        def sandbox(page=page, loaded=loaded, url=url) -> int:
            run = scripts.run_page_scripts(page, loaded)
            return len(scripts.script_links(run, url)) + len(scripts.script_requests(run, url))

        parse = _median_seconds(lambda body=body, url=url: extract.process(body, url, HEADERS), rounds)
        ran = _median_seconds(sandbox, rounds)
        total_parse, total_sandbox = total_parse + parse, total_sandbox + ran
        name = path.relative_to(root).as_posix()
        click.echo(f"{name:32} {parse * 1000:9.2f} {ran * 1000:11.2f} {ran / parse:14.2f}  {sandbox()}")
    ratio = total_sandbox / total_parse
    click.echo(f"{'all pages':32} {total_parse * 1000:9.2f} {total_sandbox * 1000:11.2f} {ratio:14.2f}")
    click.echo(
        f"(median of {rounds} runs each; QuickJS limits: {scripts.sandbox.SCRIPT_SECONDS:.0f} s per script)"
    )
