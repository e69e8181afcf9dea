"""How fast the reader's map is with many events (issue 3). Not a test: it prints figures.

For each database (SQLite in a temporary file, and PostgreSQL in a throwaway database) and
each size (10,000 and 100,000 synthetic events over one year at 2,000 places) it measures:

- the read API, in process: p50/p95 of /api/events/compact and /api/events for a one-week
  window and for a 10°x10° bounding box, each request a different week (and box, round a
  place chosen at random), so that no figure comes from asking the same thing again;
- the bytes a one-week window of /api/events/compact takes on the wire, gzipped as the API
  sends it (what the map asks for first);
- the page, in headless Chromium against newsmap as `make serve` runs it (gunicorn, static
  files collected, DEBUG off): time to first render of / (navigation start to the markers
  and the list of the visible window drawn), time until every event is loaded (the rest,
  fetched after the first render), and the time one slider step takes to redraw (input
  event to the frame after it), measured once everything is loaded.

Targets at 100,000 events (issue 15): first render <= 1.0 s; a slider step <= 16 ms p95 (a
frame); a one-week window <= 150 KB compressed, and <= 50 ms p95 on both databases.

    .venv/bin/python benchmarks/map_speed.py
    .venv/bin/python benchmarks/map_speed.py --sizes 10000 --databases sqlite
    BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/newsmap_bench_map ...

Each (database, size) runs in a child process so that Django is set up with its own
DATABASE_URL. The PostgreSQL database is created if missing and dropped afterwards.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

BASE = Path(__file__).resolve().parent.parent
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/newsmap_bench_map"
FIRST_DAY = date(2020, 1, 1)
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
GAZETTEER = BASE / "var" / "gazetteer.sqlite3"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# --- the child: one database, one size -------------------------------------------------------


def fill(events: int, places: int, seed: int = 3) -> None:
    from events.models import Article, Event, Place

    rng = random.Random(seed)
    Event.objects.all().delete()
    Article.objects.all().delete()
    Place.objects.all().delete()
    # Places cluster round a few dozen centres, as news does round capitals.
    centres = [(rng.uniform(-45, 60), rng.uniform(-120, 140)) for _ in range(40)]
    place_rows = []
    for i in range(places):
        lat, lon = rng.choice(centres)
        place_rows.append(
            Place(
                name=f"Place {i:04d}",
                country_code="XX",
                lat=max(-89.0, min(89.0, lat + rng.gauss(0, 4))),
                lon=max(-179.0, min(179.0, lon + rng.gauss(0, 6))),
            )
        )
    Place.objects.bulk_create(place_rows, batch_size=1000)
    place_ids = list(Place.objects.values_list("id", flat=True))
    article_rows = [
        Article(
            title=f"Article {i}",
            source=rng.choice(["Wire", "Daily", "Courier", "Herald"]),
            url=f"https://example.com/{i}",
            published=FIRST_DAY + timedelta(days=rng.randrange(365)),
            text="…",
            content_hash=f"bench-{i}",
        )
        for i in range(max(1, events // 20))
    ]
    Article.objects.bulk_create(article_rows, batch_size=1000)
    article_ids = list(Article.objects.values_list("id", flat=True))
    words = ["rebels", "forces", "city", "talks", "ministers", "port", "shelling", "aid"]
    event_rows = []
    for _ in range(events):
        start = FIRST_DAY + timedelta(days=rng.randrange(365))
        roll = rng.random()
        precision, length = (
            ("day", 0) if roll < 0.9 else ("week", 6) if roll < 0.98 else ("month", 29)
        )
        text = " ".join(rng.choice(words) for _ in range(rng.randint(12, 28))).capitalize() + "."
        event_rows.append(
            Event(
                article_id=rng.choice(article_ids),
                start=0,
                end=len(text),
                text=text,
                date_start=start,
                date_end=start + timedelta(days=length),
                is_long=length > Event.SHORT_SPAN_DAYS,
                date_precision=precision,
                date_text="",
            )
        )
    Event.objects.bulk_create(event_rows, batch_size=2000)
    through = Event.places.through
    links = []
    for event_id in Event.objects.values_list("id", flat=True):
        for place_id in rng.sample(place_ids, rng.choice((1, 1, 1, 2, 3))):
            links.append(through(event_id=event_id, place_id=place_id))
    through.objects.bulk_create(links, batch_size=5000)
    # As an ingest of this size would (events/ingest.py): fresh planner statistics.
    from events.ingest import refresh_statistics

    refresh_statistics()


def time_api(runs: int) -> dict[str, dict[str, float]]:
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    rng = random.Random(5)
    cases: dict[str, list[str]] = {}
    weeks = []
    for _ in range(runs):
        day = FIRST_DAY + timedelta(days=rng.randrange(358))
        weeks.append(f"start={day}&end={day + timedelta(days=6)}")
    # Boxes round places chosen at random: a different box each request, as
    # different weeks are, and never an empty stretch of ocean.
    from events.models import Place

    spots = list(Place.objects.order_by("id").values_list("lon", "lat"))
    boxes = []
    for _ in range(runs):
        lon, lat = rng.choice(spots)
        west, east = max(-180, lon - 5), min(180, lon + 5)
        south, north = max(-90, lat - 5), min(90, lat + 5)
        boxes.append(f"bbox={west:.2f},{south:.2f},{east:.2f},{north:.2f}")
    cases["compact, one week"] = [f"/api/events/compact?{w}" for w in weeks]
    cases["compact, one week, gzipped"] = cases["compact, one week"]
    cases["compact, bbox 10°x10°, one week"] = [
        f"/api/events/compact?{w}&{b}" for w, b in zip(weeks, boxes, strict=True)
    ]
    cases["geojson, one week (limit 1000)"] = [f"/api/events?{w}" for w in weeks]
    cases["geojson, bbox 10°x10° (limit 1000)"] = [f"/api/events?{b}" for b in boxes]
    # Served as newsmap/wsgi.py serves: start-up objects out of the collector's way.
    gc.collect()
    gc.freeze()
    out = {}
    for name, urls in cases.items():
        headers = {"HTTP_ACCEPT_ENCODING": "gzip"} if name.endswith("gzipped") else {}
        client.get(urls[0], **headers)  # warm the connection and the caches
        timings = []
        sizes = []
        for url in urls:
            t0 = time.perf_counter()
            response = client.get(url, **headers)
            timings.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, (url, response.content[:200])
            sizes.append(len(response.content))
        out[name] = {
            "p50_ms": statistics.median(timings),
            "p95_ms": percentile(timings, 0.95),
            "bytes": statistics.median(sizes),
        }
    # The database's part alone: the ids of one week's events, as the
    # endpoints' date filter selects them (Event.overlapping).
    from events.models import Event

    timings = []
    for w in weeks:
        start, end = (date.fromisoformat(part.split("=")[1]) for part in w.split("&"))
        t0 = time.perf_counter()
        list(Event.objects.order_by().filter(Event.overlapping(start, end)).values_list("id"))
        timings.append((time.perf_counter() - t0) * 1000)
    out["database query, one week (ids)"] = {
        "p50_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 0.95),
        "bytes": float("nan"),
    }
    t0 = time.perf_counter()
    response = client.get("/api/events/compact")
    out["compact, everything (what the page loads)"] = {
        "p50_ms": (time.perf_counter() - t0) * 1000,
        "p95_ms": float("nan"),
        "bytes": len(response.content),
    }
    return out


# Each step starts just after a frame, as a drag's input does. `work` is what the
# main thread spends on it: the input handler, then the next frame from its first
# animation callback to the task after it is drawn; it must fit in a frame (16.7 ms
# at 60 Hz) for the slider to keep up. `latency` is input to drawn, which also
# waits for that frame to begin (up to a frame more, whatever the work).
STEP_SCRIPT = """
async (steps) => {
  const slider = document.getElementById("time");
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const latency = [];
  const work = [];
  for (let k = 0; k < steps; k += 1) {
    await frame();
    let frameStart = null;
    requestAnimationFrame(() => { frameStart = performance.now(); });
    const t0 = performance.now();
    slider.value = String(Number(slider.value) + 1);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    const t1 = performance.now();
    // Leaflet redraws the canvas in the next animation frame; wait for it to be drawn.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t2 = performance.now();
    latency.push(t2 - t0);
    work.push(t1 - t0 + (t2 - frameStart));
  }
  return { latency, work };
}
"""

RENDERED = """
() => new Promise((r) => requestAnimationFrame(
  () => requestAnimationFrame(() => r(performance.now()))
))
"""

# The map marks the body is-complete once the rest of the events, fetched after the
# first render, are in; a map that loads everything at once is complete when ready.
COMPLETE = """
async () => {
  const inParts = window.newsmap && window.newsmap.loadsInParts;
  while (inParts && !document.body.classList.contains("is-complete")) {
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now();
}
"""


def time_page(database_url: str, loads: int, steps: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    from newsmap import served

    with tempfile.TemporaryDirectory(prefix="map-speed-") as var:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "NEWSMAP_VAR_DIR": var,
            "GAZETTEER_PATH": os.environ.get("GAZETTEER_PATH", str(GAZETTEER)),
        }
        served.prepare(env)
        with served.gunicorn(env) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            try:
                return _time_loads(browser, base, loads, steps)
            finally:
                browser.close()


def _time_loads(browser: Any, base: str, loads: int, steps: int) -> dict[str, float]:
    middle = FIRST_DAY + timedelta(days=180)
    url = f"{base}/?t={middle}&window=week"
    renders: list[float] = []
    completes: list[float] = []
    step_work: list[float] = []
    step_latency: list[float] = []
    for _ in range(loads):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        # Offline, like the tests: tiles get an empty answer.
        page.route(
            lambda u: not u.startswith(base),
            lambda route: route.fulfill(status=200, content_type="image/png", body=b""),
        )
        page.goto(url)
        page.wait_for_selector("body.is-ready", timeout=60000)
        renders.append(page.evaluate(RENDERED))
        completes.append(page.evaluate(COMPLETE))
        steps_taken = page.evaluate(STEP_SCRIPT, steps)
        step_work.extend(steps_taken["work"])
        step_latency.extend(steps_taken["latency"])
        context.close()
    return {
        "first_render_ms": statistics.median(renders),
        "complete_ms": statistics.median(completes),
        "step_p50_ms": statistics.median(step_work),
        "step_p95_ms": percentile(step_work, 0.95),
        "latency_p50_ms": statistics.median(step_latency),
        "latency_p95_ms": percentile(step_latency, 0.95),
    }


def child(database_url: str, events: int, places: int, runs: int) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsmap.settings")
    sys.path.insert(0, str(BASE))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    fill(events, places)
    fill_s = time.perf_counter() - t0
    result: dict[str, Any] = {"fill_s": fill_s, "api": time_api(runs)}
    result["page"] = time_page(database_url, loads=3, steps=40)
    print(json.dumps(result))


# --- the parent ------------------------------------------------------------------------------


def ensure_postgres(url: str, drop: bool = False) -> None:
    import psycopg

    head, name = url.rsplit("/", 1)
    with psycopg.connect(f"{head}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if drop and exists:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        elif not drop and not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--places", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=40, help="requests per API case")
    parser.add_argument("--child", nargs=2, metavar=("DATABASE_URL", "EVENTS"))
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.places, args.runs)
        return

    postgres = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for database in args.databases:
            url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}" if database == "sqlite" else postgres
            if database == "postgres":
                ensure_postgres(url)
            try:
                for size in args.sizes:
                    command = [sys.executable, __file__, "--child", url, str(size)]
                    command += ["--places", str(args.places), "--runs", str(args.runs)]
                    done = subprocess.run(command, capture_output=True, text=True, check=False)
                    if done.returncode != 0:
                        print(done.stderr, file=sys.stderr)
                        raise SystemExit(f"{database} at {size} events failed")
                    result = json.loads(done.stdout.strip().splitlines()[-1])
                    rows.append((database, size, result))
                    report(database, size, result)
            finally:
                if database == "postgres":
                    ensure_postgres(url, drop=True)


def report(database: str, size: int, result: dict[str, Any]) -> None:
    page = result["page"]
    api = result["api"]
    print(f"\n== {database}, {size:,} events, 2,000 places (filled in {result['fill_s']:.1f} s)")
    first = page["first_render_ms"]
    print(f"  first render of /          {first:8.0f} ms   (target <= 1000 at 100k)")
    print(f"  every event loaded         {page['complete_ms']:8.0f} ms")
    print(
        f"  slider step, main thread   {page['step_p50_ms']:8.1f} ms p50  "
        f"{page['step_p95_ms']:.1f} ms p95   (target <= 16 p95 at 100k)"
    )
    print(
        f"  slider step, input to drawn {page['latency_p50_ms']:7.1f} ms p50  "
        f"{page['latency_p95_ms']:.1f} ms p95   (the wait for the frame included)"
    )
    week = api["compact, one week, gzipped"]["bytes"] / 1000
    print(f"  one week, gzipped          {week:8.0f} kB     (target <= 150 kB at 100k)")
    for name, figures in api.items():
        p95 = "" if figures["p95_ms"] != figures["p95_ms"] else f"{figures['p95_ms']:7.1f} ms p95"
        size = "" if figures["bytes"] != figures["bytes"] else f"{figures['bytes'] / 1000:8.0f} kB"
        print(f"  {name:42s} {figures['p50_ms']:7.1f} ms p50 {p95:>15s}  {size}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
