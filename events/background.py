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
from typing import Any

from django.db.models import DateField, F, Func, Q

# A month either way: "last month" and "next week" are news; "last March" in a
# November story and "in 1777" are not.
BACKGROUND_DAYS = 30


def is_background(date_start: date, date_end: date, published: date) -> bool:
    window = timedelta(days=BACKGROUND_DAYS)
    return (published - date_end) > window or (date_start - published) > window


class _DaysAfter(Func):
    """A date column moved by a whole number of days, in the database's own terms.

    Django writes `published - timedelta` on SQLite as a call of a Python
    function per row: 58 ms of each embed query over the wire corpus's 8,600
    events, twice a page. SQLite's date() and PostgreSQL's date + integer
    cost next to nothing. `days` comes from code, never from a request.
    """

    output_field = DateField()

    def __init__(self, expression: Any, days: int) -> None:
        super().__init__(expression)
        self.days = int(days)

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, '{self.days:+d} days')", params

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql} + {self.days:d})", params


def background_q(prefix: str = "") -> Q:
    """The same rule over Event rows (prefix: the lookup path to the event)."""
    published = F(f"{prefix}article__published")
    return Q(**{f"{prefix}date_end__lt": _DaysAfter(published, -BACKGROUND_DAYS)}) | Q(
        **{f"{prefix}date_start__gt": _DaysAfter(published, BACKGROUND_DAYS)}
    )
