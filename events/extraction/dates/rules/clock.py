"""Times of day: '18:00 UTC', '5 p.m.', 'noon'; their day comes from the text (anchoring)."""

from __future__ import annotations

import re

from events.extraction.dates.context import Context
from events.extraction.dates.rules.base import Rule, candidate
from events.extraction.dates.timex import Candidate
from events.extraction.dates.vocabulary import FLAGS, ZONE_RE


def _time(m: re.Match[str], ctx: Context) -> Candidate | None:
    hour = int(m["h"])
    minute = int(m["min"] or 0)
    ampm = (m["ampm"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    zone = (m["zone"] or "").upper()
    suffix = "Z" if zone in ("UTC", "GMT", "Z") and not m["offset"] else ""
    return candidate(m, "TIME", f"T{hour:02d}:{minute:02d}{suffix}", anchor="time")


def noon(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'noon', 'midnight'."""
    return candidate(m, "TIME", "T12:00" if m[0].lower() == "noon" else "T24:00", anchor="time")


def time_of_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'10:30 a.m.', '5 pm', '18:00 UTC', '1830 GMT'."""
    groups = m.groupdict()
    if groups.get("ampm2"):
        # "5 pm": reuse the main handler with the am/pm captured in the other group
        hour = int(m["h"])
        if hour == 0 or hour > 12:
            return None
        ampm = m["ampm2"].lower()
        hour = (
            hour + 12 if ampm == "p" and hour < 12 else (0 if ampm == "a" and hour == 12 else hour)
        )
        zone = (m["zone"] or "").upper()
        suffix = "Z" if zone in ("UTC", "GMT", "Z") and not m["offset"] else ""
        return candidate(m, "TIME", f"T{hour:02d}:00{suffix}", anchor="time")
    if groups.get("min") is None:
        return None
    if "ampm" not in groups:
        hour, minute = int(m["h"]), int(m["min"])
        zone = (m["zone"] or "").upper()
        suffix = "Z" if zone in ("UTC", "GMT", "Z") else ""
        return candidate(m, "TIME", f"T{hour:02d}:{minute:02d}{suffix}", anchor="time")
    # a bare "10:30" without am/pm or zone may be a score or a ratio; accept it only near "at"
    if not m["ampm"] and not m["zone"]:
        before = ctx.before(m.start(), 12)
        if not re.search(r"\b(?:at|by|until|before|after|from|around|about)\s+$", before, FLAGS):
            return None
    return _time(m, ctx)


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
        rf"\b(?P<h>[01]?\d|2[0-4])(?::(?P<min>[0-5]\d)(?::[0-5]\d)?(?!\d)"
        rf"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?|\s*(?P<ampm2>[ap])\.?\s?m\b\.?)"
        rf"(?:\s*\(?\s*(?P<zone>{ZONE_RE})\b(?P<offset>\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?\s*\)?)?",
        FLAGS,
    ),
    time_of_day,
    _TIME_TRIGGERS,
)
MILITARY_TIME = Rule(
    "four-digit time",
    re.compile(rf"\b(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s*(?:(?P<zone>{ZONE_RE})|hours|hrs)\b"),
    time_of_day,
    _TIME_TRIGGERS,
)
NOON = Rule(
    "noon",
    re.compile(r"\b(?:noon|midnight)\b", FLAGS),
    noon,
    frozenset(["noon", "midnight"]),
)
