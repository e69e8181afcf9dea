"""Store annotated articles: Articles, Places, Mentions and Events.

Idempotent by content: an article whose text and date were stored before is
left alone; one whose origin (file and record) was stored with other content is
replaced. Places are shared across articles and never overwritten here, so an
editor's correction survives every re-ingest.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum

from django.utils import timezone

from events.gazetteer import Entry
from events.models import Article, Event, Mention, Place
from events.pipeline import Annotation, Pipeline
from events.readers import ArticleInput


class Outcome(Enum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class Totals:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    events: int = 0
    mentions: int = 0
    unresolved: int = 0
    place_ids: set[int] = field(default_factory=set)

    @property
    def articles(self) -> int:
        return self.created + self.updated + self.unchanged


def content_hash(text: str, published: date, published_at: datetime | None) -> str:
    stamp = published_at.isoformat() if published_at else published.isoformat()
    return hashlib.sha256(f"{stamp}\n{text}".encode()).hexdigest()


class PlaceCache:
    """Maps gazetteer entries to Place rows, creating each at most once."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def place_id(self, entry: Entry) -> int:
        if entry.key in self._ids:
            return self._ids[entry.key]
        if entry.geonameid is not None:
            place = Place.objects.filter(geonameid=entry.geonameid).only("id").first()
        else:
            place = Place.objects.filter(gazetteer_key=entry.key).only("id").first()
        if place is None:
            place = Place.objects.create(
                name=entry.name,
                kind=entry.kind if entry.kind in Place.Kind.values else Place.Kind.OTHER,
                country_code=entry.country_code,
                lat=entry.lat,
                lon=entry.lon,
                population=entry.population,
                geonameid=entry.geonameid,
                gazetteer_key=entry.key,
                geocode_source=Place.Source.GAZETTEER,
            )
        self._ids[entry.key] = place.id
        return place.id


class ArticleStore:
    """Writes articles through the pipeline. The caller owns the transaction."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.places = PlaceCache()

    def save(self, record: ArticleInput, totals: Totals) -> Outcome:
        assert record.published is not None, "readers guarantee a publication date"
        digest = content_hash(record.text, record.published, record.published_at)
        if Article.objects.filter(content_hash=digest).exists():
            totals.unchanged += 1
            return Outcome.UNCHANGED

        origin = record.origin[:1000]
        article = Article.objects.filter(origin=origin).first() if origin else None
        outcome = Outcome.UPDATED if article else Outcome.CREATED
        if article is None:
            article = Article(origin=origin)
        else:
            article.mentions.all().delete()
            article.events.all().delete()
        article.title = record.title[:500]
        article.source = record.source[:200]
        article.url = record.url[:2000]
        article.published = record.published
        published_at = record.published_at
        if published_at is not None and timezone.is_naive(published_at):
            published_at = timezone.make_aware(published_at, UTC)
        article.published_at = published_at
        article.text = record.text
        article.content_hash = digest
        article.save()

        annotation = self.pipeline.annotate(record.text, record.published)
        self._write(article, annotation, totals)
        if outcome is Outcome.CREATED:
            totals.created += 1
        else:
            totals.updated += 1
        return outcome

    def _write(self, article: Article, annotation: Annotation, totals: Totals) -> None:
        mentions = [
            Mention(
                article=article,
                place_id=self.places.place_id(t.entry),
                start=t.start,
                end=t.end,
                surface=t.text[:200],
                confidence=t.confidence,
            )
            for t in annotation.toponyms
        ]
        Mention.objects.bulk_create(mentions)
        totals.mentions += len(mentions)
        totals.place_ids.update(m.place_id for m in mentions if m.place_id)

        events = Event.objects.bulk_create(
            [
                Event(
                    article=article,
                    start=draft.start,
                    end=draft.end,
                    text=draft.text,
                    date_start=draft.date_start,
                    date_end=draft.date_end,
                    date_precision=draft.precision,
                    date_text=draft.date_text[:200],
                    timex_value=draft.timex_value[:50],
                    is_caption=draft.is_caption,
                )
                for draft in annotation.events
            ]
        )
        links = [
            Event.places.through(event_id=event.id, place_id=self.places.place_id(entry))
            for event, draft in zip(events, annotation.events, strict=True)
            for entry in draft.places
        ]
        Event.places.through.objects.bulk_create(links)
        totals.events += len(events)
