"""Narrative expressions take the story's own time, as HeidelTime keeps a reference time."""

from __future__ import annotations

from datetime import date

from events.extraction.dates import find_timexes

# A Thursday in November: third-quarter results are being reported.
REF = date(1989, 11, 2)


def values(text: str, reference: date = REF) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(text, reference)}


def test_a_year_earlier_is_the_period_the_story_reports_on_a_year_back() -> None:
    found = values("Net fell in the third quarter to $5 million from $8 million a year earlier.")
    assert found == {"the third quarter": "1989-Q3", "a year earlier": "1988-Q3"}


def test_a_year_earlier_after_a_day_is_that_day_a_year_back() -> None:
    found = values("The plant closed on March 3, 1986. A year earlier it had been sold.")
    assert found["A year earlier"] == "1985-03-03"


def test_two_comparisons_both_go_back_from_the_story_time_not_from_each_other() -> None:
    text = (
        "Third-quarter profit rose to $9 million from $7 million a year earlier. "
        "Sales rose to $90 million from $80 million a year earlier."
    )
    assert [t.value for t in find_timexes(text, REF)] == ["1989-Q3", "1988-Q3", "1988-Q3"]


def test_a_year_ago_in_a_story_about_a_quarter_is_that_quarter_a_year_back() -> None:
    found = values("In the third quarter, revenue rose to $3 billion from $2 billion a year ago.")
    assert found["a year ago"] == "1988-Q3"


def test_a_year_ago_with_no_period_named_counts_from_the_publication_date() -> None:
    assert values("The company was founded a year ago.") == {"a year ago": "1988"}


def test_the_quarter_is_the_last_quarter_the_story_named() -> None:
    text = "Profit doubled in the second quarter. During the quarter, sales rose."
    assert values(text) == {"the second quarter": "1989-Q2", "the quarter": "1989-Q2"}


def test_the_quarter_in_a_story_that_named_none_is_the_last_one_ended() -> None:
    assert values("The company lost money in the quarter.") == {"the quarter": "1989-Q3"}


def test_the_year_ago_quarter_and_a_years_own_quarter() -> None:
    text = "Third-quarter net rose from the year-ago quarter and from this year's second quarter."
    found = values(text)
    assert found["the year-ago quarter"] == "1988-Q3"
    assert found["this year's second quarter"] == "1989-Q2"


def test_the_next_day_and_that_year_follow_the_last_date_named() -> None:
    text = (
        "The rebels attacked on March 3, 1990. The army struck back the next day. "
        "Later that year, talks began."
    )
    found = values(text)
    assert found["the next day"] == "1990-03-04"
    assert found["Later that year"] == "1990"


def test_that_morning_is_a_time_of_the_day_last_named() -> None:
    t = [
        t for t in find_timexes("On June 5, 1991, it rained. That morning, the roads closed.", REF)
    ]
    assert (t[-1].text, t[-1].type, t[-1].value) == ("That morning", "TIME", "1991-06-05TMO")


def test_two_days_before_an_event_is_not_counted_back_from_the_story() -> None:
    assert values("It happened two days before the vote.") == {"two days": "P2D"}


def test_a_quarter_just_ended_is_still_this_years_in_a_clause_about_the_future() -> None:
    # October: third-quarter results are reported in the quarter after it
    found = values("The company will report third-quarter earnings next week.", date(1989, 10, 26))
    assert found["third-quarter"] == "1989-Q3"


def test_a_year_ago_then_a_year_earlier_both_go_back_one_year() -> None:
    text = (
        "It lost $2 million a year ago. Sales were $3 million, against $4 million a year earlier."
    )
    found = [t.value for t in find_timexes(text, REF)]
    assert found == ["1988", "1988"]
