"""Every change to places, mentions and events is recorded: who, when, before and after."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from events.editors import make_editor, merge_places
from events.models import Article, Event, Mention, Place
from tests.event_support import place_form


@pytest.fixture
def editor(db: None) -> User:
    user = User.objects.create_user("erin", password="pw-for-tests-only")
    make_editor(user)
    return user


@pytest.fixture
def client_as_editor(editor: User) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def _place(name: str = "Ras Lanuf", lat: float = 30.5, lon: float = 18.56) -> Place:
    return Place.objects.create(name=name, kind="city", country_code="LY", lat=lat, lon=lon)


def test_moving_a_place_in_the_admin_records_who_when_and_before_and_after(
    client_as_editor: Client, editor: User
) -> None:
    place = _place()
    response = client_as_editor.post(
        f"/admin/events/place/{place.pk}/change/", place_form(place, lat=30.4167, lon=18.5333)
    )
    assert response.status_code == 302, response.content[:2000]

    latest, before = place.history.all()[:2]
    assert latest.history_user == editor
    assert latest.history_date is not None
    delta = {c.field: (c.old, c.new) for c in latest.diff_against(before).changes}
    assert delta["lat"] == (30.5, 30.4167)
    assert delta["lon"] == (18.56, 18.5333)
    assert delta["verified"] == (False, True)


def test_the_history_page_of_a_place_shows_the_change(
    client_as_editor: Client,
) -> None:
    place = _place()
    client_as_editor.post(f"/admin/events/place/{place.pk}/change/", place_form(place, lat=31.0))
    page = client_as_editor.get(f"/admin/events/place/{place.pk}/history/")
    assert page.status_code == 200
    assert b"erin" in page.content
    assert b"30.5" in page.content and b"31.0" in page.content


def test_re_pointing_a_mention_and_editing_an_event_are_recorded(
    client_as_editor: Client, editor: User
) -> None:
    wrong, right = _place("Tripoli", 32.9, 13.2), _place("Tripoli (Lebanon)", 34.4, 35.8)
    article = Article.objects.create(
        title="t", published=date(2011, 3, 10), text="Clashes in Tripoli.", content_hash="t"
    )
    mention = Mention.objects.create(
        article=article, place=wrong, surface="Tripoli", start=11, end=18
    )
    event = Event.objects.create(
        article=article,
        start=0,
        end=19,
        text="Clashes in Tripoli.",
        date_start=date(2011, 3, 10),
        date_end=date(2011, 3, 10),
    )
    event.places.set([wrong])

    client_as_editor.post(
        f"/admin/events/mention/{mention.pk}/change/", {"place": right.pk, "not_a_place": ""}
    )

    record = mention.history.first()
    assert record is not None and record.history_user == editor
    assert record.place_id == right.pk and record.prev_record.place_id == wrong.pk
    assert event.history.filter(history_user=editor).exists()
    assert list(event.places.all()) == [right]


def test_a_merge_is_recorded_on_the_places_and_mentions_it_touched(editor: User) -> None:
    keep, gone = _place(), _place("Ras Lanouf")
    article = Article.objects.create(
        title="a", published=date(2011, 3, 10), text="Ras Lanouf", content_hash="a"
    )
    mention = Mention.objects.create(
        article=article, place=gone, surface="Ras Lanouf", start=0, end=10
    )
    gone_id = gone.pk
    merge_places(keep, [gone], editor)

    deleted = Place.history.filter(id=gone_id, history_type="-").get()
    assert deleted.history_user == editor
    assert deleted.history_change_reason.startswith("merged into Ras Lanuf")
    assert deleted.name == "Ras Lanouf"  # what was merged away can still be read
    assert mention.history.first().history_user == editor
