"""A township named after a place is not that place."""

from __future__ import annotations

from events.toponyms import ToponymFinder
from tests.toponym_support import find


def test_a_township_named_after_the_capital_is_not_the_capital(finder: ToponymFinder) -> None:
    text = "The gala will be held at Seasons restaurant in Washington Township, New Jersey."
    found = {t.text: t.entry for t in find(finder, text)}
    assert "Washington" not in found
    assert found["New Jersey"].kind == "region"
