"""A publication date at the calendar's ends: dates past them are left out, the rest resolve."""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.dates import find_timexes
from events.pipeline import Pipeline

TEXT = (
    "Rebels took the town on Friday. Yesterday the army shelled it, and tomorrow talks begin. "
    "Next year, last week, next month, the next decade and the last century were all mentioned."
)


def _days(published: date) -> dict[str, tuple[date | None, date | None]]:
    return {t.text: (t.date_start, t.date_end) for t in find_timexes(TEXT, published)}


def test_yesterday_resolves_on_the_last_day_of_the_calendar_and_tomorrow_is_left_out() -> None:
    days = _days(date(9999, 12, 31))
    assert days["Yesterday"] == (date(9999, 12, 30), date(9999, 12, 30))
    assert "tomorrow" not in days


def test_tomorrow_resolves_on_the_first_day_of_the_calendar_and_yesterday_is_left_out() -> None:
    days = _days(date(1, 1, 1))
    assert days["tomorrow"] == (date(1, 1, 2), date(1, 1, 2))
    assert "Yesterday" not in days


@pytest.mark.parametrize("published", [date.min, date(1, 12, 31), date(9999, 1, 1), date.max])
def test_the_pipeline_annotates_a_story_dated_at_the_calendars_ends(published: date) -> None:
    annotation = Pipeline().annotate(TEXT, published)
    for event in annotation.events:
        assert date.min <= event.date_start <= event.date_end <= date.max
    assert annotation.events, "the story's dated sentences are still events"
