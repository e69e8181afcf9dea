"""Names the text calls places but the gazetteer lacks: kept for editors, or geocoded."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from geopy.location import Location
from geopy.point import Point

from events.models import Event, Mention, Place

TEXT = "Rebels held the town of Qarzabeek, east of Benghazi, on Friday."


def _ingest(tmp_path: Path) -> str:
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "q", "text": TEXT, "published": "2011-03-11"}) + "\n")
    out = StringIO()
    call_command("ingest", str(path), stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_offline_an_unknown_town_is_kept_as_an_unresolved_mention(tmp_path: Path) -> None:
    output = _ingest(tmp_path)
    assert "(1 unresolved)" in output
    mention = Mention.objects.get(surface="Qarzabeek")
    assert mention.place is None
    assert TEXT[mention.start : mention.end] == "Qarzabeek"
    assert not Place.objects.filter(name="Qarzabeek").exists()


class FakeGeocoder:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def geocode(self, query: str, exactly_one: bool = True) -> Any:
        self.asked.append(query)
        return Location(f"{query}, Libya", Point(30.75, 20.22), {})


@pytest.mark.django_db
def test_with_an_online_geocoder_the_town_is_placed_and_joins_its_event(
    tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.GEOCODER = "nominatim"
    fake = FakeGeocoder()
    monkeypatch.setattr("events.geocoder.get_geocoder", lambda: fake)
    output = _ingest(tmp_path)
    assert "(0 unresolved)" in output
    assert fake.asked == ["Qarzabeek"]
    place = Place.objects.get(name="Qarzabeek")
    assert place.geocode_source == Place.Source.GEOCODER
    assert (place.lat, place.lon) == (30.75, 20.22)
    event = Event.objects.get()
    assert set(event.places.values_list("name", flat=True)) == {"Qarzabeek", "Benghazi"}
