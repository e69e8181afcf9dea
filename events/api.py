"""The read API: events, places and articles as GeoJSON."""

import gc
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.db.models import (
    Aggregate,
    CharField,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    Lookup,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import In
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field
from pydantic_core import to_json

from events.kind_styles import as_json as kind_styles_json
from events.models import Article, Event, Mention, Place
from events.params import BBox, ParamError, parse_bbox, window_problem
from events.schemas import (
    ArticleDetail,
    ArticlePage,
    Error,
    EventCollection,
    EventFeature,
    EventFilters,
    KindStyleOut,
    Paging,
    PlaceCollection,
    PlaceFilters,
)
from events.told import Told, told_by

# How long browsers and proxies may reuse an answer without asking again. Short,
# because an ingest changes the data at any time; after that the ETag makes
# asking again cheap (304, no body).
CACHE_SECONDS = 60

View = Callable[..., HttpResponse]


def conditional_get(view: View) -> View:
    """Give successful GET answers an ETag and Cache-Control; answer 304 when unchanged."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        if not response.has_header("ETag"):
            set_response_etag(response)
        conditional = get_conditional_response(request, etag=response["ETag"], response=response)
        return conditional if conditional is not None else response

    return wrapper


def without_gc_pauses(view: View) -> View:
    """Run the view with the cyclic garbage collector paused.

    A list of events allocates tuples, lists and dicts by the hundred thousand,
    none of them in a reference cycle: reference counting frees every one, and
    the collector's passes over them found nothing yet cost /api/events/compact
    at 100,000 events 90 ms of its 450, and /api/events its p95 tail (29 ms to
    24 for a week). The switch is process-wide: in a threaded server another
    request may run paused for that while, or see collection resume early;
    neither keeps garbage, since cycles wait only for the next collection.
    """

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> HttpResponse:
        if not gc.isenabled():
            return view(*args, **kwargs)
        gc.disable()
        try:
            return view(*args, **kwargs)
        finally:
            gc.enable()

    return wrapper


def _answers(ok: type, *errors: int) -> dict[int, Any]:
    """An operation's documented answers: ok, 304 to a repeat with If-None-Match
    (see conditional_get), and the errors it can give, each an Error."""
    return {200: ok, 304: None, **dict.fromkeys(errors, Error)}


router = Router(tags=["events"])
router.add_decorator(conditional_get, mode="view")

GEOJSON = "application/geo+json"


def _geojson_response(payload: dict[str, Any]) -> HttpResponse:
    # pydantic-core's encoder (django-ninja's own dependency) writes a page of a
    # thousand Features in 2 ms; json.dumps, behind JsonResponse, takes 8.
    return HttpResponse(to_json(payload), content_type=GEOJSON)


def _geojson_docs(schema: type) -> dict[str, Any]:
    # Ninja documents every response as application/json; these views answer
    # with application/geo+json, so the docs list that media type too.
    ref = {"$ref": f"#/components/schemas/{schema.__name__}"}
    return {"responses": {200: {"content": {GEOJSON: {"schema": ref}}}}}


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


_EVENT_COLUMNS = (
    "id",
    "text",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "is_caption",
    "kind",
    "headline",
    "article_id",
    "article__title",
    "article__source",
    "article__url",
    "article__published",
    "speaker",
)

_PLACE_COLUMNS = ("id", "name", "country_code", "kind", "lat", "lon")


class _JoinedIds(Aggregate):
    """The grouped rows' ids as one string, "12,40": GROUP_CONCAT, or STRING_AGG."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(CAST(%(expressions)s AS text), ',')",
            **extra,
        )


class _AnyOf(Lookup):
    """`field IN (values)`, sent to PostgreSQL as one array parameter: `= ANY(%s)`.

    A thousand separate parameters cost psycopg's client-side binding and the
    parser about 3 ms a query; one array costs a tenth of that. Other databases
    get a plain IN.
    """

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, Any]:
        return compiler.compile(In(self.lhs, list(self.rhs)))

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, Any]:
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*params, list(self.rhs))


# Each event's place ids, looked up per event by the (event_id, place_id) index.
# A query of the links for a page's thousand events instead leaves the plan to
# the planner, and PostgreSQL's reads the whole link table (8 ms at 100,000 events).
_PLACE_IDS = Subquery(
    Event.places.through.objects.filter(event_id=OuterRef("pk"))
    .order_by()
    .values("event_id")
    .annotate(ids=_JoinedIds("place_id"))
    .values("ids")
)


EventRow = tuple[tuple[Any, ...], list[dict[str, Any]]]


