"""Ingests as jobs on a queue in PostgreSQL, for workers on any number of machines.

`manage.py ingest --queue PATH|URL…` enqueues one job per file, feed or page
(procrastinate: its jobs live in the PostgreSQL that newsmap already uses, so there
is no broker to run); `manage.py procrastinate worker` runs them, each job an ordinary
ingest of its one source in the worker's process (events.ingest), and polls the feeds
that are due (events.feeds) as a periodic task. What makes a job safe to run twice:

- a queueing lock per source: one already waiting in the queue is not queued again;
- a lock per source: two jobs of one source never run at once (the second waits);
- the store itself: articles are found by their content and origin, which are unique
  in the database, and batches take turns by an advisory lock (events.locks), so a
  job retried after a failure half-way, or run again, stores nothing twice.

Only on PostgreSQL (newsmap/settings.py installs procrastinate's app there only).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Count
from django.utils import timezone
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued, ConnectorException

from events.feeds import feeds_to_poll, poll
from events.ingest import IngestReport, ingest_paths
from events.management.commands.poll import summary as poll_summary
from events.pipeline import Pipeline
from events.readers import ReadError, find_files
from events.terminal import printable
from events.web import is_url
from events.wording import count_of

QUEUE = "ingest"
INGEST_TASK = "newsmap.ingest"
logger = logging.getLogger(__name__)


class QueueError(Exception):
    """The queue cannot be used: one line saying why."""


class IngestFailed(Exception):
    """A job's file could not be (wholly) ingested: its error lines."""


def require_queue(option: str = "the ingest queue") -> None:
    if not settings.QUEUE_AVAILABLE:
        raise QueueError(
            f"{option} needs PostgreSQL, where the queue keeps its jobs: set DATABASE_URL "
            "to a postgres:// database (this one is SQLite)"
        )


# --- the job -------------------------------------------------------------------------

_pipeline: Pipeline | None = None


def _worker_pipeline() -> Pipeline:
    """One pipeline for all of a worker's jobs: its caches stay warm from file to file."""
    global _pipeline
    if _pipeline is None:
        _pipeline = Pipeline()
    return _pipeline


# A file that failed is tried twice more, 10 and 20 s later: a database that went
# away for a moment, or a deadlock, is then likely over; a bad file fails all three.
RETRY = RetryStrategy(max_attempts=3, linear_wait=10)


@app.task(name=INGEST_TASK, queue=QUEUE, retry=RETRY)
def ingest_source(source: str, published: str | None = None, home_place: str = "") -> None:
    """One job: a file, feed or page, as `manage.py ingest --jobs 1 SOURCE` ingests it."""
    report = ingest_paths(
        [source],  # a URL as the string it is (Path would fold its "//")
        published=date.fromisoformat(published) if published else None,
        pipeline=_worker_pipeline(),
        home_place=home_place,
    )
    logger.info("%s: %s", printable(source), summary(report))
    if report.errors:
        raise IngestFailed("; ".join(printable(error) for error in report.errors))


@app.periodic(cron="* * * * *")
@app.task(name="newsmap.poll_feeds", queue=QUEUE, queueing_lock="poll-feeds", lock="poll-feeds")
def poll_feeds(timestamp: int) -> None:
    """Every minute, on one worker at a time: the feeds that are due, as `manage.py poll`
    polls them (each feed's interval says when it is due)."""
    feeds, _ = feeds_to_poll([], timezone.now())
    for result in poll(feeds, _worker_pipeline()):
        logger.info("%s", poll_summary(result))


@app.periodic(cron="*/5 * * * *")
@app.task(name="newsmap.retry_stalled_ingests", queue=QUEUE, queueing_lock="retry-stalled")
async def retry_stalled_ingests(timestamp: int) -> None:
    """Every 5 minutes, on some worker: ingest jobs left 'doing' by a worker that died
    (killed, its machine gone; a worker stopped by Ctrl-C or SIGTERM finishes its job
    first) are queued again. Its heartbeat stopped 30 s before: running again, the job
    stores nothing twice."""
    stalled = await app.job_manager.get_stalled_jobs(queue=QUEUE, task_name=INGEST_TASK)
    for job in stalled:
        source = printable(str(job.task_kwargs.get("source", job.id)))
        logger.warning("%s: its worker stopped answering; queued again", source)
        await app.job_manager.retry_job(job)


