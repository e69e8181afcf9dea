"""Store annotated articles: Articles, Places, Mentions and Events.

Idempotent by content: an article whose text and date were stored before is
left alone; one whose origin (file and record) was stored with other content is
replaced. Places are shared across articles and never overwritten here, so an
editor's correction survives every re-ingest; editors' aliases, stop list and
place choices (events.editors) go into the pipeline as Overrides.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError
from django.db.models import Q
from django.utils import timezone

from events.editors import EditorOverrides, place_id_from_key
from events.gazetteer import Entry, normalize
from events.models import (
    Article,
    Event,
    Mention,
    Place,
    PlaceRedirect,
    is_long,
    origin_hash,
)
from events.pipeline import Annotation, EventDraft, Pipeline
from events.readers import ArticleInput

if TYPE_CHECKING:
    from geopy.geocoders.base import Geocoder


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


GEOCODER_KEY = "geocoder:"


class UnresolvedGeocoder:
    """Asks the configured geocoder about names the gazetteer lacks.

    Only when settings.GEOCODER names an online service: the offline gazetteer
    was already asked. Answers, found or not, are remembered for the run.
    """

    def __init__(self) -> None:
        self.geocoder: Geocoder | None = None
        if settings.GEOCODER != "gazetteer":
            # Imported only here: geopy's geocoders take 50 ms to import, and
            # an offline ingest never asks them.
            from events.geocoder import get_geocoder

            self.geocoder = get_geocoder()
        self._answers: dict[str, Entry | None] = {}

    def entry(self, name: str) -> Entry | None:
        if self.geocoder is None:
            return None
        from geopy.exc import GeopyError

        key = normalize(name)
        if key not in self._answers:
            try:
                location = self.geocoder.geocode(name, exactly_one=True)
            except GeopyError:
                location = None
            self._answers[key] = (
                Entry(
                    key=f"{GEOCODER_KEY}{key}"[:100],
                    name=name,
                    kind="other",
                    country_code="",
                    lat=location.latitude,
                    lon=location.longitude,
                    population=0,
                    geonameid=None,
                    admin1="",
                )
                if location is not None
                else None
            )
        return self._answers[key]


class PlaceCache:
    """Maps gazetteer entries to Place rows, creating each at most once.

    An existing Place is never updated: its position may be an editor's.
    Editors' entries ("place:<id>") map straight to their Place, and the
    identities of merged places to the place they were merged into.
    """

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def _existing(self, entry: Entry) -> int | None:
        editor_place = place_id_from_key(entry.key)
        if editor_place is not None:
            if Place.objects.filter(pk=editor_place).exists():
                return editor_place
            redirect = PlaceRedirect.objects.filter(gazetteer_key=entry.key)
            return redirect.values_list("place_id", flat=True).first()
        if entry.geonameid is not None:
            found = Place.objects.filter(geonameid=entry.geonameid).values_list("id", flat=True)
            redirect = PlaceRedirect.objects.filter(geonameid=entry.geonameid)
        else:
            found = Place.objects.filter(gazetteer_key=entry.key).values_list("id", flat=True)
            redirect = PlaceRedirect.objects.filter(gazetteer_key=entry.key)
        return found.first() or redirect.values_list("place_id", flat=True).first()

    def prime(self, entries: Iterable[Entry]) -> None:
        """Finds or creates the places of one article's entries in a few queries
        rather than three per new place. Editors' entries take the one-by-one path."""
        wanted = {
            e.key: e for e in entries if e.key not in self._ids and place_id_from_key(e.key) is None
        }
        if not wanted:
            return
        by_geonameid = {e.geonameid: e for e in wanted.values() if e.geonameid is not None}
        by_key = {e.key: e for e in wanted.values() if e.geonameid is None}
        identity = Q(geonameid__in=by_geonameid) | Q(gazetteer_key__in=by_key)
        # Places first; then the identities of merged places lead to the place
        # they were merged into.
        for rows in (
            Place.objects.filter(identity).values_list("geonameid", "gazetteer_key", "id"),
            PlaceRedirect.objects.filter(identity).values_list(
                "geonameid", "gazetteer_key", "place_id"
            ),
        ):
            for geonameid, key, place_id in rows:
                entry = by_geonameid.get(geonameid) or by_key.get(key)
                if entry is not None:
                    self._ids.setdefault(entry.key, place_id)
        missing = [e for e in wanted.values() if e.key not in self._ids]
        created = Place.objects.bulk_create(_new_place(e) for e in missing)
        for entry, place in zip(missing, created, strict=True):
            self._ids[entry.key] = place.id

    def place_id(self, entry: Entry) -> int:
        if entry.key in self._ids:
            return self._ids[entry.key]
        existing = self._existing(entry)
        if existing is not None:
            self._ids[entry.key] = existing
            return existing
        if place_id_from_key(entry.key) is not None:
            # An editor deleted the place while this ingest ran: there is no
            # gazetteer identity to recreate it from, so this file fails (and
            # is reported) rather than silently losing the editor's intent.
            raise IntegrityError(f"place {entry.name!r} ({entry.key}) was deleted during ingest")
        place = _new_place(entry)
        place.save()
        self._ids[entry.key] = place.id
        return place.id


