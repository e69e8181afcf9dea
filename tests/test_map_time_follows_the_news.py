"""On real wire news the map's time follows the days the news was published.

The corpus mentions years from antiquity to the end of the century ("in 1777", "by
2030"); the slider spans the publication days, the map opens on the latest, a day
view leads with that day's events, and history, forecasts and long spans sit apart.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from events.background import BACKGROUND_DAYS
from tests.conftest import map_opener
from tests.wire_server import WIRE, WireServer

pytestmark = pytest.mark.browser

EPOCH = date(1970, 1, 1)


def _publication_days() -> list[date]:
    """Every publication day the wire server holds: the corpus and the seeds."""
    days = {date.fromisoformat(json.loads(line)["published"][:10]) for line in WIRE.open()}
    for seed in (settings.BASE_DIR / "seeds").glob("*.json"):
        days.add(date.fromisoformat(json.loads(seed.read_text())["published"][:10]))
    return sorted(days)


def _readable(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


@pytest.fixture
def news_map(browser: Any, wire_server: WireServer) -> Iterator[Callable[[str], Page]]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield map_opener(page, wire_server.url)
    context.close()
    assert not errors, errors


def test_the_map_opens_on_the_latest_publication_day(news_map: Callable[[str], Page]) -> None:
    page = news_map("")
    expect(page.locator("#date-label")).to_have_text(_readable(_publication_days()[-1]))


def test_the_slider_spans_the_publication_days_not_every_date_mentioned(
    news_map: Callable[[str], Page],
) -> None:
    page = news_map("")
    slider = page.locator("#time")
    low = EPOCH.fromordinal(EPOCH.toordinal() + int(slider.get_attribute("min") or 0))
    high = EPOCH.fromordinal(EPOCH.toordinal() + int(slider.get_attribute("max") or 0))
    days = _publication_days()
    # News events lie within BACKGROUND_DAYS of their article; nothing else widens the span.
    assert 0 <= (days[0] - low).days <= BACKGROUND_DAYS + 3, low
    assert 0 <= (high - days[-1]).days <= BACKGROUND_DAYS + 3, high


def test_a_day_view_leads_with_that_days_events_and_sets_longer_spans_apart(
    news_map: Callable[[str], Page], artifacts: Path
) -> None:
    published = Counter(json.loads(line)["published"][:10] for line in WIRE.open())
    busiest = max(published, key=lambda day: published[day])
    page = news_map(f"?t={busiest}&window=day")
    lead = page.locator("#timeline > .timeline-item")
    expect(lead.first).to_be_visible()
    for text in lead.locator(".timeline-date").all_text_contents():
        assert "–" not in text, f"a span leads the day view: {text}"
    sections = page.locator("#timeline > .timeline-section")
    expect(sections.locator("summary").first).to_be_visible()
    # Closed until the reader opens them.
    expect(sections.locator(".timeline-item").first).to_be_hidden()
    page.screenshot(path=artifacts / "map-wire-busiest-day.png")


def test_history_and_forecasts_stay_reachable_beside_their_articles(
    news_map: Callable[[str], Page],
) -> None:
    page = news_map("?window=all")
    section = page.locator(".timeline-section").filter(has_text="History and forecasts")
    section.locator("summary").click()
    dates = section.locator(".timeline-item .timeline-date").all_text_contents()
    assert dates, "no background events listed"
    days = _publication_days()
    years = {int(year) for text in dates for year in re.findall(r"\b(\d{4})\b", text)}
    assert any(year < days[0].year or year > days[-1].year for year in years), years


def test_stepping_past_the_last_day_of_a_burst_jumps_to_the_next_news(
    news_map: Callable[[str], Page],
) -> None:
    days = _publication_days()
    gap = next(k for k in range(len(days) - 1) if (days[k + 1] - days[k]).days > 60)
    page = news_map(f"?t={days[gap].isoformat()}&window=day")
    page.get_by_role("button", name="Step forward one day").click()
    expect(page.locator("#date-label")).to_have_text(_readable(days[gap + 1]))


def test_page_down_on_the_slider_moves_a_week_and_end_goes_to_the_news_end(
    news_map: Callable[[str], Page],
) -> None:
    days = _publication_days()
    start = max(d for d in days if d.year == 2005)
    page = news_map(f"?t={start.isoformat()}&window=day")
    slider = page.locator("#time")
    before = int(slider.input_value())
    slider.focus()
    page.keyboard.press("PageDown")
    expect(slider).to_have_value(str(before - 7))
    page.keyboard.press("End")
    expect(slider).to_have_value(slider.get_attribute("max") or "")


def test_a_bad_address_value_is_named_in_a_notice_and_the_default_is_shown(
    news_map: Callable[[str], Page],
) -> None:
    page = news_map("?t=garbage&window=year&article=99999999")
    notice = page.locator("#url-notice")
    for named in ("t=garbage", "window=year", "article=99999999"):
        expect(notice).to_contain_text(named)
    expect(page.locator("#date-label")).to_have_text(_readable(_publication_days()[-1]))
    expect(page.locator("#window-choice input[value=week]")).to_be_checked()
    notice.get_by_role("button", name="Dismiss").click()
    expect(notice).to_be_hidden()


def test_labels_name_only_places_in_view(news_map: Callable[[str], Page]) -> None:
    page = news_map("?window=all&view=5/48.8/2.3")
    labels = page.locator(".place-label-permanent:visible")
    expect(labels.first).to_be_visible()
    box = page.locator("#map").bounding_box()
    assert box is not None
    for label in labels.all():
        where = label.bounding_box()
        assert where is not None
        assert box["x"] - 4 <= where["x"] <= box["x"] + box["width"], where
        assert box["y"] - 12 <= where["y"] <= box["y"] + box["height"], where
