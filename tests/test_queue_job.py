"""A queued job is an ingest of its one source, a file or a feed's or page's URL: one
that cannot be read fails the job with its error line (procrastinate then tries it
again, and at last marks it failed), and `ingest --status` names the sources whose jobs
failed. The periodic task polls the feeds that are due."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from events.models import Article, Feed
from events.queue import IngestFailed, ingest_source, poll_feeds
from tests.web_news import RAS_LANUF, ZAWIYA, Item, article_page, rss20
from tests.web_server import LocalWeb


@pytest.mark.django_db
def test_a_job_stores_its_file_and_one_that_cannot_be_read_fails_with_its_line(
    tmp_path: Path,
) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text('{"text": "Rebels left Benghazi on Friday.", "published": "2011-03-10"}')
    bad.write_text('{"text": "Benghazi", ')
    ingest_source(source=str(good))
    with pytest.raises(IngestFailed) as failed:
        ingest_source(source=str(bad))
    assert Article.objects.count() == 1
    assert str(failed.value).startswith(f"{bad}: ") and "JSON" in str(failed.value)


def _feed(web: LocalWeb) -> str:
    web.page("/ras-lanuf.html", article_page("Fighting at Ras Lanuf", RAS_LANUF))
    web.page("/zawiya.html", article_page("Zawiya shelled", ZAWIYA))
    items = [
        Item("Fighting at Ras Lanuf", web.url + "/ras-lanuf.html"),
        Item("Zawiya shelled", web.url + "/zawiya.html"),
    ]
    return web.page("/feed.xml", rss20(items), "application/rss+xml")


@pytest.mark.django_db
def test_a_job_of_a_feeds_url_stores_its_entries(web: LocalWeb) -> None:
    ingest_source(source=_feed(web))
    assert sorted(Article.objects.values_list("title", flat=True)) == [
        "Fighting at Ras Lanuf",
        "Zawiya shelled",
    ]


@pytest.mark.django_db
def test_the_periodic_task_polls_the_feeds_that_are_due(web: LocalWeb) -> None:
    Feed.objects.create(name="The Daily", url=_feed(web))
    Feed.objects.create(name="Paused", url=web.url + "/paused.xml", active=False)
    poll_feeds(timestamp=0)
    assert Article.objects.count() == 2
    assert Feed.objects.get(name="The Daily").last_polled is not None
    assert Feed.objects.get(name="Paused").last_polled is None


@pytest.mark.skipif(
    not settings.QUEUE_AVAILABLE,
    reason="the ingest queue lives in PostgreSQL (test_queue_needs_postgresql)",
)
@pytest.mark.django_db
def test_status_counts_the_jobs_and_names_the_files_that_failed(tmp_path: Path) -> None:
    for name in ("a.json", "b.json", "c.json"):
        (tmp_path / name).write_text('{"text": "Rebels left Benghazi."}')
    call_command("ingest", "--queue", str(tmp_path), stdout=StringIO())
    with connection.cursor() as cursor:  # as a worker leaves them
        cursor.execute(
            "UPDATE procrastinate_jobs SET status = 'failed' WHERE args->>'source' LIKE %s",
            ["%/b.json"],
        )
    out = StringIO()
    call_command("ingest", "--status", stdout=out)
    assert out.getvalue().splitlines() == [
        "ingest queue: 2 todo, 0 doing, 0 succeeded, 1 failed, 0 cancelled, 0 aborted",
        f"failed: {tmp_path / 'b.json'}",
    ]
