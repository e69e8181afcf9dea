"""A changed article's mentions and events keep their ids where they are the same.

Re-ingesting an article that was edited (a word fixed, a paragraph added) gives new
mentions and events; those that are the same as before take the old rows' ids, so
an editor's open form, a link to /admin/…/mention/12/ and the history of each row
still lead to it. Only what really changed is deleted or added.

"The same" is tried in order, each old row pairing with at most one new one:
a mention is the same name at the same place and either the same span or the same
place in the same sentence (what came before it may have grown); an event is the
same date expression and either the same span or the same sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict, deque
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from django.db import models

from events.models import Event, Mention

Row = TypeVar("Row", bound=models.Model)
Key = Callable[[Row], Hashable | None]

# What a kept row may have that its old one had otherwise (a shifted span, a new
# confidence, a date resolved anew): copied over by one bulk update.
MENTION_FIELDS = ["start", "end", "surface", "confidence"]
EVENT_FIELDS = [
    "start",
    "end",
    "text",
    "date_start",
    "date_end",
    "is_long",
    "date_precision",
    "date_text",
    "timex_value",
    "is_caption",
    "kind",
    "headline",
    "speaker",
]

EVENT_KEYS: list[Key[Event]] = [
    lambda e: (e.start, e.end, e.date_text),
    lambda e: (e.text, e.date_text),
]


def mention_keys(events: Sequence[Event]) -> list[Key[Mention]]:
    """The ways a mention is the same, its sentence found among the article's events
    (every sentence that names a place is one)."""
    ordered = sorted(events, key=lambda e: e.start)
    starts = [e.start for e in ordered]

    def same_sentence(mention: Mention) -> Hashable | None:
        at = bisect_right(starts, mention.start) - 1
        if at < 0 or mention.start >= ordered[at].end:
            return None
        unit = ordered[at]
        return (mention.surface, mention.place_id, unit.text, mention.start - unit.start)

    return [lambda m: (m.surface, m.place_id, m.start, m.end), same_sentence]


def keep_ids(
    old: Sequence[Row], new: Sequence[Row], old_keys: list[Key], new_keys: list[Key]
) -> None:
    """Gives new rows the ids of the old rows that are the same, by the first pair of
    keys under which they agree; the other new rows stay without an id."""
    taken: set[int] = set()
    for old_key, new_key in zip(old_keys, new_keys, strict=True):
        waiting: dict[Hashable, deque[Row]] = defaultdict(deque)
        for row in old:
            key = old_key(row) if row.pk not in taken else None
            if key is not None:
                waiting[key].append(row)
        for row in new:
            key = new_key(row) if row.pk is None else None
            if key is not None and waiting.get(key):
                row.pk = waiting[key].popleft().pk
                taken.add(row.pk)


def store_rows(model: type[Row], new: Sequence[Row], old: Sequence[Row], fields: list[str]) -> None:
    """Writes new rows over old ones: kept ids updated where they differ, the old rows
    not kept deleted, the rest inserted."""
    kept = {row.pk: row for row in new if row.pk is not None}
    before = {row.pk: row for row in old}
    gone = [pk for pk in before if pk not in kept]
    if gone:
        model.objects.filter(pk__in=gone).delete()
    model.objects.bulk_create([row for row in new if row.pk is None])
    differ = [
        row
        for pk, row in kept.items()
        if any(getattr(row, f) != getattr(before[pk], f) for f in fields)
    ]
    if differ:
        model.objects.bulk_update(differ, fields)
