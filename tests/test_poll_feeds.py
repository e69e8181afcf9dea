"""`manage.py poll` reads the feeds that are due (or the ones named), stores what is new,
keeps each feed's state, says one line per feed, and exits."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from events.models import Article, Feed
from tests.web_news import RAS_LANUF, ZAWIYA, Item, article_page, rss20
from tests.web_server import Answer, LocalWeb, Request


def poll(*names: str) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    try:
        call_command("poll", *names, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + f"{error}\n", error.returncode
    return out.getvalue(), err.getvalue(), 0


def serve_world(web: LocalWeb, etag: str = "") -> str:
    web.page("/zawiya.html", article_page("Zawiya shelled", ZAWIYA))
    web.page("/ras-lanuf.html", article_page("Fighting at Ras Lanuf", RAS_LANUF))
    body = rss20(
        [Item("Zawiya", web.url + "/zawiya.html"), Item("Ras Lanuf", web.url + "/ras-lanuf.html")]
    ).encode()
    if not etag:
        return web.page("/world.xml", body, "application/rss+xml")

    def feed(request: Request) -> Answer:
        if request.headers.get("if-none-match") == etag:
            return Answer(b"", status=304)
        return Answer(body, "application/rss+xml", headers={"ETag": etag})

    web.routes["/world.xml"] = feed
    return web.url + "/world.xml"


@pytest.mark.django_db
def test_a_due_feed_is_polled_and_its_state_kept(web: LocalWeb) -> None:
    Feed.objects.create(name="World", url=serve_world(web))
    out, err, status = poll()
    assert (err, status) == ("", 0)
    assert out.startswith("World: 2 new, 0 updated, 0 unchanged in ")
    feed = Feed.objects.get()
    assert feed.last_status == Feed.Status.OK
    assert feed.articles_found == 2
    assert feed.last_polled is not None and feed.last_error == ""
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_a_feed_polled_twice_sends_its_validators_and_stores_nothing_new(web: LocalWeb) -> None:
    Feed.objects.create(name="World", url=serve_world(web, etag='"w1"'), poll_interval=1)
    poll()
    Feed.objects.update(last_polled=timezone.now() - timedelta(minutes=2))
    out, err, status = poll()
    assert out.startswith("World: unchanged since the last poll (304)")
    assert web.asked("/world.xml")[1].headers["if-none-match"] == '"w1"'
    assert Article.objects.count() == 2
    assert Feed.objects.get().articles_found == 2


@pytest.mark.django_db
def test_entries_seen_unchanged_are_not_fetched_again(web: LocalWeb) -> None:
    Feed.objects.create(name="World", url=serve_world(web))  # no validators: a full answer
    poll("World")
    out, err, status = poll("World")
    assert out.startswith("World: 0 new, 0 updated, 0 unchanged")
    assert len(web.asked("/zawiya.html")) == 1
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_a_feed_not_due_is_left_until_it_is(web: LocalWeb) -> None:
    Feed.objects.create(
        name="World", url=serve_world(web), poll_interval=30, last_polled=timezone.now()
    )
    Feed.objects.create(name="Off", url=web.url + "/off.xml", active=False)
    out, err, status = poll()
    assert out == "No feed is due.\n"
    assert web.requests == []


@pytest.mark.django_db
def test_a_named_feed_is_polled_now_and_an_unknown_name_is_said(web: LocalWeb) -> None:
    Feed.objects.create(
        name="World", url=serve_world(web), poll_interval=30, last_polled=timezone.now()
    )
    out, err, status = poll("World", "Sport")
    assert out.startswith("World: 2 new")
    assert err.splitlines()[0] == "Sport: no feed of that name"
    assert status == 1


@pytest.mark.django_db
def test_a_failing_feed_is_recorded_and_the_others_go_on(web: LocalWeb) -> None:
    Feed.objects.create(name="Gone", url=web.url + "/gone.xml")
    Feed.objects.create(name="World", url=serve_world(web))
    out, err, status = poll()
    assert out.splitlines()[0].startswith("Gone: failed in ")
    assert out.splitlines()[1].startswith("World: 2 new")
    assert err.splitlines()[0] == f"{web.url}/gone.xml: the server answered 404 Not Found"
    assert status == 1
    gone = Feed.objects.get(name="Gone")
    assert gone.last_status == Feed.Status.FAILED
    assert gone.last_error == f"{web.url}/gone.xml: the server answered 404 Not Found"


@pytest.mark.django_db
def test_an_entry_that_failed_is_tried_again_at_the_next_poll(web: LocalWeb) -> None:
    url = serve_world(web, etag='"w1"')
    web.routes["/ras-lanuf.html"] = Answer(b"busy", "text/plain", 503)
    Feed.objects.create(name="World", url=url)
    out, err, status = poll()
    assert out.startswith("World: 1 new, 0 updated, 0 unchanged, 1 error")
    assert Feed.objects.get().last_status == Feed.Status.PARTLY

    web.page("/ras-lanuf.html", article_page("Fighting at Ras Lanuf", RAS_LANUF))
    out, err, status = poll("World")
    assert out.startswith("World: 1 new, 0 updated, 0 unchanged in ")
    assert "if-none-match" not in web.asked("/world.xml")[1].headers
    assert Feed.objects.get().articles_found == 2


@pytest.mark.django_db
def test_ctrl_c_ends_a_poll_with_one_line(web: LocalWeb, monkeypatch: pytest.MonkeyPatch) -> None:
    Feed.objects.create(name="World", url=serve_world(web))

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("events.feeds.poll_feed", interrupted)
    err = StringIO()
    with pytest.raises(SystemExit) as stopped:
        call_command("poll", stdout=StringIO(), stderr=err)
    assert stopped.value.code == 130
    assert err.getvalue() == "Interrupted: 0 of 1 feeds polled; the next poll goes on.\n"
    assert Feed.objects.get().last_polled is None
