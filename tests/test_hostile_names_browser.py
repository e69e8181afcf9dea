"""A place named with markup shows as text in every map tooltip, and never runs.

An editor may rename a place to `<img src=x onerror=…>`; a superuser who then
opens a nearby place, a reader who hovers it and a newsroom's embed must see
those characters, not an image whose handler runs in their session.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from events.models import Article, Place
from tests.event_support import make_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE = '<img src=x onerror="window.pwned=1">Zawiya<script>window.pwned=2</script>'


@pytest.fixture
def hostile_place() -> Place:
    place = Place.objects.create(name=HOSTILE, country_code="LY", lat=32.76, lon=12.73)
    article = Article.objects.create(
        title="Fighting in the west",
        published=date(2011, 3, 10),
        text="Rebels held the town.",
        content_hash="hostile-place",
    )
    make_event(article, "Rebels held the town.", date(2011, 3, 10), date(2011, 3, 10), place)
    return place


@pytest.fixture
def offline(page: Any, live_server: Any) -> Any:
    """Tiles and anything else off this server get an empty answer, as offline."""
    page.route(
        lambda url: not url.startswith(live_server.url),
        lambda route: route.fulfill(status=200, content_type="image/png", body=b""),
    )
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    return page


def _assert_shown_as_text(page: Any, tooltip: Any) -> None:
    expect(tooltip).to_have_text(HOSTILE)
    assert tooltip.locator("img, script").count() == 0
    assert page.evaluate("window.pwned") is None


def test_the_place_forms_map_names_a_nearby_hostile_place_as_text(
    offline: Any, live_server: Any, hostile_place: Place
) -> None:
    neighbour = Place.objects.create(name="Sabratha", country_code="LY", lat=32.79, lon=12.48)
    User.objects.create_superuser("root", password="a-long-admin-passphrase")
    page = offline
    page.goto(f"{live_server.url}/admin/login/?next=/admin/events/place/{neighbour.pk}/change/")
    page.fill("#id_username", "root")
    page.fill("#id_password", "a-long-admin-passphrase")
    page.click("input[type=submit]")
    _assert_shown_as_text(page, page.locator(".place-map .nearby-label"))


def test_the_readers_map_names_a_hostile_place_as_text_in_its_label_and_under_the_pointer(
    offline: Any, live_server: Any, hostile_place: Place
) -> None:
    page = offline
    # The view is centred on the place, so the pointer finds its marker mid-map.
    page.goto(f"{live_server.url}/?t=2011-03-10&window=day&map=8/32.76/12.73")
    page.wait_for_selector("body.is-ready")
    _assert_shown_as_text(page, page.locator(".place-label-permanent"))
    # On a day of events elsewhere the place has none, hence no permanent label: the
    # pointer's label names it instead.
    benghazi = Place.objects.create(name="Benghazi", country_code="LY", lat=32.12, lon=20.07)
    article = hostile_place.events.get().article
    make_event(article, "Crowds gathered.", date(2011, 3, 11), date(2011, 3, 11), benghazi)
    page.goto(f"{live_server.url}/?t=2011-03-11&window=day&map=8/32.76/12.73")
    page.wait_for_selector("body.is-ready")
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    _assert_shown_as_text(page, page.locator(".leaflet-tooltip.place-label"))


def test_the_embeds_map_names_a_hostile_place_as_text(
    offline: Any, live_server: Any, hostile_place: Place
) -> None:
    page = offline
    page.goto(f"{live_server.url}/embed/timeline/?map=true")
    _assert_shown_as_text(page, page.locator("#nm-map .leaflet-tooltip"))
