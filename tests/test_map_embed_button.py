"""The map's Embed button opens the embed code page with a working snippet for what the
reader is looking at, on a month of real wire news."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.conftest import map_opener
from tests.wire_server import WireServer

pytestmark = pytest.mark.browser


def test_the_embed_button_yields_a_snippet_whose_preview_shows_the_events(
    browser: Any, wire_server: WireServer
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = map_opener(context.new_page(), wire_server.url)("?window=week")
    with context.expect_page() as opened:
        page.get_by_role("button", name="Embed").click()
    code = opened.value
    code.wait_for_load_state()
    # The reader's filters and window become the embed's: a week ending on the day shown.
    assert "start=" in code.url and "end=" in code.url, code.url
    expect(code.locator("#problem")).to_be_empty()
    snippet = code.locator("#snippet").input_value()
    assert "<iframe" in snippet and "/embed/timeline/" in snippet, snippet
    preview = code.frame_locator("#preview iframe")
    expect(preview.locator(".nm-card").first).to_be_visible()
    context.close()
