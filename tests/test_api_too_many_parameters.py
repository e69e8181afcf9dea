"""More query parameters than Django reads is a JSON 400 on the API, as any other refusal."""

import pytest
from django.http import HttpResponse
from django.test import Client

from tests.event_support import SmallWorld, small_world

OPERATIONS = [
    "/api/events",
    "/api/events/compact",
    "/api/places",
    "/api/articles",
    "/api/timeline",
    "/api/storymap",
]  # not /api/kinds, which reads no parameters


@pytest.fixture
def world(db: None) -> SmallWorld:
    return small_world()


def with_parameters(client: Client, url: str, count: int) -> HttpResponse:
    return client.get(url + "?" + "&".join(f"x{index}=1" for index in range(count)))


@pytest.mark.parametrize("url", OPERATIONS)
def test_a_request_past_the_parameter_limit_is_a_json_400_saying_the_limit(
    client: Client, world: SmallWorld, url: str, settings
) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50

    response = with_parameters(client, url, 51)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "too many query parameters: at most 50 are read"}


@pytest.mark.parametrize("url", OPERATIONS)
def test_a_request_at_the_limit_is_answered(
    client: Client, world: SmallWorld, url: str, settings
) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50

    assert with_parameters(client, url, 50).status_code == 200


def test_the_default_limit_holds_on_the_api_too(client: Client, world: SmallWorld) -> None:
    response = with_parameters(client, "/api/events", 1001)

    assert response.status_code == 400
    assert response.json() == {"detail": "too many query parameters: at most 1000 are read"}
