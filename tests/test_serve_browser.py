"""Under gunicorn with DEBUG off (make serve), the map, embed and admin load their CSS and JS.

Static files are whitenoise's, from `collectstatic`'s manifest: hashed names that
browsers may keep for ever. The server is tests/wire_server.py's, started as
make serve starts it; each page must load with no answer of 400 or more, its
stylesheets' rules applied and its scripts run.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, Response, expect

from tests.wire_server import SUPERUSER, WireServer

pytestmark = pytest.mark.browser

# A collected file's name carries 12 hex digits of its content's hash: map.6511cea12758.js.
HASHED = re.compile(r"/static/.+\.[0-9a-f]{12}\.\w+$")


@pytest.fixture
def served_page(page: Page, wire_server: WireServer) -> Iterator[Page]:
    """A page on the gunicorn server that records its static files and any failed answer."""
    failed: list[str] = []
    static: list[Response] = []

    def record(response: Response) -> None:
        if not response.url.startswith(wire_server.url):
            return
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")
        if "/static/" in response.url:
            static.append(response)

    # Tiles and anything else off this server get an empty answer, as offline.
    page.route(
        lambda url: not url.startswith(wire_server.url),
        lambda route: route.fulfill(status=200, content_type="image/png", body=b""),
    )
    page.on("response", record)
    page.failed = failed  # type: ignore[attr-defined]
    page.static = static  # type: ignore[attr-defined]
    yield page
    assert not failed, f"answers of 400 or more: {failed}"


def _assert_static_files_are_collected_ones(page: Any) -> None:
    assert page.static, "the page loaded no static file"
    for response in page.static:
        assert HASHED.search(response.url), f"not a collected (hashed) name: {response.url}"
        assert "immutable" in response.headers.get("cache-control", ""), response.url


def _assert_every_stylesheet_has_rules(page: Page) -> None:
    empty = page.evaluate(
        """() => [...document.querySelectorAll('link[rel=stylesheet]')]
              .filter(link => !link.sheet || link.sheet.cssRules.length === 0)
              .map(link => link.href)"""
    )
    assert empty == []


def _style(page: Page, selector: str, property_: str) -> str:
    return page.locator(selector).first.evaluate(
        f"element => getComputedStyle(element).{property_}"
    )


def test_the_map_loads_its_styles_leaflet_and_its_script(
    served_page: Any, wire_server: WireServer
) -> None:
    page = served_page
    page.goto(f"{wire_server.url}/")
    page.wait_for_selector("body.is-ready")  # map.js, a module, has run
    assert page.evaluate("typeof window.L") == "object"
    expect(page.locator("#map .leaflet-tile-pane")).to_have_count(1)
    assert _style(page, ".topbar", "display") == "flex"  # newsmap.css
    _assert_every_stylesheet_has_rules(page)
    _assert_static_files_are_collected_ones(page)


def test_the_embed_loads_its_styles_leaflet_and_its_script(
    served_page: Any, wire_server: WireServer
) -> None:
    page = served_page
    page.goto(f"{wire_server.url}/embed/timeline/?map=1")
    # timeline.js marks the card it starts at; timeline.css gives cards a flex column.
    expect(page.locator(".nm-card.is-current")).to_have_count(1)
    assert _style(page, ".nm-card", "flexDirection") == "column"
    assert page.evaluate("typeof window.L") == "object"
    expect(page.locator("#nm-map .leaflet-tile-pane")).to_have_count(1)
    _assert_every_stylesheet_has_rules(page)
    _assert_static_files_are_collected_ones(page)


def test_the_admin_login_loads_its_styles(served_page: Any, wire_server: WireServer) -> None:
    page = served_page
    page.goto(f"{wire_server.url}/admin/login/")
    expect(page.locator("#id_username")).to_be_visible()
    assert _style(page, "#header", "display") == "flex"  # admin/css/base.css
    _assert_every_stylesheet_has_rules(page)
    _assert_static_files_are_collected_ones(page)


def test_the_place_forms_marker_finds_its_image(served_page: Any, wire_server: WireServer) -> None:
    # Leaflet guesses its images' folder from a stylesheet URL that collectstatic
    # has hashed; settings.LEAFLET_CONFIG names the folder instead.
    page = served_page
    page.goto(f"{wire_server.url}/admin/login/?next=/admin/events/place/")
    page.fill("#id_username", SUPERUSER[0])
    page.fill("#id_password", SUPERUSER[1])
    page.click("input[type=submit]")
    page.locator("#result_list tbody th a").first.click()
    icon = page.locator(".place-map .leaflet-marker-icon")
    expect(icon).to_have_count(1)
    page.wait_for_load_state("networkidle")
    assert icon.evaluate("img => img.complete && img.naturalWidth") > 0


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def test_every_public_page_names_only_collected_static_files(wire_server: WireServer) -> None:
    # With DEBUG off a template naming a file the manifest lacks is a 500, so
    # each page with {% static %} is opened, and each file it names fetched.
    _, articles = _get(f"{wire_server.url}/api/articles?limit=1")
    article = json.loads(articles)["items"][0]["id"]
    pages = {
        "/": 200,
        f"/articles/{article}/": 200,
        "/embed/timeline/": 200,
        "/embed/timeline/?map=1": 200,
        "/embed/timeline/?start=not-a-day": 400,  # the embed's error page
        "/embed/code/": 200,
        "/api/docs": 200,
        "/admin/login/": 200,
    }
    for path, expected in pages.items():
        status, html = _get(f"{wire_server.url}{path}")
        assert status == expected, f"{path}: {status}"
        files = set(re.findall(r'(?:src|href)="(/static/[^"]+)"', html))
        assert files, f"{path} names no static file"
        for name in files:
            assert HASHED.search(name), f"{path} names {name}, not a collected file"
            assert _get(f"{wire_server.url}{name}")[0] == 200, f"{path}: {name}"
