"""Framing: no page of the site may be framed, except the embeds, from EMBED_FRAME_ANCESTORS."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings

from events.framing import FramingMiddleware, check_sources

CSP = "Content-Security-Policy"
SITE_PAGES = ["/", "/admin/login/", "/api/events", "/api/timeline", "/embed/code/", "/nowhere/"]


@pytest.mark.parametrize("path", SITE_PAGES)
def test_every_site_page_refuses_to_be_framed(client: Client, db: None, path: str) -> None:
    response = client.get(path)
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response[CSP]


def test_the_embed_may_be_framed_from_anywhere_by_default(client: Client, db: None) -> None:
    response = client.get("/embed/timeline/")
    assert response.status_code == 200
    assert not response.has_header("X-Frame-Options")
    assert response[CSP].endswith("; frame-ancestors *")


def test_the_embed_keeps_framing_when_its_parameters_are_wrong(client: Client, db: None) -> None:
    # The newsroom's page should show the explanation, not a refused frame.
    response = client.get("/embed/timeline/?theme=purple")
    assert response.status_code == 400
    assert "frame-ancestors *" in response[CSP]


@override_settings(EMBED_FRAME_ANCESTORS=["https://news.example.com", "*.example.org"])
def test_the_embed_may_be_framed_only_from_the_allowlist_when_one_is_set(
    client: Client, db: None
) -> None:
    response = client.get("/embed/timeline/")
    assert "frame-ancestors https://news.example.com *.example.org" in response[CSP]
    assert "frame-ancestors 'none'" in client.get("/")[CSP]


@override_settings(EMBED_FRAME_ANCESTORS=[])
def test_an_empty_allowlist_lets_nobody_frame_the_embed(client: Client, db: None) -> None:
    assert "frame-ancestors 'none'" in client.get("/embed/timeline/")[CSP]


@pytest.mark.parametrize(
    "bad", ["https://a.example; script-src *", "https://a.example https://b.example", "'unsafe'"]
)
def test_an_allowlist_entry_that_is_not_a_csp_source_stops_start_up(bad: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="EMBED_FRAME_ANCESTORS"):
        check_sources([bad])
    with override_settings(EMBED_FRAME_ANCESTORS=[bad]), pytest.raises(ImproperlyConfigured):
        FramingMiddleware(lambda request: None)  # type: ignore[arg-type,return-value]
