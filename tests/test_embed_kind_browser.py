"""In a browser: each card's kind badge takes its colour from /kinds.css, and the whole sentence
opens from the headline with the keyboard alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from events.kind_styles import KIND_STYLES
from events.models import Article
from tests.event_support import LONG_SENTENCE, make_article, make_event, make_long_event

pytestmark = pytest.mark.browser


@pytest.fixture
def story(transactional_db: None) -> Article:
    article = make_article("Libya", date(2011, 3, 11))
    day = date(2011, 3, 11)
    make_long_event(article, day)
    make_event(article, "Ministers met in Brussels.", day, day, kind="diplomacy")
    return article


def _rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(colour[i : i + 2], 16) for i in (1, 3, 5)))


def test_the_whole_sentence_opens_from_the_headline_by_keyboard_and_badges_wear_their_colour(
    live_server: object, story: Article, page: object, artifacts: Path
) -> None:
    page.goto(f"{live_server.url}/embed/timeline/?article={story.pk}")  # type: ignore[attr-defined]
    badge = page.locator(".kind-fighting .nm-kind")  # type: ignore[attr-defined]
    colour = badge.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour == _rgb(KIND_STYLES["fighting"].colour), "kinds.css loads under the embed's CSP"
    items = page.locator(".nm-legend li").all_inner_texts()  # type: ignore[attr-defined]
    assert [" ".join(item.split()) for item in items] == ["✖ Fighting 1", "◆ Diplomacy 1"]

    sentence = page.locator(".kind-fighting .nm-detail .nm-text")  # type: ignore[attr-defined]
    assert not sentence.is_visible()
    summary = page.locator(".kind-fighting summary")  # type: ignore[attr-defined]
    for _ in range(20):  # Tab along the page until the headline has focus
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        if summary.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the headline")
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    assert sentence.is_visible()
    assert sentence.inner_text() == LONG_SENTENCE
    page.screenshot(path=str(artifacts / "embed_kinds.png"))  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    assert not sentence.is_visible()


def test_ticking_kinds_in_the_generator_writes_them_into_the_code_and_the_preview(
    live_server: object, story: Article, page: object
) -> None:
    page.goto(f"{live_server.url}/embed/code/?article={story.pk}")  # type: ignore[attr-defined]
    page.get_by_label("Diplomacy").check()  # type: ignore[attr-defined]
    page.get_by_label("Fighting").check()  # type: ignore[attr-defined]
    snippet = page.locator("#snippet")  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => document.getElementById('snippet').value.includes('kind=fighting,diplomacy')"
    )
    assert f"article={story.pk}&amp;kind=fighting,diplomacy" in snippet.input_value()
    preview = page.locator("#preview iframe")  # type: ignore[attr-defined]
    assert "kind=fighting,diplomacy" in preview.get_attribute("src")
    # The generator's own address keeps the boxes ticked, one kind= each.
    assert "kind=fighting&kind=diplomacy" in page.url  # type: ignore[attr-defined]
