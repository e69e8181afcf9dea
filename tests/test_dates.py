"""Acceptance tests for events.extraction.dates: finding and normalising temporal expressions."""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.dates import Timex, find_timexes

# A Friday.
REF = date(2011, 3, 11)


def only(text: str, reference: date = REF) -> Timex:
    found = find_timexes(text, reference)
    assert len(found) == 1, found
    return found[0]


def values(text: str, reference: date = REF) -> list[str]:
    return [t.value for t in find_timexes(text, reference)]


# --- weekdays -----------------------------------------------------------------------------


def test_friday_in_a_friday_article_is_that_day() -> None:
    t = only("The minister said Friday that the talks had failed.")
    assert t.text == "Friday"
    assert t.value == "2011-03-11"
    assert (t.date_start, t.date_end, t.precision) == (REF, REF, "day")


def test_on_thursday_at_the_start_of_a_sentence_is_the_day_before() -> None:
    t = only("On Thursday, state media said the army had advanced.")
    assert t.text == "Thursday"
    assert t.value == "2011-03-10"


def test_a_bare_past_weekday_is_the_most_recent_one() -> None:
    assert values("Government forces beat back rebels Thursday in Zawiya.") == ["2011-03-10"]


def test_will_makes_a_weekday_the_coming_one() -> None:
    assert values("NATO officials will meet Tuesday to discuss a no-fly zone.") == ["2011-03-15"]


def test_a_future_clause_elsewhere_in_the_sentence_does_not_move_the_weekday() -> None:
    assert values("Apple announced Monday that it will open new stores.") == ["2011-03-07"]


def test_last_and_next_weekday_skip_the_reference_day() -> None:
    assert values("It happened last Friday.") == ["2011-03-04"]
    assert values("They meet next Monday.") == ["2011-03-14"]


def test_named_days_are_not_plain_weekdays() -> None:
    assert find_timexes("Shares crashed on Black Monday.", REF) == []


def test_weekday_with_part_of_day_is_a_time() -> None:
    t = only("As of Thursday morning, the fighting continued.")
    assert t.text == "Thursday morning"
    assert t.type == "TIME"
    assert t.value == "2011-03-10TMO"
    assert (t.date_start, t.date_end, t.precision) == (date(2011, 3, 10), date(2011, 3, 10), "day")


def test_monday_night_is_a_night_time() -> None:
    assert values("The shelling began Monday night.") == ["2011-03-07TNI"]


# --- weekends and weeks -----------------------------------------------------------------------


def test_a_future_weekend_is_the_coming_one() -> None:
    t = only("Khatib will leave New York over the weekend.")
    assert t.value == "2011-W10-WE"
    assert (t.date_start, t.date_end) == (date(2011, 3, 12), date(2011, 3, 13))


def test_a_past_weekend_is_the_previous_one() -> None:
    t = only("Rebels regrouped over the weekend.")
    assert t.value == "2011-W09-WE"
    assert (t.date_start, t.date_end) == (date(2011, 3, 5), date(2011, 3, 6))


def test_next_week_is_the_next_iso_week() -> None:
    t = only("when she visits Tunisia and Egypt next week")
    assert t.value == "2011-W11"
    assert (t.date_start, t.date_end, t.precision) == (date(2011, 3, 14), date(2011, 3, 20), "week")


def test_earlier_this_week_runs_from_monday_to_the_reference_day() -> None:
    t = only("Death toll estimates earlier this week ranged from 1,000 to 2,000.")
    assert t.value == "2011-W10"
    assert (t.date_start, t.date_end) == (date(2011, 3, 7), REF)


def test_last_week_is_the_previous_iso_week() -> None:
    assert values("Prices rose last week.") == ["2011-W09"]


def test_the_past_week_is_a_week_long_duration() -> None:
    t = only("Prices rose over the past week.")
    assert (t.type, t.value) == ("DURATION", "P1W")


# --- calendar dates --------------------------------------------------------------------------


def test_a_month_and_day_without_year_is_the_latest_such_date() -> None:
    t = only("The uprising began February 15 in Benghazi.")
    assert t.value == "2011-02-15"


def test_a_future_month_and_day_is_the_coming_one() -> None:
    assert values("The vote will take place on February 15.") == ["2012-02-15"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It was founded in March 2010.", "2010-03"),
        ("It happened on 10 March 2011.", "2011-03-10"),
        ("It happened on March 10, 2011.", "2011-03-10"),
        ("It happened on Thursday, March 10, 2011.", "2011-03-10"),
        ("Filed 2011-03-10 in court.", "2011-03-10"),
        ("The vote was held in 2009.", "2009"),
        ("Growth was strong in the 1990s.", "199"),
        ("Cars of the 70s were boxy.", "197"),
        ("Prices rose in early March.", "2011-03"),
        ("It is due in mid-2010.", "2010"),
        ("Losses grew in the fourth quarter of 2010.", "2010-Q4"),
        ("It was signed on 7/8/07.", "2007-07-08"),
        # Month first where it can be; "13/12" can only be day first.
        ("It was signed on 03/10/2011.", "2011-03-10"),
        ("It was signed on 13/12/2010.", "2010-12-13"),
    ],
)
def test_calendar_expressions_get_their_value(text: str, value: str) -> None:
    assert values(text) == [value]


def test_a_list_of_decades_is_tagged_but_ages_are_not() -> None:
    assert values("the boxy cars of the 70s and 80s") == ["197", "198"]
    assert values("Most voters were in their 70s and 80s.") == []


def test_a_month_date_range_covers_the_whole_month() -> None:
    t = only("It was founded in March 2010.")
    assert (t.date_start, t.date_end, t.precision) == (date(2010, 3, 1), date(2010, 3, 31), "month")


