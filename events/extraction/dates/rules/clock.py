"""Times of day: '18:00 UTC', '5 p.m.', 'noon'; their day comes from the text (anchoring)."""

from __future__ import annotations

import re

from events.extraction.dates.context import Context
from events.extraction.dates.rules.base import Rule, candidate
from events.extraction.dates.timex import Anchor, Candidate
from events.extraction.dates.vocabulary import FLAGS, WORD_START, ZONE_RE

_UTC = ("UTC", "GMT", "Z")
TIME_ANCHOR = Anchor("time")


def _hour(hour: int, ampm: str) -> int:
    """The 24-hour clock's hour of "5 p.m." (17) or "12 a.m." (0)."""
    if ampm == "p" and hour < 12:
        return hour + 12
    if ampm == "a" and hour == 12:
        return 0
    return hour


def _zone(m: re.Match[str]) -> str:
    """'Z' for a time said in UTC without an offset from it; other zones are left unsaid."""
    groups = m.groupdict()
    zone = (groups.get("zone") or "").upper()
    return "Z" if zone in _UTC and not groups.get("offset") else ""


def _clock(m: re.Match[str], hour: int, minute: int) -> Candidate:
    return candidate(m, "TIME", f"T{hour:02d}:{minute:02d}{_zone(m)}", anchor=TIME_ANCHOR)


def noon(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'noon', 'midday', 'midnight'."""
    value = "T24:00" if m[0].lower() == "midnight" else "T12:00"
    return candidate(m, "TIME", value, anchor=TIME_ANCHOR)


def time_of_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'10:30 a.m.', '5 pm', '18:00 UTC', '10:30' after 'at'."""
    hour = int(m["h"])
    if m["ampm2"]:  # "5 pm"
        if hour == 0 or hour > 12:
            return None
        return _clock(m, _hour(hour, m["ampm2"].lower()), 0)
    # a bare "10:30" without am/pm or zone may be a score or a ratio; accept it only near "at"
    if not m["ampm"] and not m["zone"] and not _AT_BEFORE.search(ctx.before(m.start(), 12)):
        return None
    return _clock(m, _hour(hour, (m["ampm"] or "").lower()[:1]), int(m["min"]))


_AT_BEFORE = re.compile(r"\b(?:at|by|until|before|after|from|around|about)\s+$", FLAGS)


def four_digit_time(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'1830 GMT', '0900 hours'."""
    return _clock(m, int(m["h"]), int(m["min"]))


_TIME_TRIGGERS = frozenset(
    [
        ":",
        "am",
        "pm",
        "m",
        "utc",
        "gmt",
        "hours",
        "hrs",
        "est",
        "edt",
        "cst",
        "cdt",
        "mst",
        "mdt",
        "pst",
        "pdt",
        "bst",
        "cet",
        "cest",
        "ist",
        "jst",
        "aest",
        "aedt",
        "z",
    ]
)

CLOCK_TIME = Rule(
    "clock time",
    re.compile(
        rf"{WORD_START}(?P<h>[01]?\d|2[0-4])(?::(?P<min>[0-5]\d)(?::[0-5]\d)?(?!\d)"
        rf"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?|\s*(?P<ampm2>[ap])\.?\s?m\b\.?)"
        rf"(?:\s*\(?\s*(?P<zone>{ZONE_RE})\b(?P<offset>\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?\s*\)?)?",
        FLAGS,
    ),
    time_of_day,
    _TIME_TRIGGERS,
)
MILITARY_TIME = Rule(
    "four-digit time",
    re.compile(
        rf"(?=\d)\b(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s*(?:(?P<zone>{ZONE_RE})|hours|hrs)\b"
    ),
    four_digit_time,
    _TIME_TRIGGERS,
)
NOON = Rule(
    "noon",
    re.compile(r"(?=\w)\b(?:noon|midday|midnight)\b", FLAGS),
    noon,
    frozenset(["noon", "midday", "midnight"]),
)
