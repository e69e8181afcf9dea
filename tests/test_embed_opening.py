"""Where an embedded timeline opens: the latest news unless filtered, any day asked for,
and the reader's map's old view parameter still accepted."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client

from events.embed import MAX_EVENTS
from events.models import Article, Event

DAYS = MAX_EVENTS + 40
FIRST_DAY = date(2005, 1, 1)


@pytest.fixture
def long_story(db: None) -> Article:
    """A story followed day by day for more days than an embed shows: one report a
    day, each with that day's event, and a summary article holding them all."""
    days = [FIRST_DAY + timedelta(days=n) for n in range(DAYS)]
    reports = Article.objects.bulk_create(
        Article(title=f"Report {n}", published=day, text="…", content_hash=f"r{n}")
        for n, day in enumerate(days)
    )
    Event.objects.bulk_create(
        Event(
            article=report,
            start=0,
            end=1,
            text=f"Day {n} of the story.",
            date_start=day,
            date_end=day,
        )
        for n, (report, day) in enumerate(zip(reports, days, strict=True))
    )
    return reports[0]


def _page(client: Client, query: str) -> str:
    response = client.get(f"/embed/timeline/?{query}")
    assert response.status_code == 200, response.content[:300]
    return response.content.decode()


def test_an_unfiltered_embed_shows_the_latest_events(long_story: Article, client: Client) -> None:
    body = _page(client, "")
    assert f"Day {DAYS - 1} of the story." in body
    assert "Day 0 of the story." not in body
    assert f"of {DAYS}: the latest." in body


def test_a_filtered_embed_starts_at_its_first_event(long_story: Article, client: Client) -> None:
    body = _page(client, "q=story")
    assert "Day 0 of the story." in body
    assert f"Day {DAYS - 1} of the story." not in body
    assert f"Showing the first {MAX_EVENTS} of {DAYS} events." in body


def test_start_at_a_day_beyond_the_first_five_hundred_shows_that_day(
    long_story: Article, client: Client
) -> None:
    day = FIRST_DAY + timedelta(days=DAYS - 10)
    body = _page(client, f"q=story&start_at={day.isoformat()}")
    assert f"Day {DAYS - 10} of the story." in body
    assert f"of {DAYS}: the latest." in body


def test_start_at_latest_shows_the_last_events_of_a_filtered_timeline(
    long_story: Article, client: Client
) -> None:
    body = _page(client, "q=story&start_at=latest")
    assert f"Day {DAYS - 1} of the story." in body
    assert "Day 0 of the story." not in body


def test_the_maps_old_view_parameter_turns_the_map_on_rather_than_failing(
    long_story: Article, client: Client
) -> None:
    body = _page(client, f"article={long_story.pk}&map=7/31.5000/15.5000")
    assert "Day 0 of the story." in body
    assert 'id="nm-map-data"' in body
