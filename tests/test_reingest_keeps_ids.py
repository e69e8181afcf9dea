"""Re-ingesting a changed article keeps the ids of the mentions and events that stay the same."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import Client

from events.models import Event, Mention, Place

BEFORE = "Rebels held Benghazi on Friday. Shells fell on Zawiya on Thursday. Tobruk was quiet."
# A line added in front shifts every span; the last sentence is rewritten.
AFTER = "Updated with the night's news.\n\n" + BEFORE.replace("was quiet", "was calm")


def _ingest(path: Path, text: str) -> None:
    path.write_text(json.dumps({"id": "libya", "text": text, "published": "2011-03-11"}))
    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())


def _mention(surface: str) -> Mention:
    return Mention.objects.get(surface=surface)


def _event(name: str) -> Event:
    return Event.objects.get(text__contains=name)


def test_unchanged_sentences_keep_their_mention_and_event_ids_and_move_with_the_text(
    tmp_path: Path, admin_client: Client
) -> None:
    path = tmp_path / "news.json"
    _ingest(path, BEFORE)
    kept = {name: (_mention(name).pk, _event(name).pk) for name in ("Benghazi", "Zawiya")}
    rewritten = (_mention("Tobruk").pk, _event("Tobruk").pk)

    _ingest(path, AFTER)

    for name, (mention_id, event_id) in kept.items():
        mention, event = _mention(name), _event(name)
        assert (mention.pk, event.pk) == (mention_id, event_id)
        assert AFTER[mention.start : mention.end] == name
        assert AFTER[event.start : event.end] == event.text
        assert list(event.places.values_list("name", flat=True)) == [name]
        page = admin_client.get(f"/admin/events/mention/{mention_id}/change/")
        assert page.status_code == 200
    assert _event("Zawiya").date_text == "Thursday"
    # The rewritten sentence moved too: its event and its mention are new rows.
    assert _mention("Tobruk").pk != rewritten[0] and _event("Tobruk").pk != rewritten[1]
    assert not Event.objects.filter(pk=rewritten[1]).exists()
    assert not Mention.objects.filter(pk=rewritten[0]).exists()
    assert Mention.objects.count() == 3 and Event.objects.count() == 3


def test_a_re_pointed_mention_keeps_its_id_and_its_place_across_a_re_ingest(
    tmp_path: Path, admin_client: Client
) -> None:
    path = tmp_path / "news.json"
    _ingest(path, BEFORE)
    zawiya = _mention("Zawiya")
    east = Place.objects.create(name="Az Zawiyah (east)", lat=32.6, lon=21.7, country_code="LY")
    response = admin_client.post(
        f"/admin/events/mention/{zawiya.pk}/change/", {"place": east.pk, "not_a_place": ""}
    )
    assert response.status_code == 302

    _ingest(path, AFTER)

    assert _mention("Zawiya").pk == zawiya.pk
    assert _mention("Zawiya").place == east
    assert list(_event("Zawiya").places.all()) == [east]
