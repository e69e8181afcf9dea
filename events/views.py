"""Reader pages: the map at / and one page per article with its places and dates marked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control

from events.api_timeline import date_label, safe_url, says_more, shown_headline
from events.background import BACKGROUND_DAYS, is_background
from events.basemap import outlines_url
from events.extraction.dates import find_timexes
from events.kind_styles import KindStyle, style_of
from events.kind_styles import css as kind_css
from events.map_window import WINDOW_DAYS, first_window
from events.models import Article, Event, Mention

# A date of week precision or coarser is shown on the map as the window that
# ends on its last day, so that the whole period is on screen.
WINDOW_OF_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "all"}


def _tiles() -> list[dict[str, str]]:
    tiles = []
    for name, url, options in settings.LEAFLET_CONFIG.get("TILES", []):
        tiles.append({"name": name, "url": url, "attribution": options.get("attribution", "")})
    return tiles


def map_page(request: HttpRequest) -> HttpResponse:
    center = settings.LEAFLET_CONFIG.get("DEFAULT_CENTER", (30.0, 15.0))
    events_url = reverse("api-1:api-events-compact")
    config = {
        "eventsUrl": events_url,
        # The window the map opens on, fetched (and preloaded) before the rest.
        "firstWindow": first_window(request.GET, events_url),
        "windowDays": WINDOW_DAYS,
        # The article page's address with the id left off: the script appends it.
        "articleUrl": reverse("article", args=[0])[:-2],
        # Another page owns /embed/code/; the map only links to it.
        "embedUrl": "/embed/code/",
        "tiles": _tiles(),
        "center": list(center),
        "zoom": settings.LEAFLET_CONFIG.get("DEFAULT_ZOOM", 3),
        # The map sets background events apart by the same rule as the server.
        "backgroundDays": BACKGROUND_DAYS,
        "basemapUrl": outlines_url(),
    }
    return render(request, "events/map.html", {"config": config})


@dataclass(frozen=True)
class Segment:
    """A slice of the article text; the template escapes it."""

    text: str
    kind: str = ""  # "" for plain text, "place", "place-unknown" or "date"
    href: str = ""
    title: str = ""
    anchor: str = ""  # an id to link to, for the sentence an event starts at


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str
    href: str = ""
    title: str = ""
    anchor: str = ""


def _readable(day: date) -> str:
    # Spelled out by hand: strftime's %-d (no leading zero) is not portable.
    return f"{day:%a} {day.day} {day:%b %Y}"


def _map_link(**params: object) -> str:
    return reverse("map") + "?" + urlencode({k: v for k, v in params.items() if v is not None})


def _day_of(offset: int, events: list[Event], published: date) -> date:
    # A place is linked to the day of the event whose sentence names it; a
    # mention outside every event falls back on the publication day.
    for event in events:
        if event.start <= offset < event.end:
            return event.date_start
    return published


def _segments(article: Article) -> list[Segment]:
    events = list(article.events.order_by("start"))
    spans: list[_Span] = []
    mentions = Mention.objects.filter(article=article).select_related("place").order_by("start")
    for mention in mentions:
        place = mention.place
        if place is None:
            spans.append(_Span(mention.start, mention.end, "place-unknown", title="Not placed"))
            continue
        day = _day_of(mention.start, events, article.published)
        href = _map_link(
            t=day.isoformat(),
            window="day",
            place=place.pk,
            view=f"7/{place.lat:.4f}/{place.lon:.4f}",
        )
        title = f"{place.name} on the map, {_readable(day)}"
        spans.append(_Span(mention.start, mention.end, "place", href, title))
    for timex in find_timexes(article.text, article.published):
        if timex.date_start is None or timex.date_end is None:
            continue  # durations and sets name no day to show
        window = WINDOW_OF_PRECISION.get(timex.precision or "day", "day")
        t = timex.date_start if window == "day" else timex.date_end
        href = _map_link(t=t.isoformat(), window=window)
        if timex.date_start == timex.date_end:
            title = f"The map on {_readable(timex.date_start)}"
        else:
            title = f"The map from {_readable(timex.date_start)} to {_readable(timex.date_end)}"
        spans.append(_Span(timex.start, timex.end, "date", href, title))
    for event in events:
        spans.append(_Span(event.start, event.start, "anchor", anchor=f"event-{event.pk}"))

    # Anchors first at a shared offset, then the longer span; a span that
    # overlaps one already taken is dropped rather than nested.
    spans.sort(key=lambda s: (s.start, s.kind != "anchor", -(s.end - s.start)))
    text = article.text
    segments: list[Segment] = []
    pos = 0
    for span in spans:
        if span.start < pos or span.end > len(text):
            continue
        if span.start > pos:
            segments.append(Segment(text[pos : span.start]))
        if span.kind == "anchor":
            segments.append(Segment("", "anchor", anchor=span.anchor))
        else:
            segments.append(Segment(text[span.start : span.end], span.kind, span.href, span.title))
        pos = span.end
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    return segments


@dataclass(frozen=True)
class EventItem:
    """One event in the article page's list: what happened, of what kind, and when."""

    pk: int
    when: str
    style: KindStyle
    headline: str
    sentence: str  # "" when the headline is the whole sentence
    background: bool
    caption: bool
    speaker: str
    reports: int  # how many reports tell its happening, in this article and others


def _event_items(article: Article) -> list[EventItem]:
    """The article's events in the order its text tells them."""
    items = []
    events = article.events.order_by("start", "id").annotate(
        told=Count("reports", distinct=True) + Count("lead__reports", distinct=True)
    )
    for event in events:
        headline = shown_headline(event.headline, event.text)
        items.append(
            EventItem(
                pk=event.pk,
                when=date_label(event),
                style=style_of(event.kind),
                headline=headline,
                sentence=event.text if says_more(headline, event.text) else "",
                background=is_background(event.date_start, event.date_end, article.published),
                caption=event.is_caption,
                speaker=event.speaker,
                # Its own, or its lead's reports (itself among them) and the lead.
                reports=event.told + 1 if event.told else 1,
            )
        )
    return items


def article_page(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=article_id)
    first = article.events.order_by("-date_start").values_list("date_start", flat=True).first()
    map_url = _map_link(
        article=article.pk, t=(first or article.published).isoformat(), window="all"
    )
    context = {
        "article": article,
        "segments": _segments(article),
        "events": _event_items(article),
        "event_count": article.events.count(),
        "place_count": article.mentions.exclude(place=None).values("place").distinct().count(),
        "map_url": map_url,
        # A javascript: or data: address from an ingested file is no link.
        "original_url": safe_url(article.url),
    }
    return render(request, "events/article.html", context)


def kinds_css(request: HttpRequest) -> HttpResponse:
    """A class per kind of event setting --kind-colour (events/kind_styles.py), for every page."""
    response = HttpResponse(kind_css(), content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=3600)
    return response
