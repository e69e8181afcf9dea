"""/api/events/compact counts days since 1970-01-01 in the database, before 1970 too."""

from datetime import date

import pytest
from django.test import Client

from events.models import Article, Event

DAYS = [
    date(1899, 12, 31),
    date(1969, 12, 31),
    date(1970, 1, 1),
    date(2000, 2, 29),
    date(2011, 3, 12),
]


@pytest.mark.django_db
def test_every_day_is_its_distance_from_1970_whichever_side(client: Client) -> None:
    article = Article.objects.create(
        title="Centuries", published=date(2011, 3, 12), text="…", content_hash="centuries"
    )
    for day in DAYS:
        Event.objects.create(
            article=article, start=0, end=1, text="x", date_start=day, date_end=date(2011, 3, 13)
        )

    events = client.get("/api/events/compact").json()["events"]

    epoch = date(1970, 1, 1)
    assert events["start"] == [(day - epoch).days for day in DAYS]
    assert events["start"][:3] == [-25568, -1, 0]
    assert events["end"] == [(date(2011, 3, 13) - epoch).days] * len(DAYS)
