"""Years and decades said in words, as broadcasts and quotations say them."""

from __future__ import annotations

from datetime import date

import pytest

from events.extraction.dates import find_timexes

REF = date(1998, 2, 27)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Atlanta, nineteen ninety-six: a bomb blast.", "1996"),
        ("January nineteen ninety-seven. Atlanta again.", "1997-01"),
        ("It was the winter of nineteen ninety-four.", "1994-WI"),
        ("Computers may fail in the year two thousand.", "2000"),
        ("Prices rose through the nineties.", "199"),
        ("The nineteen-eighties were kind to it.", "198"),
    ],
)
def test_years_and_decades_in_words_get_their_value(text: str, value: str) -> None:
    assert [t.value for t in find_timexes(text, REF)] == [value]


@pytest.mark.parametrize(
    "text", ["Two thousand people marched.", "Nineteen hundred soldiers left.", "in their nineties"]
)
def test_numbers_and_ages_in_words_are_not_years(text: str) -> None:
    assert find_timexes(text, REF) == []
