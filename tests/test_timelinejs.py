"""/api/timeline's JSON loads into the real TimelineJS3, which shows the seeds' events as slides.

TimelineJS comes from node_modules (package.json's devDependencies, installed by `npm ci`)
and a small static server on 127.0.0.1 plays the newsroom's site that uses it; it is never
part of newsmap. The live server is on localhost: another origin, so this is also the
cross-origin fetch a newsroom's TimelineJS makes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from events.models import Event

pytestmark = pytest.mark.browser

DIST = settings.BASE_DIR / "node_modules" / "@knight-lab" / "timelinejs" / "dist"


class NewsroomHandler(SimpleHTTPRequestHandler):
    """TimelineJS's dist/ as files, plus the newsroom's page at /newsroom.html."""

    page = ""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path != "/newsroom.html":
            super().do_GET()
            return
        body = self.page.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def newsroom() -> Iterator[tuple[str, type[NewsroomHandler]]]:
    if not (DIST / "js" / "timeline.js").exists():
        pytest.fail(f"{DIST} is missing: run `npm ci` (make test does)")
    handler = type("Handler", (NewsroomHandler,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(DIST)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


def newsroom_page(site: str, data_url: str) -> str:
    # script_path: TimelineJS loads its language file from there, by default from
    # Knight Lab's CDN; font "": its default fonts come from Google. A test has no network.
    return f"""<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="{site}/css/timeline.css">
<script src="{site}/js/timeline.js"></script></head>
<body><div id="timeline-embed" style="width:100%;height:600px"></div>
<script>
window.timeline = new TL.Timeline(
  "timeline-embed", "{data_url}", {{script_path: "{site}/js/", font: ""}}
);
</script></body></html>"""


def test_timelinejs_renders_the_seed_events_from_the_timeline_api(
    live_server: object,
    transactional_db: None,
    newsroom: tuple[str, type[NewsroomHandler]],
    page: object,
    artifacts: Path,
) -> None:
    call_command("ingest", str(settings.BASE_DIR / "seeds"), stdout=StringIO(), stderr=StringIO())
    # One slide per happening: its lead, with the count and sources of its reports.
    events = Event.objects.filter(lead__isnull=True).count()
    assert 0 < events < Event.objects.count()
    site, handler = newsroom
    handler.page = newsroom_page(site, f"{live_server.url}/api/timeline")  # type: ignore[attr-defined]

    page.goto(f"{site}/newsroom.html")  # type: ignore[attr-defined]
    slides = page.locator(".tl-slide:not(.tl-slide-titleslide)")  # type: ignore[attr-defined]
    slides.first.wait_for(state="attached")
    assert slides.count() == events
    headlines = page.locator(".tl-slide .tl-headline").all_text_contents()  # type: ignore[attr-defined]
    stored = set(Event.objects.exclude(headline="").values_list("headline", flat=True))
    assert stored & {headline.strip() for headline in headlines}, "slides carry the headlines"
    texts = " ".join(page.locator(".tl-slide .tl-text-content").all_text_contents())  # type: ignore[attr-defined]
    assert "Zawiya's Martyrs' Square" in texts
    assert " reports · " in texts, "a happening several reports tell says so"
    # The timeline's rows are the kinds (each slide's group).
    groups = page.locator(".tl-timegroup-message").all_text_contents()  # type: ignore[attr-defined]
    assert {"Fighting", "Diplomacy"} <= {group.strip() for group in groups}
    page.screenshot(path=str(artifacts / "timelinejs.png"))  # type: ignore[attr-defined]
