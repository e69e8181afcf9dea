"""The calendar range a TIMEX3 value denotes: first day, last day and precision."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from events.extraction.dates.arithmetic import add_months, safe_date
from events.extraction.dates.timex import DateRange
from events.extraction.dates.vocabulary import SEASON_START


def range_of(value: str) -> DateRange | None:
    """The calendar range a TIMEX3 value denotes, or None past the calendar's ends."""
    try:
        return _calendar_range(value)
    except (OverflowError, ValueError):
        # Year 0 or 10000 ("the next decade" in a story dated 9999).
        return None


def _calendar_range(value: str) -> DateRange | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        d = safe_date(int(m[1]), int(m[2]), int(m[3]))
        return (d, d, "day") if d else None
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if m:
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6), "week"
        return monday, monday + timedelta(days=6), "week"
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month"
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        y, q = int(m[1]), int(m[2])
        last = q * 3
        return date(y, last - 2, 1), date(y, last, calendar.monthrange(y, last)[1]), "month"
    m = re.fullmatch(r"(\d{4})-H([12])", value)
    if m:
        y, h = int(m[1]), int(m[2])
        return (
            (date(y, 1, 1), date(y, 6, 30), "month")
            if h == 1
            else (
                date(y, 7, 1),
                date(y, 12, 31),
                "month",
            )
        )
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        y, first = int(m[1]), SEASON_START[m[2]]
        ey, em = add_months(y, first, 2)
        return date(y, first, 1), date(ey, em, calendar.monthrange(ey, em)[1]), "month"
    if re.fullmatch(r"\d{4}", value):
        y = int(value)
        return date(y, 1, 1), date(y, 12, 31), "year"
    if re.fullmatch(r"\d{3}", value):
        y = int(value) * 10
        return date(y, 1, 1), date(y + 9, 12, 31), "year"
    if re.fullmatch(r"\d{2}", value):
        y = int(value) * 100
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31), "year"
    return None
