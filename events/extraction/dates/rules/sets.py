"""Repetitions: 'daily', 'every week', 'each Monday'."""

from __future__ import annotations

import re
from collections.abc import Callable

from events.extraction.dates.context import Context
from events.extraction.dates.numbers import duration_value, number
from events.extraction.dates.rules.base import Rule, candidate
from events.extraction.dates.timex import Candidate
from events.extraction.dates.vocabulary import (
    FLAGS,
    MONTH_RE,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAY_RE,
    WEEKDAYS,
    WORD_NUM_RE,
    month_number,
)

SET_WORDS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "quarterly": "P1Q",
    "annual": "P1Y",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
}


def set_word(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'daily', 'weekly', 'annual'."""
    return candidate(m, "SET", SET_WORDS[m[0].lower()])


def _part(m: re.Match[str]) -> str:
    return PARTS_OF_DAY[m["part"].lower()] if m["part"] else ""


# what follows "every" or "each", read into the TIMEX3 value of the set
_EVERY_VALUES: tuple[tuple[str, Callable[[re.Match[str]], str]], ...] = (
    ("wd", lambda m: f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}{_part(m)}"),
    ("month", lambda m: f"XXXX-{month_number(m['month']):02d}"),
    ("season", lambda m: f"XXXX-{SEASONS[m['season'].lower()]}"),
    ("daypart", lambda m: f"XXXX-XX-XX{PARTS_OF_DAY[m['daypart'].lower()]}"),
)


def every(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'every week', 'every two years', 'every other day', 'each Monday', 'every Monday
    morning', 'each July', 'every summer', 'every morning'."""
    for group, value_of in _EVERY_VALUES:
        if m[group]:
            return candidate(m, "SET", value_of(m))
    n = 2.0 if m["other"] else number(m["num"]) if m["num"] else 1.0
    return candidate(m, "SET", duration_value(n or 1.0, m["unit"].lower()))


def weekdays(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'on Mondays', 'on Sunday mornings': a weekday that comes back every week."""
    part = PARTS_OF_DAY[m["part"].lower()] if m["part"] else ""
    return Candidate(
        m.start("span"), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}{part}"
    )


SET_WORD = Rule(
    "set word",
    re.compile(
        r"(?=\w)\b(?:daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|annual|annually"
        r"|yearly|hourly)\b(?!-)"
    ),
    set_word,
    frozenset(SET_WORDS),
)
EVERY = Rule(
    "every",
    re.compile(
        rf"(?=\w)\b(?:every|each|per)\s+(?:(?P<wd>{WEEKDAY_RE})(?:\s+(?P<part>morning|afternoon"
        rf"|evening|night))?|(?P<month>{MONTH_RE})|(?P<season>spring|summer|autumn|fall|winter)"
        rf"|(?P<daypart>morning|afternoon|evening|night)"
        rf"|(?:(?P<other>other)\s+|(?P<num>{WORD_NUM_RE}|\d+)\s+)?"
        rf"(?P<unit>(?i:second|minute|hour|day|week|month|quarter|year|decade))s?)\b",
        FLAGS,
    ),
    every,
    frozenset(["every", "each", "per"]),
)
WEEKDAYS_PLURAL = Rule(
    "weekdays",
    re.compile(
        rf"(?=\w)\b(?:on|most|some)\s+(?P<span>(?P<wd>{WEEKDAY_RE})(?:s|\s+(?P<part>morning"
        rf"|afternoon|evening|night)s))\b",
        FLAGS,
    ),
    weekdays,
    frozenset([*(w + "s" for w in WEEKDAYS), "mornings", "afternoons", "evenings", "nights"]),
)
