"""`manage.py ingest URL` reads RSS 0.91, 1.0 and 2.0 and Atom feeds from the local server:
each entry's page becomes an Article, told a feed by its content, not its name."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from events.models import Article
from tests.web_news import RAS_LANUF, ZAWIYA, Item, article_page, atom, rss091, rss10, rss20
from tests.web_server import LocalWeb


def ingest(*sources: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *sources, stdout=out, stderr=err)
    except CommandError as error:
        err.write(f"CommandError: {error}\n")
    return out.getvalue(), err.getvalue()


def serve_two_articles(web: LocalWeb) -> list[Item]:
    web.page("/2011/03/ras-lanuf.html", article_page("Fighting at Ras Lanuf", RAS_LANUF))
    web.page("/2011/03/zawiya.html", article_page("Zawiya shelled", ZAWIYA))
    return [
        Item("Fighting at Ras Lanuf", web.url + "/2011/03/ras-lanuf.html", summary="In short."),
        Item("Zawiya shelled", web.url + "/2011/03/zawiya.html", summary="In short."),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "write", [rss20, rss10, rss091, atom], ids=["rss2", "rss1", "rss091", "atom"]
)
def test_each_feed_format_brings_its_entries_pages_as_articles(web: LocalWeb, write) -> None:
    items = serve_two_articles(web)
    # A name that says nothing, served as text/plain: the content says it is a feed.
    feed = web.page("/latest", write(items), "text/plain; charset=utf-8")
    out, err = ingest(feed)
    assert err == ""
    assert out.startswith("1 URL: 2 articles (2 new, 0 updated, 0 unchanged)")
    ras_lanuf = Article.objects.get(title="Fighting at Ras Lanuf")
    assert ras_lanuf.text.startswith("Fighting at Ras Lanuf\nRebels and forces loyal")
    assert "Home" not in ras_lanuf.text and "Copyright" not in ras_lanuf.text
    assert ras_lanuf.url == web.url + "/2011/03/ras-lanuf.html"
    assert ras_lanuf.origin == ras_lanuf.url
    assert ras_lanuf.source == "The Daily"
    assert ras_lanuf.published.isoformat() == "2011-03-10"
    assert ras_lanuf.mentions.filter(surface="Ras Lanuf").exists()


@pytest.mark.django_db
def test_an_entry_whose_page_is_missing_is_named_and_the_others_go_on(web: LocalWeb) -> None:
    items = serve_two_articles(web)
    items.append(Item("Gone", web.url + "/2011/03/gone.html"))
    feed = web.page("/feed.xml", rss20(items), "application/rss+xml")
    out, err = ingest(feed)
    assert Article.objects.count() == 2
    [line] = [line for line in err.splitlines() if "gone" in line]
    assert (
        line == f"{feed}: entry 3: {web.url}/2011/03/gone.html: the server answered 404 Not Found"
    )
    assert "1 error" in out


@pytest.mark.django_db
def test_an_entry_without_a_page_is_read_from_the_feeds_own_text(web: LocalWeb) -> None:
    item = Item("Zawiya", web.url + "/nowhere.html", summary="<p>Tanks shelled Zawiya.</p>")
    feed = web.page("/feed.xml", rss20([item]).replace(f"<link>{item.link}</link>", ""))
    out, err = ingest(feed)
    article = Article.objects.get()
    assert article.text == "Tanks shelled Zawiya."
    assert article.source == "The Daily: World"


@pytest.mark.django_db
def test_a_broken_feed_is_one_line_and_the_next_url_goes_on(web: LocalWeb) -> None:
    broken = web.page("/broken.xml", "<?xml version='1.0'?><rss><channel><title>x</ti", "text/xml")
    items = serve_two_articles(web)
    good = web.page("/good.xml", atom(items), "application/atom+xml")
    out, err = ingest(broken, good)
    assert err.splitlines()[0].startswith(f"{broken}: is not a feed that can be read (")
    assert "2 URLs: 2 articles (2 new" in out
    assert "CommandError: 1 of the inputs could not be ingested" in err


@pytest.mark.django_db
def test_a_feed_in_another_encoding_than_it_declares_is_still_read(web: LocalWeb) -> None:
    web.page("/cafe.html", article_page("Café talk", RAS_LANUF))
    feed = rss20([Item("Café à Benghazi", web.url + "/cafe.html")])
    # Declared UTF-8, written in Windows-1252, as misconfigured servers do.
    web.page("/feed.xml", feed.encode("cp1252"), "application/rss+xml; charset=utf-8")
    out, err = ingest(web.url + "/feed.xml")
    assert err == ""
    assert Article.objects.get().title == "Café talk"


@pytest.mark.django_db
def test_a_url_that_is_neither_feed_nor_page_is_named(web: LocalWeb) -> None:
    url = web.page("/data.json", '{"not": "news"}', "application/json")
    out, err = ingest(url)
    assert err.splitlines()[0] == f"{url}: is neither a feed nor an HTML page (application/json)"


@pytest.mark.django_db
def test_a_missing_feed_is_one_line(web: LocalWeb) -> None:
    out, err = ingest(web.url + "/feed.xml")
    assert err.splitlines()[0] == f"{web.url}/feed.xml: the server answered 404 Not Found"


@pytest.mark.django_db
def test_relative_links_in_a_feed_are_read_from_the_feeds_address(web: LocalWeb) -> None:
    web.page("/news/zawiya.html", article_page("Zawiya shelled", ZAWIYA))
    feed = web.page("/news/feed.xml", rss20([Item("Zawiya", "zawiya.html")]))
    out, err = ingest(feed)
    assert err == ""
    assert Article.objects.get().url == web.url + "/news/zawiya.html"
