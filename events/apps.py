from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "News events"

    def ready(self) -> None:
        from events.editors_group import on_post_migrate

        post_migrate.connect(on_post_migrate, sender=self)
