"""An event's places come ordered by name, then id, in its MultiPoint and its properties."""

from datetime import date

import pytest
from django.test import Client

from events.models import Article, Event, Place


@pytest.mark.django_db
def test_places_of_one_name_come_in_the_order_they_were_stored(client: Client) -> None:
    # Stored first, named last: the order is the name's, and the id only breaks ties.
    zuwara = Place.objects.create(name="Zuwara", country_code="LY", lat=32.93, lon=12.08)
    libya = Place.objects.create(name="Tripoli", country_code="LY", lat=32.89, lon=13.19)
    lebanon = Place.objects.create(name="Tripoli", country_code="LB", lat=34.44, lon=35.83)
    article = Article.objects.create(
        title="Two Tripolis", published=date(2011, 3, 1), text="…", content_hash="two"
    )
    for text in ("One.", "Two."):
        event = Event.objects.create(
            article=article,
            start=0,
            end=4,
            text=text,
            date_start=date(2011, 3, 1),
            date_end=date(2011, 3, 1),
        )
        event.places.set([zuwara, lebanon, libya])

    features = client.get("/api/events").json()["features"]

    for feature in features:
        assert [p["id"] for p in feature["properties"]["places"]] == [
            libya.pk,
            lebanon.pk,
            zuwara.pk,
        ]
        assert feature["geometry"]["coordinates"] == [
            [13.19, 32.89],
            [35.83, 34.44],
            [12.08, 32.93],
        ]
