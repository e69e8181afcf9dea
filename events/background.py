"""Which events are the news, and which are background: history and forecasts.

A story dated 10 March 2011 that says "in 1977" or "by 2030" names a time far
from its own: those events belong to the story's background, not to the days
the map plays. One rule, used by the map, the API and ingest alike: an event is
background when it lies wholly more than BACKGROUND_DAYS before or after its
article's publication day. Spans that include the publication day ("this
year") are news, however long; the map sets long spans apart by precision.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import F, Q

# A month either way: "last month" and "next week" are news; "last March" in a
# November story and "in 1777" are not.
BACKGROUND_DAYS = 30


def is_background(date_start: date, date_end: date, published: date) -> bool:
    window = timedelta(days=BACKGROUND_DAYS)
    return (published - date_end) > window or (date_start - published) > window


def background_q(prefix: str = "") -> Q:
    """The same rule over Event rows (prefix: the lookup path to the event)."""
    published = F(f"{prefix}article__published")
    window = timedelta(days=BACKGROUND_DAYS)
    return Q(**{f"{prefix}date_end__lt": published - window}) | Q(
        **{f"{prefix}date_start__gt": published + window}
    )
