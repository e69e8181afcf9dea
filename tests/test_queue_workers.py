"""Two queue workers ingest the wire corpus, split into files, and the database holds
exactly what one ingest stores: the same articles, places, mentions, events and
happenings. A file queued while it waits is not queued again, and jobs run again
store nothing new."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.ingest_processes import WIRE, contents
from tests.scratch_database import ManagePy, migrated_database

pytestmark = pytest.mark.skipif(
    not settings.QUEUE_AVAILABLE,
    reason="the ingest queue lives in PostgreSQL; on SQLite --queue says so "
    "(test_queue_needs_postgresql)",
)

FILES = 20


def _split_wire(folder: Path) -> int:
    """The wire corpus as FILES .jsonl files of consecutive stories; how many stories."""
    if not WIRE.exists():
        pytest.skip(f"{WIRE} is not here (set NEWSMAP_SHARED_DIR)")
    lines = WIRE.read_text().splitlines(keepends=True)
    folder.mkdir()
    size = -(-len(lines) // FILES)
    for index, at in enumerate(range(0, len(lines), size)):
        (folder / f"wire-{index:02d}.jsonl").write_text("".join(lines[at : at + size]))
    return len(lines)


def _workers(manage: ManagePy, count: int) -> list[tuple[int, str]]:
    """Workers that run the queued jobs and stop when none is left: status and log of each."""
    command = ("procrastinate", "worker", "--queues", "ingest", "--one-shot")
    workers = [manage.start(*command) for _ in range(count)]
    logs = [worker.communicate(timeout=600)[1] for worker in workers]
    return [(worker.returncode, log) for worker, log in zip(workers, logs, strict=True)]


def test_two_workers_store_what_one_ingest_stores_and_jobs_run_again_store_nothing_new(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "wire"
    stories = _split_wire(folder)
    with migrated_database(tmp_path / "one", "newsmap_queue_alone") as alone:
        alone.manage("ingest", "--jobs", "1", str(folder))
        expected = contents(alone)
    with migrated_database(tmp_path / "two", "newsmap_queue_workers") as shared:
        queued = shared.manage("ingest", "--queue", str(folder))
        waiting = shared.manage("ingest", "--queue", str(folder))
        workers = _workers(shared, 2)
        status = shared.manage("ingest", "--status")
        stored = contents(shared)
        shared.manage("ingest", "--queue", str(folder))
        [(again_status, again_log)] = _workers(shared, 1)
        stored_again = contents(shared)

    assert queued.startswith(f"Queued {FILES} sources for ingest")
    assert waiting.startswith(f"Queued 0 sources for ingest ({FILES} already waiting)")
    assert [status for status, _ in workers] == [0, 0], workers
    jobs = [re.findall(r"wire-\d\d\.jsonl: \d+ articles \((\d+) new", log) for _, log in workers]
    assert all(jobs), "a worker ran no job"
    assert sum(int(new) for new in jobs[0] + jobs[1]) == stories
    assert status.strip() == (
        f"ingest queue: 0 todo, 0 doing, {FILES} succeeded, 0 failed, 0 cancelled, 0 aborted"
    )
    assert stored == expected
    assert len(stored["articles"]) == stories
    assert any(event[7] is not None for event in stored["events"]), "no happening joined"
    assert again_status == 0, again_log
    assert again_log.count("(0 new, 0 updated, ") == FILES
    assert stored_again == expected
