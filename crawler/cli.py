"""The `nianbao` command group; each command lives in crawler/commands/."""

from __future__ import annotations

import click

from crawler.commands.bench import bench
from crawler.commands.crawl import crawl
from crawler.commands.demo import demo
from crawler.commands.extract import extract
from crawler.commands.serve import serve
from crawler.commands.worker import worker


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """nianbao: crawl government information-disclosure annual reports into SQLite."""


for command in (demo, crawl, worker, bench, extract, serve):
    main.add_command(command)

if __name__ == "__main__":
    main()
