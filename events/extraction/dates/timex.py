"""What the tagger returns (Timex) and what its rules propose on the way (Candidate)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DateRange = tuple[date, date, str]


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in a text, with its TIMEX3 value and calendar range."""

    start: int
    end: int
    text: str
    type: str  # "DATE" | "TIME" | "DURATION" | "SET"
    value: str
    date_start: date | None
    date_end: date | None
    precision: str | None  # "day" | "week" | "month" | "year"


@dataclass(slots=True)
class Candidate:
    """One rule's reading of a span, before overlaps are settled and anaphora resolved."""

    start: int
    end: int
    type: str
    value: str
    # "anaphoric" candidates take their value from the dates around them (see anchoring)
    anchor: str | None = None
    range_override: DateRange | None = None
