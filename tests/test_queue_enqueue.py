"""`ingest --queue` queues one job per file, by its absolute path, and per URL; a path
it cannot read is one line naming it, and the others are queued all the same; a database
whose queue tables were never migrated is one line saying to migrate."""

from __future__ import annotations

import os
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.scratch_database import ManagePy, scratch_database_url

pytestmark = [
    pytest.mark.skipif(
        not settings.QUEUE_AVAILABLE,
        reason="the ingest queue lives in PostgreSQL (test_queue_needs_postgresql)",
    ),
    pytest.mark.django_db,
]


def _queued_sources() -> list[str]:
    from procrastinate.contrib.django.models import ProcrastinateJob

    jobs = ProcrastinateJob.objects.filter(task_name="newsmap.ingest").order_by("id")
    return [job.args["source"] for job in jobs]


def test_each_file_of_a_folder_and_each_url_is_one_job_and_a_bad_path_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "news").mkdir()
    for name in ("a.json", "b.jsonl"):
        (tmp_path / "news" / name).write_text('{"text": "Rebels left Benghazi."}\n')
    monkeypatch.chdir(tmp_path)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(
            "ingest",
            "--queue",
            "news",
            "missing",
            "https://example.org/feed",
            stdout=out,
            stderr=err,
        )
    assert _queued_sources() == [
        str(tmp_path / "news" / "a.json"),
        str(tmp_path / "news" / "b.jsonl"),
        "https://example.org/feed",  # read by the worker that runs it
    ]
    assert out.getvalue().startswith("Queued 3 sources for ingest: ")
    assert err.getvalue().splitlines() == ["missing: no such file or folder"]
    assert str(raised.value) == "1 input could not be queued (see above)"


def test_a_database_without_the_queues_tables_is_one_line_saying_to_migrate(
    tmp_path: Path,
) -> None:
    with scratch_database_url(tmp_path, "newsmap_queue_unmigrated") as url:
        manage = ManagePy({**os.environ, "DATABASE_URL": url, "NEWSMAP_VAR_DIR": str(tmp_path)})
        manage.manage("migrate", "events", "-v0")  # newsmap's tables, not the queue's
        done = [
            subprocess.run(
                manage.command("ingest", option, str(settings.BASE_DIR / "seeds")),
                env=manage.env,
                capture_output=True,
                text=True,
            )
            for option in ("--queue", "--status")
        ]
    for run in done:
        assert run.returncode == 1
        assert run.stderr.strip() == (
            "CommandError: the queue's tables are missing: run `manage.py migrate` first"
        )
