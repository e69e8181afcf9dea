"""Editors' joins and splits of happenings: recorded as HappeningChoice, applied at once.

A join says every chosen report tells one happening; a split says a report tells
none of the others its happening had. Both are kept, and every later grouping
(an ingest of the same days, a re-ingest of the article) takes them over the
evidence, as a PlaceChoice keeps a geocode correction.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import Any

from django.db import transaction

from events import happenings
from events.locks import take_turn_with_ingests
from events.models import Event, HappeningChoice


class CannotJoin(ValueError):
    """Why these events cannot be one happening, in a line for the editor."""


def members(event: Event) -> list[Event]:
    """Every report of the happening this event is part of, its lead first."""
    lead = event.lead or event
    return [lead, *lead.reports.order_by("pk")]


@transaction.atomic
def join(events: Sequence[Event], user: Any = None) -> Event:
    """The chosen events as one happening; its lead, as grouping chooses it."""
    if len(events) < 2:
        raise CannotJoin("Choose two or more events to join.")
    kinds = {event.kind for event in events}
    days = {(event.date_start, event.date_end) for event in events}
    if len(days) > 1 or any(e.date_start != e.date_end for e in events):
        raise CannotJoin("Only events of one and the same day can be one happening.")
    if len(kinds) > 1 or "other" in kinds:
        raise CannotJoin("Give the events one kind (not Other) before joining them.")
    take_turn_with_ingests()
    for first, second in combinations(sorted(e.pk for e in events), 2):
        _choose(first, second, True, user)
    regroup_around(events)
    return Event.objects.get(pk=events[0].pk).lead or Event.objects.get(pk=events[0].pk)


@transaction.atomic
def split(event: Event, user: Any = None) -> int:
    """This report apart from the rest of its happening; how many it leaves."""
    others = [other for other in members(event) if other.pk != event.pk]
    take_turn_with_ingests()
    for other in others:
        _choose(min(event.pk, other.pk), max(event.pk, other.pk), False, user)
    regroup_around([event, *others])
    return len(others)


def _choose(first: int, second: int, same: bool, user: Any) -> None:  # noqa: FBT001
    chosen_by = user if user is not None and user.is_authenticated else None
    HappeningChoice.objects.update_or_create(
        first_id=first, second_id=second, defaults={"same": same, "chosen_by": chosen_by}
    )


def regroup_around(events: Sequence[Event]) -> None:
    """Groups these events' days and kinds again, with the editors' choices."""
    happenings.regroup(happenings.buckets_of(events))
