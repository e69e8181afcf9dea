"""Helpers for tests that run ingests as processes: real articles on disk, and what a
database holds, compared as content (ids differ from one database to another)."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.scratch_database import ManagePy

SHARED = Path(os.environ.get("NEWSMAP_SHARED_DIR", settings.BASE_DIR.parent / "shared"))
WIRE = SHARED / "data" / "news" / "wire_1997_2005.jsonl"


def write_wire_articles(folder: Path, count: int) -> list[Path]:
    """The first `count` wire stories, one .json file each (a file is what ingest
    commits at once, so two ingests interleave file by file)."""
    if not WIRE.exists():
        pytest.skip(f"{WIRE} is not here (set NEWSMAP_SHARED_DIR)")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    with WIRE.open() as lines:
        for index, line in enumerate(itertools.islice(lines, count)):
            path = folder / f"story-{index:04d}.json"
            path.write_text(line)
            paths.append(path)
    return paths


# Printed by `manage.py shell`: every row that ingest writes, by content, not ids.
CONTENTS = """
import json
from events.models import Article, Event, Mention, Place

def place(p):
    return None if p is None else [p.name, p.geonameid, p.gazetteer_key, p.lat, p.lon]

def event(e):
    return None if e is None else [e.article.origin, e.start]

def by_content(rows):
    # Places without a geonameid hold None, which sorts beside no number.
    return sorted(rows, key=lambda row: json.dumps(row, default=str))

print(json.dumps({
    "articles": by_content([a.origin, a.content_hash] for a in Article.objects.all()),
    "places": by_content(place(p) for p in Place.objects.all()),
    "mentions": by_content(
        [m.article.origin, m.start, m.end, m.surface, place(m.place)]
        for m in Mention.objects.select_related("article", "place")
    ),
    # With its kind and headline, and the report it joins as one happening (its lead).
    "events": by_content(
        [e.article.origin, e.start, e.end, str(e.date_start), str(e.date_end), e.kind,
         e.headline, event(e.lead), by_content(place(p) for p in e.places.all())]
        for e in Event.objects.select_related("article", "lead__article").prefetch_related(
            "places"
        )
    ),
}, default=str))
"""


def contents(manage: ManagePy) -> dict[str, list[object]]:
    return json.loads(manage.manage("shell", "-v0", "-c", CONTENTS))


def wait_for_articles(
    manage: ManagePy, running: subprocess.Popen[str], seconds: float = 120
) -> int:
    """Waits until an ingest running in `running` has stored an article; how many it has."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert running.poll() is None, "the ingest ended before it was interrupted"
        count = int(manage.manage("shell", "-v0", "-c", ARTICLE_COUNT))
        if count:
            return count
        time.sleep(0.2)
    raise AssertionError(f"the ingest stored nothing in {seconds} s")


ARTICLE_COUNT = "from events.models import Article; print(Article.objects.count())"
