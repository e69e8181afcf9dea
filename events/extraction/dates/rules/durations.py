"""Stretches of time: 'three weeks', 'nearly 42 years', 'for days'; '15 a year' is a frequency."""

from __future__ import annotations

import re

from events.extraction.dates.context import Context
from events.extraction.dates.numbers import duration_value, number
from events.extraction.dates.rules.base import UNIT_TOKENS, Rule, candidate
from events.extraction.dates.timex import Candidate
from events.extraction.dates.vocabulary import FLAGS, NUM_RE, UNIT_RE

_SET_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|percent|times|once|twice|thrice|cents?"
    r"|dollars|euros|pounds))\s*%?\s*$",
    FLAGS,
)


def duration(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'three weeks', 'the past 10 days', 'a 68-year-old': n units."""
    num_raw = m["num"]
    unit = m["unit"].lower()
    n = number(num_raw)
    article = num_raw.lower() in ("a", "an")
    if unit == "second" and (article or num_raw.lower() == "single"):
        return None  # "a second time", "a second round"
    # "15 a year", "twice a day": a frequency, not a stretch of time
    if (
        article
        and m["mod"] is None
        and m["det"] is None
        and _SET_BEFORE.search(ctx.before(m.start(), 20))
    ):
        return candidate(m, "SET", duration_value(1, unit))
    if unit == "night" and article:
        return None
    if n == 1 and ctx.text.startswith("s", m.end("unit")):
        return None  # "a months-long battle": the article belongs to another noun
    if unit == "quarter" and (article or n is None):
        return None  # "about a quarter of its dealers" is a fraction
    return candidate(m, "DURATION", duration_value(n, unit))


def bare_units(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'for years', 'within hours': units without a number, an unknown amount."""
    unit = m["unit"].lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    return Candidate(m.start("span"), m.end(), "DURATION", duration_value(None, unit))


DURATION = Rule(
    "duration",
    re.compile(
        rf"\b(?:(?P<mod>nearly|almost|about|around|approximately|roughly|over|under"
        rf"|some)\s+)?(?:(?P<det>the\s+(?:past|next|last|coming|previous|following|first"
        rf"|final|latest|remaining))\s+)?(?P<num>{NUM_RE})[\s-]+(?:(?:more|additional"
        rf"|straight|consecutive|full|long|successive|trading|business|working)\s+)?"
        rf"(?P<unit>{UNIT_RE})s?\b(?:[\s-]+old\b)?(?![\s-]+ago\b)",
        FLAGS,
    ),
    duration,
    UNIT_TOKENS,
)
BARE_UNITS = Rule(
    "bare units",
    re.compile(
        r"\b(?:for|in|within|over|taking|take|takes|took|lasted|spent)\s+(?P<span>"
        r"(?:(?:the|just|only|mere)\s+)?(?P<unit>years|months|weeks|days|hours|minutes|decades"
        r"|centuries))\b(?!\s+(?:of|ago|later|earlier|before|after)\b)",
        FLAGS,
    ),
    bare_units,
    UNIT_TOKENS,
)
