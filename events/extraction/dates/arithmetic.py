"""Small calendar sums: months and weeks, days that may not exist, two-digit years."""

from __future__ import annotations

from datetime import date, timedelta


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def week_value(d: date) -> str:
    """TIMEX3 value of the ISO week holding d ('2011-W10')."""
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None where there is no such day (30 February, year 0)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def year_of_two_digits(yy: int, ref: date) -> int:
    """'07' in a story of 2011 is 2007, '98' is 1998: news years are near the story's."""
    century = ref.year // 100 * 100
    year = century + yy
    return year - 100 if year > ref.year + 10 else year
