"""On a phone (and a narrow desktop) the map's parts keep out of each other's way.

Measured with bounding boxes on the wire corpus: the offline note, the date and the
player do not overlap; a list item tapped under the map brings the map back and opens
its popup on the screen, clear of the map's controls; a day's first card lies whole
under its sticky heading, and a marker's tap does not scroll the page away from its popup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import map_opener
from tests.wire_server import WireServer, busiest_publication_day

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
Box = dict[str, float]


@pytest.fixture
def open_map_at(browser: Any, wire_server: WireServer) -> Iterator[Callable[..., Page]]:
    contexts: list[Any] = []
    errors: list[str] = []

    def open_map(query: str, viewport: dict[str, int] = PHONE) -> Page:
        phone = viewport["width"] < 600
        context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        return map_opener(page, wire_server.url)(query)

    yield open_map
    for context in contexts:
        context.close()
    assert not errors, errors


def _box(page: Page, selector: str) -> Box:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not on the page"
    return box


def _overlap(a: Box, b: Box) -> bool:
    return (
        a["x"] < b["x"] + b["width"] - 0.5
        and b["x"] < a["x"] + a["width"] - 0.5
        and a["y"] < b["y"] + b["height"] - 0.5
        and b["y"] < a["y"] + a["height"] - 0.5
    )


def _inside(inner: Box, outer: Box) -> bool:
    return (
        inner["x"] >= outer["x"] - 0.5
        and inner["y"] >= outer["y"] - 0.5
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 0.5
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 0.5
    )


def _viewport(page: Page) -> Box:
    size = page.viewport_size
    assert size is not None
    return {"x": 0, "y": 0, "width": size["width"], "height": size["height"]}


@pytest.mark.parametrize("viewport", [PHONE, {"width": 900, "height": 700}, DESKTOP])
def test_the_offline_note_overlaps_neither_the_player_nor_the_date(
    open_map_at: Callable[..., Page], viewport: dict[str, int]
) -> None:
    page = open_map_at(f"?t={busiest_publication_day()}&window=week", viewport)
    expect(page.locator(".offline-note")).to_be_visible(timeout=10_000)
    note = _box(page, ".offline-note")
    assert _inside(note, _box(page, "#map")), "the note is outside the map"
    for part in ("#player", "#date-label", "#window-label", ".leaflet-control-zoom", "#embed"):
        assert not _overlap(note, _box(page, part)), f"the offline note overlaps {part}"
    assert _inside(_box(page, "#date-label"), _viewport(page)), "the date is cut off"


def test_a_list_item_tapped_under_the_map_opens_its_popup_on_the_screen(
    open_map_at: Callable[..., Page],
) -> None:
    page = open_map_at(f"?t={busiest_publication_day()}&window=day")
    item = page.locator(".timeline-item:has(.timeline-places:not(.is-unplaced))").nth(2)
    item.locator(".timeline-go").scroll_into_view_if_needed()
    assert _box(page, "#map")["y"] + _box(page, "#map")["height"] < 0, "the map is still in view"
    words = item.locator(".timeline-text").inner_text()
    item.locator(".timeline-go").tap()
    popup = page.locator(".leaflet-popup")
    expect(popup).to_contain_text(words)
    expect(popup).to_be_in_viewport(ratio=1, timeout=5_000)
    # The flight and the pan that clears the controls end before the popup settles.
    page.wait_for_function("() => !document.querySelector('.leaflet-zoom-anim')")
    page.wait_for_timeout(400)
    box = _box(page, ".leaflet-popup-content-wrapper")
    assert _inside(box, _viewport(page)), f"the popup is off the screen: {box}"
    assert _inside(box, _box(page, "#map")), f"the popup is off the map: {box}"
    for control in (".leaflet-control-zoom", "#embed"):
        assert not _overlap(box, _box(page, control)), f"{control} covers the popup"


def test_a_days_first_card_on_a_phone_is_whole_under_its_heading(
    open_map_at: Callable[..., Page],
) -> None:
    page = open_map_at(f"?t={busiest_publication_day()}&window=week")
    page.locator("#timeline-heading").evaluate("h => h.scrollIntoView({block: 'start'})")
    heading = _box(page, "#timeline > .timeline-day")
    card = page.locator("#timeline > .timeline-day + .timeline-item").first.bounding_box()
    assert card is not None
    assert card["y"] >= heading["y"] + heading["height"] - 0.5, "the card starts under the heading"
    assert _inside(card, _viewport(page)), f"the first card is cut: {card}"


def _stuck_heading_bottom(page: Page) -> float:
    """The bottom of the day heading stuck at the top of the list beside the map."""
    return page.evaluate(
        """() => {
          const top = document.getElementById('timeline-scroll').getBoundingClientRect().top;
          const stuck = [...document.querySelectorAll('#timeline > .timeline-day')]
            .map((h) => h.getBoundingClientRect())
            .filter((r) => Math.abs(r.top - top) < 1);
          return stuck.length ? Math.max(...stuck.map((r) => r.bottom)) : top;
        }"""
    )


def test_the_newest_days_first_card_beside_the_map_is_whole_under_its_heading(
    open_map_at: Callable[..., Page],
) -> None:
    day = busiest_publication_day()
    page = open_map_at(f"?t={day}&window=week", DESKTOP)
    page.wait_for_timeout(300)  # the list settles its scroll over a few frames
    newest = page.locator("#timeline > .timeline-day").last
    scroller = _box(page, "#timeline-scroll")
    heading = newest.bounding_box()
    assert heading is not None
    assert abs(heading["y"] - scroller["y"]) < 1, "the newest day is not at the top of the list"
    card = page.locator("#timeline > .timeline-day").last.locator("xpath=following-sibling::li[1]")
    box = card.bounding_box()
    assert box is not None
    assert box["y"] >= heading["y"] + heading["height"] - 0.5, "the first card is under the heading"
    assert _inside(box, scroller), f"the first card is cut: {box}"


CLICKABLE = "(p) => document.elementFromPoint(p.x, p.y).matches('#map canvas')"


def _click_busiest_label(page: Page) -> None:
    """Clicks the busiest named place drawn on its own, opening clusters to reach one.

    A cluster is opened from the keyboard (Tab to it, Enter), which also reaches one
    that the player covers.
    """
    for _ in range(8):
        names = page.locator(".place-label-permanent:visible").all_inner_texts()
        for name in names:
            if not page.evaluate("(name) => window.newsmap.placeDrawn(name)", name):
                continue
            point = page.evaluate("(name) => window.newsmap.placePoint(name)", name)
            if page.evaluate(CLICKABLE, point):
                page.mouse.click(point["x"], point["y"])
                expect(page.locator(".leaflet-popup .popup-title")).to_have_text(name)
                return
        zoom = page.evaluate("newsmap.map.getZoom()")
        page.locator(f".cluster:not([hidden])[aria-label*='places round {names[0]}.']").focus()
        page.keyboard.press("Enter")
        page.wait_for_function("(z) => newsmap.map.getZoom() > z", arg=zoom)
        page.wait_for_timeout(700)  # the flight ends
    raise AssertionError("no named place is drawn on its own")


def test_a_marker_clicked_beside_the_list_scrolls_its_events_whole_into_view(
    open_map_at: Callable[..., Page],
) -> None:
    # A day: all its events are in the list (it shows at most 300).
    page = open_map_at(f"?t={busiest_publication_day()}&window=day", DESKTOP)
    page.locator("#timeline-scroll").evaluate("s => { s.scrollTop = 0; }")
    _click_busiest_label(page)
    selected = page.locator(".timeline-item.is-selected").first
    expect(selected).to_be_in_viewport(timeout=5_000)
    page.wait_for_timeout(800)  # the smooth scroll ends
    box = selected.bounding_box()
    assert box is not None
    assert box["y"] >= _stuck_heading_bottom(page) - 0.5, "the item is under the day heading"
    assert _inside(box, _box(page, "#timeline-scroll")), f"the item is cut: {box}"


def test_a_marker_tapped_on_a_phone_keeps_the_page_on_the_map(
    open_map_at: Callable[..., Page],
) -> None:
    page = open_map_at(f"?t={busiest_publication_day()}&window=week")
    before = page.evaluate("window.scrollY")
    _click_busiest_label(page)
    page.wait_for_timeout(600)
    assert page.evaluate("window.scrollY") == before, "the page scrolled away from the popup"
    expect(page.locator(".leaflet-popup")).to_be_in_viewport(ratio=1)
