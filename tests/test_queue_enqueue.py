"""`ingest --queue` queues one job per file, by its absolute path; a path it cannot
read is one line naming it, and the other files are queued all the same."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

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


def test_each_file_of_a_folder_is_one_job_and_a_bad_path_one_line(
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
    ]
    assert out.getvalue().startswith("Queued 2 files for ingest: ")
    # Path folds a URL's "//" (until ingest reads URLs, when they are queued too).
    assert err.getvalue().splitlines() == [
        "missing: no such file or folder",
        "https:/example.org/feed: URLs are not queued yet; only files and folders",
    ]
    assert str(raised.value) == "2 inputs could not be queued (see above)"