def test_a_year_range_covers_the_whole_year() -> None:
    t = only("The vote was held in 2009.")
    assert (t.date_start, t.date_end, t.precision) == (date(2009, 1, 1), date(2009, 12, 31), "year")


# --- words relative to the reference -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rebels attacked today.", "2011-03-11"),
        ("Rebels attacked yesterday.", "2011-03-10"),
        ("Rebels will attack tomorrow.", "2011-03-12"),
        ("Prices rose last month.", "2011-02"),
        ("Prices will rise next month.", "2011-04"),
        ("Prices rose this year.", "2011"),
        ("Prices rose last year.", "2010"),
        ("It happened two days ago.", "2011-03-09"),
        ("It happened two years ago.", "2009"),
        ("It happened four months ago.", "2010-11"),
        ("The leader spoke this morning.", "2011-03-11TMO"),
        ("The leader will speak tonight.", "2011-03-11TNI"),
    ],
)
def test_relative_words_resolve_against_the_reference(text: str, value: str) -> None:
    assert values(text) == [value]


def test_last_month_has_a_month_range() -> None:
    t = only("Prices rose last month.")
    assert (t.date_start, t.date_end, t.precision) == (date(2011, 2, 1), date(2011, 2, 28), "month")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He is now in exile.", "PRESENT_REF"),
        ("He is currently in exile.", "PRESENT_REF"),
        ("He recently fled.", "PAST_REF"),
        ("It happened in the past.", "PAST_REF"),
    ],
)
def test_vague_references_to_now_past_and_future(text: str, value: str) -> None:
    t = only(text)
    assert t.value == value
    assert t.date_start is None and t.precision is None


# --- durations and sets ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The siege lasted three weeks.", "P3W"),
        ("His nearly 42 years of rule ended.", "P42Y"),
        ("The curfew lasted for 10 days.", "P10D"),
        ("The 68-year-old leader spoke.", "P68Y"),
        ("Talks went on for two hours.", "PT2H"),
        ("It was delayed almost two and a half years.", "P2.5Y"),
    ],
)
def test_durations_have_period_values_and_no_range(text: str, value: str) -> None:
    t = only(text)
    assert (t.type, t.value) == ("DURATION", value)
    assert t.date_start is None and t.date_end is None and t.precision is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Protesters gathered daily.", "P1D"),
        ("They meet every week.", "P1W"),
        ("It publishes an annual report.", "P1Y"),
        ("He earned $50,000 a year.", "P1Y"),
        ("Markets close every Monday.", "XXXX-WXX-1"),
    ],
)
def test_repetitions_are_sets(text: str, value: str) -> None:
    t = only(text)
    assert (t.type, t.value) == ("SET", value)


# --- things that are not dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We will fight on.",
        "The rebels may be defeated.",
        "Prime Minister Theresa May spoke to reporters.",
        "Thousands march on the capital.",
        "The Sun reported the story.",
        "It was the second time he had resigned.",
        "More than 250,000 people fled.",
        "The plan costs 12 billion dollars.",
        "The convoy moved a kilometer.",
        "Nearly 2000 people attended.",
        "Shares fell to 1995.50 points.",
        "About a quarter of the dealers closed.",
    ],
)
def test_words_that_only_look_like_dates_are_not_tagged(text: str) -> None:
    assert find_timexes(text, REF) == []


def test_may_is_a_month_when_a_date_follows_or_a_preposition_precedes() -> None:
    assert values("Elections are due in May.") == ["2011-05"]
    assert values("Elections were held on May 5, 2010.") == ["2010-05-05"]


def test_numbers_with_thousands_separators_are_read_whole() -> None:
    t = only("It has been 1,000 days since his arrest.")
    assert (t.text, t.value) == ("1,000 days", "P1000D")


def test_an_article_before_a_plural_unit_belongs_to_another_noun() -> None:
    assert find_timexes("She fought a months-long battle.", REF) == []


def test_two_digit_years_in_numeric_dates_stay_near_the_reference() -> None:
    assert values("The draw on 3/30/18 was won.", date(2018, 4, 1)) == ["2018-03-30"]


def test_the_following_year_counts_from_the_last_date_mentioned() -> None:
    assert values("The plant opened in 1990 and closed the following year.") == ["1990", "1991"]


def test_the_last_week_of_a_month_is_the_last_iso_week_with_its_thursday_in_it() -> None:
    t = only("Sales rebounded in the last week of March.", date(2009, 4, 1))
    assert t.value == "2009-W13"


def test_the_day_after_a_dated_event_takes_that_date() -> None:
    assert values("Shares fell on Monday and ended the day lower.") == ["2011-03-07", "2011-03-07"]


# --- times ---------------------------------------------------------------------------------------


def test_a_clock_time_takes_the_day_named_in_its_sentence() -> None:
    assert values("The plane took off Tuesday at 18:00 UTC.") == ["2011-03-08", "2011-03-08T18:00Z"]


def test_a_clock_time_followed_by_a_day_is_one_expression() -> None:
    t = only("The company filed at 12:00 UTC Monday.")
    assert t.text == "12:00 UTC Monday"
    assert t.value == "2011-03-07T12:00Z"


# --- API contract ------------------------------------------------------------------------------


def test_results_are_sorted_and_do_not_overlap() -> None:
    text = (
        "On Thursday, state media said rebels had retreated. Officials will meet Tuesday, "
        "two days ago, in March 2010, and next week; the war began in 2009."
    )
    found = find_timexes(text, REF)
    assert [t.start for t in found] == sorted(t.start for t in found)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    for t in found:
        assert text[t.start : t.end] == t.text


def test_a_day_word_split_by_two_spaces_is_still_read() -> None:
    t = only("The envoy left last  night.")
    assert (t.text, t.value) == ("last  night", "2011-03-10TNI")
