"""On SQLite, the default, the ingest queue is not there: --queue and --status say in
one line that it needs PostgreSQL, and procrastinate's app (whose migrations are
PostgreSQL's SQL) is not installed, so migrate and ingest go on as ever."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = [
    pytest.mark.skipif(
        settings.QUEUE_AVAILABLE, reason="on PostgreSQL the queue is there: test_queue_workers"
    ),
    pytest.mark.django_db,
]


@pytest.mark.parametrize("option", ["--queue", "--status"])
def test_the_queue_options_say_in_one_line_that_they_need_postgresql(
    tmp_path: Path, option: str
) -> None:
    story = tmp_path / "story.json"
    story.write_text('{"text": "Rebels left Benghazi.", "published": "2011-03-10"}')
    with pytest.raises(CommandError) as raised:
        call_command("ingest", option, str(story))
    assert str(raised.value) == (
        f"{option} needs PostgreSQL, where the queue keeps its jobs: set DATABASE_URL to a "
        "postgres:// database (this one is SQLite)"
    )


def test_procrastinate_is_not_installed_on_sqlite() -> None:
    assert "procrastinate.contrib.django" not in settings.INSTALLED_APPS
