"""Bad sources on the web, in one ingest with a good feed: each is one line naming its URL
and why, nothing of it is stored, and the good feed's articles are."""

from __future__ import annotations

import time

import pytest
from django.test.utils import override_settings

from events.models import Article
from tests.test_ingest_feeds import ingest
from tests.web_news import ZAWIYA, Item, article_page, atom
from tests.web_server import LocalWeb


@pytest.mark.django_db
def test_each_bad_source_is_one_line_and_the_good_feed_is_stored(web: LocalWeb) -> None:
    web.page("/zawiya.html", article_page("Zawiya shelled", ZAWIYA))
    good = web.page("/good.xml", atom([Item("Zawiya", web.url + "/zawiya.html")]))
    web.redirect("/loop-a", "/loop-b")
    web.redirect("/loop-b", "/loop-a")
    bad = {
        web.page("/broken.xml", "<rss><channel><item><title>half", "application/rss+xml"): (
            "is not well-formed (no element found at line"
        ),
        web.url + "/missing.xml": "the server answered 404 Not Found",
        web.url + "/loop-a": "more than 3 redirects",
        web.page("/slow.xml", "<rss/>", delay=2.0): "no answer within 0.5 s",
        web.page("/huge.xml", b"<rss>" + b" " * 300_000, "application/rss+xml"): (
            "over FETCH_MAX_BYTES"
        ),
        "file:///etc/passwd": 'only http and https are fetched, the scheme is "file:"',
    }
    started = time.monotonic()
    with override_settings(
        FETCH_TIMEOUT_SECONDS=0.5, FETCH_MAX_BYTES=200_000, FETCH_MAX_REDIRECTS=3
    ):
        out, err = ingest(*bad, good)
    assert time.monotonic() - started < 10
    lines = err.splitlines()
    for url, reason in bad.items():
        [line] = [line for line in lines if line.startswith(f"{url}: ")]
        assert reason in line, line
    assert lines[-1] == "CommandError: 6 of the inputs could not be ingested (see above)"
    assert "7 URLs: 1 article (1 new" in out
    assert list(Article.objects.values_list("title", flat=True)) == ["Zawiya shelled"]


@pytest.mark.django_db
def test_the_local_server_is_refused_by_default(web: LocalWeb) -> None:
    url = web.page("/zawiya.html", article_page("Zawiya shelled", ZAWIYA))
    with override_settings(FETCH_ALLOW_PRIVATE_ADDRESSES=False):
        out, err = ingest(url)
    assert err.splitlines()[0] == (
        f"{url}: 127.0.0.1 resolves to 127.0.0.1, a loopback address: refused "
        "(set FETCH_ALLOW_PRIVATE_ADDRESSES=true to allow)"
    )
    assert web.requests == []
    assert not Article.objects.exists()
