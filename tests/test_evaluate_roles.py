"""`evaluate geo --roles`: score only the toponym roles a corpus annotates."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.evaluation import score_geo_document

GOLD = {"toponyms": [{"start": 25, "end": 31, "name": "Manila", "lat": 14.6, "lon": 121.0}]}
SYSTEM = {
    "places": [
        {"start": 0, "end": 8, "text": "Filipino", "name": "Philippines", "lat": 13.0,
         "lon": 122.0, "country": "PH", "role": "demonym"},
        {"start": 25, "end": 31, "text": "Manila", "name": "Manila", "lat": 14.6,
         "lon": 121.0, "country": "PH", "role": "place"},
    ]
}  # fmt: skip


def test_a_demonym_the_corpus_does_not_annotate_is_no_false_positive() -> None:
    every_role, _ = score_geo_document(GOLD, SYSTEM)
    places_only, _ = score_geo_document(GOLD, SYSTEM, roles=["place"])
    assert every_role.overlap.precision == 0.5
    assert places_only.overlap.precision == 1.0
    assert places_only.overlap.recall == 1.0


def test_the_command_scores_the_roles_it_is_given(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    text = "Filipino officials said Manila was calm."
    corpus.write_text(
        json.dumps({"id": "1", "text": text, "toponyms": [
            {"start": 24, "end": 30, "name": "Manila", "lat": 14.6, "lon": 121.0}]}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    out = StringIO()
    call_command("evaluate", "geo", str(corpus), "--roles", "place", stdout=out, stderr=StringIO())
    assert "overlap    P 1.000  R 1.000" in out.getvalue()


def test_an_unknown_role_is_refused_with_the_choices(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "1", "text": "x", "toponyms": []}) + "\n")
    with pytest.raises(CommandError, match="plac: choose from place, demonym, embedded"):
        call_command("evaluate", "geo", str(corpus), "--roles", "plac", stdout=StringIO())
