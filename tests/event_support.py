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
