"""Store annotated articles: Articles, Places, Mentions and Events.

Idempotent by content: an article whose text and date were stored before is
left alone; one whose origin (file and record) was stored with other content is
updated, its unchanged mentions and events keeping their ids (events.identities).
Places are shared across articles and never overwritten here, so an
editor's correction survives every re-ingest; editors' aliases, stop list and
place choices (events.editors) go into the pipeline as Overrides.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

from django.conf import settings
from django.db import DatabaseError, IntegrityError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from events import happenings
from events.gazetteer import Entry, normalize
from events.identities import (
    EVENT_FIELDS,
    EVENT_KEYS,
    MENTION_FIELDS,
    keep_ids,
    mention_keys,
    store_rows,
)
from events.locks import take_turn_with_ingests
from events.models import (
    Article,
    Event,
    Mention,
    Place,
    PlaceRedirect,
    is_long,
    origin_hash,
)
from events.overrides import EditorOverrides, keep_editors_words, place_id_from_key
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

    def count(self, outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def merge(self, other: Totals) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.events += other.events
        self.mentions += other.mentions
        self.unresolved += other.unresolved
        self.place_ids |= other.place_ids


def content_hash(text: str, published: date, published_at: datetime | None) -> str:
    stamp = published_at.isoformat() if published_at else published.isoformat()
    return hashlib.sha256(f"{stamp}\n{text}".encode()).hexdigest()


GEOCODER_KEY = "geocoder:"

R = TypeVar("R", Mention, Event)


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
        created = bulk_create_with_history([_new_place(e) for e in missing], Place)
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
    place = Place(
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
    # The reason on its first history record (made by save() or bulk_create_with_history),
    # so that an editor's first correction can be reverted to where it came from.
    place._change_reason = f"from the {place.geocode_source}"  # type: ignore[attr-defined]
    return place


@dataclass(frozen=True)
class Planned:
    """A record read and, unless its text was stored already, annotated: the slow part,
    done before the write transaction so that the database is held only to write."""

    record: ArticleInput
    digest: str
    origin_hash: str | None
    annotation: Annotation | None  # None: its text was stored when it was planned


class ArticleStore:
    """Writes articles through the pipeline, a batch per short transaction of its own."""

    def __init__(self, pipeline: Pipeline, editors: EditorOverrides | None = None) -> None:
        self.pipeline = pipeline
        self.places = PlaceCache()
        self.geocoder = UnresolvedGeocoder()
        # Read once per run: an alias added while an ingest runs applies from the next one.
        self.editors = editors if editors is not None else EditorOverrides.load()
        self._homes: dict[str, tuple[Entry, ...]] = {}
        # Every source's home place this run (ingest --home-place), unless it has its own.
        self.home_place = ""

    def home_places(self, name: str) -> tuple[Entry, ...]:
        """What a source's home place means in the gazetteer, looked up once a run."""
        if name not in self._homes:
            self._homes[name] = self.pipeline.home_places(name) if name.strip() else ()
        return self._homes[name]

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
        for batch in _batches(records):
            outcomes += self._write_retrying(self._plan(batch), totals)
            if on_batch:
                on_batch(len(outcomes))
        return outcomes

    def _plan(self, records: list[ArticleInput]) -> list[Planned]:
        digests = [_digest(record) for record in records]
        origins = [origin_hash(record.origin) for record in records]
        known, by_origin = _stored(digests, origins)
        planned: list[Planned] = []
        for record, digest, origin in zip(records, digests, origins, strict=True):
            if digest in known:
                planned.append(Planned(record, digest, origin, None))
                continue
            known.add(digest)
            article = by_origin.get(origin) if origin else None
            planned.append(Planned(record, digest, origin, self._annotate(record, article)))
        return planned

    def _annotate(self, record: ArticleInput, article: Article | None) -> Annotation:
        # Only a stored article can carry editors' choices.
        overrides = self.editors.for_article(article, record.text)
        if record.home_place:
            overrides = replace(overrides, home=self.home_places(record.home_place))
        assert record.published is not None, "readers guarantee a publication date"
        return self.pipeline.annotate(record.text, record.published, overrides)

    def _write_retrying(self, planned: list[Planned], totals: Totals) -> list[Outcome]:
        """Writes a batch; another writer's commit in between (an ingest of the same
        files, an editor's merge) makes it try again, a few times, from the start."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            batch_totals = Totals()
            try:
                with transaction.atomic():
                    outcomes = self._write_batch(planned, batch_totals)
            except (IntegrityError, OperationalError) as error:
                if attempt == WRITE_ATTEMPTS or not worth_retrying(error):
                    raise
                # Its places may be what changed: a merge deletes them.
                self.places = PlaceCache()
                time.sleep(RETRY_PAUSE * attempt)
                continue
            totals.merge(batch_totals)
            return outcomes
        raise AssertionError("unreachable: the last attempt raises or returns")

    def _write_batch(self, planned: list[Planned], totals: Totals) -> list[Outcome]:
        """What is stored is looked at again here, inside the transaction: another
        ingest may have stored these very articles since they were planned."""
        take_turn_with_ingests()
        known, by_origin = _stored([p.digest for p in planned], [p.origin_hash for p in planned])
        outcomes: list[Outcome] = []
        pending: list[tuple[Article, Annotation, bool]] = []
        for item in planned:
            if item.digest in known:
                # Stored before, or twice in this batch: the first one counts.
                outcomes.append(Outcome.UNCHANGED)
                continue
            known.add(item.digest)
            article = by_origin.get(item.origin_hash) if item.origin_hash else None
            annotation = item.annotation or self._annotate(item.record, article)
            if article is None:
                article = Article(origin=item.record.origin, origin_hash=item.origin_hash)
            else:
                # Its old text is gone once it is saved: a later record may bring it back.
                known.discard(article.content_hash)
            updated = article.pk is not None
            outcomes.append(Outcome.UPDATED if updated else Outcome.CREATED)
            _fill(article, item.record, item.digest)
            pending.append((article, annotation, updated))
        totals.count(outcomes)
        self._save_articles(pending)
        self._write(pending, totals)
        return outcomes

    def _save_articles(self, pending: list[tuple[Article, Annotation, bool]]) -> None:
        for article, _, updated in pending:
            if updated:
                article.save()
        Article.objects.bulk_create([article for article, _, updated in pending if not updated])

    def _write(self, pending: list[tuple[Article, Annotation, bool]], totals: Totals) -> None:
        self.places.prime(
            [t.entry for _, annotation, _ in pending for t in annotation.toponyms]
            + [
                entry
                for _, annotation, _ in pending
                for draft in annotation.events
                for entry in draft.places
            ]
        )
        changed = [article.pk for article, _, updated in pending if updated]
        old_mentions = _by_article(Mention.objects.filter(article_id__in=changed))
        old_events = _by_article(Event.objects.filter(article_id__in=changed))
        mentions: list[Mention] = []
        drafts: list[tuple[Event, EventDraft]] = []
        geocoded: list[tuple[Article, int, Entry]] = []
        for article, annotation, _ in pending:
            own_mentions = self._mentions(article, annotation, geocoded, totals)
            own_drafts = [(_event(article, draft), draft) for draft in annotation.events]
            own_events = [event for event, _ in own_drafts]
            was_mentioned, was_event = old_mentions[article.pk], old_events[article.pk]
            keep_ids(was_event, own_events, EVENT_KEYS, EVENT_KEYS)
            keep_editors_words(was_event, own_events)
            keep_ids(was_mentioned, own_mentions, mention_keys(was_event), mention_keys(own_events))
            mentions += own_mentions
            drafts += own_drafts
        store_rows(Mention, mentions, _flat(old_mentions), MENTION_FIELDS)
        totals.mentions += len(mentions)
        totals.place_ids.update(m.place_id for m in mentions if m.place_id)

        store_rows(Event, [event for event, _ in drafts], _flat(old_events), EVENT_FIELDS)
        # A kept event's places are those of its sentence now: its links are made anew.
        if changed:
            Event.places.through.objects.filter(event__article_id__in=changed).delete()
        self._link(drafts, geocoded)
        totals.events += len(drafts)
        # The days and kinds these events have, and had: their happenings, grouped anew.
        new = happenings.buckets_of(event for event, _ in drafts)
        happenings.regroup(new | happenings.buckets_of(_flat(old_events)))

    def _mentions(
        self,
        article: Article,
        annotation: Annotation,
        geocoded: list[tuple[Article, int, Entry]],
        totals: Totals,
    ) -> list[Mention]:
        """geocoded: gets the names the geocoder found, for their events' places."""
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
        return mentions

    def _link(
        self, drafts: list[tuple[Event, EventDraft]], geocoded: list[tuple[Article, int, Entry]]
    ) -> None:
        links = {
            (event.id, self.places.place_id(entry))
            for event, draft in drafts
            for entry in draft.places
        }
        # A geocoded name belongs to the event of its sentence, if there is one.
        for article, start, entry in geocoded:
            for event, _ in drafts:
                if event.article is article and event.start <= start < event.end:
                    links.add((event.id, self.places.place_id(entry)))
        Event.places.through.objects.bulk_create(
            [Event.places.through(event_id=e, place_id=p) for e, p in sorted(links)]
        )


