"""/api/events/compact: every matching event in columns for the map, with HTTP caching."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.test import Client

from events.models import Article, Event, Place
from tests.event_support import make_event

EPOCH = date(1970, 1, 1).toordinal()


@dataclass
class World:
    zawiya: Place
    brussels: Place
    article: Article
    retreat: Event
    summit: Event
    weekend: Event


@pytest.fixture
def world(db: None) -> World:
    zawiya = Place.objects.create(name="Zawiya", country_code="LY", lat=32.76, lon=12.73)
    brussels = Place.objects.create(name="Brussels", country_code="BE", lat=50.85, lon=4.35)
    Place.objects.create(name="Nowhere", lat=0, lon=0)
    article = Article.objects.create(
        title="Rebels beaten back",
        source="Wire",
        url="https://example.com/a",
        published=date(2011, 3, 11),
        text="...",
        content_hash="a",
    )
    return World(
        zawiya=zawiya,
        brussels=brussels,
        article=article,
        summit=make_event(
            article, "Ministers met.", date(2011, 3, 11), date(2011, 3, 11), brussels
        ),
        retreat=make_event(
            article, "Rebels fell back.", date(2011, 3, 10), date(2011, 3, 10), zawiya
        ),
        weekend=make_event(
            article, "Talks at the weekend.", date(2011, 3, 12), date(2011, 3, 13), zawiya, brussels
        ),
    )


def test_events_come_in_columns_ordered_by_start_with_days_since_1970(
    client: Client, world: World
) -> None:
    data = client.get("/api/events/compact").json()
    events = data["events"]
    assert data["count"] == 3
    assert events["id"] == [world.retreat.pk, world.summit.pk, world.weekend.pk]
    assert events["text"][0] == "Rebels fell back."
    assert events["start"][2] == date(2011, 3, 12).toordinal() - EPOCH
    assert events["end"][2] == date(2011, 3, 13).toordinal() - EPOCH
    assert events["precision"] == ["day", "day", "day"]


def test_places_and_articles_are_referred_to_by_index_and_only_used_ones_are_sent(
    client: Client, world: World
) -> None:
    data = client.get("/api/events/compact").json()
    places = data["places"]
    assert sorted(places["name"]) == ["Brussels", "Zawiya"]
    weekend = data["events"]["places"][2]
    # Ordered by name, as in the GeoJSON MultiPoint.
    assert [places["name"][i] for i in weekend] == ["Brussels", "Zawiya"]
    assert places["lat"][places["name"].index("Zawiya")] == 32.76
    article = data["events"]["article"][0]
    assert data["articles"]["title"][article] == "Rebels beaten back"
    assert data["articles"]["published"][article] == "2011-03-11"


def test_it_takes_the_same_filters_as_the_geojson_list(client: Client, world: World) -> None:
    week = client.get("/api/events/compact?start=2011-03-11&end=2011-03-12").json()
    assert week["events"]["id"] == [world.summit.pk, world.weekend.pk]
    libya = client.get("/api/events/compact?bbox=9,19,26,34").json()
    assert libya["events"]["id"] == [world.retreat.pk, world.weekend.pk]
    assert sorted(libya["places"]["name"]) == ["Brussels", "Zawiya"]
    assert client.get("/api/events/compact?bbox=1,2,3").status_code == 400


def test_get_answers_carry_an_etag_and_a_repeat_with_it_is_a_304(
    client: Client, world: World
) -> None:
    for url in ("/api/events/compact", "/api/events", "/api/places", "/api/articles"):
        first = client.get(url)
        assert first.status_code == 200
        assert "max-age=" in first["Cache-Control"]
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url
        assert again.content == b""


def test_the_etag_changes_when_the_events_change(client: Client, world: World) -> None:
    before = client.get("/api/events/compact")["ETag"]
    make_event(world.article, "A new event.", date(2011, 3, 14), date(2011, 3, 14), world.zawiya)
    after = client.get("/api/events/compact", HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200
    assert after["ETag"] != before


def test_errors_are_not_cached(client: Client, world: World) -> None:
    response = client.get("/api/events/999999")
    assert response.status_code == 404
    assert not response.has_header("ETag")
