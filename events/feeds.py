"""Polling the feeds in the admin: the ones due (or named), each read once, its state kept.

A poll sends the last answer's validators (a 304 costs the feed's server nothing and
stores nothing), skips the entries seen unchanged last time, stores the rest through the
same store as files, and records on the Feed what happened: when, how it went, the
error lines, and how many new articles it brought.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from django.utils import timezone

from events.fetch import Fetcher, FetchError
from events.ingest import IngestReport, store_records
from events.models import Feed
from events.pipeline import Pipeline
from events.readers import ArticleInput, ReadError
from events.store import ArticleStore
from events.web import read_url

# What a Feed keeps of its last poll's error lines (the admin shows them).
MAX_ERROR_CHARS = 5000


@dataclass
class PollResult:
    feed: Feed
    report: IngestReport = field(default_factory=IngestReport)
    status: str = Feed.Status.OK
    seconds: float = 0.0


def feeds_to_poll(names: Iterable[str], now: datetime) -> tuple[list[Feed], list[str]]:
    """The feeds named (whatever their schedule), or else the active ones that are
    due; and the names that match no feed."""
    wanted = list(names)
    if wanted:
        found = {feed.name: feed for feed in Feed.objects.filter(name__in=wanted)}
        return [found[n] for n in wanted if n in found], [n for n in wanted if n not in found]
    return [feed for feed in Feed.objects.filter(active=True) if feed.is_due(now)], []


def poll(feeds: Iterable[Feed], pipeline: Pipeline | None = None) -> Iterable[PollResult]:
    """Polls each feed in turn, yielding its result as soon as it is stored."""
    store: ArticleStore | None = None
    fetcher = Fetcher()
    for feed in feeds:
        store = store or ArticleStore(pipeline or Pipeline())
        yield poll_feed(feed, store, fetcher)


def poll_feed(feed: Feed, store: ArticleStore, fetcher: Fetcher) -> PollResult:
    started = time.perf_counter()
    result = PollResult(feed)
    report = result.report
    report.files = report.urls = 1
    try:
        read = read_url(
            feed.url, fetcher, etag=feed.etag, last_modified=feed.last_modified, seen=feed.entries
        )
    except (FetchError, ReadError) as error:
        report.errors.append(str(error))
        result.status = Feed.Status.FAILED
    else:
        report.errors.extend(read.errors)
        records = _at_home(feed, store, read.articles, report)
        if read.kind == "unchanged":
            result.status = Feed.Status.UNCHANGED
        elif store_records(store, feed.url, records, report):
            result.status = Feed.Status.PARTLY if read.errors else Feed.Status.OK
            feed.entries = read.entries
            # With entries to try again, the next poll must get the whole feed, not a 304.
            feed.etag = "" if read.errors else read.etag
            feed.last_modified = "" if read.errors else read.last_modified
            if read.kind != "feed":
                report.errors.append(f"{feed.url}: is an article page, not a feed")
                result.status = Feed.Status.PARTLY
        else:
            result.status = Feed.Status.FAILED
    result.seconds = time.perf_counter() - started
    _record(feed, result)
    return result


def _at_home(
    feed: Feed, store: ArticleStore, records: list[ArticleInput], report: IngestReport
) -> list[ArticleInput]:
    """The feed's articles, each carrying the feed's home place as evidence."""
    home = feed.home_place.strip()
    if not home:
        return records
    if not store.home_places(home):
        report.errors.append(
            f"{feed.url}: the home place {home!r} is not in the gazetteer: read without it"
        )
        return records
    return [replace(record, home_place=home) for record in records]


def _record(feed: Feed, result: PollResult) -> None:
    feed.last_polled = timezone.now()
    feed.last_status = result.status
    feed.last_error = "\n".join(result.report.errors)[:MAX_ERROR_CHARS]
    feed.articles_found += result.report.totals.created
    feed.save(
        update_fields=[
            "last_polled",
            "last_status",
            "last_error",
            "articles_found",
            "etag",
            "last_modified",
            "entries",
        ]
    )
