"""In a process with other threads (a test server, a web or queue worker), an ingest
with workers annotates in that process instead: a fork would copy only its own thread,
and a lock another one held would stay held in the worker forever."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from events import parallel
from events.models import Article, Event


@pytest.mark.django_db
def test_an_ingest_in_a_process_with_other_threads_forks_no_worker_and_stores_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "story.json"
    story.write_text(
        '{"text": "Rebels retreated from Benghazi on Friday.", "published": "2011-03-10"}'
    )

    def no_fork(self: parallel.AnnotatorPool) -> None:
        raise AssertionError("a worker was forked")

    monkeypatch.setattr(parallel.AnnotatorPool, "_started", no_fork)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        report = parallel.ingest_paths([story], jobs=2)
    finally:
        stop.set()
        other.join()
    assert report.errors == [] and report.totals.created == 1
    assert Article.objects.count() == 1 and Event.objects.exists()
