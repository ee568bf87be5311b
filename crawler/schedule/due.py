"""Which sites are due at a given time, and when the others will be."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from crawler.registry import Site
from crawler.schedule.calendar import Calendar
from crawler.schedule.history import SiteHistory

# Before any run: a site never crawled is due at once.
NEVER = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Backoff:
    """A site whose crawls fail is tried again after `first`, then twice as long after each
    further failure, never longer than `cap`: an unreachable portal is not hammered every round,
    and one that comes back is found within the cap."""

    first: timedelta = timedelta(hours=1)
    cap: timedelta = timedelta(days=7)

    def delay(self, failures: int) -> timedelta:
        return min(self.first * 2 ** min(failures - 1, 30), self.cap)


def due_at(site: Site, history: SiteHistory, calendar: Calendar, backoff: Backoff) -> datetime | None:
    """When the site is next to be crawled; None while a crawl of it is queued or running."""
    if history.in_flight:
        return None
    last = history.last_attempt
    if last is None:
        return NEVER
    if history.failures:
        return last + backoff.delay(history.failures)
    if site.cadence:
        return last + timedelta(days=site.cadence)
    return calendar.next_visit(last, history.reported_years)


@dataclass(frozen=True)
class Plan:
    now: datetime
    due: tuple[Site, ...]
    # Sites not due yet, with when they will be, soonest first.
    upcoming: tuple[tuple[Site, datetime], ...]
    in_flight: tuple[Site, ...]

    @property
    def next(self) -> tuple[Site, datetime] | None:
        return self.upcoming[0] if self.upcoming else None


def make_plan(
    sites: list[Site],
    histories: dict[str, SiteHistory],
    now: datetime,
    calendar: Calendar,
    backoff: Backoff,
) -> Plan:
    due, upcoming, in_flight = [], [], []
    for site in sites:
        when = due_at(site, histories[site.netloc], calendar, backoff)
        if when is None:
            in_flight.append(site)
        elif when <= now:
            due.append(site)
        else:
            upcoming.append((site, when))
    upcoming.sort(key=lambda pair: pair[1])
    return Plan(now, tuple(due), tuple(upcoming), tuple(in_flight))
