"""A NUL character in q or country is refused with one line on both databases.

PostgreSQL cannot compare text holding NUL (a 500 before), and SQLite's LIKE
stops at it, so that q=%00 matched every event: a wrong answer.
"""

import pytest
from django.test import Client

from tests.event_support import SmallWorld, small_world

JSON_TEXT_PARAMETERS = [
    ("/api/events", "q"),
    ("/api/events/compact", "q"),
    ("/api/places", "q"),
    ("/api/places", "country"),
    ("/api/timeline", "q"),
]


@pytest.fixture
def world(db: None) -> SmallWorld:
    return small_world()


@pytest.mark.parametrize(("url", "name"), JSON_TEXT_PARAMETERS)
@pytest.mark.parametrize("value", ["\x00", "Ras\x00Lanuf", "Lanuf\x00"])
def test_a_nul_in_a_text_parameter_is_a_400_saying_so(
    client: Client, world: SmallWorld, url: str, name: str, value: str
) -> None:
    response = client.get(url, {name: value})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": f"{name} must not contain a NUL character"}


@pytest.mark.parametrize("url", ["/embed/timeline/", "/embed/code/"])
def test_the_embed_pages_say_so_too(client: Client, world: SmallWorld, url: str) -> None:
    response = client.get(url, {"q": "Ras\x00"})

    assert response.status_code == 400
    assert "q must not contain a NUL character" in response.content.decode()


@pytest.mark.parametrize(("url", "name"), JSON_TEXT_PARAMETERS)
def test_other_control_characters_are_searched_for_and_match_nothing_here(
    client: Client, world: SmallWorld, url: str, name: str
) -> None:
    response = client.get(url, {name: "Ras\x01"})

    assert response.status_code == 200
    body = response.json()
    assert body.get("count", len(body.get("events", []))) == 0
