"""Articles published on the calendar's first or last day are stored and read back;
date-times whose UTC time would fall off the calendar are refused before anything is stored."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from events.models import Article, Event
from events.readers import parse_published

TEXT = (
    "Rebels shelled Benghazi yesterday. Tomorrow the army leaves Tripoli. "
    "Last week talks in Cairo failed, and next year Misrata will be rebuilt."
)


def _ingest(tmp_path: Path, published: str) -> None:
    path = tmp_path / "edge.jsonl"
    path.write_text(json.dumps({"id": "e", "text": TEXT, "published": published}) + "\n")
    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("9999-12-31", date(9999, 12, 31)),
        ("0001-01-01", date(1, 1, 1)),
        ("9999-12-31T23:59:59", date(9999, 12, 31)),
        ("0001-01-01T00:00:00Z", date(1, 1, 1)),
    ],
)
def test_an_article_on_the_calendars_edge_is_stored_and_reads_back(
    tmp_path: Path, published: str, day: date
) -> None:
    _ingest(tmp_path, published)
    article = Article.objects.get()
    assert article.published == day
    # Read back from the database, every date an event got is a real calendar day.
    events = list(Event.objects.filter(article=article).values_list("date_start", "date_end"))
    assert events
    assert all(date.min <= start <= end <= date.max for start, end in events)


@pytest.mark.django_db
def test_a_naive_time_on_the_last_day_is_stored_as_utc_and_reads_back(tmp_path: Path) -> None:
    _ingest(tmp_path, "9999-12-31T23:59:59")
    stored = Article.objects.values_list("published_at", flat=True).get()
    assert stored == datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)


@pytest.mark.parametrize(
    "value", ["9999-12-31T23:00:00-05:00", "0001-01-01T00:30:00+01:00", "9999-12-31T20:00-23:59"]
)
def test_a_time_whose_utc_moment_falls_off_the_calendar_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="outside the years 1 to 9999"):
        parse_published(value)


def test_a_time_zone_that_keeps_the_utc_moment_on_the_calendar_is_accepted() -> None:
    day, moment = parse_published("9999-12-31T20:00:00-03:00")
    assert day == date(9999, 12, 31)
    assert moment is not None and moment.astimezone(UTC).year == 9999


@pytest.mark.django_db
def test_a_refused_time_stores_nothing(tmp_path: Path) -> None:
    with pytest.raises(CommandError):
        _ingest(tmp_path, "9999-12-31T23:00:00-05:00")
    assert not Article.objects.exists()
