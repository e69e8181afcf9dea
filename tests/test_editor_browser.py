"""An editor corrects Ras Lanuf on the map in a real browser, and the fix survives re-ingest."""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command

from events.editors import make_editor
from events.models import Place

SEEDS = settings.BASE_DIR / "seeds"
SCREENSHOT = settings.BASE_DIR / "docs" / "screenshots" / "place_form.png"


def _api_place(page: Any, base: str, name: str) -> dict[str, Any]:
    payload = json.loads(page.request.get(f"{base}/api/places?q={name}").text())
    [feature] = [f for f in payload["features"] if f["properties"]["name"] == name]
    lon, lat = feature["geometry"]["coordinates"]
    return {"lat": lat, "lon": lon, **feature["properties"]}


def _save(page: Any) -> None:
    page.click("input[name=_continue]")
    page.wait_for_selector("ul.messagelist li.success")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_drags_and_types_a_new_position_and_re_ingest_keeps_it(
    page: Any, live_server: Any, artifacts: Path, settings: Any, tmp_path: Path
) -> None:
    # No network here: no tile server, the map draws its own graticule.
    settings.LEAFLET_CONFIG = {**settings.LEAFLET_CONFIG, "TILES": []}
    call_command("ingest", str(SEEDS), stdout=StringIO(), stderr=StringIO())
    editor = User.objects.create_user("erin", password="a-long-editor-passphrase")
    make_editor(editor)
    base = live_server.url
    before = _api_place(page, base, "Ras Lanuf")
    assert before["verified"] is False

    # The admin pages name no favicon, so Chromium asks for /favicon.ico and logs the 404.
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    page.goto(f"{base}/admin/login/?next=/admin/events/place/")
    page.fill("#id_username", "erin")
    page.fill("#id_password", "a-long-editor-passphrase")
    page.click("input[type=submit]")
    page.fill("#searchbar", "Ras Lanuf")
    page.press("#searchbar", "Enter")
    page.click("#result_list a:text-is('Ras Lanuf')")
    page.wait_for_selector(".place-map .leaflet-marker-icon")
    page.screenshot(path=str(artifacts / "place_form_before.png"), full_page=True)

    # Drag the marker 60 px right and 40 px down.
    box = page.locator(".place-map .leaflet-marker-icon").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] - 4
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 30, y + 20, steps=5)
    page.mouse.move(x + 60, y + 40, steps=5)
    page.mouse.up()
    dragged_lat = float(page.input_value("input[name=lat]"))
    dragged_lon = float(page.input_value("input[name=lon]"))
    assert dragged_lat < before["lat"] and dragged_lon > before["lon"]
    _save(page)

    after_drag = _api_place(page, base, "Ras Lanuf")
    assert after_drag["verified"] is True
    assert after_drag["lat"] == pytest.approx(dragged_lat)
    assert after_drag["lon"] == pytest.approx(dragged_lon)

    # Typed coordinates move the marker too.
    page.fill("input[name=lat]", "30.4167")
    page.fill("input[name=lon]", "18.5333")
    marker = page.evaluate(
        "() => { const p = document.querySelector('.place-map').marker.getLatLng();"
        " return [p.lat, p.lng]; }"
    )
    assert marker == pytest.approx([30.4167, 18.5333])
    page.set_viewport_size({"width": 1280, "height": 1060})
    page.locator(".place-map").scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # nearby places and labels settle for the screenshot
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(artifacts / "place_form.png"), full_page=False)
    shutil.copyfile(artifacts / "place_form.png", SCREENSHOT)
    _save(page)

    typed = _api_place(page, base, "Ras Lanuf")
    assert (typed["lat"], typed["lon"], typed["verified"]) == (30.4167, 18.5333, True)
    assert typed["geocode_source"] == "editor"
    place = Place.objects.get(name="Ras Lanuf")
    assert place.verified_by == editor and place.verified_at is not None

    # Re-ingesting the seeds (unchanged and, for one, changed) keeps the editor's position.
    call_command("ingest", str(SEEDS), stdout=StringIO(), stderr=StringIO())
    changed = tmp_path / "seeds"
    shutil.copytree(SEEDS, changed)
    for text in changed.glob("*.txt"):
        text.write_text(text.read_text() + "\nRas Lanuf was quiet on Friday.\n")
    call_command("ingest", str(changed), stdout=StringIO(), stderr=StringIO())
    kept = _api_place(page, base, "Ras Lanuf")
    assert (kept["lat"], kept["lon"], kept["verified"]) == (30.4167, 18.5333, True)
    assert kept["mention_count"] > after_drag["mention_count"]
