"""Merging places moves mentions, events and aliases over, and loses nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from events.editors import merge_places
from events.gazetteer import normalize
from events.models import Article, Event, Mention, Place, PlaceAlias, PlaceRedirect


def _place(name: str, **extra: object) -> Place:
    return Place.objects.create(name=name, kind="city", country_code="LY", lat=30, lon=18, **extra)


def _article(title: str) -> Article:
    return Article.objects.create(
        title=title, published=date(2011, 3, 10), text=title * 5, content_hash=title
    )


def _mention(article: Article, place: Place, surface: str, start: int) -> Mention:
    return Mention.objects.create(
        article=article, place=place, surface=surface, start=start, end=start + len(surface)
    )


def _event(article: Article, start: int, *places: Place) -> Event:
    event = Event.objects.create(
        article=article,
        start=start,
        end=start + 10,
        text="…",
        date_start=date(2011, 3, 10),
        date_end=date(2011, 3, 10),
    )
    event.places.set(places)
    return event


@pytest.fixture
def duplicates(db: None) -> tuple[Place, Place, Place]:
    """Ras Lanuf three times: the gazetteer's, a misspelt one, and an editor's."""
    keep = _place("Ras Lanuf", gazetteer_key="sup:ras_lanuf", verified=True)
    lanouf = _place("Ras Lanouf", geonameid=999001, gazetteer_key="gn:999001")
    editors = _place("Ras Lanuf port", geocode_source=Place.Source.EDITOR)
    PlaceAlias.objects.create(place=lanouf, name="Ras al-Unuf", normalized="ras al unuf")
    PlaceAlias.objects.create(place=editors, name="ras lanuf", normalized="ras lanuf")
    one, two = _article("One"), _article("Two")
    _mention(one, keep, "Ras Lanuf", 0)
    _mention(one, lanouf, "Ras Lanouf", 20)
    _mention(two, lanouf, "Ras Lanouf", 0)
    _mention(two, editors, "Ras Lanuf port", 30)
    _event(one, 0, keep, lanouf)  # names two of them: must end up naming one
    _event(two, 0, lanouf)
    _event(two, 30, editors)
    return keep, lanouf, editors


def test_merging_keeps_every_mention_and_every_event(
    duplicates: tuple[Place, Place, Place],
) -> None:
    keep, lanouf, editors = duplicates
    mentions_before = Mention.objects.count()
    events_before = set(Event.objects.filter(places__in=duplicates).values_list("pk", flat=True))

    result = merge_places(keep, [keep, lanouf, editors])

    assert Mention.objects.count() == mentions_before == keep.mentions.count() == 4
    assert set(keep.events.values_list("pk", flat=True)) == events_before
    assert keep.events.count() == 3
    assert Event.objects.count() == 3
    assert (result.mentions, result.events) == (3, 3)
    assert list(Place.objects.all()) == [keep]


def test_merging_moves_aliases_and_makes_the_merged_names_aliases(
    duplicates: tuple[Place, Place, Place],
) -> None:
    keep, lanouf, editors = duplicates
    merge_places(keep, [lanouf, editors])
    aliases = set(keep.aliases.values_list("normalized", flat=True))
    # "ras lanuf" is the kept place's own name: not repeated as an alias.
    assert aliases == {"ras al unuf", "ras lanouf", normalize("Ras Lanuf port")}


def test_merging_leaves_redirects_so_no_ingest_brings_a_merged_place_back(
    duplicates: tuple[Place, Place, Place],
) -> None:
    keep, lanouf, editors = duplicates
    merge_places(keep, [lanouf, editors])
    assert PlaceRedirect.objects.get(geonameid=999001).place == keep
    assert PlaceRedirect.objects.filter(merged_name="Ras Lanuf port", place=keep).exists()


def test_the_admin_merge_action_asks_which_place_to_keep_then_merges(
    duplicates: tuple[Place, Place, Place],
) -> None:
    keep, lanouf, editors = duplicates
    admin = User.objects.create_superuser("boss", password="pw-for-tests-only")
    client = Client()
    client.force_login(admin)
    selected = {"action": "merge_places", "_selected_action": [keep.pk, lanouf.pk, editors.pk]}

    confirm = client.post("/admin/events/place/", selected)
    assert confirm.status_code == 200
    assert b"Choose the place to keep" in confirm.content
    assert confirm.context["suggested"] == keep  # the verified one

    done = client.post(
        "/admin/events/place/", {**selected, "confirm": "yes", "target": str(lanouf.pk)}
    )
    assert done.status_code == 302
    assert list(Place.objects.values_list("pk", flat=True)) == [lanouf.pk]
    assert lanouf.mentions.count() == 4 and lanouf.events.count() == 3
