"""Bad input gets one clear line naming the file and why; nothing of it is stored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from events.models import Article, Event, Mention, Place

GOOD_TEXT = "Rebels retreated from Benghazi on Friday as the army shelled the city."


def _counts() -> tuple[int, int, int, int]:
    return (
        Article.objects.count(),
        Event.objects.count(),
        Mention.objects.count(),
        Place.objects.count(),
    )


def _ingest(*paths: Path, published: str | None = None) -> tuple[str, str, bool]:
    out, err = StringIO(), StringIO()
    args = [str(p) for p in paths] + ([f"--published={published}"] if published else [])
    try:
        call_command("ingest", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + str(error), True
    return out.getvalue(), err.getvalue(), False


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each kind of bad file, with words its error line must contain."""
    cases: dict[str, tuple[Path, str]] = {}

    empty = tmp_path / "empty.txt"
    empty.write_text("")
    (tmp_path / "empty.meta.json").write_text('{"published": "2011-03-10"}')
    cases["empty"] = (empty, "empty")

    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "binary.meta.json").write_text('{"published": "2011-03-10"}')
    cases["binary"] = (binary, "binary")

    malformed = tmp_path / "malformed.json"
    malformed.write_text('{"text": "Benghazi", ')
    cases["malformed JSON"] = (malformed, "JSON")

    no_text = tmp_path / "no_text.jsonl"
    no_text.write_text(
        json.dumps({"id": "a", "text": GOOD_TEXT, "published": "2011-03-10"})
        + "\n"
        + json.dumps({"id": "b", "title": "No text here", "published": "2011-03-10"})
        + "\n"
    )
    cases["record without text"] = (no_text, "text")

    bad_date = tmp_path / "bad_date.jsonl"
    bad_date.write_text(json.dumps({"id": "c", "text": GOOD_TEXT, "published": "2011-13-45"}))
    cases["bad date"] = (bad_date, "2011-13-45")

    undated = tmp_path / "undated.txt"
    undated.write_text(GOOD_TEXT)
    cases["no date"] = (undated, "publication date")
    return cases


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case",
    ["empty", "binary", "malformed JSON", "record without text", "bad date", "no date"],
)
def test_a_bad_file_gets_one_clear_line_and_stores_nothing(tmp_path: Path, case: str) -> None:
    path, words = _bad_files(tmp_path)[case]
    before = _counts()
    _, err, failed = _ingest(path)
    assert failed
    first_line = err.strip().splitlines()[0]
    assert path.name in first_line
    assert words.lower() in first_line.lower()
    assert "Traceback" not in err
    assert _counts() == before


@pytest.mark.django_db
def test_good_files_are_stored_even_when_others_are_bad(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "g", "text": GOOD_TEXT, "published": "2011-03-11"}))
    out, err, failed = _ingest(bad, good)
    assert failed
    assert "bad.json" in err
    assert Article.objects.count() == 1
    assert Article.objects.get().events.exists()


@pytest.mark.django_db
def test_a_missing_path_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    _, err, failed = _ingest(missing)
    assert failed
    assert "nowhere.txt" in err


@pytest.mark.django_db
def test_a_bad_published_option_is_one_line() -> None:
    with pytest.raises(CommandError, match="--published"):
        call_command("ingest", str(settings.BASE_DIR / "seeds"), published="yesterday-ish")
    assert Article.objects.count() == 0


def test_the_command_line_exits_non_zero_without_a_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    manage = str(settings.BASE_DIR / "manage.py")
    subprocess.run([sys.executable, manage, "migrate", "-v0"], env=env, check=True)
    result = subprocess.run(
        [sys.executable, manage, "ingest", str(empty)], env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "empty.jsonl" in result.stderr
    assert "Traceback" not in result.stderr
