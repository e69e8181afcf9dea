"""/api/events is encoded by pydantic-core: UTF-8, and the same values json.dumps would give."""

import json
from datetime import date

import pytest
from django.test import Client

from events.models import Article, Event, Place
from tests.event_support import make_event

TEXT = 'Rebels said "Ajdābiyā" fell: a\ttab, a\nnewline, \u2028 and </script> 🚩.'


@pytest.fixture
def event(db: None) -> Event:
    article = Article.objects.create(
        title="Ajdābiyā — the road east",
        source="Al Jazeera",
        url="https://example.com/ajdabiya",
        published=date(2011, 3, 15),
        text=TEXT,
        content_hash="hash-ajdabiya",
    )
    return make_event(
        article,
        TEXT,
        date(2011, 3, 15),
        date(2011, 3, 15),
        Place.objects.create(name="Ajdābiyā", country_code="LY", lat=30.7554, lon=20.2263),
        Place.objects.create(name="Benghazi", country_code="LY", lat=32.1167, lon=20.0667),
        date_text="15 March",
    )


def test_text_outside_ascii_comes_back_unchanged_in_a_utf8_body(
    client: Client, event: Event
) -> None:
    for url in ("/api/events", f"/api/events/{event.pk}"):
        response = client.get(url)

        body = response.content.decode("utf-8")
        assert "Ajdābiyā" in body
        data = json.loads(body)
        feature = data["features"][0] if "features" in data else data
        assert feature["properties"]["text"] == TEXT
        assert feature["properties"]["article"]["title"] == "Ajdābiyā — the road east"
        assert [p["name"] for p in feature["properties"]["places"]] == ["Ajdābiyā", "Benghazi"]


def test_coordinates_keep_every_digit_they_were_stored_with(client: Client, event: Event) -> None:
    feature = client.get(f"/api/events/{event.pk}").json()

    assert feature["geometry"]["coordinates"] == [[20.2263, 30.7554], [20.0667, 32.1167]]
