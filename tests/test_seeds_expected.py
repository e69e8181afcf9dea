"""Ingesting seeds/ gives what a careful editor expects (shared/seeds/expected.json)."""

from __future__ import annotations

import json
import os
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command

from events.models import Article, Event, Mention, Place
from events.toponyms import haversine_km

SEEDS = settings.BASE_DIR / "seeds"
SHARED = Path(os.environ.get("NEWSMAP_SHARED_DIR", settings.BASE_DIR.parent / "shared"))
EXPECTED_FILE = SHARED / "seeds" / "expected.json"

if not EXPECTED_FILE.exists():
    pytest.skip(f"{EXPECTED_FILE} is not here", allow_module_level=True)

EXPECTED: dict[str, Any] = json.loads(EXPECTED_FILE.read_text())
PLACES_BY_NAME = {p["name"]: p for p in EXPECTED["places"]}


@pytest.fixture
def seeded(db: None) -> None:
    call_command("ingest", str(SEEDS), stdout=StringIO(), stderr=StringIO())


def _within(place: Place, spec: dict[str, Any]) -> bool:
    return haversine_km(place.lat, place.lon, spec["lat"], spec["lon"]) <= spec["tolerance_km"]


def _article(filename: str) -> Article:
    return Article.objects.get(origin__endswith=filename)


def test_each_seed_article_has_its_publication_date(seeded: None) -> None:
    for filename, spec in EXPECTED["articles"].items():
        assert _article(filename).published.isoformat() == spec["published"]


@pytest.mark.parametrize("spec", EXPECTED["places"], ids=lambda p: p["name"])
def test_every_expected_place_is_found_and_placed_within_tolerance(
    seeded: None, spec: dict[str, Any]
) -> None:
    mentions = Mention.objects.filter(surface__in=spec["spellings"]).select_related("place")
    assert mentions, f"no mention of {spec['spellings']}"
    for mention in mentions:
        assert mention.place is not None
        km = haversine_km(mention.place.lat, mention.place.lon, spec["lat"], spec["lon"])
        assert km <= spec["tolerance_km"], f"{mention.surface} → {mention.place} is {km:.0f} km off"
        if spec.get("country"):
            assert mention.place.country_code == spec["country"]
        if spec.get("kind"):
            expected_kind = "water" if spec["kind"] == "sea" else spec["kind"]
            assert mention.place.kind == expected_kind


@pytest.mark.parametrize("name", EXPECTED["not_places"])
def test_no_name_an_editor_rejects_becomes_a_place(seeded: None, name: str) -> None:
    surface = name.split(" as ")[0]
    assert not Place.objects.filter(name__iexact=surface).exists()
    assert not Mention.objects.filter(surface__icontains=surface).exists()


# Events marked "strict": false need more than their own sentence (a caption's
# next sentence, "the town" meaning Ras Lanuf); the pipeline handles both.
@pytest.mark.parametrize("spec", EXPECTED["events"], ids=lambda e: e["quote"][:40])
def test_every_expected_event_has_its_date_and_places(seeded: None, spec: dict[str, Any]) -> None:
    article = _article(spec["article"])
    events = list(Event.objects.filter(article=article, text__contains=spec["quote"]))
    assert len(events) == 1, f"{len(events)} events quote {spec['quote']!r}"
    event = events[0]

    first, last = spec["date"] if isinstance(spec["date"], list) else (spec["date"],) * 2
    assert (event.date_start.isoformat(), event.date_end.isoformat()) == (first, last)

    places = list(event.places.all())
    for name in spec["places"]:
        wanted = PLACES_BY_NAME[name]
        assert any(_within(p, wanted) for p in places), f"{name} missing from {places}"