def _new_place(entry: Entry) -> Place:
    geocoded = entry.key.startswith(GEOCODER_KEY)
    return Place(
        name=entry.name,
        kind=entry.kind if entry.kind in Place.Kind.values else Place.Kind.OTHER,
        country_code=entry.country_code,
        lat=entry.lat,
        lon=entry.lon,
        population=entry.population,
        geonameid=entry.geonameid,
        gazetteer_key=entry.key,
        geocode_source=Place.Source.GEOCODER if geocoded else Place.Source.GAZETTEER,
    )


class ArticleStore:
    """Writes articles through the pipeline. The caller owns the transaction."""

    def __init__(self, pipeline: Pipeline, editors: EditorOverrides | None = None) -> None:
        self.pipeline = pipeline
        self.places = PlaceCache()
        self.geocoder = UnresolvedGeocoder()
        # Read once per run: an alias added while an ingest runs applies from the next one.
        self.editors = editors if editors is not None else EditorOverrides.load()

    def save_many(
        self,
        records: Iterable[ArticleInput],
        totals: Totals,
        on_batch: Callable[[int], None] | None = None,
    ) -> list[Outcome]:
        """Stores records in batches: a batch costs the queries one article used to.

        on_batch: called with the number of records stored so far, after each batch.
        """
        outcomes: list[Outcome] = []
        batch: list[ArticleInput] = []
        for record in records:
            # A batch holds each origin once, so a record can update an article
            # an earlier one in the same run created.
            if len(batch) == BATCH_SIZE or any(r.origin == record.origin for r in batch):
                outcomes += self._save_batch(batch, totals)
                batch = []
                if on_batch:
                    on_batch(len(outcomes))
            batch.append(record)
        if batch:
            outcomes += self._save_batch(batch, totals)
            if on_batch:
                on_batch(len(outcomes))
        return outcomes

    def _save_batch(self, records: list[ArticleInput], totals: Totals) -> list[Outcome]:
        digests = [_digest(record) for record in records]
        origins = [origin_hash(record.origin) for record in records]
        stored = Article.objects.filter(
            Q(content_hash__in=digests) | Q(origin_hash__in=[o for o in origins if o])
        )
        known_digests = {article.content_hash for article in stored}
        by_origin = {article.origin_hash: article for article in stored if article.origin_hash}

        outcomes: list[Outcome] = []
        pending: list[tuple[Article, ArticleInput, bool]] = []
        for record, digest, origin in zip(records, digests, origins, strict=True):
            if digest in known_digests:
                # Stored before, or twice in this batch: the first one counts.
                totals.unchanged += 1
                outcomes.append(Outcome.UNCHANGED)
                continue
            known_digests.add(digest)
            article = by_origin.get(origin) if origin else None
            if article is None:
                article = Article(origin=record.origin, origin_hash=origin)
                outcomes.append(Outcome.CREATED)
                totals.created += 1
            else:
                article.mentions.all().delete()
                article.events.all().delete()
                outcomes.append(Outcome.UPDATED)
                totals.updated += 1
                # Its old text is gone once it is saved: a later record may bring it back.
                known_digests.discard(article.content_hash)
            _fill(article, record, digest)
            pending.append((article, record, article.pk is not None))

        for article, _, updated in pending:
            if updated:
                article.save()
        Article.objects.bulk_create([article for article, _, updated in pending if not updated])
        self._write(
            [
                (
                    article,
                    self.pipeline.annotate(
                        record.text,
                        record.published,
                        # Only a stored article can carry editors' choices.
                        self.editors.for_article(article if updated else None, record.text),
                    ),
                )
                for article, record, updated in pending
            ],
            totals,
        )
        return outcomes

    def _write(self, annotated: list[tuple[Article, Annotation]], totals: Totals) -> None:
        self.places.prime(
            [t.entry for _, annotation in annotated for t in annotation.toponyms]
            + [
                entry
                for _, annotation in annotated
                for draft in annotation.events
                for entry in draft.places
            ]
        )
        mentions: list[Mention] = []
        drafts: list[tuple[Event, EventDraft]] = []
        geocoded: list[tuple[Article, int, Entry]] = []
        for article, annotation in annotated:
            mentions += [
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
            for name in annotation.unresolved:
                entry = self.geocoder.entry(name.text)
                if entry is not None:
                    geocoded.append((article, name.start, entry))
                else:
                    totals.unresolved += 1
                # Without a place the mention waits in the admin for an editor.
                mentions.append(
                    Mention(
                        article=article,
                        place_id=self.places.place_id(entry) if entry else None,
                        start=name.start,
                        end=name.end,
                        surface=name.text[:200],
                        confidence=0.5 if entry else 0.0,
                    )
                )
            drafts += [
                (
                    Event(
                        article=article,
                        start=draft.start,
                        end=draft.end,
                        text=draft.text,
                        date_start=draft.date_start,
                        date_end=draft.date_end,
                        is_long=is_long(draft.date_start, draft.date_end),
                        date_precision=draft.precision,
                        date_text=draft.date_text[:200],
                        timex_value=draft.timex_value[:50],
                        is_caption=draft.is_caption,
                    ),
                    draft,
                )
                for draft in annotation.events
            ]
        Mention.objects.bulk_create(mentions)
        totals.mentions += len(mentions)
        totals.place_ids.update(m.place_id for m in mentions if m.place_id)

        Event.objects.bulk_create([event for event, _ in drafts])
        links = [
            Event.places.through(event_id=event.id, place_id=self.places.place_id(entry))
            for event, draft in drafts
            for entry in draft.places
        ]
        # A geocoded name belongs to the event of its sentence, if there is one.
        for article, start, entry in geocoded:
            for event, _ in drafts:
                if event.article is article and event.start <= start < event.end:
                    place_id = self.places.place_id(entry)
                    if not any(
                        link.event_id == event.id and link.place_id == place_id for link in links
                    ):
                        links.append(Event.places.through(event_id=event.id, place_id=place_id))
        Event.places.through.objects.bulk_create(links)
        totals.events += len(drafts)


# Articles stored together: large enough that per-query overhead vanishes,
# small enough that a batch's annotations take little memory.
BATCH_SIZE = 50


def _digest(record: ArticleInput) -> str:
    assert record.published is not None, "readers guarantee a publication date"
    return content_hash(record.text, record.published, record.published_at)


def _fill(article: Article, record: ArticleInput, digest: str) -> None:
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
