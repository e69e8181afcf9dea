"""The map page names the window it opens on, so that its events load before the rest.

The page's config carries the compact URL of that window (the address's day and window,
or the latest publication day's week) and preloads it; with a filter, the whole span, a
day outside the news or no news at all, it names none and the map loads everything.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest
from django.test import Client

from tests.event_support import make_article, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_articles() -> None:
    for title, day in (("Early news", date(2005, 11, 2)), ("Late news", date(2005, 12, 20))):
        article = make_article(title, day)
        make_event(article, f"{title} happened.", day, day)
    # An article without events does not stretch the news.
    make_article("Empty", date(2006, 3, 1))


def _config(client: Client, query: str = "") -> dict[str, Any]:
    html = client.get(f"/{query}").content.decode()
    found = re.search(r'<script id="map-config" type="application/json">(.*?)</script>', html)
    assert found, "the page has no map config"
    return json.loads(found.group(1))


def test_without_a_date_the_map_first_loads_the_latest_publication_days_week(
    client: Client, two_articles: None
) -> None:
    first = _config(client)["firstWindow"]
    assert first == {
        "t": "2005-12-20",
        "window": "week",
        "url": "/api/events/compact?start=2005-12-14&end=2005-12-20",
        "published": ["2005-11-02", "2005-12-20"],
    }


def test_the_page_preloads_the_first_window_not_every_event(
    client: Client, two_articles: None
) -> None:
    html = client.get("/?t=2005-11-03&window=day").content.decode()
    preload = re.search(r'<link rel="preload" href="([^"]+)" as="fetch"', html)
    assert preload is not None
    assert preload.group(1) == "/api/events/compact?start=2005-11-03&amp;end=2005-11-03"


def test_a_month_window_on_a_day_of_the_address_is_that_days_thirty_days(
    client: Client, two_articles: None
) -> None:
    first = _config(client, "?t=2005-12-01&window=month")["firstWindow"]
    assert first["url"] == "/api/events/compact?start=2005-11-02&end=2005-12-01"


def test_a_window_the_map_refuses_opens_the_default_week_first(
    client: Client, two_articles: None
) -> None:
    first = _config(client, "?window=year")["firstWindow"]
    assert first["window"] == "week"
    assert first["url"].endswith("start=2005-12-14&end=2005-12-20")


@pytest.mark.parametrize(
    "query",
    [
        "?window=all",
        "?article=1",
        "?place=3",
        "?q=news",
        "?t=1999-01-01",  # outside the news: the map says so and opens on the latest day
    ],
)
def test_filters_the_whole_span_or_a_day_outside_the_news_load_everything_at_once(
    client: Client, two_articles: None, query: str
) -> None:
    assert _config(client, query)["firstWindow"] is None


def test_with_no_news_the_map_names_no_first_window(client: Client) -> None:
    assert _config(client)["firstWindow"] is None
