"""Build newsmap's offline gazetteer index (see events/gazetteer.py)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.gazetteer import GazetteerError, build


class Command(BaseCommand):
    help = (
        "Build the offline gazetteer index (SQLite) from packaged GeoNames data, "
        "events/data/*.tsv and optional GeoNames dumps."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--geonames",
            action="append",
            default=[],
            metavar="FILE",
            help="Also read a GeoNames dump (allCountries.txt/citiesN.txt format, or its .zip). "
            "Repeatable.",
        )
        parser.add_argument(
            "--output",
            metavar="PATH",
            help=f"Where to write the index (default: settings.GAZETTEER_PATH, "
            f"{settings.GAZETTEER_PATH}).",
        )
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing when the index already exists.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"]) if options["output"] else Path(settings.GAZETTEER_PATH)
        if options["if_missing"] and output.exists():
            self.stdout.write(f"Gazetteer index already exists at {output}; nothing to do.")
            return
        started = time.perf_counter()

        def progress(message: str) -> None:
            elapsed = time.perf_counter() - started
            self.stdout.write(f"[{elapsed:6.1f}s] {message}")
            self.stdout.flush()

        try:
            stats = build(
                output,
                geonames=[Path(p) for p in options["geonames"]],
                progress=progress if options["verbosity"] > 0 else None,
            )
        except GazetteerError as exc:
            raise CommandError(str(exc)) from None
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(stats.by_kind.items()))
        if options["verbosity"] > 1 and stats.skipped:
            skipped = ", ".join(f"{count} {what}" for what, count in sorted(stats.skipped.items()))
            self.stdout.write(f"Skipped: {skipped}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Built {stats.path}: {stats.entries} entries ({kinds}), {stats.names} names, "
                f"{stats.demonyms} demonyms in {stats.seconds:.1f} s, "
                f"{stats.size_bytes / 1_000_000:.1f} MB."
            )
        )
