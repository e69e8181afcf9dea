"""Which occurrence a partly given date means: this year's June or last year's, which Friday."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from events.extraction.dates.arithmetic import add_months, safe_date, week_value


def pick_month_year(month: int, ref: date, tense: str) -> int:
    """Year of a bare month name: the coming one in a clause about the future, else the
    latest one not far ahead (a month stands for more of the past than a day does: "in
    June" in a story of December is this year's June even without a verb in the past)."""
    if tense == "future":
        return ref.year if month >= ref.month else ref.year + 1
    # one month of grace: "in June" written in May is nearly always the coming June
    y, m = add_months(ref.year, ref.month, 1)
    limit = y * 12 + m
    year = ref.year + 1
    while year * 12 + month > limit:
        year -= 1
    return year


def pick_month_day(month: int, day: int, ref: date, tense: str) -> date | None:
    """The year of "March 10": the coming one in a clause about the future, the latest one
    in a clause in the past tense, else the nearest ("payable Dec. 15" in November)."""
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := safe_date(y, month, day))]
    if not options:
        return None
    if tense == "future":
        later = [d for d in options if d >= ref]
        return later[0] if later else options[-1]
    if tense == "":
        return min(options, key=lambda d: abs(d - ref))
    # a couple of weeks of grace for announcements of dates just ahead
    earlier = [d for d in options if d <= ref + timedelta(days=14)]
    return earlier[-1] if earlier else options[0]


def pick_weekday(weekday: int, ref: date, mode: str) -> date:
    """mode: 'past' (same day counts), 'future' (same day counts), 'last', 'next' (strict)."""
    if mode in ("future", "next"):
        delta = (weekday - ref.weekday()) % 7
        if mode == "next" and delta == 0:
            delta = 7
        return ref + timedelta(days=delta)
    delta = (ref.weekday() - weekday) % 7
    if mode == "last" and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def weekend(ref: date, mode: str) -> date:
    """Saturday of the weekend meant: the previous one (past) or the coming one (future)."""
    wd = ref.weekday()
    if wd >= 5:  # already in a weekend: "this weekend" is the current one
        current = ref - timedelta(days=wd - 5)
        if mode == "next":
            return current + timedelta(days=7)
        if mode == "last":
            return current - timedelta(days=7)
        return current
    if mode in ("future", "next"):
        return ref + timedelta(days=5 - wd)
    return ref - timedelta(days=wd + 2)


def pick_quarter_year(q: int, ref: date, future: bool) -> int:
    """The year of "the third quarter": in a clause about the future, this year's if it has
    not ended more than a quarter ago (results are reported in the quarter after: "will
    report third-quarter results" in October), else next year's; otherwise the latest one
    that has begun, or the one about to."""
    current = (ref.month - 1) // 3 + 1
    if future:
        return ref.year if q >= current - 1 else ref.year + 1
    return ref.year if q <= current + 1 else ref.year - 1


# how far "this", "last", "next" ... move from the reference; anything else ("coming",
# "following") is the next one
_OFFSETS = {"this": 0, "current": 0, "the": 0, "last": -1, "previous": -1, "past": -1}
_WEEKEND_MODES = {"last": "last", "previous": "last", "past": "past", "next": "next"}


def _quarter_value(ref: date, offset: int) -> str:
    q = (ref.month - 1) // 3 + offset
    return f"{ref.year + q // 4:04d}-Q{q % 4 + 1}"


def _month_value(ref: date, offset: int) -> str:
    y, mo = add_months(ref.year, ref.month, offset)
    return f"{y:04d}-{mo:02d}"


# unit → the value of the unit `offset` steps from the reference's own
_UNIT_VALUES: dict[str, Callable[[date, int], str]] = {
    "week": lambda ref, offset: week_value(ref + timedelta(weeks=offset)),
    "month": _month_value,
    "quarter": _quarter_value,
    "year": lambda ref, offset: f"{ref.year + offset:04d}",
    "decade": lambda ref, offset: f"{ref.year // 10 + offset:03d}",
    "century": lambda ref, offset: f"{ref.year // 100 + offset:02d}",
}


def relative_unit_value(rel: str, unit: str, ref: date, future: bool) -> str | None:
    """Value for "this/last/next <unit>" seen from ref; future: the clause looks ahead."""
    if unit == "weekend":
        mode = _WEEKEND_MODES.get(rel)
        if mode is None:
            mode = "future" if future or rel in ("coming", "following") else "past"
        return week_value(weekend(ref, mode)) + "-WE"
    value_of = _UNIT_VALUES.get(unit)
    return value_of(ref, _OFFSETS.get(rel, 1)) if value_of else None
