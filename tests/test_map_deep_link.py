"""The map opens where its address says: a day, a window, or else the latest day with news."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ZAWIYA_10_MARCH = "beat back rebels Thursday in Zawiya"
RAS_LANUF_11_MARCH = "on Friday pounded Ras Lanuf"


def test_a_deep_link_to_10_march_lists_the_zawiya_event_and_no_11_march_event(
    open_map: Callable[[str], Any], artifacts: Path
) -> None:
    page = open_map("?t=2011-03-10&window=day")
    items = page.locator("#timeline .timeline-item")
    expect(page.locator("#date-label")).to_have_text("Thu 10 Mar 2011")
    expect(items.filter(has_text=ZAWIYA_10_MARCH)).to_have_count(1)
    expect(items.filter(has_text=RAS_LANUF_11_MARCH)).to_have_count(0)
    for date in items.locator(".timeline-date").all_inner_texts():
        assert "11 Mar 2011" not in date or "–" in date, date
    page.screenshot(path=artifacts / "map-2011-03-10-day.png")


def test_a_deep_link_to_11_march_lists_khatibs_appointment(
    open_map: Callable[[str], Any], artifacts: Path
) -> None:
    page = open_map("?t=2011-03-11")
    expect(page.locator("#timeline .timeline-item").filter(has_text="Khatib")).not_to_have_count(0)
    expect(page.locator("#date-label")).to_have_text("Fri 11 Mar 2011")
    page.screenshot(path=artifacts / "map-2011-03-11.png")


def test_without_a_date_the_map_opens_at_the_latest_publication_day(
    open_map: Callable[[str], Any],
) -> None:
    # The seeds were published on 10 and 11 March; events they date later
    # (a meeting on the 15th) do not move the opening day off the news.
    page = open_map("")
    expect(page.locator("#date-label")).to_have_text("Fri 11 Mar 2011")
    expect(page).to_have_url(re.compile(r"[?&]t=2011-03-11(&|$)"))
