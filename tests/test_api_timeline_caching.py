"""The TimelineJS and StoryMapJS exports answer a repeat with 304, as the events API does."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.event_support import small_world


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/timeline", "/api/storymap"])
def test_an_unchanged_export_is_not_sent_again(client: Client, url: str) -> None:
    small_world()
    first = client.get(url)
    assert first.status_code == 200 and first.has_header("ETag")
    assert "max-age=" in first["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.django_db
def test_a_new_event_changes_the_exports_etag(client: Client) -> None:
    from datetime import date

    from tests.event_support import make_event

    world = small_world()
    before = client.get("/api/timeline")["ETag"]
    make_event(world.libya, "Rebels took Brega.", date(2011, 3, 14), date(2011, 3, 14))
    assert client.get("/api/timeline")["ETag"] != before
