"""A slow, huge, missing or endlessly redirecting answer ends in one line naming the URL
and why, within the time and size newsmap allows, never a hang or a traceback."""

from __future__ import annotations

import time

import pytest
from django.test.utils import override_settings

from events.fetch import Fetcher, FetchError
from tests.web_server import LocalWeb


def test_a_missing_page_names_the_status(web: LocalWeb) -> None:
    with pytest.raises(FetchError) as missing:
        Fetcher().get(web.url + "/gone.html")
    assert str(missing.value) == f"{web.url}/gone.html: the server answered 404 Not Found"


def test_a_redirect_loop_stops_at_the_redirect_limit(web: LocalWeb) -> None:
    web.redirect("/a", "/b")
    web.redirect("/b", "/a")
    with override_settings(FETCH_MAX_REDIRECTS=4):
        fetcher = Fetcher()
    with pytest.raises(FetchError, match=r"/a: more than 4 redirects \(the last to .*/b\)"):
        fetcher.get(web.url + "/a")
    assert len(web.asked("/a")) + len(web.asked("/b")) == 5


def test_redirects_within_the_limit_are_followed(web: LocalWeb) -> None:
    web.redirect("/old", "/new", status=301)
    web.page("/new", "<p>here</p>")
    answer = Fetcher().get(web.url + "/old")
    assert answer.url == web.url + "/new"
    assert answer.body == b"<p>here</p>"


def test_a_server_slower_than_the_timeout_is_given_up_on(web: LocalWeb) -> None:
    url = web.page("/slow.xml", "<rss/>", delay=3.0)
    with override_settings(FETCH_TIMEOUT_SECONDS=0.5):
        fetcher = Fetcher()
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"/slow.xml: no answer within 0.5 s"):
        fetcher.get(url)
    assert time.monotonic() - started < 2.5


def test_an_answer_larger_than_the_limit_is_refused_by_its_declared_size(web: LocalWeb) -> None:
    url = web.page("/huge.xml", b"x" * 200_000, "application/rss+xml")
    with override_settings(FETCH_MAX_BYTES=100_000):
        fetcher = Fetcher()
    with pytest.raises(FetchError, match=r"the answer is 200,000 bytes, over FETCH_MAX_BYTES"):
        fetcher.get(url)


def test_an_answer_of_unsaid_size_is_cut_off_at_the_limit(web: LocalWeb) -> None:
    url = web.page("/endless.xml", b"x" * 3_000_000, "application/rss+xml", unsized=True)
    with override_settings(FETCH_MAX_BYTES=100_000):
        fetcher = Fetcher()
    with pytest.raises(FetchError, match=r"over FETCH_MAX_BYTES \(100,000 bytes\): cut off"):
        fetcher.get(url)


def test_a_closed_port_says_the_connection_was_refused(web: LocalWeb) -> None:
    web.stop()
    with pytest.raises(FetchError, match="the connection was refused"):
        Fetcher().get(web.url + "/feed.xml")


def test_a_name_that_does_not_resolve_is_named() -> None:
    with pytest.raises(FetchError, match="the host 'no-such-host.invalid' could not be resolved"):
        Fetcher().get("http://no-such-host.invalid/feed.xml")
