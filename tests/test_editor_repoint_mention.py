"""Re-pointing a mention moves its namesakes and events, and survives re-ingest."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from events.models import Mention, Place, PlaceChoice

TEXT = "Shells fell on Zawiya on Thursday. Rebels held Benghazi as Zawiya fell."


def _ingest(path: Path, text: str) -> None:
    path.write_text(json.dumps({"id": "z", "text": text, "published": "2011-03-11"}))
    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())


@pytest.fixture
def client(db: None) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("ed", password="pw-for-tests-only"))
    return client


def test_re_pointing_a_mention_moves_its_namesakes_events_and_survives_re_ingest(
    client: Client, tmp_path: Path
) -> None:
    path = tmp_path / "news.json"
    _ingest(path, TEXT)
    zawiya_west = Mention.objects.filter(surface="Zawiya").first()
    assert zawiya_west is not None
    east = Place.objects.create(name="Az Zawiyah (east)", lat=32.6, lon=21.7, country_code="LY")

    response = client.post(
        f"/admin/events/mention/{zawiya_west.pk}/change/", {"place": east.pk, "not_a_place": ""}
    )
    assert response.status_code == 302

    assert set(Mention.objects.filter(surface="Zawiya").values_list("place", flat=True)) == {
        east.pk
    }
    assert east.events.count() == 2
    assert not Place.objects.get(name="Zawiya").events.exists()
    assert PlaceChoice.objects.get().place == east

    _ingest(path, "Update. " + TEXT)
    assert set(Mention.objects.filter(surface="Zawiya").values_list("place", flat=True)) == {
        east.pk
    }
    assert east.events.count() == 2


def test_the_place_field_searches_places_as_the_editor_types(client: Client) -> None:
    Place.objects.create(name="Ras Lanuf", lat=30.5, lon=18.5)
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "events", "model_name": "mention", "field_name": "place", "term": "lanuf"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Ras Lanuf"]
