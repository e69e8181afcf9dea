from __future__ import annotations

import json
import time
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from events.annotate import to_record
from events.evaluation import (
    ROLES,
    score_dates_document,
    score_geo_document,
    score_happenings,
    score_kinds,
    total_dates,
    total_geo,
)
from events.pipeline import Pipeline
from events.progress import ProgressBar


def _load(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"{path}: cannot be read: {error}") from None
    documents = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            documents.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise CommandError(f"{path}: line {number}: not valid JSON: {error}") from None
    return documents


class Command(BaseCommand):
    help = "Score place or date extraction against an annotated corpus (JSON Lines)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("task", choices=["geo", "dates", "kinds", "happenings"])
        parser.add_argument("corpus", type=Path)
        parser.add_argument(
            "--errors", type=Path, help="write each document's errors here for reading"
        )
        parser.add_argument(
            "--roles",
            default=",".join(ROLES),
            help=(
                "geo: the toponym roles the corpus annotates, comma-separated "
                f"(default {','.join(ROLES)}; 'place' for a corpus without demonyms)"
            ),
        )

    def handle(self, *args: object, **options: Any) -> None:
        corpus: Path = options["corpus"]
        task: str = options["task"]
        if task in ("kinds", "happenings"):
            self._judged(task, corpus)
            return
        key = "toponyms" if task == "geo" else "timexes"
        documents = _load(corpus)
        if not documents or any(key not in d or "text" not in d for d in documents):
            raise CommandError(f"{corpus}: every line needs 'text' and '{key}' for {task}")

        roles = [r.strip() for r in options["roles"].split(",") if r.strip()]
        unknown = sorted(set(roles) - set(ROLES))
        if unknown or not roles:
            raise CommandError(
                f"--roles: {', '.join(unknown) or 'nothing given'}: choose from {', '.join(ROLES)}"
            )
        pipeline = Pipeline()
        scorer: Any = (
            partial(score_geo_document, roles=roles) if task == "geo" else score_dates_document
        )
        scores, report = [], []
        bar = ProgressBar(len(documents), self.stderr._out, "documents")
        started = time.perf_counter()
        for done, document in enumerate(documents, start=1):
            published = date.fromisoformat(document.get("dct") or "2000-01-01")
            annotation = pipeline.annotate(document["text"], published)
            score, notes = scorer(document, to_record(str(document.get("id")), annotation))
            scores.append(score)
            if notes:
                report.append(f"# {document.get('id')}\n" + "\n".join(notes))
            bar.update(done)
        bar.close()
        seconds = time.perf_counter() - started

        total = total_geo(scores) if task == "geo" else total_dates(scores)  # type: ignore[arg-type]
        self.stdout.write(f"{corpus.name}: {len(documents)} documents in {seconds:.1f} s")
        for line in total.lines():
            self.stdout.write(line)
        if options["errors"]:
            options["errors"].write_text("\n\n".join(report) + "\n", encoding="utf-8")
            self.stdout.write(f"errors by document: {options['errors']}")

    def _judged(self, task: str, corpus: Path) -> None:
        """A person's judgments (docs/judgments/) against what newsmap gives now:
        each sentence's kind, or whether each group of reports is one happening."""
        judged = _load(corpus)
        needs = {"kinds": ("text", "kind"), "happenings": ("reports", "same")}[task]
        if not judged or any(any(key not in d for key in needs) for d in judged):
            raise CommandError(f"{corpus}: every line needs {' and '.join(map(repr, needs))}")
        score = score_kinds(judged) if task == "kinds" else score_happenings(judged)
        self.stdout.write(f"{corpus.name}: {len(judged)} judged {task}")
        for line in score.lines():
            self.stdout.write(line)
