"""An editor's correction of a place, saved while an ingest runs, succeeds and stays."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ingest_processes import write_wire_articles
from tests.scratch_database import migrated_database

# Run as another process on the same database: an editor, logged in, moves the place
# the stories name most, a few times while the ingest goes on, and says how each went.
EDITOR_SAVES = """
import json, sys, time
from django.contrib.auth.models import User
from django.db.models import Count
from django.test import Client
from django.test.utils import setup_test_environment
from events.editors import make_editor
from events.models import Article, Place

setup_test_environment()  # the test client's host, as in a test
editor = User.objects.create_user("erin", password="pw-for-tests-only")
make_editor(editor)
client = Client()
client.force_login(editor)
place = Place.objects.annotate(n=Count("mentions")).order_by("-n", "pk").first()
before = Article.objects.count()
while Article.objects.count() == before:  # until the ingest has stored something
    time.sleep(0.05)
saves = []
for step in range(SAVES):
    lat, lon = round(place.lat + 0.01 * (step + 1), 5), round(place.lon - 0.01 * (step + 1), 5)
    started = time.monotonic()
    response = client.post(f"/admin/events/place/{place.pk}/change/", {
        "name": place.name, "kind": place.kind, "country_code": place.country_code,
        "lat": lat, "lon": lon, "geocode_source": place.geocode_source,
        "population": place.population,
        "aliases-TOTAL_FORMS": "0", "aliases-INITIAL_FORMS": "0",
    })
    saves.append([response.status_code, time.monotonic() - started])
    time.sleep(0.3)
print(json.dumps({"place": place.pk, "lat": lat, "lon": lon, "saves": saves}))
"""

FINAL_PLACE = """
import json
from events.models import Place
place = Place.objects.get(pk=PK)
print(json.dumps([place.lat, place.lon, place.verified, place.geocode_source]))
"""


def test_an_editors_place_correction_saved_during_an_ingest_succeeds_and_is_kept(
    tmp_path: Path,
) -> None:
    stories = write_wire_articles(tmp_path / "news", 240)
    first, rest = tmp_path / "first", tmp_path / "rest"
    for folder, paths in ((first, stories[:20]), (rest, stories[20:])):
        folder.mkdir()
        for path in paths:
            path.rename(folder / path.name)
    with migrated_database(tmp_path / "db", "newsmap_editor_during_ingest") as manage:
        manage.manage("ingest", str(first))
        # One process annotates, so that the ingest outlasts the editor's saves; the
        # writing, which is what they take turns with, is one process whatever --jobs.
        ingest = manage.start("ingest", "--jobs", "1", str(rest))
        edits = json.loads(manage.manage("shell", "-v0", "-c", EDITOR_SAVES.replace("SAVES", "5")))
        still_running = ingest.poll() is None
        assert ingest.wait(timeout=600) == 0, ingest.stderr.read() if ingest.stderr else ""
        final = json.loads(
            manage.manage("shell", "-v0", "-c", FINAL_PLACE.replace("PK", str(edits["place"])))
        )
    assert still_running, "the ingest ended before the editor's last save"
    assert [status for status, _ in edits["saves"]] == [302] * 5, edits["saves"]
    assert final == [edits["lat"], edits["lon"], True, "editor"]
