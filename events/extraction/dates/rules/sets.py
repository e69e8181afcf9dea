"""Repetitions: 'daily', 'every week', 'each Monday'."""

from __future__ import annotations

import re

from events.extraction.dates.context import Context
from events.extraction.dates.numbers import duration_value, number
from events.extraction.dates.rules.base import Rule, candidate
from events.extraction.dates.timex import Candidate
from events.extraction.dates.vocabulary import FLAGS, WEEKDAY_RE, WEEKDAYS, WORD_NUM_RE

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


def every(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'every week', 'every two years', 'each Monday'."""
    if m["wd"]:
        return candidate(m, "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}")
    n = number(m["num"]) if m["num"] else 1.0
    return candidate(m, "SET", duration_value(n or 1.0, m["unit"].lower()))


SET_WORD = Rule(
    "set word",
    re.compile(
        r"\b(?:daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|annual|annually"
        r"|yearly|hourly)\b(?!-)"
    ),
    set_word,
    frozenset(SET_WORDS),
)
EVERY = Rule(
    "every",
    re.compile(
        rf"\b(?:every|each|per)\s+(?:(?P<wd>{WEEKDAY_RE})|(?:(?P<num>{WORD_NUM_RE}|\d+)\s+)?"
        rf"(?P<unit>(?i:second|minute|hour|day|week|month|year|decade))s?\b)",
        FLAGS,
    ),
    every,
    frozenset(["every", "each", "per"]),
)
