"""The annotate command's records: the pipeline's output as JSON, for evaluation."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from events.pipeline import Annotation, Pipeline


class RecordError(ValueError):
    """One input line that cannot be annotated; the message names the line."""


def to_record(record_id: str, annotation: Annotation) -> dict[str, Any]:
    return {
        "id": record_id,
        "places": [
            {
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "name": t.entry.name,
                "lat": t.entry.lat,
                "lon": t.entry.lon,
                "country": t.entry.country_code or None,
                "kind": t.entry.kind,
                "confidence": t.confidence,
                "role": t.role,
            }
            for t in sorted(annotation.toponyms + annotation.other_toponyms, key=lambda t: t.start)
        ],
        "unresolved": [
            {"start": u.start, "end": u.end, "text": u.text} for u in annotation.unresolved
        ],
        "dates": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in annotation.timexes
        ],
        "events": [
            {
                "start": e.start,
                "end": e.end,
                "date_start": e.date_start.isoformat(),
                "date_end": e.date_end.isoformat(),
                "places": [p.name for p in e.places],
            }
            for e in annotation.events
        ],
    }


def parse_line(line: str, number: int, default_published: date) -> tuple[str, str, date]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise RecordError(f"line {number}: not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise RecordError(f"line {number}: a record must be a JSON object")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RecordError(f"line {number}: the record has no text")
    published = default_published
    raw = data.get("published") or data.get("dct")
    if raw is not None:
        try:
            published = date.fromisoformat(str(raw)[:10])
        except ValueError:
            raise RecordError(f'line {number}: bad publication date "{raw}"') from None
    return str(data.get("id", number)), text, published


def annotate_lines(
    lines: Iterable[str], pipeline: Pipeline, default_published: date
) -> Iterator[dict[str, Any]]:
    """Parses every line before annotating any, so a bad input writes nothing."""
    parsed = [
        parse_line(line, number, default_published)
        for number, line in enumerate(lines, start=1)
        if line.strip()
    ]
    for record_id, text, published in parsed:
        yield to_record(record_id, pipeline.annotate(text, published))
