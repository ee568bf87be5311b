"""`nianbao schedule` without --once: run what is due, sleep until the next site is due (or at most
NIANBAO_SCHEDULE_WAKE_SECONDS), and again, until SIGINT or SIGTERM.

The clock may start at a given time (`--now`) and then runs at the real pace, so a test sees the
calendar of any date. A stop asked for during a round lets the round finish.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any

from crawler.schedule.calendar import utc

# However soon the next site is due, rounds are this far apart (seconds): a round whose claims
# another scheduler took, or whose crawl ended at once, does not spin.
MIN_PAUSE = 1.0


class Clock:
    """The real time, or one that reads `start` when first asked (the first round runs at exactly
    `--now`, however long the start-up took) and then moves at the real pace."""

    def __init__(self, start: datetime | None = None) -> None:
        self.start = utc(start) if start else None
        self.began: float | None = None

    def now(self) -> datetime:
        if self.start is None:
            return datetime.now(UTC)
        if self.began is None:
            self.began = time.monotonic()
        return self.start + timedelta(seconds=time.monotonic() - self.began)


class StopSignals:
    """SIGINT and SIGTERM (systemd's stop) ask the loop to end; sleeps end at once."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> StopSignals:
        for number in (signal.SIGINT, signal.SIGTERM):
            self._previous[number] = signal.signal(number, self._ask)
        return self

    def __exit__(self, *exc: object) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)

    def _ask(self, number: int, frame: FrameType | None) -> None:
        self.requested = True

    def sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not self.requested and (left := deadline - time.monotonic()) > 0:
            time.sleep(min(left, 0.5))


def keep_running(
    clock: Clock,
    run_round: Callable[[datetime], datetime | None],
    wake_seconds: float,
) -> None:
    """`run_round(now)` runs what is due and returns when the next site is due (None: none is
    waiting, only crawls in progress); sleep until then, within [MIN_PAUSE, wake_seconds]."""
    with StopSignals() as stop:
        while not stop.requested:
            next_due = run_round(clock.now())
            pause = wake_seconds
            if next_due is not None:
                pause = min(pause, (next_due - clock.now()).total_seconds())
            stop.sleep(max(pause, MIN_PAUSE))
