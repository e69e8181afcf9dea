"""The embeddable timeline and the page that writes its iframe snippet.

/embed/timeline/ is what newsrooms frame in their articles: plain server-rendered
HTML that reads well before (and without) its small script, which adds keyboard
navigation, a start slide and the height reports the host page's resize script
listens for. /embed/code/ is for editors: the snippet for a set of filters and a
live preview of it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET
from pydantic import Field, ValidationError, field_validator

from events.api import conditional_get, event_rows
from events.api_timeline import (
    TimelineFilters,
    date_label,
    safe_url,
    shown_headline,
    timeline_events,
)
from events.background import background_q
from events.basemap import outlines_url
from events.embed_cards import axis_html, cards_html
from events.framing import frameable
from events.kind_styles import KIND_STYLES, KindStyle, style_of
from events.models import Article, Event, Place
from events.params import describe, parse_day
from events.told import Told, told_by

# More cards than this make a timeline nobody scrolls through; the embed says
# how many it left out so that the editor narrows the filters.
MAX_EVENTS = 500

# The embed page runs only its own files: untrusted article text that slipped
# past escaping still could not run script. Tiles may come from any server.
EMBED_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https: http:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"
)

PARAM_ORDER = (
    "article",
    "place",
    "start",
    "end",
    "q",
    "kind",
    "theme",
    "map",
    "start_at",
    "height",
)


class EmbedParams(TimelineFilters):
    theme: Literal["light", "dark"] = "light"
    map: bool = False
    start_at: str = Field(
        "", description="first, latest or a day (YYYY-MM-DD); latest unless filtered."
    )
    height: int | None = Field(None, ge=150, le=3000, description="A fixed height in pixels.")

    @field_validator("map", mode="before")
    @classmethod
    def _map(cls, value: object) -> object:
        # The reader's map once wrote its view as map=zoom/lat/lon, and its Embed
        # button passed that on: a view asked for means a map is wanted.
        if isinstance(value, str) and value.count("/") == 2:
            return True
        return value

    @property
    def opening(self) -> str:
        """Where the reader starts: an unfiltered timeline starts at the latest news.

        A kind alone does not make a story (all the fighting is still the news),
        so it starts at the latest too."""
        if self.start_at:
            return self.start_at
        filtered = any(
            value not in (None, "") for value in (self.article, self.place, self.start, self.end)
        ) or bool(self.q)
        return "first" if filtered else "latest"

    @field_validator("start_at")
    @classmethod
    def _start_at(cls, value: str) -> str:
        if value in ("", "first", "latest"):
            return value
        try:
            parse_day(value)
        except ValueError:
            raise ValueError("must be first, latest or a day as YYYY-MM-DD") from None
        return value


def _given(request: HttpRequest, name: str) -> str:
    # kind may be repeated (the generator's checkboxes send one each): one list.
    if name == "kind":
        return ",".join(v.strip() for v in request.GET.getlist(name) if v.strip())
    return request.GET.get(name, "").strip()


def parse_params(request: HttpRequest) -> tuple[EmbedParams | None, dict[str, str], str]:
    """The embed's parameters, the given ones as strings, and what is wrong with them."""
    # Empty fields from a GET form mean "not set", not "an invalid number".
    given = {name: value for name in PARAM_ORDER if (value := _given(request, name))}
    try:
        params = EmbedParams.model_validate(given)
    except ValidationError as exc:
        return None, given, describe(exc.errors())
    if params.kinds:
        # One spelling of the same choice, in the taxonomy's order: one snippet, one cache entry.
        given["kind"] = ",".join(params.kinds)
    return params, given, params.problem()


@dataclass
class Group:
    label: str
    first_index: int
    count: int = 0


@dataclass
class Card:
    index: int
    text: str
    date_start: date
    date_end: date
    date_precision: str
    label: str
    places: list[dict[str, Any]]  # id, name, lat, lon…, as the API gives them
    place_ids: str  # "12 40": which map dots the card lights
    url: str
    source: str
    kind: str = "other"
    headline: str = ""
    told: Told = field(default_factory=Told)
    caption: bool = False
    speaker: str = ""