def _by_article(rows: Iterable[R]) -> defaultdict[int, list[R]]:
    grouped: defaultdict[int, list[R]] = defaultdict(list)
    for row in rows:
        grouped[row.article_id].append(row)  # type: ignore[attr-defined]
    return grouped


def _flat(grouped: dict[int, list[R]]) -> list[R]:
    return [row for rows in grouped.values() for row in rows]


def _event(article: Article, draft: EventDraft) -> Event:
    return Event(
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
        kind=draft.kind,
        headline=draft.headline[:100],
        speaker=draft.speaker[:100],
    )


def _batches(records: Iterable[ArticleInput]) -> Iterator[list[ArticleInput]]:
    batch: list[ArticleInput] = []
    for record in records:
        # A batch holds each origin once, so a record can update an article
        # an earlier one in the same run created.
        if len(batch) == BATCH_SIZE or any(r.origin == record.origin for r in batch):
            yield batch
            batch = []
        batch.append(record)
    if batch:
        yield batch


def _stored(digests: list[str], origins: list[str | None]) -> tuple[set[str], dict[str, Article]]:
    """The content hashes among digests already stored, and the articles stored
    under these origins."""
    stored = Article.objects.filter(
        Q(content_hash__in=digests) | Q(origin_hash__in=[o for o in origins if o])
    )
    known = {article.content_hash for article in stored}
    return known, {article.origin_hash: article for article in stored if article.origin_hash}


# How often a batch's write is tried, and the pause after the n-th failure (n times
# this, in seconds), before its file is reported as not stored.
WRITE_ATTEMPTS = 5
RETRY_PAUSE = 0.2

# SQLSTATEs of PostgreSQL's "try the transaction again": serialization failure, deadlock.
_RETRY_SQLSTATES = {"40001", "40P01"}


def worth_retrying(error: DatabaseError) -> bool:
    """A race lost (a row another writer made first), a lock not got in time, or
    PostgreSQL's own request to try again: the same write may succeed next time."""
    if isinstance(error, IntegrityError):
        return True
    if getattr(error.__cause__, "sqlstate", None) in _RETRY_SQLSTATES:
        return True
    return "database is locked" in str(error) or "database table is locked" in str(error)


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
    article.author = record.author[:200]
    article.published = record.published
    published_at = record.published_at
    if published_at is not None and timezone.is_naive(published_at):
        published_at = timezone.make_aware(published_at, UTC)
    article.published_at = published_at
    article.text = record.text
    article.content_hash = digest
