"""The embed's weight and speed: bytes transferred and first render, with the seeds.

Starts newsmap on a free port with a throwaway SQLite database holding the two seed
articles, opens /embed/timeline/?article=<the CNN seed> in headless Chromium (a fresh
cache each time) and prints the bytes that crossed the network, from Chromium's own
count, and the first contentful paint. Map tiles are refused, so "with map" is before
tiles. Targets (issue 5): under 150 KB and under 1 s.

    .venv/bin/python benchmarks/embed_size.py [RUNS]
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

BASE = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CNN_SEED = "002_1486c2ce80cbc103.txt"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urlopen(url):
                return
        except URLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def measure(browser: object, url: str, origin: str) -> tuple[int, float, int]:
    """Bytes transferred, first contentful paint in ms, and the number of requests."""
    context = browser.new_context(viewport={"width": 600, "height": 400})  # type: ignore[attr-defined]
    page = context.new_page()
    # Everything not from newsmap (map tiles) is refused: the figures are before tiles.
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(origin) else route.abort(),
    )
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes: dict[str, float] = {}
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)
    paint = page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"
    )
    context.close()
    return int(sum(sizes.values())), paint, len(sizes)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env["DATABASE_URL"] = f"sqlite:///{tmp}/embed.sqlite3"
        env["NEWSMAP_VAR_DIR"] = tmp
        env.setdefault("GAZETTEER_PATH", str(BASE / "var" / "gazetteer.sqlite3"))
        env["DEBUG"] = "false"
        manage = [sys.executable, str(BASE / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        subprocess.run(
            [*manage, "ingest", str(BASE / "seeds")], env=env, check=True, capture_output=True
        )
        script = (
            "from events.models import Article; "
            f"print(Article.objects.get(origin__endswith='{CNN_SEED}').pk)"
        )
        article = subprocess.run(
            [*manage, "shell", "-c", script], env=env, check=True, capture_output=True, text=True
        ).stdout.split()[-1]

        port = free_port()
        origin = f"http://127.0.0.1:{port}"
        # --insecure: runserver serves static files with DEBUG off, as a CDN would.
        server = subprocess.Popen(
            [*manage, "runserver", f"127.0.0.1:{port}", "--insecure", "--noreload"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(f"{origin}/embed/timeline/")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
                )
                for label, query in (("timeline", ""), ("with map", "&map=1")):
                    url = f"{origin}/embed/timeline/?article={article}{query}"
                    measure(browser, url, origin)  # warm up the server's templates
                    results = [measure(browser, url, origin) for _ in range(runs)]
                    size = results[0][0]
                    paint = statistics.median(result[1] for result in results)
                    print(
                        f"embed {label:9} {size / 1024:7.1f} KB in {results[0][2]} requests"
                        f" (target < 150 KB), first render {paint:6.0f} ms (target < 1000 ms)"
                    )
                browser.close()
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
