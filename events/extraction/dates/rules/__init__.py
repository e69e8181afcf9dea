"""The tagger's rules, in priority order: where two candidates tie, the earlier rule wins."""

from __future__ import annotations

from events.extraction.dates.rules import (
    absolute,
    clock,
    durations,
    narrative,
    relative,
    sets,
    vague,
)
from events.extraction.dates.rules.base import Rule

RULES: tuple[Rule, ...] = (
    absolute.MONTH_DAY,
    absolute.DAY_MONTH,
    absolute.MONTH_YEAR,
    absolute.ISO_DATE,
    absolute.SLASH_DATE,
    absolute.BARE_MONTH,
    relative.WEEKDAY,
    relative.DAY_WORD,
    relative.RELATIVE_UNIT,
    absolute.QUARTER,
    absolute.HALF,
    absolute.YEAR,
    absolute.YEAR_PART,
    absolute.APOSTROPHE_YEAR,
    absolute.DECADE,
    absolute.CENTURY,
    relative.AGO,
    durations.DURATION,
    durations.BARE_UNITS,
    durations.UNITS_BETWEEN,
    durations.VAGUE_UNITS,
    sets.SET_WORD,
    sets.EVERY,
    sets.WEEKDAYS_PLURAL,
    vague.REF_WORD,
    vague.NOW,
    absolute.SEASON,
    clock.CLOCK_TIME,
    clock.MILITARY_TIME,
    clock.NOON,
    relative.YEAR_AFTER,
    relative.SAME_PERIOD,
    absolute.WEEK_OF_MONTH,
    relative.THE_DAY,
    absolute.YEAR_IN_WORDS,
    absolute.DECADE_IN_WORDS,
    absolute.RANGE_DAY,
    absolute.RANGE_YEAR,
    narrative.EARLIER_LATER,
    narrative.STORY_UNIT,
    narrative.DAY_BEFORE,
    narrative.STORY_PERIOD,
    narrative.YEAR_EARLIER,
    narrative.YEAR_QUARTER,
)

__all__ = ["RULES", "Rule"]
