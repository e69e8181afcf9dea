"""At low zoom, places whose markers would overlap are one cluster with a readable count.

On a busy week of the wire corpus seen whole: clusters do not overlap each other, their
counts fit inside them and read at 4.5:1 against their fill, a click (or Enter from the
keyboard) zooms in towards the cluster's places, and zoomed in far enough there are none.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import map_opener
from tests.wire_server import WireServer, busiest_publication_day

pytestmark = pytest.mark.browser

CLUSTERS = ".cluster:not([hidden])"
# Clusters of places with no events in the window are grey and show no count.
COUNTED = ".cluster:not([hidden]):not(.is-empty)"


@pytest.fixture
def world_map(browser: Any, wire_server: WireServer) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    map_opener(page, wire_server.url)(f"?t={busiest_publication_day()}&window=week&view=2/30/20")
    yield page
    context.close()
    assert not errors, errors


def _clusters(page: Page, selector: str = COUNTED) -> list[dict[str, Any]]:
    return page.locator(selector).evaluate_all(
        """nodes => nodes.map((n) => {
          const box = n.getBoundingClientRect();
          const figure = n.querySelector('.cluster-count').getBoundingClientRect();
          const style = getComputedStyle(n);
          return {
            x: box.x + box.width / 2, y: box.y + box.height / 2, r: box.width / 2,
            figure: [figure.left, figure.top, figure.right, figure.bottom],
            box: [box.left, box.top, box.right, box.bottom],
            text: n.textContent, label: n.getAttribute('aria-label'),
            color: style.color, background: style.backgroundColor,
            fontSize: parseFloat(style.fontSize),
          };
        })"""
    )


def _luminance(css: str) -> float:
    channels = [int(part) / 255 for part in css[css.index("(") + 1 : -1].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_overlapping_places_are_drawn_as_clusters_that_do_not_overlap(world_map: Page) -> None:
    clusters = _clusters(world_map, CLUSTERS)
    assert len(_clusters(world_map)) >= 3, "a busy week seen whole has no clusters"
    for a, b in ((a, b) for k, a in enumerate(clusters) for b in clusters[k + 1 :]):
        distance = math.hypot(a["x"] - b["x"], a["y"] - b["y"])
        assert distance >= a["r"] + b["r"] - 1, f"clusters overlap: {a['label']} / {b['label']}"


def test_a_clusters_count_is_readable_and_matches_what_it_says(world_map: Page) -> None:
    for cluster in _clusters(world_map):
        count = int(cluster["text"].replace(",", ""))
        assert cluster["label"].startswith(f"{cluster['text']} event"), cluster["label"]
        assert count >= 1
        left, top, right, bottom = cluster["figure"]
        box = cluster["box"]
        assert box[0] <= left and right <= box[2] and box[1] <= top and bottom <= box[3], (
            f"the count {cluster['text']} spills out of its circle"
        )
        assert cluster["fontSize"] >= 11
        assert _contrast(cluster["color"], cluster["background"]) >= 4.5, cluster


def test_clicking_a_cluster_zooms_in_towards_its_places(world_map: Page) -> None:
    zoom = world_map.evaluate("newsmap.map.getZoom()")
    biggest = max(_clusters(world_map), key=lambda c: int(c["text"].replace(",", "")))
    world_map.mouse.click(biggest["x"], biggest["y"])
    world_map.wait_for_function("(z) => newsmap.map.getZoom() > z", arg=zoom)
    lead = biggest["label"].split(" places round ")[1].removesuffix(". Zoom in to see them.")
    point = world_map.evaluate("(name) => window.newsmap.placePoint(name)", lead)
    map_box = world_map.locator("#map").bounding_box()
    assert map_box is not None and point is not None
    assert map_box["x"] <= point["x"] <= map_box["x"] + map_box["width"], "the place left the view"
    assert map_box["y"] <= point["y"] <= map_box["y"] + map_box["height"], "the place left the view"


def _tab_to_a_cluster(page: Page) -> None:
    page.locator("#map").focus()
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cluster')"):
            return
    raise AssertionError("Tab from the map does not reach a cluster")


def test_a_cluster_is_reached_with_tab_and_opened_with_enter_or_space(world_map: Page) -> None:
    for key in ("Enter", " "):
        zoom = world_map.evaluate("newsmap.map.getZoom()")
        _tab_to_a_cluster(world_map)
        focused = world_map.locator(".cluster:focus")
        expect(focused).to_have_attribute("role", "button")
        assert "Zoom in to see them" in (focused.get_attribute("aria-label") or "")
        world_map.keyboard.press(key)
        world_map.wait_for_function("(z) => newsmap.map.getZoom() > z", arg=zoom)
    # Space on a cluster is the cluster's, not the player's.
    expect(world_map.locator("#play-label")).to_have_text("Play")


def test_zoomed_in_far_enough_every_place_is_drawn_on_its_own(world_map: Page) -> None:
    world_map.evaluate("() => { newsmap.map.setZoom(8, {animate: false}); }")
    world_map.wait_for_timeout(200)
    expect(world_map.locator(CLUSTERS)).to_have_count(0)
