"""Progress of a registry crawl that a person can follow over hours.

On a terminal, one live line redrawn every second (rich's `Live`): sites done, active and
waiting; pages; reports; errors; the rate; the time left. Where the output is not a terminal
(a scheduled job's log file, a pipe) the same line is written every `interval` seconds as a
plain log line (and once more at the end), since redrawing would fill a file with control codes.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any


@dataclass(frozen=True)
class Tally:
    done: int
    active: int
    waiting: int
    pages: int
    reports: int
    errors: int


def progress_line(tally: Tally, elapsed: float) -> str:
    rate = tally.pages / elapsed * 60 if elapsed > 0 else 0.0
    if tally.done:
        left = _duration(elapsed / tally.done * (tally.active + tally.waiting))
    else:
        left = "?"
    return (
        f"sites {tally.done} done, {tally.active} active, {tally.waiting} waiting | "
        f"pages {tally.pages} | reports {tally.reports} | errors {tally.errors} | "
        f"{rate:.0f} pages/min | {left} left"
    )


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02}m" if hours else f"{minutes}m{seconds:02}s"


class LiveLine:
    """One line on the terminal, redrawn in place at each tick (no refresh thread of its own)."""

    def __init__(self, stream: IO[str]) -> None:
        from rich.console import Console
        from rich.live import Live
        from rich.text import Text

        self._text = Text
        self.live: Any = Live(Text(""), console=Console(file=stream), auto_refresh=False, transient=False)
        self.live.start()

    def show(self, line: str, final: bool = False) -> None:
        self.live.update(self._text(line, no_wrap=True, overflow="ellipsis"), refresh=True)
        if final:
            self.live.stop()


class LogLines:
    """A timestamped line every `interval` seconds, and the last one at the end of a crawl that
    wrote any: a crawl shorter than the interval writes none, so its stderr holds only what it
    has to say (a failure is one line)."""

    def __init__(self, stream: IO[str], interval: float) -> None:
        self.stream = stream
        self.interval = interval
        self.last = time.monotonic()
        self.written = False

    def show(self, line: str, final: bool = False) -> None:
        now = time.monotonic()
        if (final and not self.written) or (not final and now - self.last < self.interval):
            return
        self.last = now
        self.written = True
        stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        self.stream.write(f"{stamp} progress: {line}\n")
        self.stream.flush()


def progress_display(interval: float, stream: IO[str] | None = None) -> LiveLine | LogLines | None:
    """The live line on a terminal, log lines elsewhere; None when `interval` is 0 (off)."""
    stream = stream or sys.stderr
    if not interval:
        return None
    if stream.isatty():
        return LiveLine(stream)
    return LogLines(stream, interval)
