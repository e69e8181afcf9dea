"""Expressions that take their time from the story, not from the publication date.

As HeidelTime keeps a reference time for narratives, these resolve against the last date
the text named (see anchoring): "a year earlier", "three days later", "that week", "the
next day", "later that year"; in business news, "the quarter", "the year-earlier period",
"the 1988 quarter". Each carries a value seen from the publication date, used where the
text named no date before it.
"""

from __future__ import annotations

import re

from events.extraction.dates.context import Context
from events.extraction.dates.numbers import number
from events.extraction.dates.rules.base import UNIT_TOKENS, Rule, candidate
from events.extraction.dates.shapes import shape_at, shifted
from events.extraction.dates.timex import Anchor, Candidate
from events.extraction.dates.vocabulary import FLAGS, NUM_RE, ORDINALS, PARTS_OF_DAY, YEAR_RE

# unit word → (the unit the shift is made in, how many of them)
_SHIFT_UNITS = {
    "day": ("day", 1),
    "week": ("week", 1),
    "fortnight": ("week", 2),
    "month": ("month", 1),
    "quarter": ("quarter", 1),
    "year": ("year", 1),
    "decade": ("year", 10),
}
_DIRECTIONS = {"earlier": -1, "before": -1, "previously": -1, "later": 1, "after": 1}


def _seen_from_publication(ctx: Context, step: int, unit: str, suffix: str = "") -> str | None:
    shape = shape_at(ctx.ref, unit)
    moved = shifted(shape, step, unit) if shape else None
    return moved.value + suffix if moved else None


# the amount before "years earlier", read backwards from the unit (see EARLIER_LATER)
_AMOUNT_BEFORE = re.compile(rf"\b(?P<num>{NUM_RE})[\s-]+$", FLAGS)


