"""Editors see the gazetteer's other candidates for a place's name and switch to one
with one click; the review list leads with the places most likely wrong."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import expect

from events import alternatives, editors
from events.gazetteer import Entry
from events.geocoder import OfflineGazetteer
from events.models import Article, Mention, Place, PlaceChoice
from events.store import PlaceCache

PASSWORD = "a-long-editor-passphrase"


def _place_of(entry: Entry) -> Place:
    """The Place ingest makes of a gazetteer entry."""
    return Place.objects.get(pk=PlaceCache().place_id(entry))


def _named(place: Place, article: Article, confidence: float, times: int = 1) -> None:
    for n in range(times):
        Mention.objects.create(
            article=article,
            place=place,
            surface=place.name,
            start=10 * n,
            end=10 * n + len(place.name),
            confidence=confidence,
        )


@pytest.fixture
def windsors(db: None) -> tuple[Place, Entry]:
    """A Windsor the pipeline placed at the name's second candidate, and the first."""
    found = OfflineGazetteer().candidates("Windsor")
    assert len(found) >= 2, "the gazetteer knows one Windsor only"
    article = Article.objects.create(title="A royal wedding", published=date(2005, 4, 9), text="…")
    wrong = _place_of(found[1])
    _named(wrong, article, 0.71, times=2)
    return wrong, found[0]


@pytest.fixture
def editor_client(db: None) -> Client:
    erin = User.objects.create_user("erin", password=PASSWORD)
    editors.make_editor(erin)
    client = Client()
    client.force_login(erin)
    return client


def test_the_change_page_lists_the_other_candidates_as_switch_buttons(
    windsors: tuple[Place, Entry], editor_client: Client
) -> None:
    wrong, right = windsors
    body = editor_client.get(f"/admin/events/place/{wrong.pk}/change/").content.decode()
    assert f'value="{right.key}"' in body
    assert f'value="{wrong.gazetteer_key}"' not in body, "the place itself is no alternative"
    assert alternatives.describe(right) in body


def test_switching_moves_every_mention_and_remembers_the_choice(
    windsors: tuple[Place, Entry], editor_client: Client
) -> None:
    wrong, right = windsors
    response = editor_client.post(
        f"/admin/events/place/{wrong.pk}/switch/", {"candidate": right.key}, follow=True
    )
    target = Place.objects.get(geonameid=right.geonameid)
    assert response.redirect_chain[-1][0].endswith(f"/{target.pk}/change/")
    assert "Moved 2 mentions from" in response.content.decode()
    assert not Mention.objects.filter(place=wrong).exists()
    assert Mention.objects.filter(place=target).count() == 2
    assert PlaceChoice.objects.filter(place=target, normalized="windsor").exists()


def test_a_candidate_the_name_cannot_mean_is_refused_with_a_message(
    windsors: tuple[Place, Entry], editor_client: Client
) -> None:
    wrong, _ = windsors
    response = editor_client.post(
        f"/admin/events/place/{wrong.pk}/switch/", {"candidate": "nowhere:1"}, follow=True
    )
    assert "not one this name can mean" in response.content.decode()
    assert Mention.objects.filter(place=wrong).count() == 2


def test_the_review_list_leads_with_the_least_sure_place_before_the_most_named(
    windsors: tuple[Place, Entry], editor_client: Client
) -> None:
    wrong, _ = windsors
    usa = _place_of(OfflineGazetteer().candidates("United States")[0])
    _named(usa, Article.objects.get(), 0.96, times=40)
    body = editor_client.get("/admin/events/place/").content.decode()
    assert body.index(f"/admin/events/place/{wrong.pk}/change/") < body.index(
        f"/admin/events/place/{usa.pk}/change/"
    )


def test_the_list_counts_each_places_other_candidates(
    windsors: tuple[Place, Entry], editor_client: Client
) -> None:
    wrong, _ = windsors
    others = len(alternatives.candidates(wrong))
    body = editor_client.get("/admin/events/place/").content.decode()
    assert f'<td class="field-other_candidates">{others}</td>' in body


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_switches_a_place_with_one_click_in_the_browser(
    page: Any, live_server: Any, settings: Any
) -> None:
    settings.LEAFLET_CONFIG = {**settings.LEAFLET_CONFIG, "TILES": []}
    found = OfflineGazetteer().candidates("Windsor")
    article = Article.objects.create(title="A royal wedding", published=date(2005, 4, 9), text="…")
    wrong = _place_of(found[1])
    _named(wrong, article, 0.71)
    editors.make_editor(User.objects.create_user("erin", password=PASSWORD))
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    page.goto(f"{live_server.url}/admin/login/?next=/admin/events/place/{wrong.pk}/change/")
    page.fill("#id_username", "erin")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    # Enter in the form saves it, as it always did: the switch buttons are not its own.
    page.press("#id_name", "Enter")
    expect(page.locator("ul.messagelist li.success")).to_contain_text("was changed successfully")
    assert Mention.objects.filter(place=wrong).count() == 1
    page.goto(f"{live_server.url}/admin/events/place/{wrong.pk}/change/")
    page.locator(f"button.switch-candidate[value='{found[0].key}']").click()
    expect(page.locator("ul.messagelist li.success")).to_contain_text("Moved 1 mention from")
    target = Place.objects.get(geonameid=found[0].geonameid)
    expect(page).to_have_url(re.compile(f"/admin/events/place/{target.pk}/change/$"))
