"""Ids no database can hold are refused with a message before any query, never a 500."""

import pytest
from django.test import Client

from events.params import INT64_MAX
from tests.event_support import SmallWorld, small_world

HUGE = "1" * 25
FILTERED = ["/api/events", "/api/events/compact", "/api/timeline"]


@pytest.fixture
def world(db: None) -> SmallWorld:
    return small_world()


@pytest.mark.parametrize("url", FILTERED)
@pytest.mark.parametrize("name", ["article", "place"])
def test_an_id_of_25_digits_is_a_400_naming_the_parameter(
    client: Client, world: SmallWorld, url: str, name: str
) -> None:
    response = client.get(url, {name: HUGE})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": f"{name} must be at most {INT64_MAX}"}


@pytest.mark.parametrize("url", FILTERED)
@pytest.mark.parametrize(
    ("value", "detail"), [("0", "must be at least 1"), ("-3", "must be at least 1")]
)
def test_an_id_below_1_is_a_400_too(
    client: Client, world: SmallWorld, url: str, value: str, detail: str
) -> None:
    response = client.get(url, {"place": value})

    assert response.status_code == 400
    assert response.json() == {"detail": f"place {detail}"}


@pytest.mark.parametrize("url", FILTERED)
def test_the_largest_id_a_database_holds_matches_nothing(
    client: Client, world: SmallWorld, url: str
) -> None:
    response = client.get(url, {"article": INT64_MAX, "place": INT64_MAX})

    assert response.status_code == 200
    body = response.json()
    assert body.get("count", len(body.get("events", []))) == 0


@pytest.mark.parametrize("name", ["article", "place"])
def test_the_embed_answers_a_huge_id_with_a_short_page_saying_why(
    client: Client, world: SmallWorld, name: str
) -> None:
    response = client.get("/embed/timeline/", {name: HUGE})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "This timeline cannot be shown" in page
    assert f"{name} must be at most {INT64_MAX}" in page


def test_the_embed_code_page_explains_a_huge_id_too(client: Client, world: SmallWorld) -> None:
    response = client.get("/embed/code/", {"article": HUGE})

    assert response.status_code == 400
    assert f"article must be at most {INT64_MAX}" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "what"), [("/api/events/", "event"), ("/api/articles/", "article")]
)
def test_one_item_by_a_huge_id_is_a_404_like_any_missing_one(
    client: Client, world: SmallWorld, url: str, what: str
) -> None:
    response = client.get(url + HUGE)

    assert response.status_code == 404
    assert response.json() == {"detail": f"No {what} with id {HUGE}"}
