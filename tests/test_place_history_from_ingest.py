"""A place an ingest creates has a first history record, so an editor's move can be undone."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from events.editors import make_editor
from events.models import Place
from tests.event_support import place_form


@pytest.mark.django_db
def test_reverting_an_editors_first_move_of_an_ingested_place_restores_the_gazetteers_position(
    client: Client, tmp_path: Path
) -> None:
    path = tmp_path / "news.json"
    path.write_text(
        json.dumps({"text": "Rebels held Benghazi on Friday.", "published": "2011-03-11"})
    )
    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())
    place = Place.objects.get(name="Benghazi")
    gazetteer = (place.lat, place.lon)
    editor = User.objects.create_user("erin", password="pw-for-tests-only")
    make_editor(editor)
    client.force_login(editor)
    moved = client.post(
        f"/admin/events/place/{place.pk}/change/",
        place_form(place, lat=round(place.lat + 0.5, 4), lon=round(place.lon + 0.5, 4)),
    )
    assert moved.status_code == 302

    latest, first = place.history.all()
    assert (first.lat, first.lon) == gazetteer and first.history_type == "+"
    assert (latest.lat, latest.lon) != gazetteer and latest.history_user == editor
    page = client.get(f"/admin/events/place/{place.pk}/history/")
    assert page.status_code == 200 and b"from the gazetteer" in page.content

    revert_url = f"/admin/events/place/{place.pk}/history/{first.history_id}/"
    assert client.get(revert_url).status_code == 200
    reverted = client.post(revert_url, place_form(first.instance))
    assert reverted.status_code == 302
    place.refresh_from_db()
    assert (place.lat, place.lon) == gazetteer
