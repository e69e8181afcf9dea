"""newsmap asks as a polite client: it says who it is, honours robots.txt, sends the
validators of its last answer (and takes a 304) and asks one host at most N times a second."""

from __future__ import annotations

import pytest
from django.test.utils import override_settings

from events.fetch import Fetcher, FetchError
from tests.web_server import Answer, LocalWeb, Request


def test_the_user_agent_names_newsmap_and_its_url(web: LocalWeb) -> None:
    url = web.page("/feed.xml", "<rss/>")
    with override_settings(NEWSMAP_URL="https://newsmap.example.org/"):
        Fetcher().get(url)
    agent = web.asked("/feed.xml")[0].headers["user-agent"]
    assert agent.startswith("newsmap/")
    assert "(+https://newsmap.example.org/)" in agent


def test_robots_txt_that_disallows_a_path_keeps_newsmap_out(web: LocalWeb) -> None:
    web.page("/robots.txt", "User-agent: newsmap\nDisallow: /private/\n", "text/plain")
    web.page("/private/feed.xml", "<rss/>")
    web.page("/public/feed.xml", "<rss/>")
    fetcher = Fetcher()
    with pytest.raises(FetchError, match=r"/robots.txt disallows .*/private/feed.xml to newsmap"):
        fetcher.get(web.url + "/private/feed.xml")
    assert fetcher.get(web.url + "/public/feed.xml").status == 200
    assert web.asked("/private/feed.xml") == []
    assert len(web.asked("/robots.txt")) == 1, "read once per host and run"


def test_a_robots_txt_that_fails_with_a_server_error_stops_that_host(web: LocalWeb) -> None:
    web.routes["/robots.txt"] = Answer(b"oops", "text/plain", 503)
    web.page("/feed.xml", "<rss/>")
    with pytest.raises(FetchError, match="its robots.txt answered 503"):
        Fetcher().get(web.url + "/feed.xml")
    assert web.asked("/feed.xml") == []


def test_conditional_get_sends_the_validators_and_takes_a_304(web: LocalWeb) -> None:
    def feed(request: Request) -> Answer:
        if request.headers.get("if-none-match") == '"v1"':
            return Answer(b"", status=304)
        validators = {"ETag": '"v1"', "Last-Modified": "Thu, 03 Dec 2026 10:00:00 GMT"}
        return Answer(b"<rss/>", "application/rss+xml", headers=validators)

    web.routes["/feed.xml"] = feed
    fetcher = Fetcher()
    first = fetcher.get(web.url + "/feed.xml")
    assert (first.status, first.etag, first.last_modified) == (
        200,
        '"v1"',
        "Thu, 03 Dec 2026 10:00:00 GMT",
    )
    again = fetcher.get(web.url + "/feed.xml", first.etag, first.last_modified)
    assert again.status == 304 and again.body == b""
    sent = web.asked("/feed.xml")[1].headers
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Thu, 03 Dec 2026 10:00:00 GMT"


def test_one_host_is_asked_at_most_n_times_a_second(web: LocalWeb) -> None:
    web.page("/feed.xml", "<rss/>")
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 3))
        now[0] += seconds

    with override_settings(FETCH_REQUESTS_PER_SECOND=2.0):
        fetcher = Fetcher(clock=lambda: now[0], sleep=sleep)
    for _ in range(3):
        fetcher.get(web.url + "/feed.xml")
    # robots.txt, then three feeds: each waits half a second after the one before.
    assert waits == [0.5, 0.5, 0.5]


def test_a_robots_txt_that_redirects_is_followed(web: LocalWeb) -> None:
    web.redirect("/robots.txt", "/site/robots.txt", status=301)
    web.page("/site/robots.txt", "User-agent: *\nDisallow: /drafts/\n", "text/plain")
    web.page("/drafts/feed.xml", "<rss/>")
    with pytest.raises(FetchError, match="robots.txt disallows"):
        Fetcher().get(web.url + "/drafts/feed.xml")
    assert web.asked("/drafts/feed.xml") == []
