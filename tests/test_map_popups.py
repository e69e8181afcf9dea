"""The list and the map point at each other: a list item opens its popup, a marker its items."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ZAWIYA_10_MARCH = "beat back rebels Thursday in Zawiya"


def test_clicking_a_list_item_opens_its_popup_with_links_to_the_article(
    open_map: Callable[[str], Any], artifacts: Path
) -> None:
    page = open_map("?t=2011-03-10&window=day")
    page.locator("#timeline .timeline-item").filter(has_text=ZAWIYA_10_MARCH).get_by_role(
        "button"
    ).click()
    popup = page.locator(".leaflet-popup")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text(ZAWIYA_10_MARCH)
    expect(popup).to_contain_text("Thu 10 Mar 2011")
    expect(popup).to_contain_text("Zawiya")
    link = popup.get_by_role("link", name="Read in the article")
    expect(link).to_have_attribute("href", re.compile(r"^/articles/\d+/#event-\d+$"))
    page.screenshot(path=artifacts / "map-popup.png")


def test_clicking_a_marker_highlights_its_events_in_the_list(
    open_map: Callable[[str], Any], artifacts: Path
) -> None:
    page = open_map("?t=2011-03-10&window=day&map=7/31.5/15.5")
    point = page.evaluate("window.newsmap.placePoint('Zawiya')")
    page.mouse.click(point["x"], point["y"])
    popup = page.locator(".leaflet-popup")
    expect(popup).to_contain_text("Zawiya")
    selected = page.locator("#timeline .timeline-item.is-selected")
    expect(selected).to_have_count(1)
    expect(selected).to_contain_text(ZAWIYA_10_MARCH)
    page.screenshot(path=artifacts / "map-marker-selected.png")
