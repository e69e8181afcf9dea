"""The calendar range a TIMEX3 value denotes: first day, last day and precision."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from events.extraction.dates.arithmetic import add_months, safe_date
from events.extraction.dates.timex import DateRange
from events.extraction.dates.vocabulary import SEASON_START


def range_of(value: str) -> DateRange | None:
    """The calendar range a TIMEX3 value denotes, or None past the calendar's ends."""
    try:
        for pattern, build in _RANGES:
            m = pattern.fullmatch(value)
            if m:
                return build(m)
    except (OverflowError, ValueError):
        # Year 0 or 10000 ("the next decade" in a story dated 9999).
        return None
    return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _day(m: re.Match[str]) -> DateRange | None:
    d = safe_date(int(m[1]), int(m[2]), int(m[3]))
    return (d, d, "day") if d else None


def _week(m: re.Match[str]) -> DateRange:
    monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
    if m[3]:  # the weekend of the week
        return monday + timedelta(days=5), monday + timedelta(days=6), "week"
    return monday, monday + timedelta(days=6), "week"


def _months(year: int, first: int, count: int) -> DateRange:
    last_year, last = add_months(year, first, count - 1)
    return date(year, first, 1), _month_end(last_year, last), "month"


def _years(first: int, count: int) -> DateRange:
    return date(max(first, 1), 1, 1), date(first + count - 1, 12, 31), "year"


# value shape → its range; a time of day ("2011-03-10T18:00Z") is the range of its day
_RANGES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], DateRange | None]], ...] = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2}).*"), _day),
    (re.compile(r"(\d{4})-W(\d{2})(-WE)?"), _week),
    (re.compile(r"(\d{4})-(\d{2})"), lambda m: _months(int(m[1]), int(m[2]), 1)),
    (re.compile(r"(\d{4})-Q([1-4])"), lambda m: _months(int(m[1]), int(m[2]) * 3 - 2, 3)),
    (re.compile(r"(\d{4})-H([12])"), lambda m: _months(int(m[1]), int(m[2]) * 6 - 5, 6)),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), lambda m: _months(int(m[1]), SEASON_START[m[2]], 3)),
    (re.compile(r"(\d{4})"), lambda m: _years(int(m[1]), 1)),
    (re.compile(r"(\d{3})"), lambda m: _years(int(m[1]) * 10, 10)),
    (re.compile(r"(\d{2})"), lambda m: _years(int(m[1]) * 100, 100)),
)
