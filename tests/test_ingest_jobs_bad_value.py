"""A --jobs that is not a whole number of at least 1 is one line naming it, before
anything is read."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from events.models import Article


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["0", "-2", "two", "1.5", ""])
def test_a_bad_jobs_value_is_one_line_and_nothing_is_stored(tmp_path: Path, value: str) -> None:
    story = tmp_path / "story.json"
    story.write_text('{"text": "Rebels left Benghazi.", "published": "2011-03-10"}')
    with pytest.raises(CommandError) as raised:
        call_command("ingest", f"--jobs={value}", str(story))
    assert str(raised.value) == f"--jobs: {value!r} is not a whole number of at least 1"
    assert not Article.objects.exists()
