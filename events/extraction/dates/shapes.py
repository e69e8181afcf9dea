"""A calendar value's shape (a day, a week, a month, a quarter, a half, a season, a year)
and the same shape moved by whole units: '1989-Q3' a year back is '1988-Q3'."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from events.extraction.dates.arithmetic import add_months, safe_date, week_value

_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?|-Q(?P<q>[1-4])|-H(?P<h>[12])"
    r"|-W(?P<w>\d\d)|-(?P<s>SP|SU|FA|WI))?"
)


@dataclass(frozen=True, slots=True)
class Shape:
    """A calendar value taken apart: its year and, at most one, the part of the year."""

    year: int
    kind: str  # "day" | "week" | "month" | "quarter" | "half" | "season" | "year"
    part: str  # "03-10" for a day, "10" for week 10 or October, "3" for Q3, "SU", ""

    @property
    def value(self) -> str:
        suffix = {
            "day": "-{}",
            "week": "-W{}",
            "month": "-{}",
            "quarter": "-Q{}",
            "half": "-H{}",
            "season": "-{}",
            "year": "{}",
        }[self.kind]
        return f"{self.year:04d}" + suffix.format(self.part)


def shape_of(value: str) -> Shape | None:
    """The shape of a calendar value (times of day count as their day); None for others."""
    m = _VALUE.match(value)
    if m is None:
        return None
    for kind, group in _KINDS:
        if m[group]:
            part = f"{m['m']}-{m['d']}" if kind == "day" else m[group]
            return Shape(int(m["y"]), kind, part)
    return Shape(int(m["y"]), "year", "")


_KINDS = (
    ("day", "d"),
    ("month", "m"),
    ("quarter", "q"),
    ("half", "h"),
    ("week", "w"),
    ("season", "s"),
)


def shifted(shape: Shape, step: int, unit: str) -> Shape | None:
    """shape moved by step units ('year', 'quarter', 'month', 'week', 'day'), same kind.

    None where the unit is finer than the shape ('1990' three days on) or the result
    falls past the calendar's ends.
    """
    try:
        return _SHIFTS[unit](shape, step)
    except (KeyError, OverflowError, ValueError):
        return None


def _shift_years(shape: Shape, step: int) -> Shape | None:
    year = shape.year + step
    if not 1 <= year <= 9999:
        return None
    if shape.kind == "day" and shape.part == "02-29" and safe_date(year, 2, 29) is None:
        return Shape(year, "day", "02-28")
    if shape.kind == "week":
        return _week(date.fromisocalendar(shape.year, int(shape.part), 1), step * 52)
    return Shape(year, shape.kind, shape.part)


def _shift_months(shape: Shape, months: int) -> Shape | None:
    if shape.kind == "day":
        d = date.fromisoformat(shape.value)
        y, m = add_months(d.year, d.month, months)
        day = min(d.day, 28) if safe_date(y, m, d.day) is None else d.day
        return Shape(y, "day", f"{m:02d}-{day:02d}")
    if shape.kind == "month":
        y, m = add_months(shape.year, int(shape.part), months)
        return Shape(y, "month", f"{m:02d}")
    if shape.kind == "quarter" and months % 3 == 0:
        y, m = add_months(shape.year, int(shape.part) * 3 - 2, months)
        return Shape(y, "quarter", str((m - 1) // 3 + 1))
    return None


def _shift_days(shape: Shape, days: int) -> Shape | None:
    if shape.kind == "day":
        d = date.fromisoformat(shape.value) + timedelta(days=days)
        return Shape(d.year, "day", d.isoformat()[5:])
    if shape.kind == "week" and days % 7 == 0:
        return _week(date.fromisocalendar(shape.year, int(shape.part), 1), days // 7)
    return None


def _week(monday: date, weeks: int) -> Shape:
    year, week = week_value(monday + timedelta(weeks=weeks)).split("-W")
    return Shape(int(year), "week", week)


_SHIFTS = {
    "year": _shift_years,
    "quarter": lambda shape, step: _shift_months(shape, 3 * step),
    "month": _shift_months,
    "week": lambda shape, step: _shift_days(shape, 7 * step),
    "day": _shift_days,
}


def coarsened(shape: Shape, unit: str) -> Shape | None:
    """shape at the precision of unit ('1989-10-27' as a quarter is '1989-Q4'); None where
    the shape is coarser than the unit ('1989' as a day)."""
    if unit == "year":
        return Shape(shape.year, "year", "")
    if shape.kind == unit:
        return shape
    if shape.kind == "day":
        as_unit = _DAY_AS.get(unit)
        return as_unit(date.fromisoformat(shape.value)) if as_unit else None
    if shape.kind == "month" and unit == "quarter":
        return Shape(shape.year, "quarter", str((int(shape.part) - 1) // 3 + 1))
    return None


_DAY_AS: dict[str, Callable[[date], Shape | None]] = {
    "month": lambda d: Shape(d.year, "month", f"{d.month:02d}"),
    "quarter": lambda d: Shape(d.year, "quarter", str((d.month - 1) // 3 + 1)),
    "week": lambda d: _week(d - timedelta(days=d.weekday()), 0),
}


def shape_at(d: date, unit: str) -> Shape | None:
    """The day d at the precision of unit: the reference's own week, month, year..."""
    return coarsened(Shape(d.year, "day", d.isoformat()[5:]), unit)
