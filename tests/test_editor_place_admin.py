"""The Place admin: saving a position verifies it; the list puts what needs review first."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from events.editors import make_editor
from events.gazetteer import normalize
from events.models import Article, Mention, Place, PlaceAlias
from tests.event_support import place_form


@pytest.fixture
def editor(db: None) -> User:
    user = User.objects.create_user("erin", password="pw-for-tests-only")
    make_editor(user)
    return user


@pytest.fixture
def client(editor: User) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def _place(name: str, **extra: object) -> Place:
    fields: dict = {"kind": "city", "country_code": "LY", "lat": 30.0, "lon": 18.0, **extra}
    return Place.objects.create(name=name, **fields)


def _mentions(place: Place, *confidences: float) -> None:
    article = Article.objects.create(
        title=place.name, published=date(2011, 3, 10), text="x" * 50, content_hash=place.name
    )
    for i, confidence in enumerate(confidences):
        Mention.objects.create(
            article=article,
            place=place,
            surface=place.name,
            start=i,
            end=i + 1,
            confidence=confidence,
        )


def test_saving_a_new_position_marks_the_place_verified_by_the_editor(
    client: Client, editor: User
) -> None:
    place = _place("Ras Lanuf")
    response = client.post(f"/admin/events/place/{place.pk}/change/", place_form(place, lat=30.41))
    assert response.status_code == 302
    place.refresh_from_db()
    assert (place.lat, place.verified, place.verified_by) == (30.41, True, editor)
    assert place.verified_at is not None
    assert place.geocode_source == Place.Source.EDITOR


def test_ticking_verified_keeps_the_source_of_the_coordinates(client: Client, editor: User) -> None:
    place = _place("Benghazi")
    client.post(f"/admin/events/place/{place.pk}/change/", place_form(place, verified="on"))
    place.refresh_from_db()
    assert place.verified and place.verified_by == editor
    assert place.geocode_source == Place.Source.GAZETTEER


def test_saving_without_changes_does_not_verify(client: Client) -> None:
    place = _place("Zawiya")
    client.post(f"/admin/events/place/{place.pk}/change/", place_form(place))
    place.refresh_from_db()
    assert not place.verified


def test_a_position_off_the_globe_is_refused(client: Client) -> None:
    place = _place("Zawiya")
    response = client.post(f"/admin/events/place/{place.pk}/change/", place_form(place, lat=123))
    assert response.status_code == 200
    assert "between -90 and 90" in response.content.decode()


def test_an_alias_added_inline_is_stored_normalised(client: Client) -> None:
    place = _place("Ras Lanuf")
    form = place_form(place, **{"aliases-TOTAL_FORMS": "1", "aliases-0-name": "Ra’s Lanūf"})
    assert client.post(f"/admin/events/place/{place.pk}/change/", form).status_code == 302
    assert place.aliases.get().normalized == normalize("Ra's Lanuf")


def test_an_alias_another_place_already_has_is_refused(client: Client) -> None:
    place, other = _place("Ras Lanuf"), _place("Sidra")
    PlaceAlias.objects.create(place=other, name="Es Sider", normalized="es sider")
    form = place_form(place, **{"aliases-TOTAL_FORMS": "1", "aliases-0-name": "Es Sider"})
    response = client.post(f"/admin/events/place/{place.pk}/change/", form)
    assert response.status_code == 200
    assert "already an alias of Sidra" in response.content.decode()


def test_the_list_puts_unverified_much_mentioned_uncertain_places_first(client: Client) -> None:
    quiet = _place("Quiet")
    _mentions(quiet, 0.9)
    busy_sure = _place("Busy sure")
    _mentions(busy_sure, 0.99, 0.99, 0.99)
    busy_unsure = _place("Busy unsure")
    _mentions(busy_unsure, 0.5, 0.6, 0.7)
    checked = _place("Checked", verified=True)
    _mentions(checked, 0.5, 0.5, 0.5, 0.5)

    page = client.get("/admin/events/place/")
    names = [place.name for place in page.context["cl"].result_list]
    assert names == ["Busy unsure", "Busy sure", "Quiet", "Checked"]
    assert page.context["cl"].result_list[0].confidence == pytest.approx(0.6)
    html = page.content.decode()
    for column in ("Mentions", "Events", "Verified", "Geocode source", "Confidence"):
        assert column in html


def test_search_finds_a_place_by_its_alias(client: Client) -> None:
    place = _place("Ras Lanuf")
    PlaceAlias.objects.create(place=place, name="Ras Lanouf", normalized="ras lanouf")
    _place("Benghazi")
    page = client.get("/admin/events/place/", {"q": "Lanouf"})
    assert [p.name for p in page.context["cl"].result_list] == ["Ras Lanuf"]


def test_the_unverified_filter_hides_verified_places(client: Client) -> None:
    _place("Open")
    _place("Done", verified=True)
    page = client.get("/admin/events/place/", {"review": "unverified"})
    assert [p.name for p in page.context["cl"].result_list] == ["Open"]
