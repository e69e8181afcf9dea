"""Ingest files of articles: read, annotate, store; one transaction per file."""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection

from events.fetch import Fetcher, FetchError
from events.models import Article, Event, Mention, Place
from events.pipeline import Pipeline
from events.readers import ArticleInput, ReadError, find_files, read_file
from events.store import ArticleStore, Totals
from events.web import is_url, read_url


@dataclass(frozen=True)
class Progress:
    """Where an ingest is: files finished, and articles stored of the current file."""

    files_done: int
    files: int
    path: Path | str  # a file, or a URL
    articles_done: int = 0
    articles: int = 0

    @property
    def name(self) -> str:
        return self.path if isinstance(self.path, str) else self.path.name

    @property
    def fraction(self) -> float:
        """Of all the work, counting a file's articles: one big file moves too."""
        within = self.articles_done / self.articles if self.articles else 0.0
        return min(1.0, (self.files_done + within) / max(self.files, 1))


@dataclass
class IngestReport:
    totals: Totals = field(default_factory=Totals)
    files: int = 0  # files (and URLs) begun
    urls: int = 0  # of them, URLs
    found: int = 0  # files to read
    finished: int = 0  # files read to the end, stored or reported
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # Stopped by Ctrl-C: the batch being written rolled back, the ones before it stayed.
    interrupted: bool = False


@contextlib.contextmanager
def _collecting_less() -> Iterator[None]:
    """Annotating allocates millions of short-lived objects, and the garbage
    collector ran 150 times over the 200 GeoWebNews texts, each time walking
    what lives for the whole run. Frozen, and collected less often, it costs
    a third of the time (0.15 s to 0.05 s)."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, threshold[1], threshold[2])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def ingest_paths(
    paths: Iterable[Path | str],
    published: date | None = None,
    pipeline: Pipeline | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    home_place: str = "",
) -> IngestReport:
    """on_progress: called after each file and each batch of a file's articles.

    Ctrl-C (KeyboardInterrupt) ends the run between two database statements: what
    it had stored stays, whole, and the report says where it stopped."""
    started = time.perf_counter()
    report = IngestReport()
    try:
        with _collecting_less():
            _ingest_paths(report, paths, published, pipeline, on_progress, home_place)
    except KeyboardInterrupt:
        report.interrupted = True
    report.seconds = time.perf_counter() - started
    return report


def _ingest_paths(
    report: IngestReport,
    paths: Iterable[Path | str],
    published: date | None,
    pipeline: Pipeline | None,
    on_progress: Callable[[Progress], None] | None,
    home_place: str = "",
) -> None:
    sources = find_sources(paths, report)
    store = ArticleStore(pipeline or Pipeline()) if sources else None
    if store is not None and home_place:
        if not store.home_places(home_place):
            report.errors.append(f"--home-place {home_place!r}: the gazetteer knows no such place")
            return
        store.home_place = home_place
    fetcher: Fetcher | None = None
    for index, source in enumerate(sources, start=1):
        assert store is not None
        report.files += 1
        if isinstance(source, str):
            report.urls += 1
            fetcher = fetcher or Fetcher()
            _ingest_url(store, source, fetcher, published, report, on_progress)
        else:
            _ingest_file(store, source, published, report, on_progress)
        report.finished += 1
        if on_progress:
            on_progress(Progress(index, len(sources), source))
    if report.totals.created + report.totals.updated >= ANALYZE_AFTER:
        refresh_statistics()


def find_sources(paths: Iterable[Path | str], report: IngestReport) -> list[Path | str]:
    """The files (folders walked) and URLs to read; a path that cannot be is a line in
    the report."""
    sources: list[Path | str] = []
    for path in paths:
        if is_url(path):
            sources.append(str(path))
            continue
        try:
            sources.extend(find_files([Path(path)]))
        except ReadError as error:
            report.errors.append(str(error))
    report.found = len(sources)
    return sources


def _ingest_file(
    store: ArticleStore,
    path: Path,
    published: date | None,
    report: IngestReport,
    on_progress: Callable[[Progress], None] | None,
) -> None:
    try:
        records = read_file(path, published, settings.INGEST_MAX_FILE_BYTES)
    except ReadError as error:
        report.errors.append(str(error))
        return
    store_records(store, path, records, report, on_progress)


def _ingest_url(
    store: ArticleStore,
    url: str,
    fetcher: Fetcher,
    published: date | None,
    report: IngestReport,
    on_progress: Callable[[Progress], None] | None,
) -> None:
    try:
        read = read_url(url, fetcher, published)
    except (FetchError, ReadError) as error:
        report.errors.append(str(error))
        return
    report.errors.extend(read.errors)
    store_records(store, url, read.articles, report, on_progress)


def store_records(
    store: ArticleStore,
    path: Path | str,
    records: list[ArticleInput],
    report: IngestReport,
    on_progress: Callable[[Progress], None] | None = None,
) -> bool:
    """Stores one source's records; False (and a line in the report) if it could not."""
    if store.home_place:
        records = [replace(r, home_place=r.home_place or store.home_place) for r in records]
    on_batch = None
    if on_progress:
        at = Progress(report.files - 1, report.found, path, 0, len(records))
        on_batch = partial(_report_batch, on_progress, at)
    try:
        store.save_many(records, report.totals, on_batch)
    except DatabaseError as error:
        # Its batch rolled back; the articles of the batches before it are stored.
        store.places = type(store.places)()
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
        report.errors.append(f"{path}: could not be stored: {first_line or error!r}")
        return False
    return True


def _report_batch(on_progress: Callable[[Progress], None], at: Progress, done: int) -> None:
    on_progress(replace(at, articles_done=done))


# After this many new or changed articles, PostgreSQL's planner statistics are
# refreshed at once rather than when autovacuum gets round to it: with stale
# ones it reads every event-place link for a week's map (98 ms instead of 49).
ANALYZE_AFTER = 100


def refresh_statistics() -> None:
    # Only PostgreSQL: SQLite's planner, given statistics, picks a worse plan for
    # the date-window queries than its defaults do.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (Article, Event, Event.places.through, Mention, Place):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
