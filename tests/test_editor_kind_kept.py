"""An editor's kind and headline for an event outlive a re-ingest of its changed article."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from events.models import Event

SEEDS = settings.BASE_DIR / "seeds"
CNN = "002_1486c2ce80cbc103"
POUNDED = "on Friday pounded Ras Lanuf"
SANCTIONS = "beefed up those sanctions Friday"


def _ingest(path: Path) -> None:
    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())


@pytest.fixture
def article(db: None, tmp_path: Path) -> Path:
    for suffix in (".txt", ".meta.json"):
        shutil.copy(SEEDS / f"{CNN}{suffix}", tmp_path / f"{CNN}{suffix}")
    path = tmp_path / f"{CNN}.txt"
    _ingest(path)
    return path


def test_a_corrected_kind_and_headline_stay_and_the_rest_follow_the_sentence(
    article: Path,
) -> None:
    corrected = Event.objects.get(text__contains=POUNDED)
    corrected.kind, corrected.headline = "violence_against_civilians", "Ras Lanuf shelled"
    corrected.save()
    untouched = Event.objects.get(text__contains=SANCTIONS)
    kind, headline = untouched.kind, untouched.headline

    article.write_text(article.read_text() + "\nA later paragraph about the weather.\n")
    _ingest(article)

    corrected.refresh_from_db()
    untouched.refresh_from_db()
    assert (corrected.kind, corrected.headline) == (
        "violence_against_civilians",
        "Ras Lanuf shelled",
    )
    assert (untouched.kind, untouched.headline) == (kind, headline)
