"""A newsroom's page on another origin frames the embed: it shows, it fits, the rest refuses."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path
from urllib.request import urlopen

import pytest
from django.conf import settings
from django.core.management import call_command

from events.models import Article

pytestmark = pytest.mark.browser

CNN_SEED = "002_1486c2ce80cbc103.txt"


class HostSite:
    """A newsroom's site: pages served from memory on 127.0.0.1, another origin than
    the live server's localhost."""

    def __init__(self) -> None:
        self.pages: dict[str, str] = {}
        pages = self.pages

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                body = pages.get(self.path, "").encode()
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"


@pytest.fixture
def host_site() -> Iterator[HostSite]:
    site = HostSite()
    thread = threading.Thread(target=site.server.serve_forever, daemon=True)
    thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.fixture
def cnn_article(transactional_db: None) -> Article:
    call_command("ingest", str(settings.BASE_DIR / "seeds"), stdout=StringIO(), stderr=StringIO())
    return Article.objects.get(origin__endswith=CNN_SEED)


def article_page(body: str) -> str:
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Newsroom</title>"
        # No favicon request: its 404 would be a console error on the page.
        "<link rel='icon' href='data:,'></head>"
        "<body style='font-family:serif;max-width:700px;margin:20px auto'>"
        "<h1>Libya: the week in review</h1><p>Our correspondent reports.</p>"
        f"{body}<p id='after'>The article goes on.</p></body></html>"
    )


def iframe_height(page: object) -> float:
    return page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")  # type: ignore[attr-defined]


CONTENT_HEIGHT = "Math.ceil(document.documentElement.getBoundingClientRect().height)"


def assert_fits_its_content(page: object, embed: object, seconds: float = 10.0) -> None:
    """The iframe comes to the height of the embed's content, re-measured each time.

    One measurement taken while the cards are still laying out (a cold browser
    on a fresh machine) would never be reached, so both sides are read again
    until they agree.
    """
    deadline = time.monotonic() + seconds
    while True:
        content = embed.evaluate(CONTENT_HEIGHT)  # type: ignore[attr-defined]
        outer = iframe_height(page)
        if abs(outer - content) < 2:
            return
        assert time.monotonic() < deadline, f"iframe {outer}px, its content {content}px"
        page.wait_for_timeout(100)  # type: ignore[attr-defined]


def test_a_page_on_another_origin_shows_the_embed_at_the_height_of_its_content(
    live_server: object, host_site: HostSite, cnn_article: Article, page: object, artifacts: Path
) -> None:
    snippet_url = f"{live_server.url}/embed/code/snippet/?article={cnn_article.pk}"  # type: ignore[attr-defined]
    with urlopen(snippet_url) as response:
        snippet = response.read().decode()
    host_site.pages["/article.html"] = article_page(snippet)

    page.set_viewport_size({"width": 700, "height": 900})  # type: ignore[attr-defined]
    page.goto(f"{host_site.url}/article.html")  # type: ignore[attr-defined]
    frame = page.frame_locator("iframe[data-newsmap]")  # type: ignore[attr-defined]
    zawiya = frame.locator(".nm-card", has_text="Zawiya's Martyrs' Square")
    zawiya.first.wait_for(state="attached")
    assert frame.locator(".nm-card .nm-places li", has_text="Zawiya").count() >= 1

    embed = page.frames[1]  # type: ignore[attr-defined]
    assert embed.url.startswith(live_server.url)  # type: ignore[attr-defined]
    assert_fits_its_content(page, embed)
    wide = iframe_height(page)
    assert wide != 420, "the iframe kept the snippet's starting height"
    page.screenshot(path=str(artifacts / "embed-in-host-page.png"), full_page=True)  # type: ignore[attr-defined]

    # On a phone the cards are narrower and taller: the iframe follows.
    page.set_viewport_size({"width": 360, "height": 740})  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "h => document.querySelector('iframe').getBoundingClientRect().height !== h", arg=wide
    )
    assert_fits_its_content(page, embed)
    page.screenshot(path=str(artifacts / "embed-in-host-page-phone.png"), full_page=True)  # type: ignore[attr-defined]


def test_a_page_on_another_origin_cannot_frame_the_rest_of_the_site(
    live_server: object, host_site: HostSite, transactional_db: None, page: object
) -> None:
    host_site.pages["/framing.html"] = article_page(
        f"<iframe id='home' src='{live_server.url}/' width='600' height='400'></iframe>"  # type: ignore[attr-defined]
    )
    page.goto(f"{host_site.url}/framing.html")  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    frame = page.frames[1]  # type: ignore[attr-defined]
    # A refused frame is left on Chromium's error page, with none of the site in it.
    assert not frame.url.startswith(live_server.url)  # type: ignore[attr-defined]
    refusals = [e for e in page.errors if "frame-ancestors 'none'" in e]  # type: ignore[attr-defined]
    assert refusals, f"Chromium did not report refusing the frame: {page.errors}"  # type: ignore[attr-defined]
    # The refusal is the one console error this test expects.
    page.errors.clear()  # type: ignore[attr-defined]
