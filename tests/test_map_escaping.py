"""Article text is untrusted: the map shows markup in it as text and never runs it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from playwright.sync_api import expect

from events.models import Article, Event, Place
from tests.event_support import make_event

pytestmark = pytest.mark.browser

HOSTILE = 'Rebels said <img src=x onerror="window.pwned=1"> <b>bold</b> & more'


@pytest.fixture
def hostile_event(transactional_db: None) -> Event:
    place = Place.objects.create(
        name="<script>window.pwned=2</script>Zawiya", country_code="LY", lat=32.76, lon=12.73
    )
    article = Article.objects.create(
        title="<i>Title</i>",
        source='<a href="javascript:alert(1)">Wire</a>',
        url="javascript:alert(1)",
        published=date(2011, 3, 10),
        text=HOSTILE,
        content_hash="hostile",
    )
    return make_event(article, HOSTILE, date(2011, 3, 10), date(2011, 3, 10), place)


def test_markup_in_events_is_shown_as_text_in_the_list_and_the_popup(
    live_server: Any, page: Any, hostile_event: Event
) -> None:
    page.route(
        lambda url: not url.startswith(live_server.url),
        lambda route: route.fulfill(status=200, content_type="image/png", body=b""),
    )
    page.goto(f"{live_server.url}/?t=2011-03-10&window=day")
    page.wait_for_selector("body.is-ready")
    item = page.locator("#timeline .timeline-item")
    expect(item).to_contain_text(HOSTILE)
    item.get_by_role("button").click()
    popup = page.locator(".leaflet-popup")
    expect(popup).to_contain_text(HOSTILE)
    expect(popup).to_contain_text("<script>window.pwned=2</script>Zawiya")
    assert page.locator("#timeline img, .leaflet-popup img, #timeline b").count() == 0
    # A javascript: source address is not made into a link.
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert page.evaluate("window.pwned") is None
