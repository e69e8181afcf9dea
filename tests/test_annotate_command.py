"""annotate: the pipeline without the database, JSON Lines in and out."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

TEXT = "Government soldiers beat back rebels Thursday in Zawiya."


def _annotate(source: Path) -> list[dict]:
    out = StringIO()
    call_command("annotate", str(source), stdout=out, stderr=StringIO())
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_places_dates_and_events_come_with_offsets_into_the_text(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": TEXT, "published": "2011-03-11"}) + "\n")
    (record,) = _annotate(source)
    assert record["id"] == "a"
    (place,) = record["places"]
    assert TEXT[place["start"] : place["end"]] == "Zawiya"
    assert place["country"] == "LY"
    assert abs(place["lat"] - 32.76) < 0.3 and place["kind"] == "city"
    (when,) = record["dates"]
    assert TEXT[when["start"] : when["end"]] == "Thursday"
    assert when["value"] == "2011-03-10"
    (event,) = record["events"]
    assert (event["date_start"], event["date_end"]) == ("2011-03-10", "2011-03-10")
    assert event["places"] == ["Zawiya"]


def test_output_can_go_to_a_file(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"id": 1, "text": TEXT}) + "\n")
    call_command("annotate", str(source), output=str(target), stderr=StringIO())
    assert json.loads(target.read_text())["id"] == "1"


def test_a_bad_line_names_the_line_and_writes_nothing(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n" + '{"id": "b"}\n')
    with pytest.raises(CommandError, match="line 2: the record has no text"):
        call_command("annotate", str(source), output=str(target), stderr=StringIO())
    assert not target.exists()
