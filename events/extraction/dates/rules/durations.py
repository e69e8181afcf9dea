"""Stretches of time: 'three weeks', 'nearly 42 years', 'for days'; '15 a year' is a frequency."""

from __future__ import annotations

import re

from events.extraction.dates.context import Context
from events.extraction.dates.numbers import duration_value, number
from events.extraction.dates.rules.base import PLURAL_UNIT_TOKENS, UNIT_TOKENS, Rule, candidate
from events.extraction.dates.timex import Candidate
from events.extraction.dates.vocabulary import FLAGS, NUM_RE, UNIT_RE, WORD_START

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
    """'for years', 'within hours', 'minutes later': units without a number, an unknown
    amount."""
    unit = m["unit"].lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    return Candidate(m.start("span"), m.end("span"), "DURATION", duration_value(None, unit))


DURATION = Rule(
    "duration",
    re.compile(
        rf"{WORD_START}(?:(?P<mod>nearly|almost|about|around|approximately|roughly|over|under"
        rf"|some)\s+(?!the\s))?(?:(?P<det>the\s+(?:past|next|last|coming|previous|following|first"
        rf"|final|latest|remaining))\s+)?(?P<num>{NUM_RE})[\s-]+(?:(?:more|additional"
        rf"|straight|consecutive|full|long|successive|trading|business|working)\s+)?"
        rf"(?P<unit>{UNIT_RE})s?\b(?:[\s-]+old\b)?(?![\s-]+ago\b)",
        FLAGS,
    ),
    duration,
    UNIT_TOKENS,
)


def vague_units(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'in recent years', 'in coming weeks': a stretch of an unknown number of units."""
    return bare_units(m, ctx)


_PLURAL_UNITS = r"(?P<unit>years|months|weeks|days|hours|minutes|decades|centuries)"

BARE_UNITS = Rule(
    "bare units",
    re.compile(
        rf"{WORD_START}(?:for|in|within|over|taking|take|takes|took|lasted|lasting|spent|after|follows"
        r"|followed|following|spanning)\s+(?P<span>(?:(?:the|just|only|mere)\s+)?"
        + _PLURAL_UNITS
        + r")\b(?!\s+(?:ago|later|earlier|before|after)\b)",
        FLAGS,
    ),
    bare_units,
    PLURAL_UNIT_TOKENS,
)
# "Minutes later", "days after the vote": the stretch between two events
UNITS_BETWEEN = Rule(
    "units between events",
    re.compile(
        r"(?=\w)(?<![\w-])(?P<span>" + _PLURAL_UNITS + r")(?=\s+(?:later|earlier|after|before)\b)",
        FLAGS,
    ),
    bare_units,
    PLURAL_UNIT_TOKENS,
    also=frozenset(["later", "earlier", "after", "before"]),
)
VAGUE_UNITS = Rule(
    "recent or coming units",
    re.compile(
        r"(?=\w)(?<![\w-])(?P<span>(?:the\s+)?(?:recent|coming|upcoming)\s+"
        + _PLURAL_UNITS
        + r")\b",
        FLAGS,
    ),
    vague_units,
    frozenset(["recent", "coming", "upcoming"]),
    also=PLURAL_UNIT_TOKENS,
)
