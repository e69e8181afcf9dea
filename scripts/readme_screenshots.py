"""The README's screenshots of the offline basemap, taken from newsmap serving a database.

Starts newsmap as `make serve` does (gunicorn, static files collected) on the database the
environment names (DATABASE_URL, NEWSMAP_VAR_DIR; run it on one that holds the wire corpus),
opens it in Debian's Chromium with every request off the server refused (no tiles: the
Natural Earth outlines alone), and writes into docs/screenshots/:

- map-offline.png: the map on the busiest publication day's week, clusters at low zoom;
- map-offline-phone.png: that day on a phone (390x844), a list item tapped, its popup open.

    .venv/bin/python manage.py ingest ../shared/data/news/wire_1997_2005.jsonl   # once
    .venv/bin/python scripts/readme_screenshots.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))

from newsmap import served  # noqa: E402

OUT = BASE / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
BUSIEST_DAY = """
from django.db.models import Count
from events.models import Article
print(Article.objects.values("published").annotate(n=Count("id")).order_by("-n", "-published")
      .first()["published"])
"""


def offline_page(browser: Any, origin: str, **context: Any) -> Any:
    page = browser.new_context(**context).new_page()
    page.route(lambda url: not url.startswith(origin), lambda route: route.abort())
    return page


def open_map(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body.is-complete", timeout=60_000)
    page.wait_for_selector(".leaflet-container.has-basemap", state="attached")
    page.wait_for_selector(".offline-note", state="visible")
    page.wait_for_timeout(500)  # the list settles its scroll


def desktop(browser: Any, origin: str, day: str) -> None:
    page = offline_page(browser, origin, viewport={"width": 1280, "height": 800})
    open_map(page, f"{origin}/?t={day}&window=week")
    page.screenshot(path=OUT / "map-offline.png")


def phone(browser: Any, origin: str, day: str) -> None:
    size = {"width": 390, "height": 844}
    page = offline_page(browser, origin, viewport=size, is_mobile=True, has_touch=True)
    open_map(page, f"{origin}/?t={day}&window=day")
    item = page.locator(".timeline-item:has(.timeline-places:not(.is-unplaced)) .timeline-go")
    item.first.scroll_into_view_if_needed()
    item.first.tap()
    page.wait_for_selector(".leaflet-popup", state="visible")
    page.wait_for_timeout(1200)  # the flight ends
    page.screenshot(path=OUT / "map-offline-phone.png")


def main() -> None:
    from playwright.sync_api import sync_playwright

    env = dict(os.environ)
    served.prepare(env)
    day = served.manage(env, "shell", "-v", "0", "-c", BUSIEST_DAY).strip()
    OUT.mkdir(parents=True, exist_ok=True)
    with served.gunicorn(env) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        desktop(browser, origin, day)
        phone(browser, origin, day)
        browser.close()
    print(f"screenshots of {day} in {OUT.relative_to(BASE)}/")


if __name__ == "__main__":
    main()
