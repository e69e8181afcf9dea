"""The read API: events, places and articles as GeoJSON."""

import math
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, JsonResponse
from ninja import Query, Router
from ninja.errors import HttpError

from events.models import Article, Event, Mention, Place
from events.schemas import (
    ArticleDetail,
    ArticlePage,
    Error,
    EventCollection,
    EventFeature,
    EventFilters,
    Paging,
    PlaceCollection,
    PlaceFilters,
)

router = Router(tags=["events"])

GEOJSON = "application/geo+json"

BBox = tuple[float, float, float, float]


def _geojson_docs(schema: type) -> dict[str, Any]:
    # Ninja documents every response as application/json; these views answer
    # with application/geo+json, so the docs list that media type too.
    ref = {"$ref": f"#/components/schemas/{schema.__name__}"}
    return {"responses": {200: {"content": {GEOJSON: {"schema": ref}}}}}


def _parse_bbox(raw: str) -> BBox:
    usage = "bbox must be four comma-separated numbers: west,south,east,north"
    parts = raw.split(",")
    if len(parts) != 4:
        raise HttpError(400, f"{usage}; got {raw!r}")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise HttpError(400, f"{usage}; got {raw!r}") from None
    # float() accepts "nan" and "inf", which would slip through the range
    # checks below (every comparison with NaN is false).
    if not all(math.isfinite(value) for value in (west, south, east, north)):
        raise HttpError(400, f"{usage}; got {raw!r}")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise HttpError(400, f"bbox west and east must be between -180 and 180; got {raw!r}")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise HttpError(400, f"bbox south and north must be between -90 and 90; got {raw!r}")
    if south > north:
        raise HttpError(400, f"bbox south must not be greater than north; got {raw!r}")
    return west, south, east, north


def _bbox_q(bbox: BBox, prefix: str = "") -> Q:
    west, south, east, north = bbox
    inside = Q(**{f"{prefix}lat__gte": south, f"{prefix}lat__lte": north})
    if west <= east:
        return inside & Q(**{f"{prefix}lon__gte": west, f"{prefix}lon__lte": east})
    return inside & (Q(**{f"{prefix}lon__gte": west}) | Q(**{f"{prefix}lon__lte": east}))


def _page(paging: Paging) -> tuple[int, int]:
    # Read at request time, not import time, so a changed setting (or a test's
    # override) takes effect.
    return min(paging.limit, settings.API_MAX_LIMIT), paging.offset


def _point(lat: float, lon: float) -> list[float]:
    return [lon, lat]


def _event_feature(event: Event) -> dict[str, Any]:
    places = list(event.places.all())
    geometry: dict[str, Any] | None
    if not places:
        geometry = None
    elif len(places) == 1:
        geometry = {"type": "Point", "coordinates": _point(places[0].lat, places[0].lon)}
    else:
        geometry = {
            "type": "MultiPoint",
            "coordinates": [_point(place.lat, place.lon) for place in places],
        }
    article = event.article
    return {
        "type": "Feature",
        "id": event.pk,
        "geometry": geometry,
        "properties": {
            "id": event.pk,
            "text": event.text,
            "date_start": event.date_start.isoformat(),
            "date_end": event.date_end.isoformat(),
            "date_precision": event.date_precision,
            "date_text": event.date_text,
            "is_caption": event.is_caption,
            "article": {
                "id": article.pk,
                "title": article.title,
                "source": article.source,
                "url": article.url,
                "published": article.published.isoformat(),
            },
            "places": [
                {
                    "id": place.pk,
                    "name": place.name,
                    "country": place.country_code,
                    "kind": place.kind,
                    "lat": place.lat,
                    "lon": place.lon,
                }
                for place in places
            ],
        },
    }


def _events() -> QuerySet[Event]:
    # The order places appear in a MultiPoint must not change between calls.
    places = Prefetch("places", queryset=Place.objects.order_by("name", "id"))
    return Event.objects.select_related("article").prefetch_related(places)


