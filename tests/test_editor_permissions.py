"""An editor may change places, aliases, mentions and events, and nothing else."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client


@pytest.fixture
def editor_client(db: None) -> Client:
    User.objects.create_user("erin", password="pw-for-tests-only")
    call_command("make_editor", "erin", stdout=StringIO(), stderr=StringIO())
    client = Client()
    assert client.login(username="erin", password="pw-for-tests-only")
    return client


@pytest.mark.parametrize(
    "url", ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/1/change/"]
)
def test_an_editor_cannot_reach_users_or_groups(editor_client: Client, url: str) -> None:
    assert editor_client.get(url).status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "/admin/events/place/",
        "/admin/events/place/add/",
        "/admin/events/placealias/",
        "/admin/events/mention/",
        "/admin/events/event/",
        "/admin/events/stopname/",
    ],
)
def test_an_editor_can_open_the_editing_pages(editor_client: Client, url: str) -> None:
    assert editor_client.get(url).status_code == 200


def test_an_editor_can_read_articles_but_not_change_them(editor_client: Client) -> None:
    assert editor_client.get("/admin/events/article/").status_code == 200
    assert editor_client.get("/admin/events/article/add/").status_code == 403


def test_the_admin_index_shows_an_editor_only_the_editing_models(editor_client: Client) -> None:
    page = editor_client.get("/admin/").content.decode()
    assert "Places" in page and "Mentions" in page
    assert "Users" not in page and "Groups" not in page


def test_the_editors_group_holds_only_events_permissions(db: None) -> None:
    group = Group.objects.get(name="Editors")
    apps = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert apps == {"events"}
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_place", "change_placealias", "change_mention", "change_event"} <= codenames
    assert "change_article" not in codenames


def test_make_editor_creates_a_user_with_a_password_from_the_environment(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSMAP_EDITOR_PASSWORD", "a-long-editor-passphrase")
    out = StringIO()
    call_command("make_editor", "newbie", "--create", stdout=out, stderr=StringIO())
    user = User.objects.get(username="newbie")
    assert user.is_staff and not user.is_superuser
    assert user.groups.filter(name="Editors").exists()
    assert user.check_password("a-long-editor-passphrase")
    assert "newbie is an editor" in out.getvalue()
