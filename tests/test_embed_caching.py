"""/embed/timeline/ is cached as the API is: an ETag, a minute's public caching, 304 when unchanged.

Other sites frame the embed on pages many readers open, so a browser or proxy
that holds the page asks again cheaply. It reads the same handful of queries
however many cards it shows, and writes every card's values as text.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client

from events.embed import EMBED_CSP
from events.models import Article, Place
from tests.event_support import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def article() -> Article:
    return Article.objects.create(
        title="Fighting in the west",
        source="Wire",
        url="https://example.com/west",
        published=date(2011, 3, 10),
        text="...",
        content_hash="west",
    )


def _events(article: Article, count: int) -> None:
    places = [
        Place.objects.create(name=f"Town {n}", country_code="LY", lat=32 + n / 10, lon=12)
        for n in range(3)
    ]
    for n in range(count):
        day = date(2011, 3, 1) + timedelta(days=n % 20)
        make_event(article, f"Event {n}.", day, day, *places[: n % 3 + 1])


def test_the_embed_carries_an_etag_and_a_minutes_public_caching(
    client: Client, article: Article
) -> None:
    _events(article, 3)
    response = client.get("/embed/timeline/")
    assert response.status_code == 200
    assert response["ETag"]
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=60"}


def test_an_unchanged_embed_answers_304_with_the_embeds_own_policy(
    client: Client, article: Article
) -> None:
    _events(article, 3)
    first = client.get("/embed/timeline/?map=1")
    again = client.get("/embed/timeline/?map=1", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    # A cache takes a 304's headers for the page it holds: they must be the embed's.
    assert again["Content-Security-Policy"].startswith(EMBED_CSP)
    assert "frame-ancestors *" in again["Content-Security-Policy"]
    assert not again.has_header("X-Frame-Options")


def test_a_compressed_embed_answers_304_to_its_own_etag(client: Client, article: Article) -> None:
    _events(article, 40)  # enough text for gzip to be worth it
    first = client.get("/embed/timeline/", HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip"
    again = client.get(
        "/embed/timeline/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304


def test_a_new_event_changes_the_etag(client: Client, article: Article) -> None:
    _events(article, 3)
    before = client.get("/embed/timeline/")["ETag"]
    make_event(article, "Later.", date(2011, 4, 1), date(2011, 4, 1))
    after = client.get("/embed/timeline/", HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200
    assert after["ETag"] != before


def test_a_wrong_parameter_is_not_cached(client: Client) -> None:
    response = client.get("/embed/timeline/?theme=purple")
    assert response.status_code == 400
    assert not response.has_header("ETag")


@pytest.mark.parametrize("count", [5, 60])
def test_the_embed_reads_the_same_few_queries_however_many_cards(
    client: Client, article: Article, django_assert_num_queries: object, count: int
) -> None:
    _events(article, count)
    # The count, the events with their articles' columns, their places, their reports.
    with django_assert_num_queries(4):  # type: ignore[operator]
        response = client.get("/embed/timeline/")
    assert response.content.decode().count('class="nm-card kind-') == count


def test_every_value_on_a_card_is_written_as_text(client: Client, article: Article) -> None:
    place = Place.objects.create(name='<b id="x">Zawiya</b>', country_code="LY", lat=32, lon=12)
    article.source = 'Wire "&" <i>Co</i>'
    article.save()
    make_event(article, "Rebels <script>held</script> it.", date(2011, 3, 10), date(2011, 3, 10))
    make_event(article, "Calm.", date(2011, 3, 11), date(2011, 3, 11), place)
    html = client.get("/embed/timeline/").content.decode()
    assert "<li>&lt;b id=&quot;x&quot;&gt;Zawiya&lt;/b&gt;</li>" in html
    assert "Rebels &lt;script&gt;held&lt;/script&gt; it." in html
    assert "Wire &quot;&amp;&quot; &lt;i&gt;Co&lt;/i&gt;<span" in html
    assert "<b " not in html and "<script>" not in html and "<i>" not in html
