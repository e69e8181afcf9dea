"""Dates said relative to the story's time: weekdays, 'yesterday', 'last month', 'two years ago'."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from events.extraction.dates.arithmetic import add_months, monday
from events.extraction.dates.context import Context
from events.extraction.dates.direction import pick_weekday, relative_unit_value
from events.extraction.dates.numbers import duration_value, number
from events.extraction.dates.rules.base import Rule, candidate
from events.extraction.dates.timex import Anchor, Candidate
from events.extraction.dates.vocabulary import (
    FLAGS,
    NUM_RE,
    PARTS_OF_DAY,
    UNIT_RE,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
    WORD_START,
)

_NAMED_DAY_PREFIX = re.compile(
    r"\b(?:Black|Cyber|Good|Easter|Holy|Ash|Super|Maundy|Whit|Shrove|Blue|Giving)\s+$"
)


# "last Friday", "next Monday": the weekday before or after the reference, never the day itself
_WEEKDAY_MODES = {
    "last": "last",
    "past": "last",
    "this past": "last",
    "next": "next",
    "coming": "next",
}


def weekday(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'Friday', 'last Monday', 'Thursday morning': the weekday the clause's tense points to."""
    if _NAMED_DAY_PREFIX.search(ctx.before(m.start(), 10)):
        return None
    wd = WEEKDAYS[m["wd"].lower()]
    mode = _WEEKDAY_MODES.get(" ".join((m["rel"] or "").lower().split()))
    loose = "week" if mode is None else None
    if mode is None:
        mode = _weekday_mode(wd, ctx.ref, ctx.tense(m.start(), m.end()))
    d = pick_weekday(wd, ctx.ref, mode)
    part = (m["part"] or "").lower()
    if part:
        cand = candidate(m, "TIME", d.isoformat() + PARTS_OF_DAY[part])
    else:
        cand = candidate(m, "DATE", d.isoformat())
    cand.loose = loose
    return cand


def _weekday_mode(wd: int, ref: date, tense: str) -> str:
    """A bare weekday is the coming one in a clause about the future, else the last one;
    without a verb in the past, the name of tomorrow is tomorrow ("Saturday" in a Friday
    story of the weekend ahead), as a week-old day would be "last Saturday"."""
    if tense == "future" or (tense == "" and wd == (ref.weekday() + 1) % 7):
        return "future"
    return "past"


# word → (days from the reference, part of the day it names or None)
_DAY_WORDS: dict[str, tuple[int, str | None]] = {
    "today": (0, None),
    "yesterday": (-1, None),
    "tomorrow": (1, None),
    "tonight": (0, "TNI"),
    "last night": (-1, "TNI"),
    "this morning": (0, "TMO"),
    "this afternoon": (0, "TAF"),
    "this evening": (0, "TEV"),
}


