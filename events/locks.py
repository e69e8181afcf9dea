"""Writers that change what an ingest's batch reads and writes take turns with it.

SQLite has one writer at a time anyway (settings: every transaction takes the write
lock when it begins). PostgreSQL lets transactions overlap, and some overlaps lose
data or fail: two ingests of the same files both find an article missing, or both
replace its mentions, between one's look and its commit; a merge deletes a place
after collecting its mentions while an ingest adds one more. Ingests' batches and
editors' merges and re-points therefore hold one advisory lock for their transaction.
Readers, and editors' saves of a place's own fields, are never held by it.
"""

from __future__ import annotations

from django.db import connection

# Arbitrary, the same in every process: "news".
INGEST_WRITE_LOCK = 0x6E65_7773


def take_turn_with_ingests() -> None:
    """Waits for, then holds until the transaction ends, the turn to write."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INGEST_WRITE_LOCK])
