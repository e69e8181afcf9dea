"""A NUL in a query string of the admin or a page is a 400 with one line, never a 500.

The admin's list filters and autocomplete pass their values to the database;
on PostgreSQL ?country_code=%00 was a 500. The API and the embed answer with
their own messages, naming the parameter (tests/test_api_nul_in_text.py).
"""

import pytest
from django.test import Client

from tests.event_support import SmallWorld, small_world

ADMIN_QUERIES = [
    "/admin/events/place/?country_code=%00",
    "/admin/events/place/?kind=%00",
    "/admin/events/place/?geocode_source__exact=L%00",
    "/admin/events/place/?q=Ras%00",
    "/admin/autocomplete/?term=%00&app_label=events&model_name=mention&field_name=place",
    "/admin/events/place/?%00=1",
]


@pytest.fixture
def world(db: None) -> SmallWorld:
    return small_world()


@pytest.mark.parametrize("url", ADMIN_QUERIES)
def test_a_nul_in_an_admin_query_is_a_400_saying_so(
    admin_client: Client, world: SmallWorld, url: str
) -> None:
    response = admin_client.get(url)

    assert response.status_code == 400
    assert response.content == b"A query parameter must not contain a NUL character.\n"


def test_a_nul_in_a_page_query_is_a_400_too(client: Client, world: SmallWorld) -> None:
    assert client.get("/?q=%00").status_code == 400
    assert client.get(f"/articles/{world.libya.pk}/?x=%00").status_code == 400


def test_the_same_filters_without_nul_are_answered(admin_client: Client, world: SmallWorld) -> None:
    for url in ADMIN_QUERIES:
        assert admin_client.get(url.replace("%00", "")).status_code in (200, 302), url


def test_the_api_keeps_its_own_message_naming_the_parameter(
    client: Client, world: SmallWorld
) -> None:
    response = client.get("/api/places?country=%00")

    assert response.json() == {"detail": "country must not contain a NUL character"}
