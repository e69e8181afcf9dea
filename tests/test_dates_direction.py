"""Which occurrence a weekday or a date without its year means, from the clause around it."""

from __future__ import annotations

from datetime import date

from events.extraction.dates import find_timexes

FRIDAY = date(2011, 3, 11)
NOVEMBER = date(1989, 11, 2)


def value(text: str, reference: date) -> str:
    found = find_timexes(text, reference)
    assert len(found) == 1, found
    return found[0].value


def test_tomorrows_weekday_without_a_past_verb_is_tomorrow() -> None:
    # a Friday story of the weekend ahead: a week-old Saturday would be "last Saturday"
    assert value("The match on Saturday is sold out.", FRIDAY) == "2011-03-12"


def test_tomorrows_weekday_in_the_past_tense_is_last_week() -> None:
    assert value("The match was played Saturday.", FRIDAY) == "2011-03-05"


def test_as_soon_as_and_is_to_look_ahead() -> None:
    assert value("The group could leave as soon as Tuesday.", FRIDAY) == "2011-03-15"
    assert value("Trading is to resume Tuesday.", FRIDAY) == "2011-03-15"


def test_the_stop_of_an_abbreviation_does_not_end_the_clause() -> None:
    found = find_timexes("The relatives have until 9 a.m. Tuesday to sign.", FRIDAY)
    assert [t.value for t in found] == ["2011-03-15T09:00"]


def test_a_month_and_day_without_a_tense_is_the_nearest() -> None:
    assert value("The dividend is payable Jan. 2 to holders of record.", NOVEMBER) == "1990-01-02"
    assert value("Holders of record Dec. 15 get the dividend.", NOVEMBER) == "1989-12-15"


def test_a_month_and_day_in_the_past_tense_is_the_latest() -> None:
    assert value("The offer was made Dec. 15.", NOVEMBER) == "1988-12-15"


def test_this_past_weekday_and_season_are_the_last_ones() -> None:
    assert value("It rained this past Sunday.", FRIDAY) == "2011-03-06"
    assert value("It rained this past spring.", NOVEMBER) == "1989-SP"


def test_a_month_with_this_or_last_year_after_it_is_one_date() -> None:
    found = find_timexes("The talks began in February this year.", date(1998, 12, 3))
    assert [(t.text, t.value) for t in found] == [("February this year", "1998-02")]
