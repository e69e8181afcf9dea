"""The window the reader's map opens on, so that it can be fetched before the rest.

At 100,000 events the whole of /api/events/compact is megabytes, seconds to fetch and
parse. The map page names the window it opens on (the address's `t` and `window`, or the
latest publication day) with the compact URL of just that window; the page preloads it,
the map draws it, and the rest follows in the background (static/newsmap/map.js).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from django.db.models import Exists, Max, Min, OuterRef
from django.http import QueryDict

from events.models import Article, Event

# The map's windows, in days (map.js reads them from the page's config).
WINDOW_DAYS = {"day": 1, "week": 7, "month": 30}
DEFAULT_WINDOW = "week"
# The slider's room either side of the publication days (timeaxis.js's SPAN_MARGIN_DAYS).
SPAN_MARGIN_DAYS = 2
# What narrows the map to some events: with one of these the map loads everything at once.
FILTERS = ("article", "place", "q")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def publication_days() -> tuple[date, date] | None:
    """The first and last publication day of the articles with events, or None."""
    with_events = Exists(Event.objects.filter(article=OuterRef("pk")))
    days = Article.objects.filter(with_events).aggregate(
        first=Min("published"), last=Max("published")
    )
    if days["first"] is None:
        return None
    return days["first"], days["last"]


def _day(text: str) -> date | None:
    if not ISO_DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def first_window(query: QueryDict, compact_url: str) -> dict[str, Any] | None:
    """What the map shows first and the URL of its events; None to load all at once.

    A value the map would refuse (a bad date, an unknown window) is left to the map,
    which names it in a notice and shows the default: here it means the default too.
    """
    if any(query.get(name, "").strip() for name in FILTERS):
        return None
    window = query.get("window", "").strip() or DEFAULT_WINDOW
    if window == "all":
        return None
    window = window if window in WINDOW_DAYS else DEFAULT_WINDOW
    days = publication_days()
    if days is None:
        return None
    first, last = days
    t = _day(query.get("t", "").strip()) or last
    margin = timedelta(days=SPAN_MARGIN_DAYS)
    if not first - margin <= t <= last + margin:
        return None  # outside the news: the map says so and opens on the latest day
    start = t - timedelta(days=WINDOW_DAYS[window] - 1)
    return {
        "t": t.isoformat(),
        "window": window,
        "url": f"{compact_url}?start={start.isoformat()}&end={t.isoformat()}",
        "published": [first.isoformat(), last.isoformat()],
    }
