"""Both halves of a range are found, and the second does not come before the first."""

from __future__ import annotations

from datetime import date

from events.extraction.dates import find_timexes

REF = date(2011, 3, 8)  # a Tuesday


def found(text: str, reference: date = REF) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, reference)]


def test_a_range_of_years_with_a_hyphen_has_both_years() -> None:
    assert found("Prices rose in 2009-2010.") == [("2009", "2009"), ("2010", "2010")]
    assert found("the 1995-96 season") == [("1995", "1995"), ("96", "1996")]


def test_a_range_of_days_in_one_month_has_both_days() -> None:
    assert found("The talks run March 3-5.") == [("March 3", "2011-03-03"), ("5", "2011-03-05")]


def test_a_year_after_a_range_of_days_is_the_whole_ranges() -> None:
    assert found("It ran March 3 to 5, 2010.") == [
        ("March 3", "2010-03-03"),
        ("5, 2010", "2010-03-05"),
    ]


def test_the_second_weekday_of_a_range_is_not_before_the_first() -> None:
    # Monday is yesterday; a past Wednesday would be six days ago, before it
    assert found("Talks run from Monday to Wednesday.") == [
        ("Monday", "2011-03-07"),
        ("Wednesday", "2011-03-09"),
    ]


def test_the_second_month_of_a_range_follows_the_first() -> None:
    assert found("The works run from March to June.") == [("March", "2011-03"), ("June", "2011-06")]


def test_a_month_before_a_dated_month_takes_its_year() -> None:
    assert found("from June to March 2010") == [("June", "2009-06"), ("March 2010", "2010-03")]


def test_numbers_after_a_date_that_are_not_days_are_left_alone() -> None:
    assert found("Rates fell on March 3 to 4 percent.") == [("March 3", "2011-03-03")]
