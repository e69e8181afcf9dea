"""Windows at the calendar's first and last days are valid filters with correct answers."""

from datetime import date

import pytest
from django.test import Client

from events.models import Event
from tests.event_support import SmallWorld, make_event, small_world

FIRST, LAST = date.min.isoformat(), date.max.isoformat()


@pytest.fixture
def world(db: None) -> SmallWorld:
    world = small_world()
    # Events on the calendar's very ends, as an article can date them.
    world.events.append(make_event(world.libya, "At the first day.", date.min, date.min))
    world.events.append(make_event(world.libya, "At the last day.", date.max, date.max))
    return world


def event_ids(client: Client, url: str, query: dict[str, str]) -> list[int]:
    response = client.get(url, query)
    assert response.status_code == 200, response.content
    body = response.json()
    if "features" in body:
        return [feature["id"] for feature in body["features"]]
    return body["events"]["id"]


def in_order(world: SmallWorld, *texts: str) -> list[int]:
    events = Event.objects.filter(pk__in=[event.pk for event in world.events])
    if texts:
        events = events.filter(text__in=texts)
    return list(events.order_by("date_start", "id").values_list("id", flat=True))


@pytest.mark.parametrize("url", ["/api/events", "/api/events/compact"])
@pytest.mark.parametrize("query", [{"start": FIRST}, {"end": LAST}, {"start": FIRST, "end": LAST}])
def test_a_window_from_the_first_or_to_the_last_day_holds_every_event(
    client: Client, world: SmallWorld, url: str, query: dict[str, str]
) -> None:
    assert event_ids(client, url, query) == in_order(world)


@pytest.mark.parametrize("url", ["/api/events", "/api/events/compact"])
def test_the_calendars_first_and_last_days_find_the_events_on_them(
    client: Client, world: SmallWorld, url: str
) -> None:
    first = event_ids(client, url, {"start": FIRST, "end": FIRST})
    last = event_ids(client, url, {"start": LAST, "end": LAST})
    first_month = event_ids(client, url, {"start": FIRST, "end": "0001-01-31"})

    assert first == first_month == in_order(world, "At the first day.")
    assert last == in_order(world, "At the last day.")


def test_a_window_opening_in_the_calendars_first_month_still_finds_later_events(
    client: Client, world: SmallWorld
) -> None:
    # The short-event bound reaches 31 days before the start: from 10 January
    # of year 1 that is before the calendar, which must not raise.
    spring = event_ids(client, "/api/events", {"start": "0001-01-10", "end": "2011-03-11"})

    assert spring == in_order(
        world,
        "The uprising went on through the spring.",
        "EU leaders met in Brussels to discuss Ras Lanuf.",
    )


@pytest.mark.parametrize("url", ["/api/timeline", "/embed/timeline/"])
def test_the_timeline_and_embed_take_the_calendars_ends_too(
    client: Client, world: SmallWorld, url: str
) -> None:
    # With its article named: the embed leaves events far from their article's
    # day (history, forecasts) to the article's own timeline.
    response = client.get(url, {"start": FIRST, "end": LAST, "article": world.libya.pk})

    assert response.status_code == 200
    assert "At the last day." in response.content.decode()
