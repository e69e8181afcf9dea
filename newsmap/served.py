"""newsmap under gunicorn in a child process, started as `make serve` starts it.

For what needs the real server rather than Django's test client or runserver: the
tests that load pages through whitenoise and the static manifest
(tests/wire_server.py) and benchmarks/load.py. The database and var dir come from
the environment given, so each caller serves a database of its own.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: Mapping[str, str], *args: str, stdin: str | None = None) -> str:
    """Runs manage.py with this environment; its output."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=dict(env),
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def prepare(env: Mapping[str, str]) -> None:
    """What make serve does before gunicorn: migrate, collect the static files."""
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")


def _wait_until_up(url: str, server: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"gunicorn exited with {server.returncode}:\n{tail}")
        try:
            urllib.request.urlopen(f"{url}/admin/login/", timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer at {url} within {seconds} s")


def _server_env(env: Mapping[str, str]) -> dict[str, str]:
    # The tests' DJANGO_ALLOW_ASYNC_UNSAFE (for Playwright) is nothing a server should run with.
    served = {name: value for name, value in env.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**served, "DEBUG": "false"}


@contextlib.contextmanager
def gunicorn(env: Mapping[str, str], seconds: float = 60) -> Iterator[str]:
    """gunicorn on a free port of 127.0.0.1 with DEBUG off, until the block ends; its URL.

    gunicorn.conf.py (read from BASE_DIR) sets the workers from WEB_CONCURRENCY.
    Its error log goes to a file whose end is shown if it fails to start.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "newsmap.gunicorn_run"]
    with tempfile.TemporaryDirectory(prefix="newsmap-gunicorn-") as tmp:
        log = Path(tmp) / "gunicorn.log"
        with log.open("wb") as errors:
            process = subprocess.Popen(
                [*command, "--bind", f"127.0.0.1:{port}"],
                cwd=BASE_DIR,
                env=_server_env(env),
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
        try:
            _wait_until_up(url, process, log, seconds)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
