"""Editors merge places; they never delete one. Superusers still may.

A place an editor thinks wrong is merged into the right one, which keeps its
mentions, events and name; a delete would lose them. An install whose Editors
group was given delete_place before loses it at its next migrate.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.test import Client

from events.editors_group import EDITORS_GROUP
from events.models import Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def places() -> list[Place]:
    return [
        Place.objects.create(name=name, kind="city", country_code="LY", lat=30.4, lon=18.5)
        for name in ("Ras Lanuf", "Ras Lanouf")
    ]


@pytest.fixture
def editor() -> Client:
    User.objects.create_user("erin", password="pw-for-tests-only")
    call_command("make_editor", "erin", stdout=StringIO(), stderr=StringIO())
    client = Client()
    client.force_login(User.objects.get(username="erin"))
    return client


def _actions(client: Client) -> list[str]:
    page = client.get("/admin/events/place/")
    return [value for value, _label in page.context["action_form"].fields["action"].choices]


def test_an_editor_has_no_delete_on_a_place(editor: Client, places: list[Place]) -> None:
    change = editor.get(f"/admin/events/place/{places[0].pk}/change/").content.decode()
    assert "deletelink" not in change
    assert editor.get(f"/admin/events/place/{places[0].pk}/delete/").status_code == 403
    assert (
        editor.post(f"/admin/events/place/{places[0].pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert Place.objects.count() == 2


def test_an_editors_place_list_offers_merge_but_not_delete(
    editor: Client, places: list[Place]
) -> None:
    actions = _actions(editor)
    assert "merge_places" in actions
    assert "delete_selected" not in actions


def test_an_editor_still_merges_places(editor: Client, places: list[Place]) -> None:
    keep, merged = places
    selected = {"action": "merge_places", "_selected_action": [keep.pk, merged.pk]}
    done = editor.post(
        "/admin/events/place/", {**selected, "confirm": "yes", "target": str(keep.pk)}
    )
    assert done.status_code == 302
    assert list(Place.objects.values_list("pk", flat=True)) == [keep.pk]


def test_a_superuser_may_still_delete_a_place(places: list[Place]) -> None:
    client = Client()
    client.force_login(User.objects.create_superuser("root", password="pw-for-tests-only"))
    assert "delete_selected" in _actions(client)
    client.post(f"/admin/events/place/{places[0].pk}/delete/", {"post": "yes"})
    assert not Place.objects.filter(pk=places[0].pk).exists()


def test_migrate_takes_an_old_delete_grant_from_the_group() -> None:
    group = Group.objects.get(name=EDITORS_GROUP)
    group.permissions.add(Permission.objects.get(codename="delete_place"))
    call_command("migrate", verbosity=0, interactive=False)
    codenames = set(
        Group.objects.get(name=EDITORS_GROUP).permissions.values_list("codename", flat=True)
    )
    assert "delete_place" not in codenames
    assert {"add_place", "change_place", "view_place"} <= codenames
