"""The 'Editors' group: may correct places, aliases, mentions and events (and which
happening each tells), nothing else.

Its grants live here, not only in migration 0003: after every `migrate` (and
every flush, which tests do) the group is made to match them, so a changed
grant reaches existing databases and the group is never missing.
"""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.contrib.auth.models import Group, Permission

EDITORS_GROUP = "Editors"

# model → the actions editors may take on it.
GRANTS: dict[str, tuple[str, ...]] = {
    # No delete: a place editors think wrong is merged into the right one, which
    # keeps its mentions, events and name (an alias); the merge removes the
    # merged places itself. Existing groups lose the grant at the next migrate.
    "place": ("add", "change", "view"),
    "placealias": ("add", "change", "delete", "view"),
    "mention": ("change", "view"),
    "event": ("change", "view"),
    "stopname": ("add", "change", "delete", "view"),  # 'not a place here' / 'never a place'
    "placechoice": ("add", "change", "delete", "view"),  # made by re-pointing a mention
    "happeningchoice": ("add", "change", "delete", "view"),  # joins and splits of events
    "placeredirect": ("view",),
    "article": ("view",),  # to read the context of a mention, never to change it
    # To see where the news comes from and how polling goes; adding a feed (newsmap then
    # fetches from that address on a schedule) is for whoever runs the site.
    "feed": ("view",),
}


def ensure_editors_group(using: str = "default") -> Group:
    group, _ = Group.objects.using(using).get_or_create(name=EDITORS_GROUP)
    codenames = [f"{action}_{model}" for model, actions in GRANTS.items() for action in actions]
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="events", codename__in=codenames
    )
    group.permissions.set(permissions)
    return group


def on_post_migrate(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    # contrib.auth's own post_migrate handler, connected first, has made this
    # app's permissions by now.
    ensure_editors_group(using)
