"""The API answers gzip to clients that take it, ETag and 304 included; HTML pages never."""

import gzip
import json

import pytest
from django.test import Client

from tests.event_support import SmallWorld, small_world

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture
def world(db: None) -> SmallWorld:
    return small_world()


@pytest.mark.parametrize("url", ["/api/events/compact", "/api/events", "/api/timeline"])
def test_a_client_taking_gzip_gets_the_same_json_compressed(
    client: Client, world: SmallWorld, url: str
) -> None:
    plain = client.get(url)
    packed = client.get(url, **GZIP)

    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content)
    assert json.loads(gzip.decompress(packed.content)) == plain.json()


def test_the_compressed_answers_etag_brings_a_304_and_so_does_the_plain_one(
    client: Client, world: SmallWorld
) -> None:
    plain = client.get("/api/events/compact")
    packed = client.get("/api/events/compact", **GZIP)

    # A weak ETag for the compressed bytes, naming the same content.
    assert packed["ETag"] == "W/" + plain["ETag"]
    for etag in (packed["ETag"], plain["ETag"]):
        repeat = client.get("/api/events/compact", HTTP_IF_NONE_MATCH=etag, **GZIP)
        assert repeat.status_code == 304
        assert repeat.content == b""
    changed = client.get("/api/events/compact", HTTP_IF_NONE_MATCH='W/"other"', **GZIP)
    assert changed.status_code == 200


def test_an_error_answer_too_short_to_gain_stays_plain(client: Client, world: SmallWorld) -> None:
    response = client.get("/api/events", {"offset": -1}, **GZIP)

    assert response.status_code == 400
    assert "Content-Encoding" not in response
    assert response.json() == {"detail": "offset must be at least 0"}


@pytest.mark.parametrize("url", ["/", "/articles/{article}/", "/admin/login/", "/embed/code/"])
def test_html_pages_are_never_compressed(client: Client, world: SmallWorld, url: str) -> None:
    response = client.get(url.format(article=world.libya.pk), **GZIP)

    assert response.status_code == 200
    assert "Content-Encoding" not in response
