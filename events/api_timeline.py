"""TimelineJS3 JSON for newsrooms that already use TimelineJS.

GET /api/timeline takes the embed's filters and answers in TimelineJS3's own
format (https://timeline.knightlab.com/docs/json-format.html), so its URL can
be handed to `new TL.Timeline(...)` as is. The filtering lives here because the
embed (events/embed.py) shows exactly the same events.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import HttpRequest, JsonResponse
from django.utils.html import escape, format_html
from ninja import Query, Router

from events.api import conditional_get
from events.extraction.happenings import headline as headline_of
from events.kind_styles import style_of
from events.models import Event, Place
from events.params import ParamError, window_problem
from events.schemas import Error, WindowFilters
from events.told import other_articles, with_reports

router = Router(tags=["timeline"])
# As the events API: an ETag, a minute's caching, 304 when unchanged.
router.add_decorator(conditional_get, mode="view")


class TimelineFilters(WindowFilters):
    def problem(self) -> str:
        """What is wrong with these filters together, or ''."""
        return window_problem(self.start, self.end)


def timeline_events(filters: TimelineFilters) -> QuerySet[Event]:
    """The events a timeline shows, oldest first."""
    qs = Event.objects.all()
    # Overlap of the event's days with [start, end], as /api/events filters.
    if filters.start:
        qs = qs.filter(date_end__gte=filters.start)
    if filters.end:
        qs = qs.filter(date_start__lte=filters.end)
    if filters.place is not None:
        # Exists, not a join: a join repeats an event once per matching place.
        through = Event.places.through.objects.filter(event_id=OuterRef("pk"))
        qs = qs.filter(Exists(through.filter(place_id=filters.place)))
    if filters.article is not None:
        qs = qs.filter(article_id=filters.article)
    if filters.q:
        qs = qs.filter(text__icontains=filters.q)
    if kinds := filters.kinds:
        qs = qs.filter(kind__in=kinds)
    if filters.happenings:
        qs = qs.filter(lead__isnull=True)
    # End before id: events sharing both days stay together under one date label.
    return qs.order_by("date_start", "date_end", "id")


def safe_url(url: str) -> str:
    """The URL if a browser may follow it from a link, else ''.

    Article URLs come from ingested files: a javascript: or data: URL there must
    not become a link.
    """
    return url if url.lower().startswith(("https://", "http://")) else ""


def shown_headline(headline: str, text: str) -> str:
    """What a card, slide or list shows as the event's headline: the stored one, or one
    made from its sentence for an event stored without (an editor may clear it)."""
    return headline or headline_of(text)


def says_more(headline: str, text: str) -> bool:
    """Whether the whole sentence says more than its headline, and so is worth a click."""
    return " ".join(text.split()).rstrip(" .!?") != headline.rstrip(" .!?")


# Most specific first: an event "in Zawiya, Libya" belongs to Zawiya's group.
_SPECIFICITY = {
    Place.Kind.CITY: 0,
    Place.Kind.REGION: 1,
    Place.Kind.WATER: 2,
    Place.Kind.OTHER: 3,
    Place.Kind.COUNTRY: 4,
}


def primary_place(places: list[Place]) -> Place | None:
    if not places:
        return None
    return min(places, key=lambda place: (_SPECIFICITY.get(place.kind, 3), place.name))


def _day(day: date, month: bool = True, year: bool = True) -> str:
    return " ".join(
        part
        for part in (str(day.day), f"{day:%b}" if month else "", str(day.year) if year else "")
        if part
    )


class Dated(Protocol):
    """An event, or the embed's card of one."""

    date_start: date
    date_end: date
    date_precision: str


def date_label(event: Dated) -> str:
    """The event's days as a reader says them: '11 Mar 2011', '7–11 Mar 2011', 'March 2011'."""
    first, last = event.date_start, event.date_end
    if event.date_precision == Event.Precision.YEAR:
        return str(first.year)
    if event.date_precision == Event.Precision.MONTH and (first.year, first.month) == (
        last.year,
        last.month,
    ):
        return f"{first:%B} {first.year}"
    if first == last:
        return _day(first)
    if first.year != last.year:
        return f"{_day(first)} – {_day(last)}"
    if first.month != last.month:
        return f"{_day(first, year=False)} – {_day(last)}"
    return f"{first.day}–{_day(last)}"


