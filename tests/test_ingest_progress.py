"""Ingest reports its progress within a file, so one big file shows it too."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from events.ingest import Progress, ingest_paths
from events.progress import ProgressBar
from events.store import BATCH_SIZE


def _write(path: Path, count: int) -> None:
    path.write_text(
        "".join(
            json.dumps(
                {
                    "id": str(i),
                    "text": f"Rebels held Zawiya, report {i} said.",
                    "published": "2011-03-11",
                }
            )
            + "\n"
            for i in range(count)
        )
    )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.django_db
def test_one_big_file_reports_its_articles_batch_by_batch(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    _write(path, BATCH_SIZE * 2 + 5)
    seen: list[Progress] = []
    ingest_paths([path], on_progress=seen.append)
    within = [p.articles_done for p in seen if p.articles]
    assert within == [BATCH_SIZE, BATCH_SIZE * 2, BATCH_SIZE * 2 + 5]
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions)
    assert 0 < fractions[0] < 1 and fractions[-1] == 1.0


@pytest.mark.django_db
def test_files_after_the_first_start_where_it_ended(tmp_path: Path) -> None:
    for name in ("a.jsonl", "b.jsonl"):
        _write(tmp_path / name, 3)
    seen: list[Progress] = []
    ingest_paths([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], on_progress=seen.append)
    assert [round(p.fraction, 2) for p in seen] == [0.5, 0.5, 1.0, 1.0]


def test_the_bar_shows_a_part_done_file_and_its_articles() -> None:
    stream = _Terminal()
    bar = ProgressBar(1, stream, "files")
    bar.update(0.5, "news.jsonl 500/1,000 articles")
    line = stream.getvalue()
    assert "0/1 files" in line and "news.jsonl 500/1,000 articles" in line
    bar = line[line.index("[") + 1 : line.index("]")]
    assert bar.count("#") == len(bar) // 2


def test_the_bar_draws_nothing_when_the_output_is_not_a_terminal() -> None:
    stream = io.StringIO()
    ProgressBar(1, stream, "files").update(1, "news.jsonl")
    assert stream.getvalue() == ""


@pytest.mark.django_db
def test_the_ingest_command_still_reports_its_totals(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    _write(path, 3)
    out = io.StringIO()
    call_command("ingest", str(path), stdout=out, stderr=io.StringIO())
    assert out.getvalue().startswith("1 file: 3 articles (3 new")
