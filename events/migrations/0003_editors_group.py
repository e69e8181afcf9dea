"""The 'Editors' group: may correct places, aliases, mentions and events, nothing else.

Permissions are normally created after all migrations run (post_migrate), so
on a fresh database they do not exist yet here: create them first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"

# model → the actions editors may take on it.
GRANTS = {
    "place": ("add", "change", "delete", "view"),  # delete: merging removes the merged places
    "placealias": ("add", "change", "delete", "view"),
    "mention": ("change", "view"),
    "event": ("change", "view"),
    "stopname": ("add", "change", "delete", "view"),  # 'not a place here' / 'never a place'
    "placechoice": ("add", "change", "delete", "view"),  # made by re-pointing a mention
    "placeredirect": ("view",),
    "article": ("view",),  # to read the context of a mention, never to change it
}


def create_group(apps, schema_editor):
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    codenames = [f"{action}_{model}" for model, actions in GRANTS.items() for action in actions]
    permissions = Permission.objects.filter(
        content_type__app_label="events", codename__in=codenames
    )
    assert permissions.count() == len(codenames), "an Editors permission is missing"
    group.permissions.set(permissions)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_editors"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