@router.get(
    "/events",
    response={200: EventCollection, 400: Error},
    summary="Events as a GeoJSON FeatureCollection",
    operation_id="listEvents",
    url_name="api-events",
    openapi_extra=_geojson_docs(EventCollection),
)
def list_events(
    request: HttpRequest, filters: Query[EventFilters], paging: Query[Paging]
) -> JsonResponse:
    """One Feature per event, ordered by start date.

    The geometry is a Point for an event at one place, a MultiPoint for several
    and null for none. `count` is the number of matching events before paging.
    """
    start, end = filters.start, filters.end
    if start and end and start > end:
        raise HttpError(400, f"start ({start}) must not be after end ({end})")
    qs = _events()
    # Overlap of [date_start, date_end] with [start, end]: neither range ends
    # before the other begins.
    if start:
        qs = qs.filter(date_end__gte=start)
    if end:
        qs = qs.filter(date_start__lte=end)
    # Exists rather than a join through places: a join repeats an event once
    # per matching place, and undoing that needs DISTINCT on the page and count.
    through = Event.places.through.objects.filter(event_id=OuterRef("pk"))
    if filters.bbox:
        bbox = _parse_bbox(filters.bbox)
        qs = qs.filter(Exists(through.filter(_bbox_q(bbox, "place__"))))
    if filters.place is not None:
        qs = qs.filter(Exists(through.filter(place_id=filters.place)))
    if filters.article is not None:
        qs = qs.filter(article_id=filters.article)
    if filters.q:
        qs = qs.filter(text__icontains=filters.q)
    limit, offset = _page(paging)
    count = qs.count()
    events = qs.order_by("date_start", "id")[offset : offset + limit]
    payload = {
        "type": "FeatureCollection",
        "count": count,
        "limit": limit,
        "offset": offset,
        "features": [_event_feature(event) for event in events],
    }
    return JsonResponse(payload, content_type=GEOJSON)


@router.get(
    "/events/{event_id}",
    response={200: EventFeature, 404: Error},
    summary="One event as a GeoJSON Feature",
    operation_id="getEvent",
    url_name="api-event",
    openapi_extra=_geojson_docs(EventFeature),
)
def get_event(request: HttpRequest, event_id: int) -> JsonResponse:
    event = _events().filter(pk=event_id).first()
    if event is None:
        raise HttpError(404, f"No event with id {event_id}")
    return JsonResponse(_event_feature(event), content_type=GEOJSON)


def _count_of(model: type, field: str) -> Coalesce:
    # A correlated subquery per relation: two Count()s over joins would
    # multiply each other (events x mentions rows per place).
    counts = (
        model.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


@router.get(
    "/places",
    response={200: PlaceCollection, 400: Error},
    summary="Places as a GeoJSON FeatureCollection of Points",
    operation_id="listPlaces",
    url_name="api-places",
    openapi_extra=_geojson_docs(PlaceCollection),
)
def list_places(
    request: HttpRequest, filters: Query[PlaceFilters], paging: Query[Paging]
) -> JsonResponse:
    """Every place with how many events and mentions refer to it, ordered by name."""
    qs = Place.objects.all()
    if filters.bbox:
        qs = qs.filter(_bbox_q(_parse_bbox(filters.bbox)))
    if filters.q:
        qs = qs.filter(name__icontains=filters.q)
    if filters.country:
        qs = qs.filter(country_code=filters.country.strip().upper())
    limit, offset = _page(paging)
    # Counted before annotating, so the count query skips the subqueries.
    count = qs.count()
    places = qs.annotate(
        event_count=_count_of(Event.places.through, "place_id"),
        mention_count=_count_of(Mention, "place_id"),
    ).order_by("name", "id")[offset : offset + limit]
    features = [
        {
            "type": "Feature",
            "id": place.pk,
            "geometry": {"type": "Point", "coordinates": _point(place.lat, place.lon)},
            "properties": {
                "id": place.pk,
                "name": place.name,
                "country": place.country_code,
                "kind": place.kind,
                "verified": place.verified,
                "geocode_source": place.geocode_source,
                "event_count": place.event_count,
                "mention_count": place.mention_count,
            },
        }
        for place in places
    ]
    payload = {
        "type": "FeatureCollection",
        "count": count,
        "limit": limit,
        "offset": offset,
        "features": features,
    }
    return JsonResponse(payload, content_type=GEOJSON)


ARTICLE_FIELDS = ("id", "title", "source", "url", "published")


@router.get(
    "/articles",
    response=ArticlePage,
    summary="Articles, newest first",
    operation_id="listArticles",
    url_name="api-articles",
)
def list_articles(request: HttpRequest, paging: Query[Paging]) -> dict[str, Any]:
    limit, offset = _page(paging)
    qs = Article.objects.all()
    count = qs.count()
    # values() keeps the article text, which can be long, out of the list.
    items = (
        qs.order_by("-published", "id")
        .annotate(event_count=Count("events"))
        .values(*ARTICLE_FIELDS, "event_count")[offset : offset + limit]
    )
    return {"count": count, "limit": limit, "offset": offset, "items": list(items)}


@router.get(
    "/articles/{article_id}",
    response={200: ArticleDetail, 404: Error},
    summary="One article with its text",
    operation_id="getArticle",
    url_name="api-article",
)
def get_article(request: HttpRequest, article_id: int) -> dict[str, Any]:
    article = (
        Article.objects.filter(pk=article_id)
        .annotate(event_count=Count("events"))
        .values(*ARTICLE_FIELDS, "event_count", "text")
        .first()
    )
    if article is None:
        raise HttpError(404, f"No article with id {article_id}")
    return article
