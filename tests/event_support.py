"""Events built in code for the API, page and embed tests."""

from __future__ import annotations

from dataclasses import dataclass
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


# A lead sentence longer than its headline, as the wire tells it, and the headline ingest makes.
LONG_SENTENCE = (
    "The military forces of Moammar Gadhafi on Friday pounded Ras Lanuf, the key oil port once "
    "in the hands of rebel forces, with its leadership confidently vowing to retake the east."
)
LONG_HEADLINE = "The military forces of Moammar Gadhafi pounded Ras Lanuf"


def make_long_event(article: Article, day: date, *places: Place) -> Event:
    """A fighting event of LONG_SENTENCE on day: one whose whole sentence says more."""
    return make_event(
        article, LONG_SENTENCE, day, day, *places, kind="fighting", headline=LONG_HEADLINE
    )


def make_article(title: str, published: date, **fields: Any) -> Article:
    """An article whose text is its title, at a web address made from the title."""
    return Article.objects.create(
        title=title,
        source=fields.pop("source", "Reuters"),
        url=fields.pop("url", f"https://example.com/{title.lower().replace(' ', '-')}"),
        published=published,
        text=fields.pop("text", f"{title}."),
        content_hash=f"hash-{title}",
        **fields,
    )


@dataclass
class SmallWorld:
    ras_lanuf: Place
    brussels: Place
    tripoli: Place
    libya: Article
    summit: Article
    events: list[Event]


def three_places() -> tuple[Place, Place, Place]:
    """Ras Lanuf, Brussels and Tripoli, as the gazetteer would place them."""
    return (
        Place.objects.create(
            name="Ras Lanuf", kind=Place.Kind.CITY, country_code="LY", lat=30.5, lon=18.56
        ),
        Place.objects.create(
            name="Brussels", kind=Place.Kind.CITY, country_code="BE", lat=50.85, lon=4.35
        ),
        Place.objects.create(
            name="Tripoli", kind=Place.Kind.CITY, country_code="LY", lat=32.89, lon=13.19
        ),
    )


def small_world() -> SmallWorld:
    """Two articles, three places (Tripoli without events) and four events: one at two
    places, one at none, one spanning months, so that every branch of an answer has data."""
    ras_lanuf, brussels, tripoli = three_places()
    libya = make_article("Rebels retreat from Ras Lanuf", date(2011, 3, 13))
    summit = make_article("EU summit on Libya", date(2011, 3, 11), source="AP")
    events = [
        make_event(
            summit,
            "EU leaders met in Brussels to discuss Ras Lanuf.",
            date(2011, 3, 11),
            date(2011, 3, 11),
            ras_lanuf,
            brussels,
            date_text="11 March",
            kind="diplomacy",
            headline="EU leaders met in Brussels",
        ),
        make_event(
            libya,
            "Rebels retreated from Ras Lanuf.",
            date(2011, 3, 12),
            date(2011, 3, 13),
            ras_lanuf,
            date_text="12 March",
            kind="fighting",
            headline="Rebels retreated from Ras Lanuf",
        ),
        make_event(libya, "A ceasefire was called.", date(2011, 3, 20), date(2011, 3, 20)),
        make_event(
            libya,
            "The uprising went on through the spring.",
            date(2011, 2, 15),
            date(2011, 6, 30),
            ras_lanuf,
            date_precision=Event.Precision.MONTH,
            date_text="the spring",
        ),
    ]
    return SmallWorld(ras_lanuf, brussels, tripoli, libya, summit, events)


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
