"""Ingest with the annotating done in worker processes (`manage.py ingest --jobs N`).

Annotating (events.pipeline: pure Python, CPU-bound) is most of an ingest's time;
writing is the rest, and stays in this one process: SQLite has one writer at a
time, and batches commit in the order `--jobs 1` commits them, so what is stored is
the same. This process reads the files, asks the database what is stored already,
sends each new text to a worker and writes each batch through the ArticleStore as
its annotations come back, while the workers annotate the batches after it.

Each worker builds its own Pipeline (its own gazetteer connection and caches) and
never touches the database. Workers are forked: they start in milliseconds with
what this process has imported. They ignore Ctrl-C, which this process handles as
`--jobs 1` does (the batch being written rolls back, the workers are stopped).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError

from events.fetch import Fetcher, FetchError
from events.gazetteer import Gazetteer
from events.ingest import (
    ANALYZE_AFTER,
    IngestReport,
    Progress,
    _collecting_less,
    find_sources,
    refresh_statistics,
)
from events.ingest import ingest_paths as in_one_process
from events.models import Article
from events.overrides import EditorOverrides
from events.pipeline import Annotation, Pipeline
from events.readers import ArticleInput, ReadError, read_file
from events.store import (
    ArticleStore,
    Planned,
    Totals,
    _batches,
    _digest,
    _stored,
    origin_hash,
)
from events.toponyms import Overrides
from events.web import read_url


def default_jobs() -> int:
    """The cores this process may run on (a container's or taskset's limit, not the
    machine's count)."""
    return len(os.sched_getaffinity(0))


# --- the workers ---------------------------------------------------------------------

_pipeline: Pipeline | None = None
_base_overrides: Overrides | None = None


def _start_worker(parent: int, base: Overrides) -> None:
    """Runs first in each worker: Ctrl-C is the parent's to handle, and a worker
    must not outlive it (killed, the parent cannot stop them)."""
    global _pipeline, _base_overrides
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with_parent(parent)
    _pipeline = Pipeline()
    _base_overrides = base
    # As the parent does (events.ingest._collecting_less): what was inherited is
    # left out of collections, and they come less often.
    gc.freeze()
    gc.set_threshold(50_000, *gc.get_threshold()[1:])


def _die_with_parent(parent: int) -> None:
    with contextlib.suppress(OSError, AttributeError):
        # Linux's PR_SET_PDEATHSIG (1): SIGTERM this process when its parent ends.
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)
    if os.getppid() != parent:  # it ended before that was set
        os._exit(1)


def _annotate(text: str, published: date, overrides: Overrides | None) -> Annotation:
    """In a worker. overrides: None for the editors' global ones (sent once, at start)."""
    assert _pipeline is not None and _base_overrides is not None, "worker not started"
    chosen = _base_overrides if overrides is None else overrides
    annotation = _pipeline.annotate(text, published, chosen)
    # Only what the store writes goes back: sentences and dates are most of the bytes.
    return replace(annotation, sentences=[], timexes=[], other_toponyms=[])


def _annotate_all(texts: list[tuple[str, date, Overrides | None]]) -> list[Annotation]:
    return [_annotate(*text) for text in texts]


def _ready() -> None:
    """A task that does nothing: submitting it starts the workers."""


