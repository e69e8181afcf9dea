"""Feeds are kept in the admin: a superuser adds and changes them, an editor reads how
their polling goes, and what a poll recorded is shown as text."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from events.models import Feed


@pytest.fixture
def root(db: None) -> Client:
    User.objects.create_superuser("root", password="pw-for-tests-only")
    client = Client()
    assert client.login(username="root", password="pw-for-tests-only")
    return client


@pytest.fixture
def editor(db: None) -> Client:
    User.objects.create_user("erin", password="pw-for-tests-only")
    call_command("make_editor", "erin", stdout=StringIO(), stderr=StringIO())
    client = Client()
    assert client.login(username="erin", password="pw-for-tests-only")
    return client


def form(**changes: str) -> dict[str, str]:
    return {
        "name": "Austin news",
        "url": "https://news.example.com/austin.xml",
        "home_place": "Austin, Texas",
        "poll_interval": "15",
        "active": "on",
        **changes,
    }


def test_a_superuser_adds_a_feed(root: Client) -> None:
    response = root.post("/admin/events/feed/add/", form())
    assert response.status_code == 302
    feed = Feed.objects.get()
    assert (feed.name, feed.poll_interval, feed.home_place) == ("Austin news", 15, "Austin, Texas")
    assert feed.last_status == Feed.Status.NEVER


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://news.example.com/feed", "gopher://x"])
def test_a_feed_url_must_be_http_or_https(root: Client, url: str) -> None:
    response = root.post("/admin/events/feed/add/", form(url=url))
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    assert not Feed.objects.exists()


def test_a_poll_interval_below_a_minute_is_refused(root: Client) -> None:
    response = root.post("/admin/events/feed/add/", form(poll_interval="0"))
    assert response.status_code == 200
    assert not Feed.objects.exists()


def test_the_last_error_is_shown_as_text(root: Client) -> None:
    feed = Feed.objects.create(
        name="Bad",
        url="https://news.example.com/bad.xml",
        last_status=Feed.Status.FAILED,
        last_error="https://x/<script>alert(1)</script>: the server answered 500\nsecond line",
    )
    page = root.get(f"/admin/events/feed/{feed.pk}/change/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;: the server answered 500<br>second line" in page
    assert "<script>alert(1)" not in page
    listing = root.get("/admin/events/feed/").content.decode()
    assert "Failed" in listing


def test_an_editor_reads_feeds_but_does_not_add_or_change_them(editor: Client) -> None:
    feed = Feed.objects.create(name="World", url="https://news.example.com/world.xml")
    assert editor.get("/admin/events/feed/").status_code == 200
    assert editor.get(f"/admin/events/feed/{feed.pk}/change/").status_code == 200
    assert editor.get("/admin/events/feed/add/").status_code == 403
    editor.post(f"/admin/events/feed/{feed.pk}/change/", form())
    assert Feed.objects.get().name == "World"
