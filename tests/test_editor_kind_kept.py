"""An editor's kind and headline for an event outlive a re-ingest of its changed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from events.models import Event
from tests.seed_copies import CNN, copy_seed, ingest

POUNDED = "on Friday pounded Ras Lanuf"
SANCTIONS = "beefed up those sanctions Friday"


@pytest.fixture
def article(db: None, tmp_path: Path) -> Path:
    path = copy_seed(CNN, tmp_path)
    ingest(path)
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
    ingest(article)

    corrected.refresh_from_db()
    untouched.refresh_from_db()
    assert (corrected.kind, corrected.headline) == (
        "violence_against_civilians",
        "Ras Lanuf shelled",
    )
    assert (untouched.kind, untouched.headline) == (kind, headline)