def event_rows(events: QuerySet[Event], columns: tuple[str, ...]) -> list[EventRow]:
    """Each event's values of these columns, with its places as the API gives them.

    Plain rows in two queries: model instances, prefetching and a query per
    link cost more than the queries themselves at a thousand events a page.
    Each event's places come by name, then id, so the order never changes
    between calls. The embed's cards are built from the same rows.
    """
    rows = list(events.annotate(place_ids=_PLACE_IDS).values_list(*columns, "place_ids"))
    ids_of = [[int(pid) for pid in row[-1].split(",")] if row[-1] else [] for row in rows]
    used = {pid for ids in ids_of for pid in ids}
    place_rows = (
        Place.objects.filter(_AnyOf(F("pk"), used)).values_list(*_PLACE_COLUMNS) if used else []
    )
    places: dict[int, dict[str, Any]] = {}
    for pk, name, country, kind, lat, lon in sorted(place_rows, key=lambda r: (r[1], r[0])):
        places[pk] = {
            "id": pk,
            "name": name,
            "country": country,
            "kind": kind,
            "lat": lat,
            "lon": lon,
        }
    rank = {pk: index for index, pk in enumerate(places)}
    result = []
    for row, ids in zip(rows, ids_of, strict=True):
        if len(ids) > 1:
            ids.sort(key=rank.__getitem__)
        result.append((row, [places[pid] for pid in ids]))
    return result


def _event_features(events: QuerySet[Event]) -> list[dict[str, Any]]:
    """GeoJSON Features for these events, each with who told it."""
    rows = event_rows(events, _EVENT_COLUMNS)
    told = told_by((row[0], row[9]) for row, _ in rows)
    return [_event_feature(row, places, told.get(row[0], Told())) for row, places in rows]


def _event_feature(
    row: tuple[Any, ...], places: list[dict[str, Any]], told: Told
) -> dict[str, Any]:
    (pk, text, date_start, date_end, precision, date_text, caption, kind, headline) = row[:9]
    article_id, title, source, url, published, speaker = row[9:15]
    geometry: dict[str, Any] | None
    if not places:
        geometry = None
    elif len(places) == 1:
        geometry = {"type": "Point", "coordinates": _point(places[0]["lat"], places[0]["lon"])}
    else:
        geometry = {
            "type": "MultiPoint",
            "coordinates": [_point(place["lat"], place["lon"]) for place in places],
        }
    return {
        "type": "Feature",
        "id": pk,
        "geometry": geometry,
        "properties": {
            "id": pk,
            "text": text,
            "date_start": date_start.isoformat(),
            "date_end": date_end.isoformat(),
            "date_precision": precision,
            "date_text": date_text,
            "is_caption": caption,
            "kind": kind,
            "headline": headline,
            "speaker": speaker,
            "reports": told.reports,
            "report_ids": told.report_ids,
            "sources": told.sources,
            "article": {
                "id": article_id,
                "title": title,
                "source": source,
                "url": url,
                "published": published.isoformat(),
            },
            "places": places,
        },
    }


def _filter_events(qs: QuerySet[Event], filters: EventFilters) -> QuerySet[Event]:
    start, end = filters.start, filters.end
    if problem := window_problem(start, end):
        raise ParamError(problem)
    if start or end:
        qs = qs.filter(Event.overlapping(start, end))
    # A semi-join rather than a join through places: a join repeats an event
    # once per matching place, and undoing that needs DISTINCT on the page and
    # count. With a date window, the date index finds the candidates and Exists
    # checks each; without one, the links at the places list the events (IN),
    # where SQLite would otherwise check every event (100 ms at 100,000).
    links = Event.places.through.objects
    dated = bool(start or end)

    def at_places(condition: Q) -> Q | Exists:
        if dated:
            return Exists(links.filter(condition, event_id=OuterRef("pk")))
        return Q(pk__in=links.filter(condition).values("event_id"))

    if filters.bbox:
        bbox = parse_bbox(filters.bbox)
        qs = qs.filter(at_places(_bbox_q(bbox, "place__")))
    if filters.place is not None:
        qs = qs.filter(at_places(Q(place_id=filters.place)))
    if filters.article is not None:
        qs = qs.filter(article_id=filters.article)
    if filters.q:
        qs = qs.filter(text__icontains=filters.q)
    if kinds := filters.kinds:
        qs = qs.filter(kind__in=kinds)
    if filters.happenings:
        qs = qs.filter(lead__isnull=True)
    return qs


