"""`ingest --jobs 2` annotates in two worker processes and stores exactly what `--jobs 1`
stores: the same articles, places, mentions, events and happenings."""

from __future__ import annotations

import re
from pathlib import Path

from tests.ingest_processes import WIRE, contents, write_wire_articles
from tests.scratch_database import ManagePy, migrated_database

STORIES = 120  # in one .jsonl file: three batches of 50 and one of 20
SINGLE = 30  # and one story a file: batches of one, from many files at a time


def _news(folder: Path) -> None:
    write_wire_articles(folder / "single", STORIES + SINGLE)
    with WIRE.open() as lines, (folder / "wire.jsonl").open("w") as out:
        for _ in range(STORIES):
            out.write(next(lines))
    for path in sorted((folder / "single").iterdir())[:STORIES]:
        path.unlink()


def _ingest(manage: ManagePy, jobs: str, folder: Path) -> tuple[str, dict[str, list[object]]]:
    summary = manage.manage("ingest", "--jobs", jobs, str(folder)).strip()
    return re.sub(r" in [\d.]+ s$", "", summary), contents(manage)


def test_two_jobs_store_what_one_stores_and_say_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    _news(folder)
    with migrated_database(tmp_path / "one", "newsmap_jobs_one") as one:
        expected = _ingest(one, "1", folder)
    with migrated_database(tmp_path / "two", "newsmap_jobs_two") as two:
        got = _ingest(two, "2", folder)
        again = two.manage("ingest", "--jobs", "2", str(folder))

    assert got == expected
    summary, stored = expected
    assert summary.startswith(f"{1 + SINGLE} files: {STORIES + SINGLE} articles")
    assert len(stored["articles"]) == STORIES + SINGLE
    assert any(event[7] is not None for event in stored["events"]), "no happening joined"
    assert f"(0 new, 0 updated, {STORIES + SINGLE} unchanged)" in again
