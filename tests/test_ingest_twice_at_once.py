"""Two ingests of the same folder at once both finish, and store what one would."""

from __future__ import annotations

from pathlib import Path

from tests.ingest_processes import contents, write_wire_articles
from tests.scratch_database import migrated_database


def test_two_ingests_of_one_folder_at_once_both_succeed_and_store_what_one_run_stores(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "news"
    write_wire_articles(folder, 50)
    with migrated_database(tmp_path / "one", "newsmap_ingest_alone") as alone:
        alone.manage("ingest", str(folder))
        expected = contents(alone)
    with migrated_database(tmp_path / "two", "newsmap_ingest_twice") as shared:
        runs = [shared.start("ingest", str(folder)) for _ in range(2)]
        results = [(run.wait(timeout=600), run.stderr.read() if run.stderr else "") for run in runs]
        assert [status for status, _ in results] == [0, 0], results
        assert contents(shared) == expected
    assert len(expected["articles"]) == 50 and expected["events"]
