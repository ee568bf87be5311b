"""The `nianbao` command group; each command lives in crawler/commands/."""

from __future__ import annotations

import sys
from typing import Any

import click

from crawler.commands.bench import bench
from crawler.commands.coverage import coverage
from crawler.commands.crawl import crawl
from crawler.commands.demo import demo
from crawler.commands.export import export
from crawler.commands.extract import extract
from crawler.commands.merge import merge
from crawler.commands.reextract import reextract
from crawler.commands.registry import registry
from crawler.commands.schedule import schedule
from crawler.commands.serve import serve
from crawler.commands.worker import worker


class NianbaoGroup(click.Group):
    """A bad option or argument is one line, `nianbao: error: …`, exit status 2, like every other
    user error (click's own report is three: usage, a hint and the error)."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:
            exc.show()  # `nianbao` alone: the help, as click prints it
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"nianbao: error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("nianbao: aborted", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=NianbaoGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """nianbao: crawl government information-disclosure annual reports into SQLite."""


for command in (
    demo,
    crawl,
    worker,
    bench,
    extract,
    serve,
    registry,
    reextract,
    export,
    coverage,
    schedule,
    merge,
):
    main.add_command(command)

if __name__ == "__main__":
    main()
