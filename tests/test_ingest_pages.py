"""`manage.py ingest URL` reads an article page: its main text, title, date, site name and
canonical URL, beside files in the same command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from events.models import Article
from tests.test_ingest_feeds import ingest
from tests.web_news import RAS_LANUF, ZAWIYA, article_page
from tests.web_server import LocalWeb


@pytest.mark.django_db
def test_a_page_brings_its_text_and_metadata(web: LocalWeb) -> None:
    canonical = "https://news.example.com/2011/03/ras-lanuf"
    url = web.page(
        "/a?id=1&utm_source=rss", article_page("Fighting at Ras Lanuf", RAS_LANUF, canonical)
    )
    out, err = ingest(url)
    assert err == ""
    article = Article.objects.get()
    assert article.title == "Fighting at Ras Lanuf"
    assert article.text.splitlines()[1] == RAS_LANUF[0]
    assert article.source == "The Daily"
    assert article.url == canonical
    assert article.published_at.isoformat() == "2011-03-10T14:00:00+00:00"


@pytest.mark.django_db
def test_a_page_without_canonical_url_is_known_by_its_address_without_tracking(
    web: LocalWeb,
) -> None:
    url = web.page("/a?id=1&utm_source=rss&utm_medium=feed", article_page("Zawiya", ZAWIYA))
    ingest(url)
    assert Article.objects.get().url == web.url + "/a?id=1"


@pytest.mark.django_db
def test_urls_and_files_are_ingested_in_one_command(web: LocalWeb, tmp_path: Path) -> None:
    url = web.page("/zawiya.html", article_page("Zawiya shelled", ZAWIYA))
    record = {"id": "1", "text": " ".join(RAS_LANUF), "published": "2011-03-10"}
    (tmp_path / "wire.jsonl").write_text(json.dumps(record) + "\n")
    out, err = ingest(str(tmp_path / "wire.jsonl"), url)
    assert out.startswith("1 file, 1 URL: 2 articles (2 new")


@pytest.mark.django_db
def test_a_page_in_another_encoding_than_it_declares_is_one_line(web: LocalWeb) -> None:
    page = article_page("Café à Benghazi", ZAWIYA).encode("cp1252")
    url = web.page("/cafe.html", page, "text/html; charset=utf-8")
    out, err = ingest(url)
    assert err.splitlines()[0].startswith(f"{url}: is not valid utf-8 as it says it is (byte 0xe9")
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_a_page_without_any_date_asks_for_published(web: LocalWeb) -> None:
    url = web.page("/undated.html", article_page("Zawiya", ZAWIYA, published=""))
    out, err = ingest(url)
    assert "no publication date" in err.splitlines()[0]
    assert "--published" in err.splitlines()[0]


@pytest.mark.django_db
def test_a_page_with_no_text_is_named(web: LocalWeb) -> None:
    url = web.page(
        "/empty.html", "<!doctype html><html><head><title>x</title></head><body></body></html>"
    )
    out, err = ingest(url)
    assert err.splitlines()[0] == f"{url}: has no article text"


@pytest.mark.django_db
def test_page_text_reaches_the_article_as_text_not_markup(web: LocalWeb) -> None:
    """Markup written as text on the page (escaped in its HTML) stays text; markup that
    is markup (a script) is dropped."""
    shown = "<script>alert(1)</script> <b>Zawiya</b> was shelled on Wednesday, residents said."
    page = article_page("<img src=x onerror=alert(1)>", [shown, *ZAWIYA])
    url = web.page("/x.html", page.replace("</article>", "<script>alert(2)</script></article>"))
    ingest(url)
    article = Article.objects.get()
    assert article.title == "<img src=x onerror=alert(1)>"
    assert shown in article.text
    assert "alert(2)" not in article.text