class AnnotatorPool:
    """N worker processes, started on the first text to annotate: an ingest that
    finds everything stored starts none."""

    def __init__(self, jobs: int, base: Overrides) -> None:
        self.jobs = jobs
        self.base = base
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, text: str, published: date, overrides: Overrides | None) -> Future[Annotation]:
        return self._started().submit(_annotate, text, published, overrides)

    def submit_all(
        self, texts: list[tuple[str, date, Overrides | None]]
    ) -> Future[list[Annotation]]:
        """Several texts as one task: a task's trip costs about what a short text's
        annotating does."""
        return self._started().submit(_annotate_all, texts)

    def _started(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # Open (and if need be build) the gazetteer once, here, before any
            # worker opens it.
            Gazetteer.open().close()
            # Ctrl-C is held back while the workers fork: one arriving then would
            # stop a worker before it ignores it. It is delivered right after.
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            try:
                self._executor = ProcessPoolExecutor(
                    self.jobs,
                    mp_context=multiprocessing.get_context("fork"),
                    initializer=_start_worker,
                    initargs=(os.getpid(), self.base),
                )
                # With fork, the first submit starts every worker.
                self._executor.submit(_ready)
            finally:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        return self._executor

    def close(self, *, stop: bool) -> None:
        """stop: end the workers at once (Ctrl-C, an error) rather than let them finish."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if stop:
            # ProcessPoolExecutor has no way to stop work under way (until Python
            # 3.14's terminate_workers): its processes are ended one by one.
            for process in list((getattr(executor, "_processes", None) or {}).values()):
                with contextlib.suppress(OSError, AttributeError):
                    process.terminate()
        executor.shutdown(wait=not stop, cancel_futures=True)

    def __enter__(self) -> AnnotatorPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self.close(stop=kind is not None)


# --- the writer ----------------------------------------------------------------------


@dataclass
class _Item:
    record: ArticleInput
    digest: str
    origin_hash: str | None
    # Its annotation, at `position` among the task's; None: its text was stored when planned.
    annotations: Future[list[Annotation]] | None = None
    position: int = 0

    def annotation(self) -> Annotation | None:
        return self.annotations.result()[self.position] if self.annotations else None


@dataclass
class _Step:
    """A batch of one source's records, planned and sent to the workers, with the
    lines its reading gave (a feed's bad entries; all of a source that gave nothing)."""

    path: Path | str  # a file, or a URL
    index: int  # of the source, from 1
    batch: list[ArticleInput] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)  # the batch, planned
    done_before: int = 0  # the file's records in the batches before this one
    records: int = 0  # the file's records
    last: bool = True  # the file's last batch
    errors: list[str] = field(default_factory=list)


class ParallelStore(ArticleStore):
    """An ArticleStore whose annotating is done by an AnnotatorPool."""

    def __init__(self, pool: AnnotatorPool, editors: EditorOverrides) -> None:
        super().__init__(Pipeline(), editors)
        self.pool = pool
        # Texts sent to the workers in this run: a text met again, before the
        # first one is stored, is not annotated twice (the write finds it stored).
        self._sent: set[str] = set()

    def plan(self, records: list[ArticleInput]) -> list[_Item]:
        """ArticleStore._plan, with the annotating sent to the workers, a few texts a task."""
        digests = [_digest(record) for record in records]
        origins = [origin_hash(record.origin) for record in records]
        known, by_origin = _stored(digests, origins)
        items = [_Item(*row) for row in zip(records, digests, origins, strict=True)]
        seen = known | self._sent
        new = [item for item in items if item.digest not in seen]
        self._sent.update(item.digest for item in new)
        for at in range(0, len(new), TEXTS_PER_TASK):
            chunk = new[at : at + TEXTS_PER_TASK]
            texts = [self._text(i.record, by_origin.get(i.origin_hash or "")) for i in chunk]
            future = self.pool.submit_all(texts)
            for position, item in enumerate(chunk):
                item.annotations, item.position = future, position
        return items

    def write(self, items: list[_Item], totals: Totals) -> None:
        planned = [Planned(i.record, i.digest, i.origin_hash, i.annotation()) for i in items]
        self._write_retrying(planned, totals)

    def _text(
        self, record: ArticleInput, article: Article | None
    ) -> tuple[str, date, Overrides | None]:
        """What a worker needs to annotate a record."""
        assert record.published is not None, "readers guarantee a publication date"
        # Only a stored article can carry editors' choices of its own.
        stored = article is not None and article.pk is not None
        overrides = self.editors.for_article(article, record.text) if stored else None
        if record.home_place:  # as ArticleStore._annotate
            base = overrides if overrides is not None else self.pool.base
            overrides = replace(base, home=self.home_places(record.home_place))
        return record.text, record.published, overrides

    def _annotate(self, record: ArticleInput, article: Article | None) -> Annotation:
        # A text planned as stored that the write finds missing (another writer's
        # change in between): annotated now, by a worker too.
        return self.pool.submit(*self._text(record, article)).result()


# Texts sent to a worker at once: few enough that the workers share a batch evenly.
TEXTS_PER_TASK = 5

# Annotations asked for ahead of the batch being written: enough that no worker
# waits while this process writes, few enough that they take little memory.
AHEAD_PER_JOB = 50


def ingest_paths(
    paths: Iterable[Path | str],
    published: date | None = None,
    jobs: int | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    home_place: str = "",
) -> IngestReport:
    """events.ingest.ingest_paths, with the annotating in `jobs` worker processes."""
    if threading.active_count() > 1:
        # A fork copies only the thread that forks: a lock another thread held (a
        # test server's, SQLite's own) stays held in the worker forever. A process
        # with other threads (a web server, a queue worker) annotates in itself.
        return in_one_process(paths, published, None, on_progress, home_place)
    started = time.perf_counter()
    report = IngestReport()
    try:
        with _collecting_less():
            _ingest(report, paths, published, jobs or default_jobs(), on_progress, home_place)
    except KeyboardInterrupt:
        report.interrupted = True
    except BrokenProcessPool:
        # A worker was killed (out of memory, or by hand): what is stored is whole.
        report.errors.append(
            f"a worker process ended unexpectedly after {report.finished} of "
            f"{report.found} files; run the same command again to resume"
        )
    report.seconds = time.perf_counter() - started
    return report


def _ingest(
    report: IngestReport,
    paths: Iterable[Path | str],
    published: date | None,
    jobs: int,
    on_progress: Callable[[Progress], None] | None,
    home_place: str,
) -> None:
    sources = find_sources(paths, report)
    if not sources:
        return
    editors = EditorOverrides.load()
    with AnnotatorPool(jobs, editors.for_article(None, "")) as pool:
        store = ParallelStore(pool, editors)
        if home_place and not store.home_places(home_place):
            report.errors.append(f"--home-place {home_place!r}: the gazetteer knows no such place")
            return
        writer = _Writer(store, report, on_progress)
        ahead: deque[_Step] = deque()
        for step in _steps(sources, published, home_place):
            step.items = store.plan(step.batch) if step.batch else []
            ahead.append(step)
            while sum(len(s.items) for s in ahead) > AHEAD_PER_JOB * jobs:
                writer.write(ahead.popleft())
        while ahead:
            writer.write(ahead.popleft())
    if report.totals.created + report.totals.updated >= ANALYZE_AFTER:
        refresh_statistics()


def _steps(sources: list[Path | str], published: date | None, home_place: str) -> Iterator[_Step]:
    """Each source's batches, as events.store batches them."""
    fetcher: Fetcher | None = None
    for index, source in enumerate(sources, start=1):
        errors: list[str] = []
        try:
            if isinstance(source, str):
                fetcher = fetcher or Fetcher()
                read = read_url(source, fetcher, published)
                records, errors = read.articles, read.errors
            else:
                records = read_file(source, published, settings.INGEST_MAX_FILE_BYTES)
        except (FetchError, ReadError) as error:
            yield _Step(source, index, errors=[str(error)])
            continue
        if home_place:
            records = [replace(r, home_place=r.home_place or home_place) for r in records]
        batches = list(_batches(records)) or [[]]
        done = 0
        for number, batch in enumerate(batches, start=1):
            last = number == len(batches)
            yield _Step(source, index, batch, [], done, len(records), last, errors)
            errors, done = [], done + len(batch)


@contextlib.contextmanager
def _ctrl_c_after() -> Iterator[None]:
    """Ctrl-C during the block is raised when it ends, so that a batch's commit and
    its counting are one: the summary says exactly what was stored. Here the
    workers annotate and this process only writes, so Ctrl-C would otherwise land
    between a commit and its count one time in a few dozen. A second Ctrl-C stops
    at once (the batch rolls back; what is stored is whole, its count may be short)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only
        return
    pressed = False

    def hold(signum: int, frame: object) -> None:
        nonlocal pressed
        if pressed:
            raise KeyboardInterrupt
        pressed = True

    previous = signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        raise KeyboardInterrupt


class _Writer:
    """Writes steps in order, counting and reporting as events.ingest does."""

    def __init__(
        self,
        store: ParallelStore,
        report: IngestReport,
        on_progress: Callable[[Progress], None] | None,
    ) -> None:
        self.store = store
        self.report = report
        self.on_progress = on_progress
        self._failed = 0  # the index of the file whose batch could not be stored

    def write(self, step: _Step) -> None:
        with _ctrl_c_after():
            self._count(step)

    def _count(self, step: _Step) -> None:
        report = self.report
        if step.done_before == 0:
            report.files += 1
            report.urls += isinstance(step.path, str)
        report.errors.extend(step.errors)
        if step.items and step.index != self._failed:
            self._write(step)
        if step.last:
            report.finished += 1
            if self.on_progress:
                self.on_progress(Progress(step.index, report.found, step.path))

    def _write(self, step: _Step) -> None:
        try:
            self.store.write(step.items, self.report.totals)
        except DatabaseError as error:
            # Its batch rolled back, and the file's later batches are not written:
            # the articles of the batches before it are stored.
            self._failed = step.index
            self.store.places = type(self.store.places)()
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
            self.report.errors.append(f"{step.path}: could not be stored: {first_line or error!r}")
            return
        if self.on_progress and step.records:
            done = step.done_before + len(step.items)
            self.on_progress(
                Progress(step.index - 1, self.report.found, step.path, done, step.records)
            )
