"""`manage.py evaluate happenings FILE` re-scores a person's judgments of grouped reports."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

RAS_LANUF = [2, "city", "LY", "Ras Lanuf"]
ZAWIYA = [3, "city", "LY", "Zawiya"]


def _report(text: str, *places: list[Any]) -> dict[str, Any]:
    return {
        "text": text,
        "kind": "fighting",
        "day": "2011-03-11",
        "article": "a",
        "places": list(places),
    }


JUDGED = [
    {
        # Judged one happening and joined: right.
        "same": True,
        "reports": [
            _report("Government forces pounded Ras Lanuf on Friday.", RAS_LANUF),
            _report("In Ras Lanuf, government forces kept up a bombardment.", RAS_LANUF),
        ],
    },
    {
        # Judged two happenings, and two towns keep them apart: right.
        "same": False,
        "reports": [
            _report("Government forces pounded Ras Lanuf on Friday.", RAS_LANUF),
            _report("Government forces pounded Zawiya on Friday.", ZAWIYA),
        ],
    },
    {
        # Judged one happening, but nothing joins them: wrong.
        "same": True,
        "reports": [
            _report("Government forces pounded Ras Lanuf on Friday.", RAS_LANUF),
            _report("Rebels fled Zawiya.", ZAWIYA),
        ],
    },
]


def test_the_command_counts_the_groups_that_agree_with_the_judgment(tmp_path: Path) -> None:
    path = tmp_path / "happenings.jsonl"
    path.write_text("\n".join(json.dumps(item) for item in JUDGED))
    out = StringIO()
    call_command("evaluate", "happenings", str(path), stdout=out)
    assert "happenings: 2 of 3 as judged" in out.getvalue()
    assert "judged one happening, still one: 1 of 2" in out.getvalue()
    assert "judged several, now split: 1 of 1" in out.getvalue()


def test_a_judgment_without_its_reports_is_refused_with_the_file_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"same": True}))
    with pytest.raises(CommandError, match="bad.jsonl: every line needs 'reports' and 'same'"):
        call_command("evaluate", "happenings", str(path), stdout=StringIO())


def test_the_shipped_judgments_are_a_hundred_groups_each_judged() -> None:
    path = Path(__file__).resolve().parent.parent / "docs" / "judgments" / "happenings.jsonl"
    judged = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(judged) == 100
    assert all(isinstance(item["same"], bool) and len(item["reports"]) >= 2 for item in judged)
