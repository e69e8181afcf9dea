"""Happenings come out the same whatever order articles are ingested in, and an
edited article's reports neither duplicate nor orphan their happenings."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from events.models import Article, Event

SEEDS = settings.BASE_DIR / "seeds"
FIRST, SECOND = "000_a2f112dfa8e76f39", "002_1486c2ce80cbc103"


def _ingest(path: Path) -> None:
    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())


def _copy(name: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in (".txt", ".meta.json"):
        shutil.copy(SEEDS / f"{name}{suffix}", folder / f"{name}{suffix}")
    return folder / f"{name}.txt"


def _happenings() -> set[frozenset[tuple[str, str]]]:
    groups: dict[int, set[tuple[str, str]]] = {}
    for event in Event.objects.select_related("article"):
        told = (Path(event.article.origin).stem, event.text)
        groups.setdefault(event.lead_id or event.pk, set()).add(told)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.django_db
def test_either_order_of_two_articles_gives_the_same_happenings(tmp_path: Path) -> None:
    first, second = _copy(FIRST, tmp_path / "a"), _copy(SECOND, tmp_path / "b")
    _ingest(first)
    _ingest(second)
    one_way = _happenings()
    Article.objects.all().delete()
    _ingest(second)
    _ingest(first)
    assert _happenings() == one_way
    assert any(len({article for article, _ in g}) == 2 for g in one_way)


@pytest.mark.django_db
def test_an_edited_article_leaves_no_report_pointing_at_a_lost_lead(tmp_path: Path) -> None:
    path = _copy(SECOND, tmp_path)
    _ingest(path)
    text = path.read_text()
    # The lead of Friday's shelling goes: its sentence is edited away.
    path.write_text(text.replace("on Friday pounded Ras Lanuf", "on Friday shelled the port"))
    _ingest(path)
    assert not Event.objects.filter(lead__lead__isnull=False).exists()
    fresh = _happenings()
    Article.objects.all().delete()
    _ingest(path)
    assert _happenings() == fresh
