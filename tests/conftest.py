"""Shared fixtures: headless Chromium for the browser tests, and one toponym finder.

Browser tests drive Debian's chromium through Playwright (Playwright's own
browser download cannot run here). They are marked `browser`; each saves
screenshots under artifacts/ for people to look at.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

# pytest-django's live_server runs the app in a thread while Playwright's sync
# API runs an event loop in the test's thread; Django refuses ORM calls from an
# async context unless told this is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
pytest_plugins = ["tests.wire_server", "tests.web_server"]

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="session", autouse=True)
def static_files_as_in_the_source() -> Iterator[None]:
    """Tests in this process link and serve static/ as it is, without collectstatic.

    Production's storage (hashed names from a manifest, settings.STORAGES) needs
    `collectstatic` first; tests that start newsmap in another process (make
    serve's gunicorn: tests/test_serve_browser.py, tests/wire_server.py) run it
    and use the real storage.
    """
    plain = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(
        STORAGES=plain, WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True
    ):
        yield


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-packages (installs chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page; JavaScript errors on it fail the test that used it."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    page.errors = errors  # the test may assert on them itself
    yield page
    context.close()
    assert not errors, f"errors on the page: {errors}"


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def open_map(live_server: Any, page: Any) -> Callable[[str], Any]:
    """The reader's map with the seeds ingested: open_map("?t=2011-03-10")."""
    call_command("ingest", str(settings.BASE_DIR / "seeds"), stdout=StringIO(), stderr=StringIO())
    return map_opener(page, live_server.url)


def map_opener(page: Any, origin: str) -> Callable[[str], Any]:
    """Opens the map at `origin` with a query, offline, once every event is loaded."""
    # No test reaches the network: tile requests get an empty answer, which the
    # page sees as a failed tile, as it would offline.
    page.route(
        lambda url: not url.startswith(origin),
        lambda route: route.fulfill(status=200, content_type="image/png", body=b""),
    )

    def open_map(query: str) -> Any:
        page.goto(f"{origin}/{query}")
        # is-ready once the window in view is drawn, is-complete once every event is in.
        page.wait_for_selector("body.is-complete")
        return page

    return open_map


@pytest.fixture(scope="session")
def finder() -> Any:
    """One ToponymFinder over the built gazetteer, shared: it keeps no state between texts."""
    from events.gazetteer import Gazetteer
    from events.toponyms import ToponymFinder

    return ToponymFinder(Gazetteer.open())