def earlier_later(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'a year earlier', 'three days later', 'two weeks before': the last date named, moved."""
    amount = _AMOUNT_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
    if amount is None:
        return None
    n = number(amount["num"])
    unit, size = _SHIFT_UNITS[m["unit"].lower()]
    if n is None or n != int(n):
        return None  # "several years later" stays a stretch of time
    step = _DIRECTIONS[m["dir"].lower()] * int(n) * size
    fallback = _seen_from_publication(ctx, step, unit)
    if fallback is None:
        return None
    return Candidate(amount.start(), m.end(), "DATE", fallback, anchor=Anchor("keep", step, unit))


# "that day", "the next morning", "the following week", "the previous night"
_UNIT_STEPS = {"that": 0, "the same": 0, "the next": 1, "the following": 1, "the previous": -1}
_EDGE_STEPS = {"before": -1, "after": 1}


def story_unit(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'that day', 'later that year', 'the next morning', 'the day before': a unit of the
    story's time."""
    det = " ".join(m["det"].lower().split())
    word = m["unit"].lower()
    step = _UNIT_STEPS.get(det, 0) + _EDGE_STEPS.get((m.groupdict().get("dir") or "").lower(), 0)
    unit, suffix = ("day", PARTS_OF_DAY[word]) if word in PARTS_OF_DAY else (word, "")
    fallback = _seen_from_publication(ctx, step, unit, suffix)
    if fallback is None:
        return None
    anchor = Anchor("unit", step, unit, suffix=suffix)
    return candidate(m, "TIME" if suffix else "DATE", fallback, anchor=anchor)


def _current_quarter(ctx: Context, step: int) -> str | None:
    return _seen_from_publication(ctx, step, "quarter")


def story_period(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the quarter', 'the latest period', 'the year-earlier quarter', 'year-ago': the period
    a business story reports on (the last one it named), or the same period a year before.
    """
    groups = m.groupdict()
    back = -1 if groups.get("ago") or groups.get("alone") else 0
    unit = "period" if (groups.get("what") or "").lower() == "period" else "quarter"
    # a report names the quarter just ended; a story that named none means the last one
    fallback = _current_quarter(ctx, -1)
    if fallback is None:
        return None
    if back:
        fallback = f"{int(fallback[:4]) - 1:04d}{fallback[4:]}"
    if groups.get("latest") and not back:
        return candidate(m, "DATE", fallback)  # "the latest quarter" is the last one ended
    return candidate(m, "DATE", fallback, anchor=Anchor("period", back, unit))


_YEAR_OWNERS = {"this year's": 0, "last year's": -1, "next year's": 1, "the previous year's": -1}


def year_quarter(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the 1988 second quarter', "this year's third quarter", 'the year-ago third quarter',
    'the 1988 quarter' (the quarter the story reports on, in 1988)."""
    owner = " ".join(m["owner"].lower().split())
    if owner in _YEAR_OWNERS:
        year = ctx.ref.year + _YEAR_OWNERS[owner]
    elif owner.startswith("year-"):
        year = ctx.ref.year - 1
    else:
        year = int(owner)
    if m["ord"]:
        return candidate(m, "DATE", f"{year:04d}-Q{ORDINALS[m['ord'].lower()]}")
    unit = "period" if m["what"].lower() == "period" else "quarter"
    fallback = _current_quarter(ctx, -1)
    if fallback is None:
        return None
    return candidate(
        m, "DATE", f"{year:04d}{fallback[4:]}", anchor=Anchor("period", 0, unit, year=year)
    )


# "two days before." ends a clause; "two days before the vote" hangs on an event instead
_CLAUSE_ENDS = r"(?=\s*[.,;:!?)]|\s+(?:and|but)\b)"

# The pattern finds the unit and the direction; the handler reads the amount before them,
# which is cheaper than trying the many spellings of a number at every position.
EARLIER_LATER = Rule(
    "earlier or later",
    re.compile(
        r"(?=\w)(?<=[\s-])(?P<unit>year|quarter|month|week|fortnight|day|decade)s?"
        rf"\s+(?P<dir>earlier|later|previously|before{_CLAUSE_ENDS}|after{_CLAUSE_ENDS})\b"
        # "three days later than planned" is a delay, not a date after the last one
        r"(?!\s+than\b)",
        FLAGS,
    ),
    earlier_later,
    frozenset(["earlier", "later", "previously", "before", "after"]),
    also=UNIT_TOKENS,
)
STORY_UNIT = Rule(
    "a unit of the story's time",
    re.compile(
        r"(?=\w)\b(?:(?:later|earlier)\s+)?(?P<det>that|the\s+(?:next|following|previous|same))\s+"
        r"(?P<unit>day|morning|afternoon|evening|night|week|month|quarter|year)\b"
        r"(?!-|\s+(?:of|old|long|when|that|which)\b)",
        FLAGS,
    ),
    story_unit,
    frozenset(["that", "next", "following", "previous", "same"]),
    also=frozenset(
        ["day", "morning", "afternoon", "evening", "night", "week", "month", "quarter", "year"]
    ),
)
DAY_BEFORE = Rule(
    "the day before",
    re.compile(
        rf"(?=\w)\b(?P<det>the)\s+(?P<unit>day|night)\s+(?P<dir>before|after){_CLAUSE_ENDS}",
        FLAGS,
    ),
    story_unit,
    frozenset(["before", "after"]),
    also=frozenset(["day", "night"]),
)
STORY_PERIOD = Rule(
    "the period a business story reports on",
    re.compile(
        r"(?=\w)\bthe\s+(?:(?P<latest>latest|most\s+recent)\s+|(?:recent|fiscal|comparable|same)\s+)?(?P<ago>year-(?:earlier|ago)\s+)?"
        r"(?P<what>quarter|period)\b(?!-|\s+(?:of|a\s+year|last\s+year)\b)"
        r"|\bthat\s+quarter\b",
        FLAGS,
    ),
    story_period,
    frozenset(["quarter", "period"]),
)
YEAR_EARLIER = Rule(
    "year-earlier",
    re.compile(
        r"(?=\w)(?<![\w-])(?P<alone>year-(?:earlier|ago))\b(?!\s+(?:\w+\s+)?(?:quarter|period))",
        FLAGS,
    ),
    story_period,
    frozenset(["earlier", "ago"]),
    also=frozenset(["year"]),
)
YEAR_QUARTER = Rule(
    "a year's quarter",
    re.compile(
        rf"(?=\w)\b(?:the\s+)?(?P<owner>{YEAR_RE}|this\s+year's|last\s+year's|next\s+year's"
        rf"|the\s+previous\s+year's|year-(?:earlier|ago))\s+(?:(?P<ord>first|second|third"
        rf"|fourth|1st|2nd|3rd|4th)[\s-]+)?(?P<what>quarter|period)\b(?!-)",
        FLAGS,
    ),
    year_quarter,
    frozenset(["quarter", "period"]),
)
