"""A name means one thing throughout an article, once its own cue says what."""

from __future__ import annotations

from events.toponyms import Toponym, ToponymFinder
from tests.toponym_support import find, places


def _said(finder: ToponymFinder, *sentences: str, name: str) -> tuple[str, list[Toponym]]:
    """The text the sentences make, and the toponyms found for `name` in it."""
    text = " ".join(sentences)
    return text, [t for t in find(finder, text) if t.text == name]


def test_a_small_town_a_cue_places_is_that_town_where_the_article_says_it_bare(
    finder: ToponymFinder,
) -> None:
    text, samos = _said(
        finder,
        "Some 1,700 asylum seekers are stuck in Samos.",
        "Greece says the Samos hotspot is full and Samos's economy is in ruins.",
        name="Samos",
    )
    assert [t.start for t in samos] == [m for m in range(len(text)) if text.startswith("Samos", m)]
    assert {(t.entry.country_code, t.entry.kind) for t in samos} == {("GR", "city")}


def test_a_name_listed_after_a_place_does_not_place_the_name_elsewhere(
    finder: ToponymFinder,
) -> None:
    text, kings = _said(
        finder,
        "The outbreak was traced to a plant owned by its distributor in Solon, King Nut Companies.",
        "King Nut recalled its jars on Friday.",
        name="King",
    )
    assert all(t.start < text.index(".") for t in kings)


def test_a_person_named_like_two_towns_stays_a_person_when_named_alone(
    finder: ToponymFinder,
) -> None:
    text = (
        "The Dave Allen biopic aired across the United States on Monday. His "
        "resemblance to Allen was striking."
    )
    found = places(finder, text)
    assert "United States" in found
    assert "Allen" not in found
