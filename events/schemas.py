"""Response shapes of the read API, declared so that /api/docs describes them.

The GeoJSON endpoints build their payloads by hand (see events/api.py) and the
tests validate those payloads against these classes, so the two cannot drift
apart silently.
"""

from datetime import date
from typing import Literal

from ninja import Schema
from pydantic import Field, field_validator

from events.params import (
    KIND_HELP,
    BBoxText,
    Day,
    KindText,
    Limit,
    Offset,
    RecordId,
    SearchText,
    as_list,
    kinds_of,
)

# RFC 7946 positions are [longitude, latitude]: the reverse of how people
# usually write coordinates, hence spelling it out in the schema.
Position = tuple[float, float]


DEFAULT_LIMIT = 1000

BBOX_HELP = (
    "west,south,east,north in degrees (WGS 84), plain decimals. A west greater than east "
    "crosses the antimeridian, as RFC 7946 section 5.2 allows; a south greater than north "
    "is refused (400)."
)
# The one rule relating two parameters, which the schema can state only in words.
START_HELP = "Events ending on or after this day. A start after end is refused (400)."
END_HELP = "Events starting on or before this day."
EACH_HELP = (
    "`happening` (default): one event per happening, its lead report, with how many reports "
    "tell it and their other sources; `report`: every report (sentence) as an event of its "
    "own. With `article`, every report of that article is listed."
)


class Paging(Schema):
    # The cap is settings.API_MAX_LIMIT, read per request: a larger limit is
    # lowered to it rather than refused, up to what a database could count.
    limit: Limit = Field(DEFAULT_LIMIT, description="Page size, capped at the server's maximum.")
    offset: Offset = Field(0, description="How many items to skip.")


class WindowFilters(Schema):
    """The filters of every list of events: the API's, the timeline's and the embed's."""

    start: Day | None = Field(None, description=START_HELP)
    end: Day | None = Field(None, description=END_HELP)
    place: RecordId | None = Field(None, description="Only events at this place (id).")
    article: RecordId | None = Field(None, description="Only events from this article (id).")
    q: SearchText | None = Field(None, description="Text contains this, ignoring case.")
    kind: list[KindText] | None = Field(
        None, description=KIND_HELP, examples=[["fighting,protest"]]
    )

    each: Literal["happening", "report"] = Field("happening", description=EACH_HELP)

    _kind_as_list = field_validator("kind", mode="before")(as_list)

    @property
    def happenings(self) -> bool:
        """One event per happening (its lead); an article's own list has all its reports."""
        return self.each == "happening" and self.article is None

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds asked for, each once; () for any kind."""
        return kinds_of(self.kind)


class EventFilters(WindowFilters):
    bbox: BBoxText | None = Field(
        None, description="Events with a place inside. " + BBOX_HELP, examples=["-10,25,40,60"]
    )


class PlaceFilters(Schema):
    bbox: BBoxText | None = Field(None, description=BBOX_HELP, examples=["-10,25,40,60"])
    q: SearchText | None = Field(None, description="Name contains this, ignoring case.")
    country: SearchText | None = Field(None, description="ISO 3166-1 alpha-2 code, e.g. LY.")


class Error(Schema):
    detail: str = Field(description="What was wrong with the request.")


class PointGeometry(Schema):
    type: Literal["Point"]
    coordinates: Position = Field(description="[longitude, latitude]")


class MultiPointGeometry(Schema):
    type: Literal["MultiPoint"]
    coordinates: list[Position] = Field(description="[[longitude, latitude], ...]")


class ArticleRef(Schema):
    id: int
    title: str
    source: str
    url: str
    published: date


class PlaceRef(Schema):
    id: int
    name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code, empty when unknown.")
    kind: str
    lat: float
    lon: float


class EventProperties(Schema):
    id: int
    text: str
    date_start: date
    date_end: date
    date_precision: str = Field(description="day, week, month or year.")
    date_text: str = Field(description="The words in the article the dates come from.")
    is_caption: bool
    kind: str = Field(description="The kind of event (see /api/kinds).")
    headline: str = Field(
        description="The sentence's main clause, about 80 characters; `text` is the whole sentence."
    )
    speaker: str = Field(description="Whose words a statement reports, where it names them; ''.")
    reports: int = Field(description="How many reports (sentences) tell it, this one too.")
    report_ids: list[int] = Field(
        description="The other reports' ids, each an event at /api/events/{id} (with each=report)."
    )
    sources: list[ArticleRef] = Field(
        description="The other articles that tell it (beyond `article`), oldest first."
    )
    article: ArticleRef
    places: list[PlaceRef]


class EventFeature(Schema):
    type: Literal["Feature"]
    id: int
    geometry: PointGeometry | MultiPointGeometry | None = Field(
        description="A Point for one place, a MultiPoint for several, null for none."
    )
    properties: EventProperties


class EventCollection(Schema):
    type: Literal["FeatureCollection"]
    count: int = Field(description="How many events match the filters, before paging.")
    limit: int
    offset: int
    features: list[EventFeature]


class PlaceProperties(Schema):
    id: int
    name: str
    country: str
    kind: str
    verified: bool
    geocode_source: str
    event_count: int
    mention_count: int


class PlaceFeature(Schema):
    type: Literal["Feature"]
    id: int
    geometry: PointGeometry
    properties: PlaceProperties


class PlaceCollection(Schema):
    type: Literal["FeatureCollection"]
    count: int = Field(description="How many places match the filters, before paging.")
    limit: int
    offset: int
    features: list[PlaceFeature]


class ArticleOut(Schema):
    id: int
    title: str
    source: str
    url: str
    published: date
    event_count: int


class ArticleDetail(ArticleOut):
    text: str


class ArticlePage(Schema):
    count: int = Field(description="How many articles there are, before paging.")
    limit: int
    offset: int
    items: list[ArticleOut]


class KindStyleOut(Schema):
    kind: str = Field(description="What the `kind` parameter and an event's `kind` say.")
    label: str = Field(description="The kind as a reader reads it.")
    colour: str = Field(
        description="#rrggbb, dark enough for white text on it.", pattern="^#[0-9a-f]{6}$"
    )
    symbol: str = Field(description="A character that tells the kind apart without colour.")
