from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.annotate import RecordError, annotate_lines
from events.pipeline import Pipeline
from events.progress import ProgressBar


class Command(BaseCommand):
    help = (
        "Run the extraction pipeline on JSON Lines ({id, text, published}) without the "
        "database and write places, dates and events as JSON Lines."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("input", help="a .jsonl file, or - for standard input")
        parser.add_argument("-o", "--output", default="-", help="a file, or - (the default)")
        parser.add_argument(
            "--published",
            type=date.fromisoformat,
            default=None,
            help="date for records without one (default: today)",
        )

    def handle(self, *args: object, **options: object) -> None:
        source = str(options["input"])
        try:
            if source == "-":
                lines = sys.stdin.read().splitlines()
            else:
                lines = Path(source).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{source}: cannot be read: {error}") from None

        default = options["published"] or date.today()
        pipeline = Pipeline()
        try:
            records = list(self._annotate(lines, pipeline, default))  # type: ignore[arg-type]
        except RecordError as error:
            raise CommandError(f"{source}: {error}") from None

        output = str(options["output"])
        payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        if output == "-":
            self.stdout.write(payload, ending="")
        else:
            try:
                Path(output).write_text(payload, encoding="utf-8")
            except OSError as error:
                raise CommandError(f"{output}: cannot be written: {error}") from None
            self.stderr.write(f"{len(records)} records annotated into {output}")

    def _annotate(self, lines: list[str], pipeline: Pipeline, default: date):  # type: ignore[no-untyped-def]
        bar = ProgressBar(len(lines), self.stderr._out, "records")
        for done, record in enumerate(annotate_lines(lines, pipeline, default), start=1):
            bar.update(done)
            yield record
        bar.close()