@dataclass
class Timeline:
    cards: list[Card] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    # The kinds among the cards, for the legend: (style, how many cards), in legend order.
    kinds: list[tuple[KindStyle, int]] = field(default_factory=list)
    total: int = 0
    offset: int = 0  # how many events come before the first card

    @property
    def more_note(self) -> str:
        """What the embed says when it shows only some of the events, or ''."""
        shown = len(self.cards)
        if self.total <= shown:
            return ""
        if not self.offset:
            return f"Showing the first {shown} of {self.total} events."
        last = self.offset + shown
        which = "the latest" if last == self.total else "from the day asked for"
        return f"Showing events {self.offset + 1}–{last} of {self.total}: {which}."


_CARD_COLUMNS = (
    "id",
    "article_id",
    "text",
    "date_start",
    "date_end",
    "date_precision",
    "article__title",
    "article__source",
    "article__url",
    "kind",
    "headline",
    "is_caption",
    "speaker",
)


def _card(index: int, row: tuple[Any, ...], places: list[dict[str, Any]]) -> Card:
    _, _, text, date_start, date_end, precision, title, source, url = row[:9]
    kind, headline, caption, speaker = row[9 : len(_CARD_COLUMNS)]
    card = Card(
        index=index,
        text=text,
        date_start=date_start,
        date_end=date_end,
        date_precision=precision,
        label="",
        places=places,
        place_ids=" ".join(str(place["id"]) for place in places),
        url=safe_url(url),
        source=source or title,
        kind=kind,
        headline=shown_headline(headline, text),
        caption=caption,
        speaker=speaker,
    )
    card.label = date_label(card)
    return card


def legend(cards: list[Card]) -> list[tuple[KindStyle, int]]:
    """Each kind among the cards with how many there are, in the legend's order."""
    counts = Counter(style_of(card.kind).kind for card in cards)
    return [(style, counts[kind]) for kind, style in KIND_STYLES.items() if counts[kind]]


def build_timeline(params: EmbedParams) -> Timeline:
    qs = timeline_events(params)
    if params.article is None:
        # History and forecasts belong to their article's page, not to the news
        # a newsroom's timeline plays (the map's default list leaves them out too).
        qs = qs.exclude(background_q())
    total = qs.count()
    offset = first_card(qs, total, params.opening)
    timeline = Timeline(total=total, offset=offset)
    # Plain rows, as /api/events reads them: model instances (and the article's
    # whole text, which select_related loaded) cost 120 ms of 500 cards' 190.
    shown = event_rows(qs[offset : offset + MAX_EVENTS], _CARD_COLUMNS)
    told = told_by((row[0], row[1]) for row, _ in shown)
    for index, (row, places) in enumerate(shown):
        card = _card(index, row, places)
        card.told = told.get(row[0], card.told)
        timeline.cards.append(card)
        if not timeline.groups or timeline.groups[-1].label != card.label:
            timeline.groups.append(Group(label=card.label, first_index=index))
        timeline.groups[-1].count += 1
    timeline.kinds = legend(timeline.cards)
    return timeline


def first_card(qs: QuerySet[Event], total: int, opening: str) -> int:
    """Which of the events the shown MAX_EVENTS begin at: the first, the last
    MAX_EVENTS for the latest, or those from a day on (a full set when it can)."""
    last_full = max(total - MAX_EVENTS, 0)
    if opening == "first" or not last_full:
        return 0
    if opening == "latest":
        return last_full
    before = qs.filter(date_start__lt=date.fromisoformat(opening)).count()
    return min(before, last_full)


def start_index(timeline: Timeline, start_at: str) -> int:
    if not timeline.cards:
        return 0
    if start_at == "first":
        return 0
    if start_at == "latest":
        # The most recent day's first event, so that the reader reads that day
        # forwards rather than landing on its last sentence.
        return timeline.groups[-1].first_index
    day = date.fromisoformat(start_at)
    for card in timeline.cards:
        if card.date_end >= day:
            return card.index
    return timeline.groups[-1].first_index


def _title(params: TimelineFilters) -> str:
    if params.article is not None:
        article = Article.objects.filter(pk=params.article).only("title").first()
        if article and article.title:
            return article.title
    if params.place is not None:
        place = Place.objects.filter(pk=params.place).only("name").first()
        if place:
            return f"Events at {place.name}"
    return "Timeline"


