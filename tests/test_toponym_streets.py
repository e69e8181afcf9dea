"""A place's name inside a street's or a square's is no mention of that place."""

from __future__ import annotations

import pytest

from events.toponyms import ToponymFinder
from tests.toponym_support import find, places


@pytest.mark.parametrize(
    "text",
    [
        "Crowds gathered on Atlantic Avenue in Brooklyn.",
        "The bar on Frenchmen Street in New Orleans reopened.",
        "Tourists filled the French Quarter in New Orleans.",
        "Police closed 333 Victoria St. in Nelson.",
        "A march crossed Washington Square in New Orleans.",
    ],
)
def test_a_street_named_after_a_place_is_not_that_place(finder: ToponymFinder, text: str) -> None:
    found = {t.text: t.entry for t in find(finder, text)}
    assert "Atlantic" not in found and "French" not in found and "Frenchmen" not in found
    assert "Victoria" not in found and "Washington Square" not in found
    assert found.keys() & {"Brooklyn", "New Orleans", "Nelson"}


def test_a_lower_case_word_after_a_demonym_leaves_it_a_demonym(
    finder: ToponymFinder,
) -> None:
    found = {t.text: t for t in find(finder, "The European drive for cleaner cars slowed.")}
    assert found["European"].entry.name == "Europe"


def test_a_town_named_like_a_square_is_found_when_its_state_qualifies_it(
    finder: ToponymFinder,
) -> None:
    found = places(finder, "The mushroom festival in Kennett Square, Pennsylvania, drew crowds.")
    assert found["Kennett Square"].entry.admin1 == "US.PA"
