"""The store writes articles in batches, with the outcomes one-by-one storing would give."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.ingest import ingest_paths
from events.models import Article, Event, Mention
from events.pipeline import Pipeline
from events.readers import ArticleInput
from events.store import BATCH_SIZE, ArticleStore, Outcome, Totals

TOWNS = ["Benghazi", "Zawiya", "Tobruk", "Ajdabiya", "Sirte"]


def _record(origin: str, text: str) -> ArticleInput:
    return ArticleInput(
        text=text,
        title="",
        source="",
        url="",
        published=date(2011, 3, 11),
        published_at=None,
        origin=origin,
    )


def _story(n: int) -> str:
    return f"Rebels held {TOWNS[n % len(TOWNS)]} on Friday, report {n} said."


def _write(path: Path, texts: list[str]) -> None:
    path.write_text(
        "".join(
            json.dumps({"id": str(i), "text": t, "published": "2011-03-11"}) + "\n"
            for i, t in enumerate(texts)
        )
    )


@pytest.mark.django_db
def test_a_file_of_more_articles_than_a_batch_is_stored_whole(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    _write(path, [_story(n) for n in range(BATCH_SIZE * 2 + 3)])
    report = ingest_paths([path])
    assert report.errors == []
    assert report.totals.created == BATCH_SIZE * 2 + 3
    assert Article.objects.count() == BATCH_SIZE * 2 + 3
    # Every article has its own event and mention, linked to its own town.
    for article in Article.objects.all():
        [town] = article.mentions.values_list("surface", flat=True)
        assert town in article.text
        [event] = article.events.all()
        assert list(event.places.values_list("name", flat=True)) == [town]


@pytest.mark.django_db
def test_a_batch_costs_a_few_queries_not_a_few_per_article(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    _write(path, [_story(n) for n in range(BATCH_SIZE)])
    with CaptureQueriesContext(connection) as queries:
        ingest_paths([path])
    assert Article.objects.count() == BATCH_SIZE
    assert len(queries) < BATCH_SIZE / 2


@pytest.mark.django_db
def test_the_same_text_twice_in_one_batch_is_stored_once() -> None:
    store = ArticleStore(Pipeline())
    totals = Totals()
    text = "Shells fell on Zawiya on Thursday."
    outcomes = store.save_many([_record("a#1", text), _record("a#2", text)], totals)
    assert outcomes == [Outcome.CREATED, Outcome.UNCHANGED]
    assert Article.objects.get().origin == "a#1"


@pytest.mark.django_db
def test_a_record_can_update_an_article_created_earlier_in_the_same_run() -> None:
    store = ArticleStore(Pipeline())
    totals = Totals()
    outcomes = store.save_many(
        [
            _record("a#1", "Rebels held Benghazi on Friday."),
            _record("a#1", "Rebels held Tobruk on Friday."),
        ],
        totals,
    )
    assert outcomes == [Outcome.CREATED, Outcome.UPDATED]
    article = Article.objects.get()
    assert list(article.mentions.values_list("surface", flat=True)) == ["Tobruk"]
    assert Mention.objects.count() == 1 and Event.objects.count() == 1


@pytest.mark.django_db
def test_a_text_moved_to_another_record_is_stored_there() -> None:
    store = ArticleStore(Pipeline())
    store.save_many([_record("a#1", "Rebels held Benghazi on Friday.")], Totals())
    # The same batch takes Benghazi's text away from a#1 and gives it to a#2.
    outcomes = store.save_many(
        [
            _record("a#1", "Rebels held Tobruk on Friday."),
            _record("a#2", "Rebels held Benghazi on Friday."),
        ],
        Totals(),
    )
    assert outcomes == [Outcome.UPDATED, Outcome.CREATED]
    assert dict(Article.objects.values_list("origin", "text")) == {
        "a#1": "Rebels held Tobruk on Friday.",
        "a#2": "Rebels held Benghazi on Friday.",
    }
