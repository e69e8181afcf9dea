"""Large ingests refresh PostgreSQL's planner statistics, and leave SQLite's alone."""

from __future__ import annotations

import pytest
from django.db import connection

from events.ingest import refresh_statistics


@pytest.mark.django_db
def test_statistics_are_refreshed_on_postgresql_only() -> None:
    refresh_statistics()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(*) FROM pg_stat_user_tables "
                "WHERE relname = 'events_event' AND last_analyze IS NOT NULL"
            )
            assert cursor.fetchone() == (1,)
        else:
            # With statistics SQLite plans the map's date windows worse.
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            assert cursor.fetchone() == (0,)