def _tl_date(day: date, precision: str) -> dict[str, int]:
    # TimelineJS shows only the parts it is given: a month-precise event reads
    # "March 2011", not "March 1, 2011".
    parts = {"year": day.year}
    if precision != Event.Precision.YEAR:
        parts["month"] = day.month
    if precision in (Event.Precision.DAY, Event.Precision.WEEK):
        parts["day"] = day.day
    return parts


def source_link(article: Any) -> str:
    """The article's source as HTML: a link to it where its address may be followed."""
    url = safe_url(article.url)
    source = _source_name(article)
    if url:
        return format_html(
            '<a href="{}" target="_blank" rel="noopener noreferrer">{}</a>', url, source
        )
    return escape(source)


def _source_name(article: Any) -> str:
    return article.source or article.title or "Source"


def lead_html(event: Event, places: list[Place]) -> str:
    """The event's whole sentence, its places and its sources, as escaped HTML paragraphs:
    its own article's and, for a happening several reports tell, the others' (the
    event's reports prefetched by events.told.with_reports)."""
    parts = [format_html("<p>{}</p>", event.text)]
    if event.speaker:
        parts.append(format_html("<p>Said by {}</p>", event.speaker))
    if event.is_caption:
        parts.insert(0, "<p><em>Photo caption</em></p>")
    if places:
        parts.append(format_html("<p>{}</p>", ", ".join(place.name for place in places)))
    reports = list(event.reports.all()) if event.lead_id is None else []
    # Each source once: two AFP stories are one name to a reader; the count says two.
    named: dict[str, Any] = {}
    for article in [event.article, *other_articles(event)]:
        named.setdefault(_source_name(article), article)
    sources = [source_link(article) for article in named.values()]
    told = f"{len(reports) + 1} reports · " if reports else ""
    parts.append(f"<p>{told}{', '.join(sources)}</p>")
    return "".join(parts)


def _slide(event: Event) -> dict[str, Any]:
    places = list(event.places.all())
    # TimelineJS renders headline and text as HTML; article text is untrusted.
    slide: dict[str, Any] = {
        "unique_id": f"event-{event.pk}",
        "start_date": _tl_date(event.date_start, event.date_precision),
        "end_date": _tl_date(event.date_end, event.date_precision),
        "text": {
            "headline": escape(shown_headline(event.headline, event.text)),
            "text": lead_html(event, places),
        },
        # One row per kind: the fighting apart from the diplomacy.
        "group": style_of(event.kind).label,
    }
    # TimelineJS would print a one-day event as "March 11, 2011 - March 11, 2011".
    slide["display_date"] = date_label(event)
    return slide


@router.get(
    "/timeline",
    response={200: dict[str, Any], 400: Error},
    summary="Events as TimelineJS3 JSON",
    operation_id="getTimeline",
    url_name="api-timeline",
)
def get_timeline(request: HttpRequest, filters: Query[TimelineFilters]) -> JsonResponse:
    """The matching events as a TimelineJS3 timeline, one slide per event.

    Each slide's headline is the event's headline, its text the whole sentence,
    its places and its source, and its `group` the kind's label, so TimelineJS
    draws one row per kind. Headline and text are HTML with the article's words
    escaped.
    At most API_MAX_LIMIT events, oldest first.
    """
    if problem := filters.problem():
        raise ParamError(problem)
    places = Prefetch("places", queryset=Place.objects.order_by("name", "id"))
    qs = with_reports(timeline_events(filters).select_related("article").prefetch_related(places))
    events = list(qs[: settings.API_MAX_LIMIT])
    if filters.article is not None and events:
        title = events[0].article.title or "Timeline"
    else:
        title = "Timeline"
    payload = {
        "title": {
            "text": {
                "headline": escape(title),
                "text": f"<p>{len(events)} events from newsmap</p>",
            }
        },
        "events": [_slide(event) for event in events],
    }
    response = JsonResponse(payload)
    # Public, read-only data meant for other sites' TimelineJS, which fetches it
    # from the newsroom's own origin.
    response["Access-Control-Allow-Origin"] = "*"
    return response
