"""Paging past what a database can count is a 400 naming the parameter, never a 500."""

import pytest
from django.test import Client

from events.params import INT64_MAX
from tests.event_support import SmallWorld, small_world

PAGED = ["/api/events", "/api/places", "/api/articles"]


@pytest.fixture
def world(db: None) -> SmallWorld:
    return small_world()


@pytest.mark.parametrize("url", PAGED)
@pytest.mark.parametrize("offset", [2**63, 10**30])
def test_an_offset_past_int64_is_a_400_naming_offset(
    client: Client, world: SmallWorld, url: str, offset: int
) -> None:
    response = client.get(url, {"offset": offset})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": f"offset must be at most {INT64_MAX}"}


@pytest.mark.parametrize("url", PAGED)
def test_the_largest_offset_a_database_holds_is_an_empty_page(
    client: Client, world: SmallWorld, url: str
) -> None:
    body = client.get(url, {"offset": INT64_MAX}).json()

    assert body["count"] > 0
    assert body["offset"] == INT64_MAX
    assert body.get("features", body.get("items")) == []


@pytest.mark.parametrize("url", PAGED)
def test_an_absurd_limit_is_a_400_naming_limit(client: Client, world: SmallWorld, url: str) -> None:
    response = client.get(url, {"limit": "9" * 40})

    assert response.status_code == 400
    assert response.json() == {"detail": f"limit must be at most {INT64_MAX}"}


@pytest.mark.parametrize("url", PAGED)
@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ({"limit": -1}, "limit must be at least 0"),
        ({"offset": -1}, "offset must be at least 0"),
        ({"offset": "ten"}, "offset must be a whole number"),
        ({"limit": "1.5"}, "limit must be a whole number"),
        ({"offset": "9" * 5000}, "offset must be a whole number of at most 19 digits"),
    ],
)
def test_a_limit_or_offset_that_is_no_count_is_a_400_saying_what_it_must_be(
    client: Client, world: SmallWorld, url: str, query: dict, detail: str
) -> None:
    response = client.get(url, query)

    assert response.status_code == 400
    assert response.json() == {"detail": detail}
