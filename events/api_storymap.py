"""StoryMapJS JSON: a story's located events as slides on a map.

GET /api/storymap takes /api/timeline's filters (the embed's) and answers in
StoryMapJS's own format (https://storymap.knightlab.com/advanced/, "JSON
syntax"): {"storymap": {"slides": [...]}}, an overview slide first, then one
slide per event that has a place, oldest first, so that its URL can be handed
to `new KLStoryMap.StoryMap(...)` as is. StoryMapJS writes headline, text and
date into the page as HTML, so every word from an article is escaped.
"""

from __future__ import annotations

from typing import Any, Literal

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpRequest, JsonResponse
from django.utils.html import escape
from ninja import Query, Router, Schema
from pydantic import Field

from events.api import conditional_get
from events.api_timeline import (
    TimelineFilters,
    date_label,
    lead_html,
    primary_place,
    shown_headline,
    timeline_events,
)
from events.kind_styles import style_of
from events.models import Event, Place
from events.params import ParamError
from events.schemas import Error
from events.told import with_reports

router = Router(tags=["timeline"])
# As the events API: an ETag, a minute's caching, 304 when unchanged.
router.add_decorator(conditional_get, mode="view")

# How close StoryMapJS frames a slide's place: a town closer than a country.
ZOOM_OF_KIND = {
    Place.Kind.CITY: 9,
    Place.Kind.REGION: 6,
    Place.Kind.WATER: 5,
    Place.Kind.COUNTRY: 4,
}
DEFAULT_ZOOM = 6


class StoryMapText(Schema):
    headline: str = Field(description="HTML: the event's headline, escaped.")
    text: str = Field(description="HTML: the whole sentence, its places and source, escaped.")


class StoryMapLocation(Schema):
    name: str = Field(description="The event's most specific place.")
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    zoom: int = Field(ge=0, le=18)
    line: bool = Field(description="Whether StoryMapJS draws the line to the next slide.")


class StoryMapSlide(Schema):
    type: Literal["overview"] | None = Field(
        None, description="Only on the first slide, which shows every place at once."
    )
    date: str = Field("", description="The event's days as a reader says them.")
    text: StoryMapText
    location: StoryMapLocation | None = Field(None, description="Every slide but the overview.")


class StoryMapData(Schema):
    language: str
    map_as_image: bool
    calculate_zoom: bool
    map_type: str | None = Field(None, description="The tile URL the site's own map uses.")
    attribution: str | None = None
    slides: list[StoryMapSlide]


class StoryMapDocument(Schema):
    storymap: StoryMapData


def _location(place: Place) -> dict[str, Any]:
    return {
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "zoom": ZOOM_OF_KIND.get(place.kind, DEFAULT_ZOOM),
        "line": True,
    }


def _slide(event: Event) -> dict[str, Any] | None:
    places = list(event.places.all())
    place = primary_place(places)
    if place is None:  # its places were unlinked since the events were read
        return None
    kind = style_of(event.kind).label
    return {
        # The kind before the day: StoryMapJS shows the date above the headline.
        "date": escape(f"{date_label(event)} · {kind}"),
        "text": {
            "headline": escape(shown_headline(event.headline, event.text)),
            "text": lead_html(event, places),
        },
        "location": _location(place),
    }


def _map_options() -> dict[str, Any]:
    """The site's own tiles, when it has some StoryMapJS can load ({z}/{x}/{y} over http)."""
    _name, url, options = settings.LEAFLET_CONFIG["TILES"][0]
    if not url.startswith(("https://", "http://")) or "{z}" not in url:
        return {}
    return {"map_type": url, "attribution": options.get("attribution", "")}


@router.get(
    "/storymap",
    response={200: StoryMapDocument, 400: Error},
    summary="Located events as StoryMapJS JSON",
    operation_id="getStoryMap",
    url_name="api-storymap",
)
def get_storymap(request: HttpRequest, filters: Query[TimelineFilters]) -> JsonResponse:
    """The matching events that have a place, as a StoryMapJS story: one slide each.

    The same filters as /api/timeline. An overview slide comes first; each
    event's slide has its headline, its whole sentence with its places and
    source, its days and kind as `date`, and its most specific place as
    `location`. Events without a place have no slide. At most API_MAX_LIMIT
    slides, oldest first. StoryMapJS reads a latitude of exactly 0 as no place.
    """
    if problem := filters.problem():
        raise ParamError(problem)
    located = Exists(Event.places.through.objects.filter(event_id=OuterRef("pk")))
    places = Prefetch("places", queryset=Place.objects.order_by("name", "id"))
    qs = timeline_events(filters).filter(located).select_related("article")
    qs = with_reports(qs.prefetch_related(places))
    events = list(qs[: settings.API_MAX_LIMIT])
    slides = [slide for event in events if (slide := _slide(event))]
    title = (events[0].article.title if filters.article is not None and events else "") or "Story"
    overview = {
        "type": "overview",
        "date": "",
        "text": {
            "headline": escape(title),
            "text": f"<p>{len(slides)} located event{'' if len(slides) == 1 else 's'} "
            "from newsmap</p>",
        },
    }
    payload = {
        "storymap": {
            "language": "en",
            "map_as_image": False,
            "calculate_zoom": False,
            **_map_options(),
            "slides": [overview, *slides],
        }
    }
    response = JsonResponse(payload)
    # As /api/timeline: public data for other sites' StoryMapJS.
    response["Access-Control-Allow-Origin"] = "*"
    return response
