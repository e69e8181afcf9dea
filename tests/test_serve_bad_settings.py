"""`make serve` with a bad variable stops with one line naming it, not gunicorn's traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings


def _serve(**variables: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEBUG": "true", **variables}
    return subprocess.run(
        [sys.executable, "-m", "newsmap.gunicorn_run", "--bind", "127.0.0.1:0", "--check-config"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("value", ["two", "0", "-3", "2.5"])
def test_a_bad_worker_count_stops_the_server_with_one_line(value: str) -> None:
    done = _serve(WEB_CONCURRENCY=value)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("newsmap: WEB_CONCURRENCY=")
    assert "Traceback" not in done.stderr


def test_a_good_worker_count_passes_gunicorns_own_config_check() -> None:
    done = _serve(WEB_CONCURRENCY="3")
    assert done.returncode == 0, done.stderr