def day_word(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'today', 'tonight', 'yesterday morning', 'this afternoon'."""
    days, part = _DAY_WORDS[" ".join(m["word"].lower().split())]
    if part is None and m["part"]:
        part = PARTS_OF_DAY[m["part"].lower()]
    d = (ctx.ref + timedelta(days=days)).isoformat()
    return candidate(m, "TIME", d + part) if part else candidate(m, "DATE", d)


# "the past week" is a stretch of time ending now, not the calendar week before; "the last
# decade" the ten years to now; "over the next decade" the ten years from now, where "the
# next decade will be hard" is the calendar decade
_STRETCHES = {
    "the past": ("week", "month", "year", "decade", "century"),
    "the last": ("decade", "century"),
}
_SPAN_BEFORE = re.compile(
    r"\b(?:over|during|for|within|throughout|in|across|in\s+the\s+course\s+of)\s+$", FLAGS
)


def _is_stretch(said: str, unit: str, ctx: Context, start: int) -> bool:
    if unit in _STRETCHES.get(said, ()):
        return True
    return (
        said in ("the next", "the coming")
        and unit in ("decade", "century")
        and _SPAN_BEFORE.search(ctx.before(start, 24)) is not None
    )


def relative_unit(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'this week', 'last month', 'the end of next year', 'the past week' (a stretch)."""
    rel = re.sub(r"^the\s+", "", m["rel"].lower()) if m["rel"].lower() != "the" else "the"
    unit = m["unit"].lower()
    edge = (m["edge"] or "").lower()
    when = (m["when"] or "").lower()
    if rel == "the" and not edge and not when and unit != "weekend":
        return None  # "the year" alone is too vague to resolve
    if not edge and _is_stretch(" ".join(m["rel"].lower().split()), unit, ctx, m.start()):
        return candidate(m, "DURATION", duration_value(1, unit))
    future = ctx.future(m.start(), m.end())
    value = relative_unit_value(rel, unit, ctx.ref, future)
    if value is None:
        return None
    cand = candidate(m, "DATE", value)
    if rel in ("following", "previous") and unit in ("year", "month") and not edge:
        # "the following year" counts from the last date the text talked about, not from now
        cand.anchor = Anchor("unit", 1 if rel == "following" else -1, unit)
    if when == "earlier" and rel == "this" and unit == "week":
        cand.range_override = (monday(ctx.ref), ctx.ref, "week")
    return cand


def _months_ago(ref: date, n: int) -> str:
    y, mo = add_months(ref.year, ref.month, -n)
    return f"{y:04d}-{mo:02d}"


def _quarters_ago(ref: date, n: int) -> str:
    y, mo = add_months(ref.year, ref.month, -3 * n)
    return f"{y:04d}-Q{(mo - 1) // 3 + 1}"


# TIMEX3 unit letter → the value n such units before the reference, at the unit's precision
_AGO: dict[str, Callable[[date, int], str]] = {
    "D": lambda ref, n: (ref - timedelta(days=n)).isoformat(),
    "W": lambda ref, n: (ref - timedelta(weeks=n)).isoformat(),
    "M": _months_ago,
    "Q": _quarters_ago,
    "Y": lambda ref, n: f"{ref.year - n:04d}",
}


def ago(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'two days ago', 'four months ago': a date that far before the reference.

    A vague amount ('several years ago') is only the past; hours and minutes ago are
    still the reference's day; a fractional amount ('a year and a half ago') the past.
    """
    n = number(m["num"]) if m["num"] else None  # "years ago"
    letter, multiplier, is_time = UNITS[m["unit"].lower()]
    if n is None:
        return candidate(m, "DATE", "PAST_REF")
    if is_time:
        return candidate(m, "DATE", ctx.ref.isoformat())
    if n * multiplier != int(n * multiplier):
        return candidate(m, "DATE", "PAST_REF")
    amount = int(n * multiplier)
    # in a story about a period ("third-quarter net ... from $5 million a year ago") the
    # period a year before; else counted back from the publication date
    anchor = Anchor("ago", -amount, "year") if letter == "Y" else None
    return candidate(m, "DATE", _AGO[letter](ctx.ref, amount), anchor=anchor)


def year_after(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the year before', 'the month after': counted from the last date the text gave."""
    unit = m["unit"].lower()
    step = 1 if m["dir"].lower() in ("after", "later") else -1
    value = relative_unit_value("next" if step > 0 else "last", unit, ctx.ref, False)
    assert value is not None
    return candidate(m, "DATE", value, anchor=Anchor("unit", step, unit))


def same_period(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the same period last year': the previous month or quarter mentioned, a year back."""
    return candidate(m, "DATE", "PAST_REF", anchor=Anchor("same_period"))


def the_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'ended the day lower': the day of the last dated event."""
    # "the day before the vote" is relative to an event; "late in the day after falling" is not
    if m["rel"] and not re.match(r"(?:late|early)\s", m["span"], FLAGS):
        return None
    end = m.end("span")
    return Candidate(m.start("span"), end, "DATE", ctx.ref.isoformat(), anchor=Anchor("day"))


WEEKDAY = Rule(
    "weekday",
    re.compile(
        rf"{WORD_START}(?:(?P<rel>(?i:last|next|this\s+past|this|past|coming))\s+|(?i:early|late)\s+)?"
        rf"(?P<wd>{WEEKDAY_RE})\b(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?"
    ),
    weekday,
    frozenset(WEEKDAYS),
)
DAY_WORD = Rule(
    "day word",
    re.compile(
        r"(?=\w)\b(?:(?:earlier|later)\s+)?(?P<word>today|tonight|yesterday|tomorrow|last\s+night"
        r"|this\s+(?:morning|afternoon|evening))\b"
        r"(?:\s+(?P<part>morning|afternoon|evening|night))?(?!-)",
        FLAGS,
    ),
    day_word,
    frozenset(
        ["today", "tonight", "yesterday", "tomorrow", "night", "morning", "afternoon", "evening"]
    ),
)
RELATIVE_UNIT = Rule(
    "this, last or next unit",
    re.compile(
        rf"{WORD_START}(?:(?P<edge>(?:the\s+)?(?:very\s+)?(?:start|beginning|end|middle|rest|remainder"
        r"|close|turn)\s+of)\s+)?(?:(?P<when>earlier|later)\s+)?"
        r"(?P<rel>this|last|next|the\s+past|the\s+last|the\s+previous|the\s+coming"
        r"|the\s+current|the\s+following|the\s+next|the|coming|past|previous)\s+"
        r"(?P<unit>weekend|week|month|quarter|year|decade|century)\b(?!-|\s+(?:old|long))",
        FLAGS,
    ),
    relative_unit,
    frozenset(["week", "weekend", "month", "quarter", "year", "decade", "century"]),
)
AGO = Rule(
    "ago",
    re.compile(rf"{WORD_START}(?:(?P<num>{NUM_RE})\s+)?(?P<unit>{UNIT_RE})s?\s+ago\b", FLAGS),
    ago,
    frozenset(["ago"]),
)
YEAR_AFTER = Rule(
    "the year after",
    re.compile(
        r"(?=\w)\bthe\s+(?P<unit>year|month)\s+(?P<dir>before|after|earlier|later|previous|prior)\b"
        r"(?!\s+(?:the|a|an|his|her|its|their|last|next)\b)",
        FLAGS,
    ),
    year_after,
    frozenset(["year", "month"]),
)
SAME_PERIOD = Rule(
    "the same period last year",
    re.compile(
        r"(?=\w)\b(?:the\s+)?same\s+(?:period|month|quarter|time|week)\s+(?:of\s+)?(?:last\s+year"
        r"|(?:a|one)\s+year\s+(?:ago|earlier|before)|the\s+(?:previous|prior|last)\s+year)\b",
        FLAGS,
    ),
    same_period,
    frozenset(["same"]),
)
THE_DAY = Rule(
    "the day",
    re.compile(
        r"(?=\w)(?:\b(?:end|ended|ending|ends|finish|finished|finishing|close|closed|closing|for|on"
        r"|of|during|throughout|at|later\s+in|earlier\s+in)\s+|(?=(?:late|early)\s+in\s+))"
        r"(?P<span>(?:the\s+(?:start|beginning|end)\s+of\s+|(?:late|early)\s+in\s+)?"
        r"the\s+(?:same\s+)?day)\b(?P<rel>\s+(?:before|after|when|that|of)\b)?",
        FLAGS,
    ),
    the_day,
    frozenset(["day"]),
)
