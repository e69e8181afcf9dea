"""A mall or a summit named after a whole region is not at that region's middle."""

from __future__ import annotations

import pytest

from events.toponyms import ToponymFinder
from tests.toponym_support import find


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Shoppers crowded the SM Mall of Asia in Pasay on Sunday.", "Asia"),
        ("Leaders met at the Summit of the Americas in Lima.", "Americas"),
        ("The Mall of America in Bloomington reopened.", "America"),
    ],
)
def test_a_venue_named_after_a_region_is_not_the_region(
    finder: ToponymFinder, text: str, region: str
) -> None:
    found = {t.text for t in find(finder, text)}
    assert region not in found
    assert found & {"Pasay", "Lima", "Bloomington"}


def test_a_mall_named_after_its_city_is_in_the_city(finder: ToponymFinder) -> None:
    found = {t.text: t.entry for t in find(finder, "The Mall of Berlin opened in 2014.")}
    assert found["Berlin"].country_code == "DE"
