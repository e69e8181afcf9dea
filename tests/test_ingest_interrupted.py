"""Ctrl-C stops an ingest with one line: what was stored, and how to resume; with
--jobs 2, its worker processes end with it."""

from __future__ import annotations

import re
import signal
import time
from pathlib import Path

import pytest

from tests.ingest_processes import ARTICLE_COUNT, wait_for_articles, write_wire_articles
from tests.scratch_database import migrated_database

FILES = 300


def _children(pid: int) -> set[int]:
    return {int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has ended; only its parent has not read its status


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_an_ingest_with_one_line_saying_what_was_stored_and_how_to_resume(
    tmp_path: Path, jobs: str
) -> None:
    folder = tmp_path / "news"
    write_wire_articles(folder, FILES)
    with migrated_database(tmp_path / "db", "newsmap_ingest_interrupted") as manage:
        ingest = manage.start("ingest", "--jobs", jobs, str(folder))
        wait_for_articles(manage, ingest)
        workers = _children(ingest.pid)
        ingest.send_signal(signal.SIGINT)
        _, stderr = ingest.communicate(timeout=60)
        stored = int(manage.manage("shell", "-v0", "-c", ARTICLE_COUNT))
        again = manage.manage("ingest", str(folder))
        deadline = time.monotonic() + 10
        while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)

    assert ingest.returncode == 130
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    [line] = stderr.strip().splitlines()
    done = re.fullmatch(
        rf"Interrupted: (\d+) of {FILES} files done, (\d+) articles? stored \((\d+) new, "
        r"0 updated, 0 unchanged\); what is stored is whole\. Run the same command again "
        r"to resume: articles already stored are skipped\.",
        line,
    )
    assert done, line
    # One story a file: every file done is one article stored, none half-way.
    assert int(done[1]) == int(done[2]) == int(done[3]) == stored
    assert 0 < stored < FILES
    assert f"({FILES - stored} new, 0 updated, {stored} unchanged)" in again
    assert len(workers) == (2 if jobs == "2" else 0)
    assert not [pid for pid in workers if _running(pid)], "a worker outlived its ingest"


def test_ctrl_c_while_django_starts_is_one_line_too(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_wire_articles(folder, 3)
    with migrated_database(tmp_path / "db", "newsmap_ingest_interrupted") as manage:
        # Soon: the signal arrives while Python imports Django and newsmap.
        ingest = manage.start("ingest", str(folder))
        time.sleep(0.2)
        ingest.send_signal(signal.SIGINT)
        _, stderr = ingest.communicate(timeout=60)

    # Before Python sets its own handler, the signal ends it silently (-SIGINT);
    # after, it is newsmap's line. Never Python's traceback.
    assert ingest.returncode in (130, -signal.SIGINT)
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) <= 1, stderr
