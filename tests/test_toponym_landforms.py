"""A town's name before a landform the gazetteer lacks names the landform, not the town."""

from __future__ import annotations

from events.toponyms import ToponymFinder
from tests.toponym_support import find


def test_a_valley_named_like_a_town_is_not_the_town(finder: ToponymFinder) -> None:
    text = "The cow was found in Fraser Valley, a farming community near Vancouver."
    found = {t.text: t.entry for t in find(finder, text)}
    assert "Fraser" not in found
    assert found["Vancouver"].country_code == "CA"


def test_a_landform_the_gazetteer_knows_whole_is_found_whole(finder: ToponymFinder) -> None:
    found = {t.text: t.entry for t in find(finder, "Ice closed Hudson Bay early this year.")}
    assert found["Hudson Bay"].kind == "water"
