"""An article is one Article however it is reached: through two feeds, under tracking
parameters, at two addresses with one canonical URL or one text, or again after an edit
(which updates it)."""

from __future__ import annotations

import pytest

from events.models import Article
from tests.test_ingest_feeds import ingest
from tests.web_news import RAS_LANUF, ZAWIYA, Item, article_page, atom, rss20
from tests.web_server import LocalWeb


@pytest.mark.django_db
def test_one_article_through_two_feeds_is_stored_once(web: LocalWeb) -> None:
    web.page("/ras-lanuf.html", article_page("Fighting at Ras Lanuf", RAS_LANUF))
    first = web.page(
        "/world.xml", rss20([Item("Ras Lanuf", web.url + "/ras-lanuf.html?utm_source=world")])
    )
    second = web.page(
        "/africa.xml", atom([Item("Ras Lanuf", web.url + "/ras-lanuf.html?utm_source=africa")])
    )
    out, err = ingest(first, second)
    assert err == ""
    assert "2 articles (1 new, 0 updated, 1 unchanged)" in out
    article = Article.objects.get()
    assert article.url == web.url + "/ras-lanuf.html"


@pytest.mark.django_db
def test_two_addresses_with_one_canonical_url_are_one_article(web: LocalWeb) -> None:
    canonical = "https://news.example.com/2011/03/ras-lanuf"
    web.page("/story/123", article_page("Ras Lanuf", RAS_LANUF, canonical))
    web.page("/amp/story/123", article_page("Ras Lanuf", RAS_LANUF, canonical))
    ingest(web.url + "/story/123", web.url + "/amp/story/123")
    assert list(Article.objects.values_list("url", flat=True)) == [canonical]


@pytest.mark.django_db
def test_a_relative_canonical_url_is_resolved_against_the_page(web: LocalWeb) -> None:
    web.page("/amp/story/123", article_page("Ras Lanuf", RAS_LANUF, "/story/123"))
    web.page("/story/123", article_page("Ras Lanuf", RAS_LANUF, "/story/123"))
    ingest(web.url + "/amp/story/123", web.url + "/story/123")
    assert list(Article.objects.values_list("url", flat=True)) == [web.url + "/story/123"]


@pytest.mark.django_db
def test_one_text_at_two_addresses_without_canonical_url_is_one_article(web: LocalWeb) -> None:
    web.page("/story/123", article_page("Zawiya", ZAWIYA))
    web.page("/print/123", article_page("Zawiya", ZAWIYA))
    out, _ = ingest(web.url + "/story/123", web.url + "/print/123")
    assert "(1 new, 0 updated, 1 unchanged)" in out
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_an_edited_article_is_updated_not_duplicated(web: LocalWeb) -> None:
    feed = web.page("/world.xml", rss20([Item("Zawiya", web.url + "/zawiya.html")]))
    web.page("/zawiya.html", article_page("Zawiya shelled", ZAWIYA[:1]))
    ingest(feed)
    before = Article.objects.get()
    assert not before.mentions.filter(surface="Tunisia").exists()

    web.page("/zawiya.html", article_page("Zawiya shelled again", ZAWIYA))
    out, err = ingest(feed)
    assert "(0 new, 1 updated, 0 unchanged)" in out
    after = Article.objects.get()
    assert after.pk == before.pk
    assert after.title == "Zawiya shelled again"
    assert after.mentions.filter(surface="Tunisia").exists()


@pytest.mark.django_db
def test_a_feed_ingested_twice_stores_nothing_new(web: LocalWeb) -> None:
    web.page("/zawiya.html", article_page("Zawiya", ZAWIYA))
    web.page("/ras-lanuf.html", article_page("Ras Lanuf", RAS_LANUF))
    items = [
        Item("Zawiya", web.url + "/zawiya.html"),
        Item("Ras Lanuf", web.url + "/ras-lanuf.html"),
    ]
    feed = web.page("/world.xml", rss20(items))
    ingest(feed)
    stored = sorted(Article.objects.values_list("pk", "content_hash"))
    out, _ = ingest(feed)
    assert "(0 new, 0 updated, 2 unchanged)" in out
    assert sorted(Article.objects.values_list("pk", "content_hash")) == stored
