"""`manage.py evaluate kinds FILE` re-scores a person's judgments of event kinds."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.extraction.happenings import classify


def test_the_command_counts_the_sentences_whose_kind_agrees(tmp_path: Path) -> None:
    judged = [
        {"text": "Police arrested two men in the port.", "kind": "crime"},
        {"text": "Thousands of demonstrators marched on parliament.", "kind": "protest"},
        {"text": "The festival opens on Saturday.", "kind": "sanctions"},
    ]
    path = tmp_path / "kinds.jsonl"
    path.write_text("\n".join(json.dumps(item) for item in judged))
    out = StringIO()
    call_command("evaluate", "kinds", str(path), stdout=out)
    right = sum(classify(item["text"]).name == item["kind"] for item in judged)
    assert f"kinds: {right} of 3 as judged" in out.getvalue()
    assert "judged sanctions, classified other: 1" in out.getvalue()


def test_a_judgment_without_a_kind_is_refused_with_the_file_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "No kind here."}))
    with pytest.raises(CommandError, match="bad.jsonl: every line needs 'text' and 'kind'"):
        call_command("evaluate", "kinds", str(path), stdout=StringIO())
