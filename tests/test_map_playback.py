"""Time moves on the map: Play, the step buttons and the arrow keys on the slider."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# The README's screenshot is rewritten only when asked, so that a test run
# leaves the work tree as it found it.
README_SCREENSHOT = settings.BASE_DIR / "docs" / "screenshots" / "map.png"


def test_play_moves_the_slider_and_pause_stops_it(
    open_map: Callable[[str], Any], artifacts: Path
) -> None:
    page = open_map("?t=2011-03-08&window=week")
    slider = page.get_by_role("slider", name="Date")
    before = slider.input_value()
    page.get_by_role("button", name=re.compile("Play")).click()
    expect(page.get_by_role("button", name=re.compile("Pause"))).to_be_visible()
    expect(slider).not_to_have_value(before, timeout=5000)
    # Two steps in: the story has reached Libya, which is what the README shows.
    expect(page.locator("#date-label")).to_have_text("Thu 10 Mar 2011", timeout=5000)
    page.screenshot(path=artifacts / "map-playing.png")
    if os.environ.get("UPDATE_SCREENSHOTS"):
        README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(artifacts / "map-playing.png", README_SCREENSHOT)
    page.get_by_role("button", name=re.compile("Pause")).click()
    expect(page.get_by_role("button", name=re.compile("Play"))).to_be_visible()
    stopped = slider.input_value()
    page.wait_for_timeout(1500)
    assert slider.input_value() == stopped


def test_arrow_keys_on_the_slider_step_one_day(open_map: Callable[[str], Any]) -> None:
    page = open_map("?t=2011-03-10&window=day")
    slider = page.get_by_role("slider", name="Date")
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#date-label")).to_have_text("Fri 11 Mar 2011")
    expect(slider).to_have_attribute("aria-valuetext", "Fri 11 Mar 2011")
    expect(page.locator("#timeline .timeline-item").filter(has_text="Khatib")).not_to_have_count(0)
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#date-label")).to_have_text("Wed 9 Mar 2011")
    expect(page).to_have_url(re.compile(r"[?&]t=2011-03-09(&|$)"))


def test_the_step_buttons_move_one_day_and_the_window_choice_is_kept_in_the_address(
    open_map: Callable[[str], Any],
) -> None:
    page = open_map("?t=2011-03-10&window=day")
    page.get_by_role("button", name="Step forward one day").click()
    expect(page.locator("#date-label")).to_have_text("Fri 11 Mar 2011")
    page.get_by_role("button", name="Step back one day").click()
    expect(page.locator("#date-label")).to_have_text("Thu 10 Mar 2011")
    page.get_by_role("radio", name="Month").check()
    expect(page).to_have_url(re.compile(r"[?&]window=month(&|$)"))
