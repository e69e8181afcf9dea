"""newsmap under load as deployed: `make serve` on 127.0.0.1 with the wire corpus. Prints figures.

Starts `make serve` (gunicorn, WEB_CONCURRENCY workers, DEBUG off, whitenoise) on a
free port of 127.0.0.1 against a database of its own holding the wire corpus
(../shared/data/news/wire_1997_2005.jsonl, 1,283 stories, about 8,600 events),
ingested on the first run, and sends each endpoint a fixed number of requests
from a few client threads, under a time cap:

- `/`, the reader's map page;
- `/api/events?start=…&end=…`, the corpus's busiest month;
- `/api/events/compact`, every event;
- `/embed/timeline/`, the first 500 cards (target: p95 <= 100 ms with 2 workers).

For each it prints requests per second, p50/p95/p99 latency, the CPU time the
workers spent per request (which, unlike latency, hardly depends on what else
the machine runs: compare the load average printed below each table) and the
errors (any answer but 200, or none), which must be 0; the exit status is 1
otherwise.
Requests ask for gzip, as browsers do, and carry no If-None-Match: every one is a
full render. SQLite always (var/load/), and PostgreSQL too when DATABASE_URL is
set: in the database of that name with `_load` appended, created if absent.

    .venv/bin/python benchmarks/load.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsmap .venv/bin/python benchmarks/load.py
    .venv/bin/python benchmarks/load.py --requests 500 --clients 8 --seconds 120
    .venv/bin/python benchmarks/load.py --via gunicorn   # the same server without make's setup
"""

from __future__ import annotations

import argparse
import calendar
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))

from newsmap import served  # noqa: E402

SHARED = Path(os.environ.get("NEWSMAP_SHARED_DIR", BASE.parent / "shared"))
WIRE = SHARED / "data" / "news" / "wire_1997_2005.jsonl"
VAR = BASE / "var" / "load"

BUSIEST_MONTH = """
from collections import Counter
from events.models import Event
months = Counter(d.strftime("%Y-%m") for d in Event.objects.values_list("date_start", flat=True))
print(Event.objects.count(), months.most_common(1)[0][0] if months else "")
"""


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# --- the database ------------------------------------------------------------------------------


def _postgres_load_url(url: str) -> str:
    """DATABASE_URL with `_load` appended to the database's name, created if absent."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_load"
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def environment(database_url: str | None) -> dict[str, str]:
    env = {
        **os.environ,
        "NEWSMAP_VAR_DIR": str(VAR),
        "GAZETTEER_PATH": os.environ.get("GAZETTEER_PATH", str(BASE / "var" / "gazetteer.sqlite3")),
    }
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = _postgres_load_url(database_url)
    return env


def _events_and_busiest_month(env: dict[str, str]) -> tuple[int, str]:
    count, *month = served.manage(env, "shell", "-v", "0", "-c", BUSIEST_MONTH).split()
    return int(count), "".join(month)


def load_corpus(env: dict[str, str]) -> tuple[str, str]:
    """Migrates, ingests the wire corpus if the database has no events; its busiest month."""
    served.manage(env, "migrate", "--no-input")
    events, month = _events_and_busiest_month(env)
    if events == 0:
        print(f"  ingesting {WIRE.name} (once) …", flush=True)
        served.manage(env, "ingest", str(WIRE))
        events, month = _events_and_busiest_month(env)
    year, number = (int(part) for part in month.split("-"))
    last = calendar.monthrange(year, number)[1]
    print(f"  {events} events; the busiest month is {month}")
    return f"{month}-01", f"{month}-{last:02d}"


# --- the server --------------------------------------------------------------------------------


@contextlib.contextmanager
def make_serve(env: dict[str, str], make_args: list[str]) -> Iterator[str]:
    """`make serve` on a free port, in a process group of its own, until the block ends."""
    port = served.free_port()
    url = f"http://127.0.0.1:{port}"
    log = VAR / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            ["make", *make_args, "serve", f"HOST=127.0.0.1:{port}"],
            cwd=BASE,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # so that make, gunicorn and its workers stop together
        )
    try:
        _wait_for(url, process, log)
        yield url
    finally:
        _stop_group(process)


def _stop_group(process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    """SIGTERM to make's process group, then wait until gunicorn's workers are gone too."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=seconds)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(process.pid, 0)  # anyone of the group left?
        except ProcessLookupError:
            return
        time.sleep(0.2)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def _wait_for(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"make serve exited with {process.returncode}:\n{log.read_text()[-2000:]}")
        try:
            urllib.request.urlopen(f"{url}/admin/login/", timeout=2).close()
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"make serve did not answer at {url} within {seconds} s (see {log})")


