"""newsmap serving a month of real wire news, once per test run, for the browser tests.

The wire corpus (../shared/data/news/wire_1997_2005.jsonl: 1,283 stories) takes seconds to
ingest, and pytest-django flushes the test database after every live_server test. So
this fixture ingests it once into a database of its own (a SQLite file, or a throwaway
PostgreSQL database when the tests run on PostgreSQL) and serves that from a separate
process under gunicorn, as `make serve` runs newsmap. Tests must leave the corpus as they found it
(saving a form unchanged is fine).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

from newsmap import served
from tests.scratch_database import scratch_database_url

SHARED = Path(os.environ.get("NEWSMAP_SHARED_DIR", settings.BASE_DIR.parent / "shared"))
WIRE = SHARED / "data" / "news" / "wire_1997_2005.jsonl"

# An editor's first hour on the corpus, so that every admin list has rows: an alias, a
# merge (its redirect), a re-pointed mention (its place choice), a stop-list name and a feed.
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
from events.models import Feed
Feed.objects.create(name="Wire", url="https://news.example.com/wire.xml", home_place="Paris",
                    last_status="partly", last_error="https://news.example.com/a: 404")
"""


def busiest_publication_day() -> str:
    """The corpus' day with the most articles (YYYY-MM-DD): a busy map to look at."""
    days = Counter(json.loads(line)["published"][:10] for line in WIRE.open())
    return days.most_common(1)[0][0]


SUPERUSER = ("root", "a-long-admin-passphrase")
EDITOR = ("erin", "a-long-editor-passphrase")


@dataclass(frozen=True)
class WireServer:
    url: str
    env: dict[str, str]

    def manage(self, *args: str, stdin: str | None = None) -> str:
        """Runs manage.py against the served database; its output."""
        return served.manage(self.env, *args, stdin=stdin)


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
        setup = WireServer("", env)
        served.prepare(env)
        setup.manage("ingest", str(settings.BASE_DIR / "seeds"), str(WIRE))
        setup.manage("createsuperuser", "--no-input", "--username", SUPERUSER[0], "--email", "")
        setup.manage("make_editor", EDITOR[0], "--create")
        setup.manage("shell", "-c", EDITORS_WORK)
        # As make serve runs it: gunicorn, DEBUG off, static files from the manifest.
        with served.gunicorn(env) as url:
            yield WireServer(url, env)
