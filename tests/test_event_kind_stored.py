"""Ingest stores each event's kind and headline, and a database from before kinds
gets them when it migrates."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from events.extraction.happenings import classify, headline
from events.models import Event


@pytest.mark.django_db
def test_ingest_stores_the_kind_and_headline_of_each_event() -> None:
    call_command("ingest", str(settings.BASE_DIR / "seeds"), stdout=StringIO(), stderr=StringIO())
    events = list(Event.objects.all())
    assert events
    for event in events:
        assert event.kind == classify(event.text).name
        assert event.headline == headline(event.text)[:100]
    assert {"fighting", "diplomacy"} <= {event.kind for event in events}


@pytest.mark.django_db(transaction=True)
def test_migrating_a_database_from_before_kinds_classifies_its_events() -> None:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    before = [("events", "0005_article_origin_whole")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    article = old.get_model("events", "Article").objects.create(
        title="Old", published=date(2011, 3, 10), text="…", content_hash="old"
    )
    text = "Government forces shelled the town on Thursday."
    old.get_model("events", "Event").objects.create(
        article=article,
        start=0,
        end=len(text),
        text=text,
        date_start=date(2011, 3, 10),
        date_end=date(2011, 3, 10),
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    event = Event.objects.get()
    assert event.kind == "fighting"
    assert event.headline == headline(text)
