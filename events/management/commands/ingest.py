from __future__ import annotations

from datetime import date
from functools import partial

from django.core.management.base import BaseCommand, CommandError, CommandParser

from events import parallel
from events.ingest import IngestReport, Progress, ingest_paths
from events.progress import ProgressBar
from events.readers import parse_published
from events.terminal import printable


def _published(value: str) -> date:
    try:
        return parse_published(value)[0]
    except ValueError as error:
        raise CommandError(printable(f"--published: {error}")) from None


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise CommandError(printable(f"--jobs: {value!r} is not a whole number of at least 1"))
    return int(value)


class Command(BaseCommand):
    # A feed runs this every few minutes; the system checks (0.4 s of start-up
    # here) are for runserver and deploys, and a bad setting fails on import anyway.
    requires_system_checks: list[str] = []
    help = (
        "Read articles (.txt with NAME.meta.json, .json, .jsonl, .html) from files and folders, "
        "or from feeds and article pages on the web, find their places and dates, and store "
        "articles, places, mentions and events."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths",
            nargs="*",  # none with --status
            metavar="PATH|URL",
            help="files or folders to read, or the URLs of feeds (RSS, Atom) and article pages",
        )
        parser.add_argument(
            "--published",
            metavar="DATE",
            help="publication date (YYYY-MM-DD) for every article, overriding the files'",
        )
        parser.add_argument(
            "--home-place",
            metavar="NAME",
            default="",
            help="the sources' home place ('Paris, Texas'), which resolution takes as evidence",
        )
        parser.add_argument(
            "--jobs",
            metavar="N",
            help="processes that annotate, while this one writes (default: one per core, "
            f"here {parallel.default_jobs()}); 1 annotates in this process",
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="queue one job per file for `manage.py procrastinate worker` to ingest, "
            "on this machine or others (PostgreSQL only; README, Scaling out)",
        )
        parser.add_argument(
            "--status", action="store_true", help="say what the ingest queue holds, and exit"
        )

    def handle(self, *args: object, **options: object) -> None:
        published = _published(str(options["published"])) if options["published"] else None
        paths: list[str] = options["paths"]  # type: ignore[assignment]
        home_place = str(options["home_place"])
        if options["queue"] or options["status"]:
            self._queue(paths, published, home_place, bool(options["status"]))
            return
        if not paths:
            raise CommandError("name the files, folders or URLs to ingest (or ask for --status)")
        bar: ProgressBar | None = None

        def on_progress(progress: Progress) -> None:
            nonlocal bar
            if bar is None:
                bar = ProgressBar(progress.files, self.stderr._out, "files")
            detail = printable(progress.name)
            if progress.articles:
                detail += f" {progress.articles_done:,}/{progress.articles:,} articles"
            bar.update(progress.fraction * progress.files, detail)

        jobs = parallel.default_jobs() if options["jobs"] is None else _jobs(str(options["jobs"]))
        ingest = ingest_paths if jobs == 1 else partial(parallel.ingest_paths, jobs=jobs)
        report = ingest(paths, published=published, on_progress=on_progress, home_place=home_place)
        if bar is not None:
            bar.close()
        for error in report.errors:
            # Every line names a path, and paths (like the values quoted from records)
            # may hold newlines or terminal escapes.
            self.stderr.write(printable(error))
        if report.interrupted:
            self.stderr.write(_interrupted(report))
            # 128 + SIGINT, as a shell reports a command Ctrl-C stopped.
            raise SystemExit(130)

        totals = report.totals
        read = _count(report.files - report.urls, "file")
        if report.urls:
            read = f"{read}, {_count(report.urls, 'URL')}" if report.files > report.urls else ""
            read = read or _count(report.urls, "URL")
        self.stdout.write(
            f"{read}: {_count(totals.articles, 'article')} "
            f"({totals.created} new, {totals.updated} updated, {totals.unchanged} unchanged), "
            f"{_count(totals.events, 'event')}, {_count(len(totals.place_ids), 'place')}, "
            f"{_count(totals.mentions, 'mention')} ({totals.unresolved} unresolved), "
            f"{_count(len(report.errors), 'error')} in {report.seconds:.1f} s"
        )
        if report.errors:
            raise CommandError(
                f"{len(report.errors)} of the inputs could not be ingested (see above)",
                returncode=1,
            )

    def _queue(
        self, paths: list[str], published: date | None, home_place: str, status: bool
    ) -> None:
        # Imported here: procrastinate is loaded only for the queue.
        from events import queue

        try:
            if status:
                self.stdout.write("\n".join(queue.status("--status")))
                return
            if not paths:
                raise CommandError("--queue: name the files, folders or URLs to queue")
            done = queue.enqueue(paths, published, home_place, "--queue")
        except queue.QueueError as error:
            raise CommandError(str(error)) from None
        for error in done.errors:
            self.stderr.write(printable(error))
        self.stdout.write(
            f"Queued {_count(done.queued, 'source')} for ingest"
            + (f" ({done.waiting} already waiting)" if done.waiting else "")
            + ": `manage.py procrastinate worker` ingests them; `manage.py ingest --status`"
            " says how far they are."
        )
        if done.errors:
            failed = _count(len(done.errors), "input")
            raise CommandError(f"{failed} could not be queued (see above)")


def _interrupted(report: IngestReport) -> str:
    totals = report.totals
    return (
        f"Interrupted: {report.finished:,} of {_count(report.found, 'file')} done, "
        f"{_count(totals.created + totals.updated, 'article')} stored "
        f"({totals.created} new, {totals.updated} updated, {totals.unchanged} unchanged); "
        "what is stored is whole. Run the same command again to resume: "
        "articles already stored are skipped."
    )


def _count(n: int, noun: str) -> str:
    """'1 file', '2 files': the summary reads as a sentence."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
