"""Stretches of time without a number, decades that are stretches, and repetitions."""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.dates import find_timexes

REF = date(2011, 3, 11)


def typed(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_timexes(text, REF)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minutes later, the roof fell.", ("Minutes", "DURATION", "PTXM")),
        ("The merger follows months of talks.", ("months", "DURATION", "PXM")),
        ("Kidnappings rose in recent years.", ("recent years", "DURATION", "PXY")),
        ("Rates may fall in coming weeks.", ("coming weeks", "DURATION", "PXW")),
    ],
)
def test_units_without_a_number_are_stretches_of_unknown_length(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert typed(text) == [expected]


def test_over_the_next_decade_is_ten_years_from_now() -> None:
    assert typed("Sales will double over the next decade.") == [
        ("the next decade", "DURATION", "P10Y")
    ]


def test_the_next_decade_as_a_subject_is_the_calendar_decade() -> None:
    assert typed("The next decade will be hard.") == [("The next decade", "DATE", "202")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She runs every morning.", "XXXX-XX-XXTMO"),
        ("The fair opens each July.", "XXXX-07"),
        ("They return every summer.", "XXXX-SU"),
        ("Dividends are paid every quarter.", "P1Q"),
        ("The bus comes every other day.", "P2D"),
        ("The club meets every Monday morning.", "XXXX-WXX-1TMO"),
        ("The shop closes on Sundays.", "XXXX-WXX-7"),
        ("The paper comes out weekly.", "P1W"),
    ],
)
def test_repetitions_are_sets(text: str, value: str) -> None:
    (found,) = find_timexes(text, REF)
    assert (found.type, found.value) == ("SET", value)


def test_units_ago_without_a_number_are_the_past() -> None:
    assert typed("The company, which months ago was losing money, recovered.") == [
        ("months ago", "DATE", "PAST_REF")
    ]


def test_a_couple_of_years_without_its_article_is_two_years() -> None:
    assert typed("Over the next couple of years, sales will grow.") == [
        ("the next couple of years", "DURATION", "P2Y")
    ]


def test_later_than_planned_is_a_delay_not_a_date() -> None:
    assert typed("It opened three days later than planned.") == [("three days", "DURATION", "P3D")]
