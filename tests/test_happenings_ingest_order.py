"""Happenings come out the same whatever order articles are ingested in, and an
edited article's reports neither duplicate nor orphan their happenings."""

from __future__ import annotations

from pathlib import Path

import pytest

from events.models import Article, Event
from tests.seed_copies import CNN, TABLOID, copy_seed, ingest

FIRST, SECOND = TABLOID, CNN


def _happenings() -> set[frozenset[tuple[str, str]]]:
    groups: dict[int, set[tuple[str, str]]] = {}
    for event in Event.objects.select_related("article"):
        told = (Path(event.article.origin).stem, event.text)
        groups.setdefault(event.lead_id or event.pk, set()).add(told)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.django_db
def test_either_order_of_two_articles_gives_the_same_happenings(tmp_path: Path) -> None:
    first, second = copy_seed(FIRST, tmp_path / "a"), copy_seed(SECOND, tmp_path / "b")
    ingest(first)
    ingest(second)
    one_way = _happenings()
    Article.objects.all().delete()
    ingest(second)
    ingest(first)
    assert _happenings() == one_way
    assert any(len({article for article, _ in g}) == 2 for g in one_way)


@pytest.mark.django_db
def test_an_edited_article_leaves_no_report_pointing_at_a_lost_lead(tmp_path: Path) -> None:
    path = copy_seed(SECOND, tmp_path)
    ingest(path)
    text = path.read_text()
    # The lead of Friday's shelling goes: its sentence is edited away.
    path.write_text(text.replace("on Friday pounded Ras Lanuf", "on Friday shelled the port"))
    ingest(path)
    assert not Event.objects.filter(lead__lead__isnull=False).exists()
    fresh = _happenings()
    Article.objects.all().delete()
    ingest(path)
    assert _happenings() == fresh
