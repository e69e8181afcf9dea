"""Events as happenings: the reports that tell one happening point to its lead.

Grouping is the extraction package's (events/extraction/happenings/same.py); this
module feeds it the stored events of the days an ingest touched and writes what it
finds into Event.lead. A day is grouped whole each time, so the outcome is the same
whatever order articles arrive in: a new article joins existing happenings, and a
re-ingested or deleted one leaves none orphaned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from django.db.models import Q, QuerySet

from events.extraction.happenings.same import UNKNOWN, Decided, PlaceRef, Report, group
from events.models import Event

DAY = "day"  # Event.Precision.DAY, as a migration's historical model has no choices
# What grouping reads of an event and its article (not the article's long text),
# and of each of its places.
READ = ("id", "lead_id", "start", "text", "kind", "date_start", "date_end", "date_text")
READ += ("is_caption", "article__content_hash", "article__published")
PLACE = ("place_id", "place__kind", "place__country_code", "place__name")
Bucket = tuple[date, str]  # a day and a kind: only reports of both are ever joined
# Longer than this, a "sentence" is a paragraph: a poor lead (events/sentences.py).
LEAD_MAX_CHARS = 400


def regroup(buckets: Iterable[Bucket], model: type[Event] = Event) -> int:
    """Groups again the single-day events of these days and kinds; how many events
    changed lead. model: the Event model, or a migration's historical one."""
    kinds_by_day: dict[date, set[str]] = {}
    for day, kind in buckets:
        kinds_by_day.setdefault(day, set()).add(kind)
    if not kinds_by_day:
        return 0
    # Reports of no kind are never joined (same.py): they need only lose a lead
    # they had under the kind they had before.
    unknown = [day for day, kinds in kinds_by_day.items() if UNKNOWN in kinds]
    cleared = model.objects.filter(kind=UNKNOWN, date_start__in=unknown, lead__isnull=False)
    changed_count = cleared.update(lead=None) if unknown else 0
    wanted = Q()
    for day, kinds in kinds_by_day.items():
        wanted |= Q(date_start=day, kind__in=kinds - {UNKNOWN})
    stored = _stored(model, model.objects.filter(wanted, date_precision=DAY, is_long=False))
    changed = [
        model(pk=row.pk, lead_id=lead)
        for members in group([row.report for row in stored.values()], _decided(model, stored))
        for row, lead in _leads([stored[report.key] for report in members])
        if row.lead != lead
    ]
    model.objects.bulk_update(changed, ["lead"], batch_size=500)
    return changed_count + len(changed)


@dataclass
class Stored:
    """What grouping reads of a stored event: values, not a model instance, since a
    day's events are read again on every batch."""

    pk: int
    lead: int | None
    report: Report
    rank: tuple[object, ...]


def _stored(model: type[Event], events: QuerySet[Event]) -> dict[tuple[str, int], Stored]:
    rows = list(events.values_list(*READ))
    places: dict[int, list[PlaceRef]] = {}
    links = model.places.through.objects.filter(event_id__in=[row[0] for row in rows])
    for event_id, *place in links.values_list("event_id", *PLACE):
        places.setdefault(event_id, []).append(_place(*place))
    found = {}
    for pk, lead, start, text, kind, first, last, date_text, caption, digest, published in rows:
        own = tuple(sorted(places.get(pk, ()), key=lambda p: p.id))
        report = _report((digest, start), kind, first if first == last else None, own, text)
        rank = _lead_rank(caption, text, own, date_text, published, report.key)
        found[report.key] = Stored(pk, lead, report, rank)
    return found


def _decided(model: type[Event], stored: dict[tuple[str, int], Stored]) -> Decided:
    """Editors' joins and splits among these events, by report key."""
    try:
        choices = model._meta.apps.get_model("events", "HappeningChoice")
    except LookupError:  # a migration's state before editors could choose
        return {}
    if not choices.objects.exists():  # as on most sites, most days: spare the long IN
        return {}
    key_of = {row.pk: key for key, row in stored.items()}
    pairs = choices.objects.filter(first__in=list(key_of), second__in=list(key_of))
    return {
        (key_of[first], key_of[second]): same
        for first, second, same in pairs.values_list("first_id", "second_id", "same")
    }


def _leads(reports: list[Stored]) -> Iterable[tuple[Stored, int | None]]:
    """Each report of one happening with the lead it should point to (None: it leads)."""
    lead = min(reports, key=lambda row: row.rank)
    return [(row, None if row is lead else lead.pk) for row in reports]


def regroup_all(model: type[Event] = Event) -> int:
    """Every stored day: after the migration that adds leads, or to apply new weights."""
    stored = model.objects.filter(date_precision=DAY).values_list("date_start", "kind")
    return sum(regroup(chunk, model) for chunk in _chunks(sorted(set(stored)), 200))


def buckets_of(events: Iterable[Event]) -> set[Bucket]:
    """The days and kinds of these events' happenings, to group again."""
    return {(e.date_start, e.kind) for e in events if e.date_precision == DAY}


def _report(*state: Any) -> Report:
    # The same object for an unchanged event, batch after batch: its pairs' scores
    # are remembered (same.score).
    report = _REPORTS.get(state)
    if report is None:
        if len(_REPORTS) > MAX_REMEMBERED:
            _REPORTS.clear()
        report = _REPORTS[state] = Report(*state)
    return report


MAX_REMEMBERED = 200_000
_REPORTS: dict[tuple[object, ...], Report] = {}


@lru_cache(maxsize=100_000)
def _place(pk: int, kind: str, country: str, name: str) -> PlaceRef:
    return PlaceRef(pk, kind, country, name)


def _lead_rank(
    caption: bool,
    text: str,
    places: Sequence[PlaceRef],
    date_text: str,
    published: date,
    key: tuple[str, int],
) -> tuple[object, ...]:
    """The best-dated, best-placed report leads: a sentence, not a caption or a
    paragraph, with its own date and a town rather than only a country."""
    return (
        caption,
        len(text) > LEAD_MAX_CHARS,
        not any(p.kind != "country" for p in places),
        not places,
        not date_text,
        published,
        key,
    )


def _chunks(items: Sequence[Bucket], size: int) -> Iterable[Sequence[Bucket]]:
    for at in range(0, len(items), size):
        yield items[at : at + size]
