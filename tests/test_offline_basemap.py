"""With no network, land and borders are drawn under the markers of every map.

The reader's map, the embed's map and the editor's place form read Natural Earth's
outlines from newsmap's own static files (npm's world-atlas), so each reads as a map
when no tile server answers. Run on the wire corpus, with every request off the server
refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.wire_server import SUPERUSER, WireServer

pytestmark = pytest.mark.browser


@pytest.fixture
def offline_page(browser: Any, wire_server: WireServer) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    outside: list[str] = []

    def refuse(route: Any) -> None:
        outside.append(route.request.url)
        route.abort("internetdisconnected")

    page.route(lambda url: not url.startswith(wire_server.url), refuse)
    yield page
    context.close()


def _land_is_drawn(page: Page) -> None:
    expect(page.locator(".leaflet-container.has-basemap")).to_be_attached(timeout=10_000)
    # Leaflet clips paths to the view: what is drawn is an outline, not an empty path.
    drawn = page.locator(".leaflet-basemap-pane path.basemap").evaluate_all(
        "paths => paths.filter(p => /^M[-\\d]/.test(p.getAttribute('d') || '')).length"
    )
    assert drawn >= 1, "no land or border outline drawn"


def test_the_readers_map_draws_land_with_no_network(
    offline_page: Page, wire_server: WireServer, artifacts: Path
) -> None:
    offline_page.goto(f"{wire_server.url}/?window=month")
    offline_page.wait_for_selector("body.is-ready")
    _land_is_drawn(offline_page)
    expect(offline_page.locator(".offline-note")).to_contain_text("country outlines")
    offline_page.screenshot(path=artifacts / "map-offline-basemap.png")


def test_the_embeds_map_draws_land_with_no_network(
    offline_page: Page, wire_server: WireServer, artifacts: Path
) -> None:
    offline_page.goto(f"{wire_server.url}/embed/timeline/?map=true")
    _land_is_drawn(offline_page)
    offline_page.screenshot(path=artifacts / "embed-offline-basemap.png")


def test_the_place_forms_map_draws_land_with_no_network(
    offline_page: Page, wire_server: WireServer, artifacts: Path
) -> None:
    page = offline_page
    page.goto(f"{wire_server.url}/admin/login/?next=/admin/events/place/")
    page.fill("#id_username", SUPERUSER[0])
    page.fill("#id_password", SUPERUSER[1])
    page.click("input[type=submit]")
    page.locator("#result_list tbody tr th a").first.click()
    _land_is_drawn(page)
    page.screenshot(path=artifacts / "place-form-offline-basemap.png")
