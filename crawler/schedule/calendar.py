"""How often a site is visited: the statutory reporting calendar (calendar.csv beside this module)
or the site's own `cadence` in the registry.

The seasons are data, so a change of the rules (a new deadline, a longer season) is a change of
calendar.csv or of the deadlines it counts from (extract/data/deadlines.csv), not of code. Days are counted
in China Standard Time, where the deadlines fall.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from crawler.schedule.data_files import data_rows
from extract.deadlines import in_force, load_deadlines

CHINA = timezone(timedelta(hours=8), "CST")
# The season whose cadence a site drops to once its report for the last year is stored.
OFF_SEASON = "off"
# Words a registry's `cadence` column takes besides a whole number of days.
CADENCE_WORDS = {"daily": 1, "weekly": 7, "monthly": 30}
# A season bound counted from the statutory deadlines: `deadline+30` is 30 days after the latest
# deadline in force, so the reporting season moves with the rules. Nothing else is read as one
# (no spaces, sign or unit), so a typo is an error rather than another day.
_AFTER_DEADLINE = re.compile(r"deadline\+([0-9]+)")
# Or a fixed day of the year, month-day.
_MONTH_DAY = re.compile(r"([0-9]{1,2})-([0-9]{1,2})")
SEASON_BOUNDS = (
    "a day is MM-DD (04-30) or deadline+N, N whole days after the last statutory deadline (deadline+30)"
)


class BadCalendar(ValueError):
    """calendar.csv (or the text given instead) cannot be used; the message says why."""


def parse_cadence(text: str) -> int:
    """Days between visits from a registry cell: daily, weekly, monthly or a whole number of days."""
    word = text.strip().lower()
    if word in CADENCE_WORDS:
        return CADENCE_WORDS[word]
    if word.isdigit() and int(word) > 0:
        return int(word)
    raise ValueError(f"cadence must be daily, weekly, monthly or a whole number of days, not {text!r}")


@dataclass(frozen=True)
class Season:
    name: str
    start: tuple[int, int]  # (month, day), inclusive
    end: tuple[int, int]
    cadence: timedelta

    def holds(self, day: date) -> bool:
        return self.start <= (day.month, day.day) <= self.end


@dataclass(frozen=True)
class Calendar:
    seasons: tuple[Season, ...]

    def season(self, moment: datetime) -> Season:
        day = moment.astimezone(CHINA).date()
        return next(season for season in self.seasons if season.holds(day))

    @property
    def off_season_cadence(self) -> timedelta:
        return next(season.cadence for season in self.seasons if season.name == OFF_SEASON)

    def cadence(self, moment: datetime, reported_years: frozenset[int]) -> timedelta:
        """The cadence at `moment` of a site whose stored reports cover `reported_years`: its
        season's, or the off-season's once the report for the year before is stored."""
        if moment.astimezone(CHINA).year - 1 in reported_years:
            return self.off_season_cadence
        return self.season(moment).cadence

    def next_visit(self, last: datetime, reported_years: frozenset[int]) -> datetime:
        """The first whole number of days after `last` that is at least the cadence then in force:
        a site last seen on 30 December, weekly, is due on 1 January when the daily season opens."""
        longest = max(season.cadence for season in self.seasons)
        for days in range(1, longest.days + 1):
            moment = last + timedelta(days=days)
            if timedelta(days=days) >= self.cadence(moment, reported_years):
                return moment
        return last + longest


def load_calendar(text: str | None = None) -> Calendar:
    """The calendar in `text` (CSV as calendar.csv), by default the one shipped with the package."""
    seasons = []
    for row in data_rows("calendar.csv", text):
        name = (row.get("season") or "").strip()
        try:
            seasons.append(
                Season(
                    name=name,
                    start=_season_bound(row, "from"),
                    end=_season_bound(row, "to"),
                    cadence=timedelta(days=parse_cadence(row.get("cadence_days") or "")),
                )
            )
        except ValueError as exc:
            raise BadCalendar(f"calendar: season {name!r}: {exc}") from None
    calendar = Calendar(tuple(seasons))
    _check(calendar)
    return calendar


def _season_bound(row: dict[str, str], column: str) -> tuple[int, int]:
    """(month, day) of a season's `from` or `to` cell; ValueError saying which forms it takes."""
    text = (row.get(column) or "").strip()
    after = _AFTER_DEADLINE.fullmatch(text)
    if after:
        last = max(rule.due for rule in in_force(load_deadlines()))
        try:
            day = date(2023, *last) + timedelta(days=int(after.group(1)))  # not a leap year, as deadlines
        except OverflowError:  # more days than a date counts: past 31 December all the same
            day = date.max
        if day.year != 2023:
            raise ValueError(f"{column} {text!r} runs past 31 December")
        return day.month, day.day
    month_day = _MONTH_DAY.fullmatch(text)
    if month_day:
        month, day = int(month_day.group(1)), int(month_day.group(2))
        try:
            date(2024, month, day)  # a leap year, so 02-29 is a day
        except ValueError:
            raise ValueError(f"{column} {text!r} is no day of the year") from None
        return month, day
    raise ValueError(f"{column} {text!r}: {SEASON_BOUNDS}")


def _check(calendar: Calendar) -> None:
    if not any(season.name == OFF_SEASON for season in calendar.seasons):
        raise BadCalendar(f"calendar: no season named {OFF_SEASON!r}")
    day = date(2024, 1, 1)
    while day.year == 2024:
        holding = [season.name for season in calendar.seasons if season.holds(day)]
        if len(holding) != 1:
            raise BadCalendar(f"calendar: {day:%m-%d} falls in {len(holding)} seasons, not one")
        day += timedelta(days=1)


def utc(moment: datetime) -> datetime:
    """A timestamp in UTC; one without a zone is taken to be UTC already (as crawl_runs stores them)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
