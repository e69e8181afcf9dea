"""Ingest is idempotent by content: the same article twice is stored once."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from events.models import Article, Event, Mention, Place


def _ingest(path: Path) -> str:
    out = StringIO()
    call_command("ingest", str(path), stdout=out, stderr=StringIO())
    return out.getvalue()


def _write(path: Path, text: str) -> None:
    path.write_text(json.dumps({"id": "one", "text": text, "published": "2011-03-11"}) + "\n")


@pytest.mark.django_db
def test_a_second_ingest_of_the_same_files_stores_nothing_new(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    _write(path, "Rebels held Benghazi on Friday. Shells fell on Zawiya on Thursday.")
    _ingest(path)
    counts = (Article.objects.count(), Event.objects.count(), Mention.objects.count())
    output = _ingest(path)
    assert "0 new" in output and "1 unchanged" in output
    assert (Article.objects.count(), Event.objects.count(), Mention.objects.count()) == counts


@pytest.mark.django_db
def test_a_changed_article_is_updated_not_duplicated(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    _write(path, "Rebels held Benghazi on Friday.")
    _ingest(path)
    _write(path, "Rebels held Benghazi on Friday. Shells fell on Zawiya on Thursday.")
    output = _ingest(path)
    assert "1 updated" in output
    article = Article.objects.get()
    assert "Zawiya" in article.text
    assert sorted(article.mentions.values_list("surface", flat=True)) == ["Benghazi", "Zawiya"]
    assert Place.objects.filter(name="Benghazi").count() == 1