@router.get(
    "/events",
    response=_answers(EventCollection, 400),
    summary="Events as a GeoJSON FeatureCollection",
    operation_id="listEvents",
    url_name="api-events",
    openapi_extra=_geojson_docs(EventCollection),
)
@without_gc_pauses
def list_events(
    request: HttpRequest, filters: Query[EventFilters], paging: Query[Paging]
) -> HttpResponse:
    """One Feature per event, ordered by start date.

    The geometry is a Point for an event at one place, a MultiPoint for several
    and null for none. `count` is the number of matching events before paging.
    """
    qs = _filter_events(Event.objects.all(), filters)
    limit, offset = _page(paging)
    count = qs.count()
    events = qs.order_by("date_start", "id")[offset : offset + limit]
    payload = {
        "type": "FeatureCollection",
        "count": count,
        "limit": limit,
        "offset": offset,
        "features": _event_features(events),
    }
    return _geojson_response(payload)


# Longer lists of ids are not sent to the database, which limits parameters.
IDS_INLINE = 2000


class _DaysSince1970(Func):
    """A date as whole days since 1970-01-01, what JavaScript's Date.UTC gives
    divided by 86,400,000: the map compares integers instead of parsing dates.

    Counted by the database: turning 200,000 dates into Python dates and those
    into numbers cost SQLite 80 ms of /api/events/compact at 100,000 events.
    """

    output_field = IntegerField()

    def get_db_converters(self, connection: Any) -> list[Any]:
        # Both databases answer with whole numbers already; Django's int() on
        # each of 200,000 would cost what counting in the database saved.
        return []

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        # julianday() of a day is its noon's minus half a day: exact in a double.
        template = "CAST(julianday(%(expressions)s) - 2440587.5 AS INTEGER)"
        return self.as_sql(compiler, connection, template=template, **extra)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        template = "(%(expressions)s - DATE '1970-01-01')"
        return self.as_sql(compiler, connection, template=template, **extra)


_COMPACT_DAYS = {"start_day": _DaysSince1970("date_start"), "end_day": _DaysSince1970("date_end")}
_COMPACT_COLUMNS = (
    "id",
    "start_day",
    "end_day",
    "date_precision",
    "date_text",
    "text",
    "is_caption",
    "article_id",
    "kind",
    "headline",
    "speaker",
)


class CompactColumns(Schema):
    id: list[int]
    start: list[int] = Field(description="First day, in days since 1970-01-01.")
    end: list[int] = Field(description="Last day, in days since 1970-01-01.")
    precision: list[str]
    date_text: list[str]
    text: list[str]
    caption: list[bool]
    article: list[int] = Field(description="Index into articles.")
    kind: list[str] = Field(description="The kind of event (see /api/kinds).")
    headline: list[str] = Field(
        description="The sentence's main clause, about 80 characters; `text` is the whole sentence."
    )
    places: list[list[int]] = Field(description="Indexes into places, ordered by name.")
    speaker: list[str] = Field(description="Whose words a statement reports, or ''.")
    reports: list[int] = Field(description="How many reports tell each happening, itself too.")
    sources: list[list[int]] = Field(
        description="Indexes into articles: the other articles that tell it, oldest first."
    )


class CompactPlaces(Schema):
    id: list[int]
    name: list[str]
    country: list[str]
    kind: list[str]
    lat: list[float]
    lon: list[float]


class CompactArticles(Schema):
    id: list[int]
    title: list[str]
    source: list[str]
    url: list[str]
    published: list[str]


class CompactEvents(Schema):
    count: int
    events: CompactColumns
    places: CompactPlaces
    articles: CompactArticles


