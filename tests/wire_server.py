"""newsmap serving a month of real wire news, once per test run, for the browser tests.

The wire corpus (../shared/data/news/wire_1997_2005.jsonl: 1,283 stories) takes seconds to
ingest, and pytest-django flushes the test database after every live_server test. So
this fixture ingests it once into a database of its own (a SQLite file, or a throwaway
PostgreSQL database when the tests run on PostgreSQL) and serves that from a separate
process, as an operator would run newsmap. Tests must leave the corpus as they found it
(saving a form unchanged is fine).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

from tests.scratch_database import scratch_database_url

SHARED = Path(os.environ.get("NEWSMAP_SHARED_DIR", settings.BASE_DIR.parent / "shared"))
WIRE = SHARED / "data" / "news" / "wire_1997_2005.jsonl"

# An editor's first hour on the corpus, so that every admin list has rows: an alias, a
# merge (its redirect), a re-pointed mention (its place choice) and a stop-list name.
EDITORS_WORK = """
from django.contrib.auth.models import User
from events import editors
from events.models import Mention, Place, PlaceAlias
from events.gazetteer import normalize
erin = User.objects.get(username="erin")
big = list(Place.objects.filter(kind="country").order_by("name")[:4])
PlaceAlias.objects.create(place=big[0], name=big[0].name + " (alias)",
                          normalized=normalize(big[0].name + " alias"))
editors.merge_places(big[1], [big[1], big[2]], erin)
mention = Mention.objects.filter(place__kind="city").order_by("pk").first()
old = mention.place_id
mention.place = big[3]
mention.save()
editors.repoint_mention(mention, old, erin)
stop = Mention.objects.filter(place__kind="city").order_by("-pk").first()
editors.mark_not_a_place(stop, "not_here", erin)
"""

SUPERUSER = ("root", "a-long-admin-passphrase")
EDITOR = ("erin", "a-long-editor-passphrase")


@dataclass(frozen=True)
class WireServer:
    url: str
    env: dict[str, str]

    def manage(self, *args: str, stdin: str | None = None) -> str:
        """Runs manage.py against the served database; its output."""
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with {server.returncode}")
        try:
            urllib.request.urlopen(f"{url}/admin/login/", timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer at {url} within {seconds} s")


@pytest.fixture(scope="session")
def wire_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WireServer]:
    if not WIRE.exists():
        pytest.skip(f"{WIRE} is not here (set NEWSMAP_SHARED_DIR)")
    tmp = tmp_path_factory.mktemp("wire")
    with scratch_database_url(tmp, "newsmap_wire") as database_url:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "NEWSMAP_VAR_DIR": str(tmp),
            "GAZETTEER_PATH": str(settings.GAZETTEER_PATH),
            "DEBUG": "false",
            "NEWSMAP_EDITOR_PASSWORD": EDITOR[1],
            "DJANGO_SUPERUSER_PASSWORD": SUPERUSER[1],
        }
        port = _free_port()
        server = WireServer(f"http://127.0.0.1:{port}", env)
        server.manage("migrate", "--no-input")
        server.manage("ingest", str(settings.BASE_DIR / "seeds"), str(WIRE))
        server.manage("createsuperuser", "--no-input", "--username", SUPERUSER[0], "--email", "")
        server.manage("make_editor", EDITOR[0], "--create")
        server.manage("shell", "-c", EDITORS_WORK)
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--insecure", f"{port}"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_until_up(server.url, process)
            yield server
        finally:
            process.terminate()
            process.wait(timeout=10)
