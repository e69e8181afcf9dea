"""Two records whose origins (file and id) share their first 1,000 characters are two articles."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from events.models import Article

# Ids may be 500 characters long; these two differ only in their last one.
SHARED_ID = "wire-" + "x" * 490


def _deep_folder(tmp_path: Path) -> Path:
    """A folder whose path alone is over 800 characters, as archives nest them."""
    folder = tmp_path.joinpath(*(["archive-of-the-wire-service-by-year-and-month" * 4] * 4))
    folder.mkdir(parents=True)
    return folder


def _write(path: Path, texts: dict[str, str]) -> None:
    path.write_text(
        "".join(
            json.dumps({"id": record_id, "text": text, "published": "2011-03-11"}) + "\n"
            for record_id, text in texts.items()
        )
    )


def _ingest(path: Path) -> None:
    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())


@pytest.mark.django_db
def test_two_ids_sharing_their_first_thousand_characters_are_two_articles_and_update_apart(
    tmp_path: Path,
) -> None:
    path = _deep_folder(tmp_path) / "news.jsonl"
    first, second = SHARED_ID + "1", SHARED_ID + "2"
    _write(path, {first: "Rebels held Benghazi on Friday.", second: "Shells hit Zawiya."})
    assert len(f"{path.as_posix()}#{first}") > 1000
    _ingest(path)
    assert Article.objects.count() == 2

    _write(path, {first: "Rebels held Benghazi on Friday.", second: "Shells hit Misrata."})
    _ingest(path)

    texts = dict(Article.objects.values_list("origin", "text"))
    assert texts == {
        f"{path.as_posix()}#{first}": "Rebels held Benghazi on Friday.",
        f"{path.as_posix()}#{second}": "Shells hit Misrata.",
    }