def _map_data(timeline: Timeline) -> dict[str, Any]:
    places = {place["id"]: place for card in timeline.cards for place in card.places}
    name, url, options = settings.LEAFLET_CONFIG["TILES"][0]
    return {
        "places": [[p["id"], p["name"], p["lat"], p["lon"]] for p in places.values()],
        "tiles": {"url": url, "attribution": options.get("attribution", "")},
        "basemap": outlines_url(),
    }


@conditional_get
def _timeline_page(request: HttpRequest) -> HttpResponse:
    # conditional_get (as the API's): an ETag and a minute's public caching on a
    # 200, and a 304 when the browser or a proxy already holds this answer.
    params, _given, problem = parse_params(request)
    if params is None or problem:
        return render(request, "embed/error.html", {"problem": problem}, status=400)
    timeline = build_timeline(params)
    first = timeline.cards[0].label if timeline.cards else ""
    last = timeline.cards[-1].label if timeline.cards else ""
    context = {
        "params": params,
        "title": _title(params),
        "timeline": timeline,
        "axis_html": axis_html(timeline.groups),
        "cards_html": cards_html(timeline.cards),
        "span": first if first == last else f"{first} – {last}",
        "start_index": start_index(timeline, params.opening),
        "map_data": _map_data(timeline) if params.map else None,
        "site_url": request.build_absolute_uri("/"),
    }
    return render(request, "embed/timeline.html", context)


@require_GET
@frameable
@gzip_page
def timeline_view(request: HttpRequest) -> HttpResponse:
    response = _timeline_page(request)
    # On the 304 too: a cache takes the headers of a 304 for the page it keeps.
    response["Content-Security-Policy"] = EMBED_CSP
    return response


def iframe_context(request: HttpRequest, given: dict[str, str], title: str) -> dict[str, str]:
    """What embed/iframe.html needs: the timeline's address, title and height."""
    # Commas as they are: kind=fighting,protest reads better in a pasted snippet.
    query = urlencode(given, safe=",")
    src = request.build_absolute_uri(reverse("embed-timeline")) + (f"?{query}" if query else "")
    height = given.get("height") or "420"
    return {"src": src, "title": f"{title} (newsmap timeline)", "height": height}


def snippet(request: HttpRequest, given: dict[str, str], title: str) -> str:
    """The HTML a newsroom pastes: the iframe and the script that resizes it."""
    return render_to_string("embed/snippet.html", iframe_context(request, given, title)).strip()


@require_GET
def resize_script(request: HttpRequest) -> HttpResponse:
    """The snippet's resize script as a file, for newsmap's own previews of the
    iframe: their pages' CSP runs no inline script, which a pasted snippet has."""
    response = render(request, "embed/resize.js", content_type="text/javascript; charset=utf-8")
    patch_cache_control(response, public=True, max_age=3600)
    return response


def _choices(params: EmbedParams | None) -> dict[str, Any]:
    # Recent articles and the places events are at: enough to pick from
    # without a search box; the current choice is always among them.
    articles = list(Article.objects.order_by("-published", "id").only("title", "published")[:200])
    places = list(Place.objects.filter(events__isnull=False).distinct().order_by("name")[:500])
    if params and params.article and all(a.pk != params.article for a in articles):
        articles += list(Article.objects.filter(pk=params.article))
    if params and params.place and all(p.pk != params.place for p in places):
        places += list(Place.objects.filter(pk=params.place))
    chosen = set(params.kinds) if params else set()
    kinds = [(style, style.kind in chosen) for style in KIND_STYLES.values()]
    return {"articles": articles, "places": places, "kinds": kinds}


@require_GET
def code_view(request: HttpRequest) -> HttpResponse:
    params, given, problem = parse_params(request)
    context: dict[str, Any] = {"given": given, "problem": problem, **_choices(params)}
    if params is not None and not problem:
        title = _title(params)
        context["snippet"] = snippet(request, given, title)
        context["preview"] = iframe_context(request, given, title)
    return render(request, "embed/code.html", context, status=400 if problem else 200)


@require_GET
def snippet_view(request: HttpRequest) -> HttpResponse:
    """The snippet alone, as text: what the generator page fetches as filters change."""
    params, given, problem = parse_params(request)
    if params is None or problem:
        return HttpResponse(problem, status=400, content_type="text/plain; charset=utf-8")
    text = snippet(request, given, _title(params))
    return HttpResponse(text, content_type="text/plain; charset=utf-8")
