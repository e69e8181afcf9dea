"""An article's page shows its text with places and dates marked, each linked to the map."""

from __future__ import annotations

import html
from datetime import date

import pytest
from django.test import Client

from events.models import Article, Event, Mention, Place

TEXT = (
    "Rebels retreated from Ras Lanuf on Thursday. "
    'A spokesman said <script>alert("x")</script> & more in Atlantis.'
)


@pytest.fixture
def article(db: None) -> Article:
    ras_lanuf = Place.objects.create(
        name="Ras Lanuf", kind=Place.Kind.CITY, country_code="LY", lat=30.5, lon=18.56
    )
    article = Article.objects.create(
        title="Rebels <em>retreat</em>",
        source="Wire",
        url="https://example.com/retreat",
        published=date(2011, 3, 11),
        text=TEXT,
        content_hash="retreat",
    )
    start = TEXT.index("Ras Lanuf")
    Mention.objects.create(
        article=article, place=ras_lanuf, start=start, end=start + 9, surface="Ras Lanuf"
    )
    unknown = TEXT.index("Atlantis")
    Mention.objects.create(article=article, start=unknown, end=unknown + 8, surface="Atlantis")
    event = Event.objects.create(
        article=article,
        start=0,
        end=TEXT.index(".") + 1,
        text=TEXT[: TEXT.index(".") + 1],
        date_start=date(2011, 3, 10),
        date_end=date(2011, 3, 10),
        date_text="Thursday",
    )
    event.places.set([ras_lanuf])
    return article


def _page(client: Client, article: Article) -> str:
    response = client.get(f"/articles/{article.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_place_mention_links_to_the_map_at_that_place_on_its_events_day(
    client: Client, article: Article
) -> None:
    body = _page(client, article)
    place = Place.objects.get(name="Ras Lanuf")
    href = html.escape(f"/?t=2011-03-10&window=day&place={place.pk}&view=7%2F30.5000%2F18.5600")
    assert f'<a class="hl hl-place" href="{href}"' in body
    assert ">Ras Lanuf</a>" in body


def test_a_date_links_to_the_map_on_the_day_it_resolves_to(
    client: Client, article: Article
) -> None:
    body = _page(client, article)
    assert '<a class="hl hl-date" href="/?t=2011-03-10&amp;window=day"' in body
    assert ">Thursday</a>" in body


def test_an_unplaced_mention_is_marked_without_a_link(client: Client, article: Article) -> None:
    body = _page(client, article)
    assert '<span class="hl hl-place-unknown" title="Not placed">Atlantis</span>' in body


def test_the_text_and_title_are_escaped(client: Client, article: Article) -> None:
    body = _page(client, article)
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in body
    assert "Rebels &lt;em&gt;retreat&lt;/em&gt;" in body


def test_each_event_sentence_has_an_anchor_the_map_links_to(
    client: Client, article: Article
) -> None:
    event = article.events.get()
    assert f'id="event-{event.pk}"' in _page(client, article)


def test_a_missing_article_is_a_404(client: Client, db: None) -> None:
    assert client.get("/articles/999999/").status_code == 404
