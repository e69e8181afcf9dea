"""Events built in code for the API, page and embed tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from events.models import Article, Event, Place


def make_event(
    article: Article, text: str, start: date, end: date, *places: Place, **fields: Any
) -> Event:
    """An event whose sentence is the whole of text, at places, from start to end."""
    event = Event.objects.create(
        article=article,
        start=0,
        end=len(text),
        text=text,
        date_start=start,
        date_end=end,
        **fields,
    )
    event.places.set(places)
    return event


def place_form(place: Place, **changes: object) -> dict[str, object]:
    """What the admin's place form posts for place (no aliases), with changes."""
    data: dict[str, object] = {
        "name": place.name,
        "kind": place.kind,
        "country_code": place.country_code,
        "lat": place.lat,
        "lon": place.lon,
        "geocode_source": place.geocode_source,
        "population": place.population,
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
    }
    return {**data, **changes}
