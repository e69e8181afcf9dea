"""The map draws the window in view from a small request, then loads the rest behind it.

On the wire corpus, with the request for every event held back: the map is drawn (markers,
the list, the date) from the first window's request alone, and what needs the rest (the
slider, the filters, the window choice) waits; once the rest is let through, the map
carries on at the same day with the whole corpus.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

from tests.wire_server import WireServer, busiest_publication_day

pytestmark = pytest.mark.browser


def _everything(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path == "/api/events/compact" and not parts.query


@pytest.fixture
def held_back(browser: Any, wire_server: WireServer) -> Iterator[tuple[Page, list[Route]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route(
        lambda url: not url.startswith(wire_server.url),
        lambda route: route.fulfill(status=200, content_type="image/png", body=b""),
    )
    held: list[Route] = []
    page.route(_everything, lambda route: held.append(route))  # answered when let through
    yield page, held
    context.close()
    assert not errors, errors


def test_the_window_in_view_is_drawn_before_every_event_is_loaded(
    held_back: tuple[Page, list[Route]], wire_server: WireServer
) -> None:
    page, held = held_back
    day = busiest_publication_day()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{wire_server.url}/?t={day}&window=week")
    page.wait_for_selector("body.is-ready")
    assert held, "the map did not ask for the rest"
    assert not page.locator("body.is-complete").count()
    windows = [url for url in requests if "/api/events/compact?" in url]
    assert windows and f"end={day}" in windows[0], requests
    assert page.locator(".timeline-item").count() > 0
    assert page.locator(".cluster:not([hidden]), .place-label-permanent:visible").count() > 0
    expect(page.locator("#timeline-summary")).to_have_class("timeline-summary is-loading-rest")
    for control in ("#time", "#play", "#filter-article", "#window-choice input[value=day]"):
        expect(page.locator(control)).to_be_disabled()
    label = page.locator("#date-label").inner_text()

    held[0].continue_()
    page.wait_for_selector("body.is-complete")
    expect(page.locator("#date-label")).to_have_text(label)
    expect(page.locator("#time")).to_be_enabled()
    expect(page.locator("#window-choice input[value=week]")).to_be_checked()
    # The whole corpus is in: every article can be chosen, not only the week's.
    assert page.locator("#filter-article option").count() > 1000
    expect(page.locator("#timeline-summary")).to_have_class("timeline-summary")


def test_a_map_with_a_filter_loads_everything_at_once(
    held_back: tuple[Page, list[Route]], wire_server: WireServer
) -> None:
    page, held = held_back
    page.goto(f"{wire_server.url}/?q=oil&window=week")
    page.wait_for_timeout(500)
    assert held, "the map did not ask for every event"
    assert not page.locator("body.is-ready").count(), "drawn before its events came"
    held[0].continue_()
    page.wait_for_selector("body.is-complete")
