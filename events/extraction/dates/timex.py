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


@dataclass(frozen=True, slots=True)
class Anchor:
    """How an anaphoric candidate takes its value from the dates before it (see anchoring).

    kind: "time" (a clock time's day), "day" ("the day"), "unit" ("the following year",
    "that week": the last date named, as a unit, moved by step units), "same_period"
    ("the same period last year"), "keep" ("a year earlier": the last date named, of
    whatever kind, moved by step units), "period" ("the quarter": the last period of kind
    unit named, moved by step years or put in year). suffix is added to the value found
    ("TMO" for "that morning").
    """

    kind: str
    step: int = 0
    unit: str = ""
    suffix: str = ""
    year: int | None = None

    @property
    def compares(self) -> bool:
        """A date set beside the story's time ("a year earlier"), not a new story time."""
        return self.kind in ("keep", "ago", "period", "same_period") and (
            self.step != 0 or self.year is not None or self.kind == "same_period"
        )


@dataclass(slots=True)
class Candidate:
    """One rule's reading of a span, before overlaps are settled and anaphora resolved."""

    start: int
    end: int
    type: str
    value: str
    # "anaphoric" candidates take their value from the dates around them (see anchoring)
    anchor: Anchor | None = None
    range_override: DateRange | None = None
    # the unit ("year", "week") in which the rule chose the occurrence ("June" without its
    # year, "Friday"): the second half of a range may move it by that unit (see ranges)
    loose: str | None = None
