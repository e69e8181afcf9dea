"""Every status the API answers is in its OpenAPI schema, and every refusal has one shape:
400 or 404 with {"detail": one line}, never django-ninja's undocumented 422."""

import pytest
from django.test import Client

from events.schemas import Error
from tests.event_support import SmallWorld, small_world


@pytest.fixture
def world(db: None) -> SmallWorld:
    return small_world()


@pytest.fixture
def operations(client: Client, db: None) -> dict[str, dict]:
    paths = client.get("/api/openapi.json").json()["paths"]
    return {path: operation["get"] for path, operation in paths.items()}


def test_every_operation_documents_its_400_and_none_a_422(operations: dict[str, dict]) -> None:
    assert set(operations) == {
        "/api/events",
        "/api/events/compact",
        "/api/events/{event_id}",
        "/api/places",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/timeline",
        "/api/kinds",
        "/api/storymap",
    }
    for path, operation in operations.items():
        assert "400" in operation["responses"], path
        assert "422" not in operation["responses"], path


def test_one_item_by_id_documents_its_404(operations: dict[str, dict]) -> None:
    assert "404" in operations["/api/events/{event_id}"]["responses"]
    assert "404" in operations["/api/articles/{article_id}"]["responses"]


@pytest.mark.parametrize(
    ("url", "detail"),
    [
        ("/api/events/abc", "event_id must be a whole number"),
        ("/api/articles/1.5", "article_id must be a whole number"),
        ("/api/events/-1", "No event with id -1"),
    ],
)
def test_an_item_id_that_is_no_id_is_refused_and_a_missing_one_not_found(
    client: Client, world: SmallWorld, url: str, detail: str
) -> None:
    response = client.get(url)

    assert response.status_code == (404 if detail.startswith("No ") else 400)
    assert Error.model_validate(response.json()).detail == detail


def test_the_error_responses_are_the_error_schema(operations: dict[str, dict]) -> None:
    ref = {"$ref": "#/components/schemas/Error"}
    for path, operation in operations.items():
        for status, answer in operation["responses"].items():
            if status in ("400", "404"):
                assert answer["content"]["application/json"]["schema"] == ref, (path, status)


def test_the_paged_lists_document_304_for_a_repeat_with_their_etag(
    client: Client, world: SmallWorld, operations: dict[str, dict]
) -> None:
    first = client.get("/api/events")
    repeat = client.get("/api/events", HTTP_IF_NONE_MATCH=first["ETag"])

    assert repeat.status_code == 304
    assert "304" in operations["/api/events"]["responses"]


@pytest.mark.parametrize(
    "url", ["/api/nothing", "/api/", "/api/events/1/places", "/api/events/compact/"]
)
def test_an_address_no_operation_has_is_a_json_404(
    client: Client, world: SmallWorld, url: str
) -> None:
    response = client.get(url)

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert Error.model_validate(response.json()).detail == f"No such address in the API: {url}"


def test_addresses_outside_the_api_keep_the_html_404(client: Client, world: SmallWorld) -> None:
    response = client.get("/nothing-here/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    "query",
    [{"start": "2011-02-30"}, {"limit": "many"}, {"place": "x"}, {"end": "2011-3-1"}],
)
def test_a_value_of_the_wrong_kind_is_a_400_with_one_line_not_a_422(
    client: Client, world: SmallWorld, query: dict[str, str]
) -> None:
    response = client.get("/api/events", query)

    assert response.status_code == 400
    detail = Error.model_validate(response.json()).detail
    assert detail.startswith(next(iter(query)) + " must be")