@router.get(
    "/events/compact",
    response=_answers(CompactEvents, 400),
    summary="All matching events at once, in columns, for the map",
    operation_id="listEventsCompact",
    url_name="api-events-compact",
)
@without_gc_pauses
def list_events_compact(request: HttpRequest, filters: Query[EventFilters]) -> HttpResponse:
    """Every matching event, ordered by start date, unpaged, as parallel columns.

    The map loads this once and filters by time in the browser, so a slider step
    needs no request. Each event's article and places are indexes into the
    `articles` and `places` columns, which hold only what the events refer to;
    places are ordered by name, so an event's place indexes are too. Days are
    whole numbers of days since 1970-01-01.
    """
    given = filters.dict(exclude_defaults=True)
    filtered = bool(filters.kinds) or any(
        value not in (None, "") for name, value in given.items() if name != "kind"
    )
    qs = (
        _filter_events(Event.objects.all(), filters)
        .annotate(**_COMPACT_DAYS)
        .order_by("date_start", "id")
    )
    if filtered:
        # Each event's place ids with the event, by the link index: a query of
        # the links for a few thousand event ids leaves the plan to the planner,
        # and PostgreSQL's reads the whole link table.
        rows = list(qs.annotate(place_ids=_PLACE_IDS).values_list(*_COMPACT_COLUMNS, "place_ids"))
        pairs = [(row[0], int(pid)) for row in rows if row[-1] for pid in row[-1].split(",")]
    else:
        # Every link, in one pass over the table.
        rows = list(qs.values_list(*_COMPACT_COLUMNS))
        pairs = list(Event.places.through.objects.values_list("event_id", "place_id"))
    shown = {row[0] for row in rows}
    # Only the places of the events listed: a happening's other reports have their own.
    pairs = [pair for pair in pairs if pair[0] in shown]
    used_places = {place_id for _, place_id in pairs}
    places = Place.objects.all()
    if len(used_places) <= IDS_INLINE:
        places = places.filter(_AnyOf(F("pk"), used_places))
    place_rows = sorted(
        (row for row in places.values_list(*_PLACE_COLUMNS) if row[0] in used_places),
        key=lambda row: (row[1], row[0]),
    )
    place_index = {row[0]: index for index, row in enumerate(place_rows)}
    places_of: dict[int, list[int]] = {}
    for event_id, place_id in pairs:
        places_of.setdefault(event_id, []).append(place_index[place_id])
    for indexes in places_of.values():
        indexes.sort()

    told = told_by((row[0], row[7]) for row in rows) if filters.happenings else {}
    used = {row[7] for row in rows} | {s["id"] for t in told.values() for s in t.sources}
    articles = Article.objects.order_by("id")
    # A list of ids beats a subquery here, which SQLite plans badly.
    if len(used) <= IDS_INLINE:
        articles = articles.filter(_AnyOf(F("pk"), used))
    article_rows = [
        row
        for row in articles.values_list("id", "title", "source", "url", "published")
        if row[0] in used
    ]
    article_index = {row[0]: index for index, row in enumerate(article_rows)}

    # Transposed in one go: per-row appends cost more than the queries at 100,000 events.
    width = len(_COMPACT_COLUMNS)
    transposed = list(zip(*rows, strict=True))[:width] if rows else [()] * width
    ids, starts, ends, precisions, date_texts, texts, captions, article_ids = transposed[:8]
    kinds, headlines, speakers = transposed[8:]
    columns = {
        "id": ids,
        "start": starts,
        "end": ends,
        "precision": precisions,
        "date_text": date_texts,
        "text": texts,
        "caption": captions,
        "article": [article_index[a] for a in article_ids],
        "places": [places_of.get(pk, []) for pk in ids],
        "kind": kinds,
        "headline": headlines,
        "speaker": speakers,
        "reports": [told[pk].reports if pk in told else 1 for pk in ids],
        "sources": [
            [article_index[s["id"]] for s in told[pk].sources] if pk in told else [] for pk in ids
        ],
    }
    place_columns = dict(
        zip(("id", "name", "country", "kind", "lat", "lon"), _columns(place_rows, 6), strict=True)
    )
    article_columns = dict(
        zip(("id", "title", "source", "url", "published"), _columns(article_rows, 5), strict=True)
    )
    article_columns["published"] = [day.isoformat() for day in article_columns["published"]]
    payload = {
        "count": len(rows),
        "events": columns,
        "places": place_columns,
        "articles": article_columns,
    }
    # Compact, as pydantic-core writes it: at 100,000 events the spaces alone
    # would be megabytes.
    return HttpResponse(to_json(payload), content_type="application/json")


def _columns(rows: list[tuple[Any, ...]], width: int) -> list[list[Any]]:
    return [list(column) for column in zip(*rows, strict=True)] if rows else [[]] * width


@router.get(
    "/events/{event_id}",
    response=_answers(EventFeature, 400, 404),
    summary="One event as a GeoJSON Feature",
    operation_id="getEvent",
    url_name="api-event",
    openapi_extra=_geojson_docs(EventFeature),
)
def get_event(request: HttpRequest, event_id: int) -> HttpResponse:
    features = _event_features(Event.objects.filter(pk=event_id))
    if not features:
        raise HttpError(404, f"No event with id {event_id}")
    return _geojson_response(features[0])


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
    response=_answers(PlaceCollection, 400),
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
        qs = qs.filter(_bbox_q(parse_bbox(filters.bbox)))
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
    response=_answers(ArticlePage, 400),
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
    response=_answers(ArticleDetail, 400, 404),
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


@router.get(
    "/kinds",
    response=_answers(list[KindStyleOut], 400),
    summary="The kinds of event, with the label, colour and symbol each is shown with",
    operation_id="listKinds",
    url_name="api-kinds",
)
def list_kinds(request: HttpRequest) -> list[dict[str, Any]]:
    """Every kind an event can have, in the order a legend lists them (events/kind_styles.py).

    The values are what `kind` takes in /api/events, /api/timeline and the embed;
    /kinds.css sets the same colours as CSS classes (`.kind-fighting`).
    """
    return kind_styles_json()
