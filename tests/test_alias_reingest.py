"""An alias an editor adds is used by the next ingest, without rebuilding the gazetteer."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from events.gazetteer import normalize
from events.models import Mention, Place, PlaceAlias


def _ingest(path: Path) -> None:
    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())


def _write(path: Path, text: str, record_id: str = "one") -> Path:
    path.write_text(json.dumps({"id": record_id, "text": text, "published": "2011-03-11"}) + "\n")
    return path


def _editor_place() -> Place:
    return Place.objects.create(
        name="Ras Lanuf oil terminal",
        kind=Place.Kind.OTHER,
        country_code="LY",
        lat=30.4812,
        lon=18.5407,
        geocode_source=Place.Source.EDITOR,
        verified=True,
    )


def _alias(place: Place, name: str) -> PlaceAlias:
    return PlaceAlias.objects.create(place=place, name=name, normalized=normalize(name))


@pytest.mark.django_db
def test_a_name_the_gazetteer_does_not_know_is_found_once_an_editor_adds_it_as_an_alias(
    tmp_path: Path,
) -> None:
    terminal = _editor_place()
    _ingest(_write(tmp_path / "before.jsonl", "Rebels held Qarnada on Friday.", "before"))
    assert not Mention.objects.filter(surface="Qarnada").exists()

    _alias(terminal, "Qarnada")
    _ingest(_write(tmp_path / "after.jsonl", "Rebels still held Qarnada on Saturday.", "after"))

    mention = Mention.objects.get(surface="Qarnada")
    assert mention.place == terminal
    assert terminal.events.filter(text__contains="Qarnada").exists()


@pytest.mark.django_db
def test_a_re_ingested_changed_article_uses_the_alias_and_the_editors_position(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path / "news.jsonl", "Shells hit Qarnada on Friday.")
    _ingest(path)
    terminal = _editor_place()
    _alias(terminal, "QARNADA")  # spellings are compared normalised
    _write(path, "Shells hit Qarnada again on Friday.")
    _ingest(path)

    mention = Mention.objects.get(surface="Qarnada")
    assert mention.place_id == terminal.pk
    assert (mention.place.lat, mention.place.lon) == (30.4812, 18.5407)
    assert Place.objects.filter(name="Ras Lanuf oil terminal").count() == 1


@pytest.mark.django_db
def test_an_alias_can_send_a_gazetteer_name_to_the_place_editors_chose(tmp_path: Path) -> None:
    _ingest(_write(tmp_path / "a.jsonl", "Rebels met in Bin Jiwad on Friday.", "a"))
    gazetteer_place = Mention.objects.get(surface="Bin Jiwad").place
    terminal = _editor_place()
    _alias(terminal, "Bin Jiwad")
    _ingest(_write(tmp_path / "b.jsonl", "Rebels left Bin Jiwad on Saturday.", "b"))

    later = Mention.objects.get(surface="Bin Jiwad", article__origin__contains="b.jsonl")
    assert later.place_id == terminal.pk
    assert gazetteer_place is not None and gazetteer_place.pk != terminal.pk
