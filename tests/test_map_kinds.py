"""The map's kinds: a legend that filters, a badge on each list item and popup, how many
reports tell a happening, and the filter in the address and the Embed button's snippet."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from events.kind_styles import KIND_STYLES
from events.models import Event

pytestmark = pytest.mark.browser

FRIDAY = "?t=2011-03-11&window=day"


def _kinds_listed(page: Any) -> set[str]:
    return set(page.locator("#timeline .timeline-item .kind-badge").all_inner_texts())


def test_the_legend_lists_every_kind_in_its_colour_and_counts_the_days_events(
    open_map: Callable[[str], Any],
) -> None:
    page = open_map(FRIDAY)
    choices = page.locator("#filter-kinds .kind-choice")
    expect(choices).to_have_count(len(KIND_STYLES))
    fighting = choices.filter(has=page.locator("input[value=fighting]"))
    colour = fighting.locator(".kind-mark").evaluate("m => getComputedStyle(m).color")
    red, green, blue = (int(KIND_STYLES["fighting"].colour[i : i + 2], 16) for i in (1, 3, 5))
    assert colour == f"rgb({red}, {green}, {blue})"
    assert int(fighting.locator(".kind-count").inner_text()) > 0


def test_ticking_a_kind_keeps_only_its_events_and_the_address_says_so(
    open_map: Callable[[str], Any],
) -> None:
    page = open_map(FRIDAY)
    assert len(_kinds_listed(page)) > 1
    page.locator("#filter-kinds input[value=fighting]").check()
    expect(page).to_have_url(re.compile(r"[?&]kind=fighting(&|$)"))
    assert {text.split(" · ")[0].strip("✖ ").strip() for text in _kinds_listed(page)} == {
        "Fighting"
    }
    # Opened from that address, the map keeps the filter.
    page.reload()
    page.wait_for_selector("body.is-complete")
    expect(page.locator("#filter-kinds input[value=fighting]")).to_be_checked()
    assert {text.split(" · ")[0].strip("✖ ").strip() for text in _kinds_listed(page)} == {
        "Fighting"
    }
    page.get_by_role("button", name="Clear filters").click()
    expect(page.locator("#filter-kinds input[value=fighting]")).not_to_be_checked()


def test_an_unknown_kind_in_the_address_is_named_in_the_notice(
    open_map: Callable[[str], Any],
) -> None:
    page = open_map(FRIDAY + "&kind=skirmish")
    expect(page.locator("#url-notice")).to_contain_text("skirmish")


def test_a_happening_several_reports_tell_says_how_many_in_the_list_and_its_popup(
    open_map: Callable[[str], Any],
) -> None:
    page = open_map(FRIDAY)
    lead = Event.objects.filter(
        lead__isnull=True, reports__isnull=False, date_start="2011-03-11"
    ).first()
    told = 1 + lead.reports.count()
    item = page.locator(f'#timeline .timeline-item:has-text("{lead.text[:40]}")').first
    expect(item.locator(".timeline-told")).to_contain_text(f"{told} reports")
    item.get_by_role("button").click()
    expect(page.locator(".leaflet-popup .popup-told")).to_contain_text(f"{told} reports")
    expect(page.locator(".leaflet-popup .kind-badge")).to_be_visible()


def test_the_embed_button_carries_the_kinds_ticked_into_the_snippet(
    open_map: Callable[[str], Any],
) -> None:
    page = open_map(FRIDAY + "&kind=fighting")
    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Embed").click()
    code = opened.value
    code.wait_for_load_state()
    assert "kind=fighting" in code.url, code.url
    snippet = code.locator("#snippet").input_value()
    assert "kind=fighting" in snippet, snippet