def gunicorn_pids(root: int) -> list[int]:
    """gunicorn's processes (master and workers) descended from process `root`."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        with contextlib.suppress(OSError):
            # gunicorn's own processes, not the shell make started it from.
            # (make serve starts it as newsmap.gunicorn_run; the workers are its forks).
            if b"\0-m\0newsmap.gunicorn_run" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
    return found


def rss_mb(pids: list[int]) -> list[float]:
    pages = [int(Path(f"/proc/{pid}/statm").read_text().split()[1]) for pid in pids]
    return sorted(count * os.sysconf("SC_PAGE_SIZE") / 2**20 for count in pages)


def cpu_seconds(pids: list[int]) -> float:
    """User and system time these processes have used: unlike latency, it hardly
    depends on what else the machine is running."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


# --- the load ----------------------------------------------------------------------------------


@dataclass
class Result:
    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    capped: bool = False


def _fetch(url: str) -> str:
    """'' when the answer is a 200 read to its end, else what went wrong."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            answer.read()
            return "" if answer.status == 200 else f"HTTP {answer.status}"
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"
    except OSError as error:
        return f"{type(error).__name__}: {error}"


def drive(url: str, requests: int, clients: int, seconds: float) -> Result:
    result = Result()
    lock = threading.Lock()
    left = [requests]
    deadline = time.monotonic() + seconds

    def client() -> None:
        while True:
            with lock:
                if left[0] == 0:
                    return
                if time.monotonic() > deadline:
                    result.capped = True
                    return
                left[0] -= 1
            start = time.perf_counter()
            error = _fetch(url)
            took = (time.perf_counter() - start) * 1000
            with lock:
                result.times.append(took)
                if error:
                    result.errors.append(error)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.elapsed = time.perf_counter() - start
    return result


def report(name: str, result: Result, cpu: float) -> None:
    times = result.times
    rate = len(times) / result.elapsed if result.elapsed else 0.0
    capped = "  (time cap reached)" if result.capped else ""
    print(
        f"  {name:<34} {len(times):>5} {rate:>8.1f} {percentile(times, 0.5):>8.1f} "
        f"{percentile(times, 0.95):>8.1f} {percentile(times, 0.99):>8.1f} "
        f"{cpu * 1000 / max(1, len(times)):>9.1f} {len(result.errors):>6}{capped}"
    )
    for error in sorted(set(result.errors))[:3]:
        print(f"      {result.errors.count(error)} × {error}")


def run(label: str, env: dict[str, str], args: argparse.Namespace) -> int:
    print(f"{label}:")
    first, last = load_corpus(env)
    endpoints = {
        "/": "/",
        f"/api/events (a month, {first[:7]})": f"/api/events?start={first}&end={last}",
        "/api/events/compact": "/api/events/compact",
        "/embed/timeline/": "/embed/timeline/",
    }
    env = {**env, "WEB_CONCURRENCY": str(args.workers)}
    if args.via == "make":
        server = make_serve(env, args.make_args.split())
    else:
        served.prepare(env)
        server = served.gunicorn(env)
    errors = 0
    with server as url:
        print(
            f"  {args.workers} workers, {args.clients} clients, {args.requests} requests an "
            f"endpoint, at most {args.seconds:g} s each\n"
            f"  {'endpoint':<34} {'reqs':>5} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'p99 ms':>8} {'cpu ms/req':>9} {'errors':>6}"
        )
        pids = gunicorn_pids(os.getpid())
        for name, path in endpoints.items():
            drive(url + path, args.clients * 3, args.clients, args.seconds)  # warm every worker
            before = cpu_seconds(pids)
            result = drive(url + path, args.requests, args.clients, args.seconds)
            report(name, result, cpu_seconds(pids) - before)
            errors += len(result.errors)
        rss = ", ".join(f"{mb:.0f}" for mb in rss_mb(pids))
        print(
            f"  gunicorn RSS (master and workers): {rss} MB; load average {os.getloadavg()[0]:.1f}"
        )
    return errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--requests", type=int, default=300, help="per endpoint (300)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client threads (4)")
    parser.add_argument("--seconds", type=float, default=60, help="time cap per endpoint (60)")
    parser.add_argument("--workers", type=int, default=2, help="WEB_CONCURRENCY (2)")
    parser.add_argument("--via", choices=("make", "gunicorn"), default="make")
    parser.add_argument("--make-args", default="", help="extra arguments for make")
    args = parser.parse_args()
    if not WIRE.exists():
        sys.exit(f"{WIRE} is not here (set NEWSMAP_SHARED_DIR)")
    VAR.mkdir(parents=True, exist_ok=True)
    postgres = os.environ.get("DATABASE_URL")
    errors = run("SQLite", environment(None), args)
    if postgres:
        errors += run("PostgreSQL", environment(postgres), args)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