def summary(report: IngestReport) -> str:
    """What the job stored, as `manage.py ingest` says it."""
    totals = report.totals
    return (
        f"{count_of(totals.articles, 'article')} ({totals.created} new, {totals.updated} "
        f"updated, {totals.unchanged} unchanged), {count_of(totals.events, 'event')}, "
        f"{count_of(totals.mentions, 'mention')}, {count_of(len(report.errors), 'error')} "
        f"in {report.seconds:.1f} s"
    )


# --- enqueueing ----------------------------------------------------------------------


@dataclass
class Enqueued:
    queued: int = 0
    waiting: int = 0  # already in the queue, not yet begun: not queued again
    errors: list[str] = field(default_factory=list)


def enqueue(
    paths: list[str], published: date | None = None, home_place: str = "", option: str = "--queue"
) -> Enqueued:
    """One job per URL and per file of `paths` (folders walked as ingest walks them); a
    path that cannot be read is one error line, and the others are queued."""
    require_queue(option)
    result = Enqueued()
    sources: list[str] = []
    for path in paths:
        try:
            sources += _queueable(path)
        except (ReadError, QueueError) as error:
            result.errors.append(str(error))
    try:
        with transaction.atomic():
            for source in sources:
                result.queued += _defer(source, published, home_place)
    except (DatabaseError, ConnectorException) as error:
        # procrastinate's own error wraps the database's, which says what is wrong.
        raise QueueError(_database_trouble(error.__cause__ or error)) from None
    result.waiting = len(sources) - result.queued
    return result


def _queueable(path: str) -> list[str]:
    """The sources a command-line argument names: a feed's or page's URL, or the files
    of a file or folder by their absolute path, so that a worker started in another
    folder finds them."""
    if is_url(path):
        return [path]
    return [str(file.absolute()) for file in find_files([Path(path)])]


def _defer(source: str, published: date | None, home_place: str) -> int:
    """1 if a job was queued, 0 if one for this source was waiting already."""
    key = f"ingest:{source}"
    task = ingest_source.configure(queueing_lock=key, lock=key)
    day = published.isoformat() if published else None
    try:
        # A savepoint of its own: a refused job must not undo the others'.
        with transaction.atomic():
            task.defer(source=source, published=day, home_place=home_place)
    except AlreadyEnqueued:
        return 0
    return 1


def _database_trouble(error: BaseException) -> str:
    first_line = (str(error).strip().splitlines() or [repr(error)])[0]
    # Its tables, types and functions are all named procrastinate_….
    if "procrastinate" in first_line and "does not exist" in first_line:
        return "the queue's tables are missing: run `manage.py migrate` first"
    return f"the queue could not be written: {printable(first_line)}"


# --- status --------------------------------------------------------------------------

STATUSES = ("todo", "doing", "succeeded", "failed", "cancelled", "aborted")
SHOWN_FAILURES = 10


def status(option: str = "--status") -> list[str]:
    """Lines that say what the queue holds: jobs by status, and the files that failed."""
    require_queue(option)
    from procrastinate.contrib.django.models import ProcrastinateJob

    jobs = ProcrastinateJob.objects.filter(queue_name=QUEUE, task_name=INGEST_TASK)
    try:
        counts = dict(jobs.values_list("status").annotate(n=Count("id")).order_by())
    except DatabaseError as error:
        raise QueueError(_database_trouble(error)) from None
    lines = ["ingest queue: " + ", ".join(f"{counts.get(name, 0)} {name}" for name in STATUSES)]
    failed = jobs.filter(status="failed").order_by("-id")
    for job in failed[:SHOWN_FAILURES]:
        lines.append(f"failed: {printable(str(job.args.get('source', '')))}")
    if counts.get("failed", 0) > SHOWN_FAILURES:
        lines.append(f"… and {counts['failed'] - SHOWN_FAILURES} more failed")
    return lines
