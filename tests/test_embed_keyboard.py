"""The embed is keyboard operable, starts at start_at, and never touches the host page's URL."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from events.models import Article, Event, Place

pytestmark = pytest.mark.browser


@pytest.fixture
def five_days(transactional_db: None) -> Article:
    place = Place.objects.create(name="Zawiya", kind="city", country_code="LY", lat=32.7, lon=12.7)
    article = Article.objects.create(
        title="Five days", source="Wire", published=date(2011, 3, 15), text="...", content_hash="5"
    )
    for offset in range(5):
        text = f"Day {offset + 1} of the siege."
        event = Event.objects.create(
            article=article,
            start=0,
            end=len(text),
            text=text,
            date_start=date(2011, 3, 10) + timedelta(days=offset),
            date_end=date(2011, 3, 10) + timedelta(days=offset),
        )
        event.places.set([place])
    return article


def current(frame: object) -> str:
    return frame.locator(".nm-card.is-current .nm-text").inner_text()  # type: ignore[attr-defined]


def test_arrow_keys_move_between_events_without_changing_the_host_pages_url(
    live_server: object, five_days: Article, page: object, artifacts: Path
) -> None:
    src = f"{live_server.url}/embed/timeline/?article={five_days.pk}&start_at=2011-03-12"  # type: ignore[attr-defined]
    page.route(  # type: ignore[attr-defined]
        f"{live_server.url}/host/",  # type: ignore[attr-defined]
        lambda route: route.fulfill(
            content_type="text/html",
            body=f"<link rel='icon' href='data:,'><a href='#top' id='before'>Before</a>"
            f"<iframe src='{src}' width='600' height='400'></iframe>",
        ),
    )
    page.goto(f"{live_server.url}/host/")  # type: ignore[attr-defined]
    host_url = page.url  # type: ignore[attr-defined]
    history = page.evaluate("history.length")  # type: ignore[attr-defined]
    frame = page.frame_locator("iframe")  # type: ignore[attr-defined]
    frame.locator(".nm-card.is-current").wait_for()
    assert current(frame) == "Day 3 of the siege.", "start_at=2011-03-12"

    frame.locator("#nm-track").focus()
    page.keyboard.press("ArrowRight")  # type: ignore[attr-defined]
    assert current(frame) == "Day 4 of the siege."
    page.keyboard.press("Home")  # type: ignore[attr-defined]
    assert current(frame) == "Day 1 of the siege."
    page.keyboard.press("End")  # type: ignore[attr-defined]
    assert current(frame) == "Day 5 of the siege."
    assert frame.locator(".nm-step[data-step='1']").is_disabled()
    frame.locator(".nm-axis button", has_text="11 Mar 2011").click()
    assert current(frame) == "Day 2 of the siege."
    assert "Event 2 of 5" in frame.locator(".nm-pos").inner_text()
    page.screenshot(path=str(artifacts / "embed-keyboard.png"))  # type: ignore[attr-defined]

    assert page.url == host_url  # type: ignore[attr-defined]
    assert page.evaluate("history.length") == history  # type: ignore[attr-defined]
    assert "#" not in page.frames[1].url  # type: ignore[attr-defined]
