"""Each event's kind and headline in the API, and the kind= filter on every list of events."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from events.extraction.happenings import KINDS
from events.models import Event
from events.schemas import EventCollection
from tests.event_support import make_article, make_event, three_places

LISTS = ["/api/events", "/api/events/compact", "/api/timeline"]


@pytest.fixture
def kinds(db: None) -> dict[str, Event]:
    ras_lanuf, brussels, _ = three_places()
    article = make_article("Libya", date(2011, 3, 11))
    day = date(2011, 3, 11)
    return {
        "fighting": make_event(
            article,
            "The military forces of Moammar Gadhafi on Friday pounded Ras Lanuf, the oil port.",
            day,
            day,
            ras_lanuf,
            kind="fighting",
            headline="The military forces of Moammar Gadhafi pounded Ras Lanuf",
        ),
        "diplomacy": make_event(
            article,
            "NATO ministers met in Brussels.",
            day,
            day,
            brussels,
            kind="diplomacy",
            headline="NATO ministers met in Brussels",
        ),
        "protest": make_event(
            article, "Protests began.", day, day, kind="protest", headline="Protests began"
        ),
    }


def ids(client: Client, url: str, query: str) -> set[int]:
    response = client.get(f"{url}?{query}")
    assert response.status_code == 200, response.content
    body = response.json()
    if url == "/api/timeline":
        return {int(slide["unique_id"].removeprefix("event-")) for slide in body["events"]}
    if url == "/api/events/compact":
        return set(body["events"]["id"])
    return {feature["id"] for feature in body["features"]}


def test_each_event_carries_its_kind_its_headline_and_its_whole_sentence(
    client: Client, kinds: dict[str, Event]
) -> None:
    body = client.get("/api/events?kind=fighting").json()
    EventCollection.model_validate(body)
    (feature,) = body["features"]
    assert feature["properties"]["kind"] == "fighting"
    assert feature["properties"]["headline"] == (
        "The military forces of Moammar Gadhafi pounded Ras Lanuf"
    )
    assert feature["properties"]["text"].startswith("The military forces of Moammar Gadhafi on")


def test_the_compact_list_has_a_kind_and_a_headline_column_beside_the_text(
    client: Client, kinds: dict[str, Event]
) -> None:
    columns = client.get("/api/events/compact").json()["events"]
    by_id = dict(
        zip(columns["id"], zip(columns["kind"], columns["headline"], strict=True), strict=True)
    )
    assert by_id[kinds["diplomacy"].pk] == ("diplomacy", "NATO ministers met in Brussels")
    assert len(columns["kind"]) == len(columns["headline"]) == len(columns["text"]) == 3


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=fighting", {"fighting"}),
        ("kind=fighting,protest", {"fighting", "protest"}),
        ("kind=fighting&kind=diplomacy", {"fighting", "diplomacy"}),
        ("kind=+protest+,+diplomacy", {"protest", "diplomacy"}),
        ("kind=protest,protest", {"protest"}),
        ("kind=disaster", set()),
        ("kind=", {"fighting", "diplomacy", "protest"}),
        ("", {"fighting", "diplomacy", "protest"}),
    ],
)
def test_kind_takes_one_kind_several_by_commas_or_repeated(
    client: Client, kinds: dict[str, Event], url: str, query: str, expected: set[str]
) -> None:
    assert ids(client, url, query) == {kinds[name].pk for name in expected}


@pytest.mark.parametrize("url", LISTS)
def test_kind_combines_with_the_other_filters(
    client: Client, kinds: dict[str, Event], url: str
) -> None:
    place = kinds["diplomacy"].places.get()
    assert ids(client, url, f"kind=diplomacy,fighting&place={place.pk}") == {kinds["diplomacy"].pk}


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("value", ["riot", "fighting,riot", "Fighting", ",", "fighting;protest"])
def test_an_unknown_kind_is_a_400_that_names_it_and_the_kinds(
    client: Client, kinds: dict[str, Event], url: str, value: str
) -> None:
    response = client.get(url, {"kind": value})
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert detail.startswith("kind must be one or more of "), detail
    assert all(kind in detail for kind in KINDS)
    assert "\n" not in detail


def test_a_nul_in_kind_is_a_400_not_a_server_error(client: Client, kinds: dict[str, Event]) -> None:
    response = client.get("/api/events?kind=fighting%00")
    assert response.status_code == 400


@pytest.mark.parametrize("url", LISTS)
def test_the_schema_documents_kind_as_repeatable_with_the_kinds_it_takes(
    client: Client, db: None, url: str
) -> None:
    operation = client.get("/api/openapi.json").json()["paths"][url]["get"]
    (kind,) = [p for p in operation["parameters"] if p["name"] == "kind"]
    array = next(s for s in kind["schema"]["anyOf"] if s["type"] == "array")
    assert all(name in array["items"]["pattern"] for name in KINDS)
    assert "400" in kind["description"]
