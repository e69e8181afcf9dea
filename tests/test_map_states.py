"""The map says what is going on when there is nothing to show or the events cannot load."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_an_empty_database_shows_how_to_add_events(
    live_server: Any, page: Any, transactional_db: None
) -> None:
    page.route(
        lambda url: not url.startswith(live_server.url),
        lambda route: route.fulfill(status=200, content_type="image/png", body=b""),
    )
    page.goto(f"{live_server.url}/")
    expect(page.locator("#map-status")).to_contain_text("No events yet")
    expect(page.get_by_role("button", name="Play")).to_be_disabled()


def test_a_failed_load_offers_to_try_again(
    live_server: Any, page: Any, transactional_db: None
) -> None:
    page.route(
        lambda url: not url.startswith(live_server.url),
        lambda route: route.fulfill(status=200, content_type="image/png", body=b""),
    )
    # The API answers with an empty 200 here rather than an error status, which
    # the browser would log as a console error on top of the page's own message.
    page.route("**/api/events/compact*", lambda route: route.fulfill(status=200, body="oops"))
    page.goto(f"{live_server.url}/")
    status = page.locator("#map-status")
    expect(status).to_contain_text("could not be loaded")
    page.unroute("**/api/events/compact*")
    status.get_by_role("button", name="Try again").click()
    expect(status).to_contain_text("No events yet")
