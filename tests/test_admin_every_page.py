"""Every admin page of every model opens, and saves, for an editor and a superuser.

Walked in the browser over a month of real wire news, as a person clicks through it:
the index, each model's list, its add page, the change page of its first row (saved
unchanged, with every search-as-you-type picker opened), that row's history and delete
confirmation, and the page of each list action that asks before acting.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.wire_server import EDITOR, SUPERUSER, WireServer

pytestmark = pytest.mark.browser

# Actions that act at once rather than showing a page first: a walk that ran them
# would change the corpus the other tests read. Their own tests run them.
ACTS_AT_ONCE = {"mark_verified", "not_a_place_here", "never_a_place"}


@pytest.fixture
def admin_page(browser: Any, wire_server: WireServer, request: Any) -> Iterator[Page]:
    username, password = request.param
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failures: list[str] = []
    page.on(
        "response",
        lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 500 else None,
    )
    page.on("pageerror", lambda error: failures.append(str(error)))
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    page.goto(f"{wire_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()
    page.failures = failures  # type: ignore[attr-defined]
    yield page
    context.close()


def _open(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"


def _model_lists(page: Page, base: str) -> list[str]:
    _open(page, f"{base}/admin/")
    hrefs = page.locator("#content-main table a[href$='/']:not(.addlink)").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    # "/admin/events/place/": a model's list (the index also links each app's page).
    return sorted({f"{base}{href}" for href in hrefs if href.count("/") == 4})


def _open_pickers(page: Page) -> None:
    """Opens each search-as-you-type field, which asks the server for its choices."""
    for picker in page.locator(".select2-selection").all():
        with page.expect_response(lambda r: "/autocomplete/" in r.url) as answer:
            picker.click()
        assert answer.value.status == 200, answer.value.url
        page.keyboard.press("Escape")


def _walk_change_page(page: Page, change_url: str) -> None:
    _open(page, change_url)
    _open_pickers(page)
    save = page.locator("input[name=_continue]")
    if save.count():
        save.click()
        expect(page.locator("ul.messagelist li.success")).to_be_visible()
        assert page.locator(".errornote").count() == 0, page.locator(".errornote").inner_text()
    for link in ("a.historylink", "a.deletelink"):
        target = page.locator(link)
        if target.count():
            _open(page, target.first.evaluate("a => a.href"))
            _open(page, change_url)


def _walk_actions(page: Page, list_url: str) -> None:
    _open(page, list_url)
    action = page.locator("select[name=action]")
    if not action.count() or page.locator("input.action-select").count() < 2:
        return
    names = [v for v in action.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
    for name in names:
        if name in ACTS_AT_ONCE:
            continue
        _open(page, list_url)
        for box in page.locator("input.action-select").all()[:2]:
            box.check()
        page.select_option("select[name=action]", name)
        with page.expect_navigation() as navigation:
            page.click("button[name=index]")
        response = navigation.value
        assert response is not None and response.status == 200, f"{name} on {list_url}"
        expect(page.locator("#content h1")).to_be_visible()


@pytest.mark.parametrize("admin_page", [EDITOR, SUPERUSER], indirect=True, ids=["editor", "root"])
def test_every_admin_page_opens_and_saves(admin_page: Page, wire_server: WireServer) -> None:
    page = admin_page
    lists = _model_lists(page, wire_server.url)
    assert len(lists) >= 8, lists
    for list_url in lists:
        _open(page, list_url)
        # The list's own Add button, not the sidebar's links to every model's.
        add = page.locator("#content-main .object-tools a.addlink")
        add_url = add.first.evaluate("a => a.href") if add.count() else None
        first = page.locator("#result_list tbody tr th a, #result_list tbody tr td a").first
        change_url = first.evaluate("a => a.href") if first.count() else None
        if add_url:
            _open(page, add_url)
            _open_pickers(page)
        if change_url:
            _walk_change_page(page, change_url)
        _walk_actions(page, list_url)
    assert not page.failures, page.failures  # type: ignore[attr-defined]
