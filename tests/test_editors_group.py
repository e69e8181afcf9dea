"""The Editors group always matches its grants in code, and is never missing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.core.management.sql import emit_post_migrate_signal

from events.editors import make_editor
from events.editors_group import EDITORS_GROUP, GRANTS

pytestmark = pytest.mark.django_db

GRANTED = {f"{action}_{model}" for model, actions in GRANTS.items() for action in actions}


def _codenames(group: Group) -> set[str]:
    return set(group.permissions.values_list("codename", flat=True))


def test_migrate_gives_the_group_exactly_its_grants() -> None:
    group = Group.objects.get(name=EDITORS_GROUP)
    group.permissions.clear()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert _codenames(Group.objects.get(name=EDITORS_GROUP)) == GRANTED


def test_making_an_editor_recreates_a_deleted_group() -> None:
    Group.objects.filter(name=EDITORS_GROUP).delete()
    user = User.objects.create_user("erin")
    group = make_editor(user)
    assert _codenames(group) == GRANTED
    assert user.is_staff and user.groups.filter(name=EDITORS_GROUP).exists()
