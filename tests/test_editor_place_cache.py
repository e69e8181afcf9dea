"""PlaceCache maps gazetteer entries to existing Places and never updates one."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from events.editors import merge_places
from events.gazetteer import Entry
from events.models import Place
from events.overrides import editor_key, place_entry
from events.store import PlaceCache


def _entry(**changes: object) -> Entry:
    fields: dict = {
        "key": "gn:88319",
        "name": "Benghazi",
        "kind": "city",
        "country_code": "LY",
        "lat": 32.11486,
        "lon": 20.06859,
        "population": 650629,
        "geonameid": 88319,
        "admin1": "",
    }
    return Entry(**{**fields, **changes})


def _corrected_benghazi() -> Place:
    return Place.objects.create(
        name="Benghazi",
        kind="city",
        country_code="LY",
        lat=32.1,
        lon=20.1,
        geonameid=88319,
        gazetteer_key="gn:88319",
        geocode_source=Place.Source.EDITOR,
        verified=True,
    )


@pytest.mark.django_db
def test_an_existing_place_is_found_by_its_geonames_id_and_left_as_it_is() -> None:
    place = _corrected_benghazi()
    assert PlaceCache().place_id(_entry(lat=99.0, name="Bengasi")) == place.pk
    place.refresh_from_db()
    assert (place.name, place.lat, place.lon, place.verified) == ("Benghazi", 32.1, 20.1, True)


@pytest.mark.django_db
def test_a_supplement_place_is_found_by_its_gazetteer_key() -> None:
    place = Place.objects.create(name="Ras Lanuf", lat=1.0, lon=2.0, gazetteer_key="sup:ras_lanuf")
    entry = _entry(key="sup:ras_lanuf", name="Ras Lanuf", geonameid=None)
    assert PlaceCache().place_id(entry) == place.pk


@pytest.mark.django_db
def test_an_editors_entry_maps_straight_to_its_place() -> None:
    place = _corrected_benghazi()
    other = Place.objects.create(name="Somewhere", lat=0, lon=0)
    entry = place_entry(other)
    assert entry.key == editor_key(other.pk)
    assert PlaceCache().place_id(entry) == other.pk
    assert PlaceCache().place_id(place_entry(place)) == place.pk


@pytest.mark.django_db
def test_a_merged_places_gazetteer_identity_leads_to_the_place_it_was_merged_into() -> None:
    keep = _corrected_benghazi()
    duplicate = Place.objects.create(
        name="Bengasi", lat=0, lon=0, geonameid=123, gazetteer_key="gn:123"
    )
    duplicate_key = editor_key(duplicate.pk)
    merge_places(keep, [duplicate])
    cache = PlaceCache()
    assert cache.place_id(_entry(key="gn:123", geonameid=123)) == keep.pk
    assert cache.place_id(_entry(key=duplicate_key, geonameid=None)) == keep.pk
    assert not Place.objects.filter(geonameid=123).exists()


@pytest.mark.django_db
def test_re_ingesting_a_changed_article_never_overwrites_a_verified_place(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    record = {"id": "1", "text": "Fighting in Benghazi on Friday.", "published": "2011-03-11"}
    path.write_text(json.dumps(record))
    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())
    place = Place.objects.get(geonameid=88319)
    Place.objects.filter(pk=place.pk).update(lat=32.0, lon=20.0, verified=True)

    record["text"] = "Fighting in Benghazi again on Friday."
    path.write_text(json.dumps(record))
    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())

    place.refresh_from_db()
    assert (place.lat, place.lon, place.verified) == (32.0, 20.0, True)
    assert Place.objects.filter(geonameid=88319).count() == 1


@pytest.mark.django_db
def test_priming_finds_existing_and_merged_places_and_creates_only_the_new(
    django_assert_max_num_queries: object,
) -> None:
    benghazi = _corrected_benghazi()
    duplicate = Place.objects.create(name="Bengasi", lat=0, lon=0, geonameid=123)
    merge_places(benghazi, [duplicate])
    ras_lanuf = Place.objects.create(name="Ras Lanuf", lat=1, lon=2, gazetteer_key="sup:ras_lanuf")
    entries = [
        _entry(),
        _entry(key="gn:123", geonameid=123, name="Bengasi"),
        _entry(key="sup:ras_lanuf", name="Ras Lanuf", geonameid=None),
        _entry(key="gn:2210247", geonameid=2210247, name="Tripoli", lat=32.9, lon=13.2),
    ]
    cache = PlaceCache()
    # Places and redirects looked up, the new places and their first history records written.
    with django_assert_max_num_queries(4):  # type: ignore[operator]
        cache.prime(entries)
    tripoli = Place.objects.get(geonameid=2210247)
    assert [cache.place_id(e) for e in entries] == [
        benghazi.pk,
        benghazi.pk,
        ras_lanuf.pk,
        tripoli.pk,
    ]
    assert (tripoli.name, tripoli.lat, tripoli.geocode_source) == ("Tripoli", 32.9, "gazetteer")
    assert Place.objects.count() == 3
