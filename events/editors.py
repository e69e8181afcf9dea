"""What editors do to the map.

Everything here goes through model saves and deletes (never queryset.update())
so django-simple-history records each change with its editor.

- events/overrides.py turns aliases, editor-made places, place choices and the
  stop list into toponyms.Overrides for one article.
- mark_verified, merge_places, mark_not_a_place and repoint_mention are the
  editor's actions, used by the admin and usable from a shell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from events.editors_group import ensure_editors_group
from events.gazetteer import Entry, normalize
from events.locks import take_turn_with_ingests
from events.models import (
    Event,
    Mention,
    Place,
    PlaceAlias,
    PlaceChoice,
    PlaceRedirect,
    StopName,
)
from events.overrides import editor_key
from events.store import PlaceCache

User = AbstractBaseUser | AnonymousUser | None


def _real_user(user: User) -> AbstractBaseUser | None:
    return user if user is not None and user.is_authenticated else None  # type: ignore[return-value]


def _attribute(instance: object, user: User, reason: str) -> None:
    """Name the editor and the reason on the history record the next save or delete makes."""
    real = _real_user(user)
    if real is not None:
        instance._history_user = real  # type: ignore[attr-defined]
    instance._change_reason = reason  # type: ignore[attr-defined]


# --------------------------------------------------------------------------
# Editors' actions
# --------------------------------------------------------------------------


def mark_verified(place: Place, user: User, *, moved: bool) -> None:
    """Record that an editor vouched for the place (the caller saves it).

    A moved place was geocoded by the editor; a place only ticked keeps the
    source of its coordinates.
    """
    place.verified = True
    place.verified_by = _real_user(user)  # type: ignore[assignment]
    place.verified_at = timezone.now()
    if moved:
        place.geocode_source = Place.Source.EDITOR


def place_label(place: Place) -> str:
    """'Khartoum (SD) #12': two places of one name, as a merge has, told apart."""
    return f"{place} #{place.pk}"


@dataclass
class MergeResult:
    target: Place
    merged: list[str]
    mentions: int
    events: int
    aliases: int


def _move_event_links(
    event_ids: Iterable[int], old: Sequence[int], new: Place, user: User, reason: str
) -> int:
    """Make events that named an old place name the new one instead (from the event side,
    so the history of each event records it)."""
    moved = 0
    for event in Event.objects.filter(pk__in=set(event_ids)):
        _attribute(event, user, reason)
        event.places.remove(*old)
        event.places.add(new)
        moved += 1
    return moved


@transaction.atomic
def merge_places(target: Place, others: Iterable[Place], user: User = None) -> MergeResult:
    """Fold other places into target: mentions, events, aliases, choices and redirects
    move over, the others' names become aliases, and their gazetteer identities
    redirect to target so no ingest brings them back."""
    take_turn_with_ingests()
    others = [p for p in others if p.pk != target.pk]
    other_ids = [p.pk for p in others]
    reason = f"merged into {target.name} (#{target.pk})"[:100]

    mentions = list(Mention.objects.filter(place_id__in=other_ids))
    for mention in mentions:
        mention.place = target
    bulk_update_with_history(
        mentions,
        Mention,
        ["place"],
        default_user=_real_user(user),
        default_change_reason=reason,
    )

    event_ids = Event.places.through.objects.filter(place_id__in=other_ids).values_list(
        "event_id", flat=True
    )
    events = _move_event_links(list(event_ids), other_ids, target, user, reason)

    known = set(target.aliases.values_list("normalized", flat=True)) | {normalize(target.name)}
    moved_aliases = 0
    for other in others:
        spellings = [(a.name, a.normalized) for a in other.aliases.all()] + [
            (other.name, normalize(other.name))
        ]
        for name, normalized in spellings:
            if normalized and normalized not in known:
                alias = PlaceAlias(place=target, name=name, normalized=normalized)
                _attribute(alias, user, reason)
                alias.save()
                known.add(normalized)
                moved_aliases += 1
        for choice in PlaceChoice.objects.filter(place=other):
            choice.place = target
            _attribute(choice, user, reason)
            choice.save()
        for redirect in PlaceRedirect.objects.filter(place=other):
            redirect.place = target
            redirect.save()

    merged_names: list[str] = []
    for other in others:
        merged_names.append(place_label(other))
        redirect_id = other.pk
        redirect = PlaceRedirect(
            place=target,
            geonameid=other.geonameid,
            # An editor-made place has no gazetteer key; aliases may still carry its own.
            gazetteer_key=other.gazetteer_key or editor_key(other.pk),
            merged_name=other.name,
        )
        _attribute(other, user, reason)
        other.delete()  # its aliases go with it: copied above
        redirect.save()
        if other.gazetteer_key:
            # Aliases and choices read before the merge still carry the old editor key.
            PlaceRedirect.objects.create(
                place=target,
                gazetteer_key=editor_key(redirect_id),
                merged_name=redirect.merged_name,
            )
    # The kept place's own history says what it took in, and when.
    _attribute(target, user, f"merged {', '.join(merged_names)} into this place"[:100])
    target.save()
    return MergeResult(target, merged_names, len(mentions), events, moved_aliases)


def _unlink_from_events(mention: Mention, user: User, reason: str) -> None:
    """The mention's place leaves the events around it, unless another mention there
    still names it."""
    if mention.place_id is None:
        return
    events = Event.objects.filter(
        article_id=mention.article_id,
        start__lte=mention.start,
        end__gt=mention.start,
        places=mention.place_id,
    )
    for event in events:
        still_named = (
            Mention.objects.filter(
                article_id=mention.article_id,
                place_id=mention.place_id,
                start__gte=event.start,
                start__lt=event.end,
            )
            .exclude(pk=mention.pk)
            .exists()
        )
        if not still_named:
            _attribute(event, user, reason)
            event.places.remove(mention.place_id)


def _same_name(mentions: Iterable[Mention], normalized: str) -> list[Mention]:
    return [m for m in mentions if normalize(m.surface) == normalized]


@transaction.atomic
def mark_not_a_place(mention: Mention, scope: str, user: User = None) -> int:
    """Put the mention's name on the stop list and remove the mentions it covers now:
    in its article ('not here') or everywhere ('never'). Returns how many went."""
    take_turn_with_ingests()
    normalized = normalize(mention.surface)
    if scope == StopName.Scope.NEVER:
        StopName.objects.get_or_create(
            normalized=normalized,
            scope=StopName.Scope.NEVER,
            defaults={"name": mention.surface, "created_by": _real_user(user)},
        )
        first_word = mention.surface.split()[0] if mention.surface.split() else mention.surface
        candidates = Mention.objects.filter(surface__icontains=first_word)
        reason = f"never a place: {mention.surface}"
    elif scope == StopName.Scope.NOT_HERE:
        StopName.objects.get_or_create(
            normalized=normalized,
            scope=StopName.Scope.NOT_HERE,
            article_id=mention.article_id,
            defaults={"name": mention.surface, "created_by": _real_user(user)},
        )
        candidates = Mention.objects.filter(article_id=mention.article_id)
        reason = f"not a place in this article: {mention.surface}"
    else:
        raise ValueError(f"unknown stop-list scope {scope!r}")
    gone = _same_name(candidates, normalized)
    for each in gone:
        _unlink_from_events(each, user, reason[:100])
    for each in gone:
        _attribute(each, user, reason[:100])
        each.delete()
    return len(gone)


@transaction.atomic
def repoint_mention(mention: Mention, old_place_id: int | None, user: User = None) -> int:
    """After an editor pointed a mention at another place: the same name in that article
    follows, its events follow, and a PlaceChoice keeps the decision for re-ingests.
    Returns how many mentions now point at the new place."""
    take_turn_with_ingests()
    new_place = mention.place
    if new_place is None or new_place.pk == old_place_id:
        return 0
    normalized = normalize(mention.surface)
    reason = f"re-pointed to {new_place.name} (#{new_place.pk})"[:100]
    siblings = _same_name(
        Mention.objects.filter(article_id=mention.article_id).exclude(place_id=new_place.pk),
        normalized,
    )
    # Unlink while the siblings still point at their old places.
    for sibling in siblings:
        _unlink_from_events(sibling, user, reason)
    for sibling in siblings:
        sibling.place = new_place
        _attribute(sibling, user, reason)
        sibling.save()
    everyone = [mention, *siblings]
    if old_place_id:
        _unlink_from_events(
            Mention(
                pk=mention.pk,
                article_id=mention.article_id,
                place_id=old_place_id,
                start=mention.start,
                end=mention.end,
            ),
            user,
            reason,
        )
    spans = Q()
    for each in everyone:
        spans |= Q(start__lte=each.start, end__gt=each.start)
    for event in Event.objects.filter(spans, article_id=mention.article_id).exclude(
        places=new_place
    ):
        _attribute(event, user, reason)
        event.places.add(new_place)
    choice, _ = PlaceChoice.objects.get_or_create(
        article_id=mention.article_id,
        normalized=normalized,
        defaults={"place": new_place, "name": mention.surface, "chosen_by": _real_user(user)},
    )
    if choice.place_id != new_place.pk:
        choice.place = new_place
        choice.chosen_by = _real_user(user)  # type: ignore[assignment]
        _attribute(choice, user, reason)
        choice.save()
    return len(everyone)


def make_editor(user: AbstractBaseUser) -> Group:
    """Give a user the Editors group and the admin login that it needs."""
    group = ensure_editors_group()
    user.is_staff = True  # type: ignore[attr-defined]
    user.save()
    user.groups.add(group)  # type: ignore[attr-defined]
    return group


@dataclass
class SwitchResult:
    target: Place
    mentions: int


@transaction.atomic
def switch_place(place: Place, entry: Entry, user: User = None) -> SwitchResult:
    """Every mention of `place` means the gazetteer's `entry` instead: each is
    re-pointed (with its article's same-name siblings, its events and a
    PlaceChoice that keeps the decision through re-ingests). The old place stays:
    other news may mean it."""
    target = Place.objects.get(pk=PlaceCache().place_id(entry))
    moved = 0
    while True:
        mention = Mention.objects.filter(place=place).order_by("pk").first()
        if mention is None or target.pk == place.pk:
            break
        mention.place = target
        _attribute(mention, user, f"switched to {place_label(target)}"[:100])
        mention.save()
        moved += repoint_mention(mention, place.pk, user)
    return SwitchResult(target=target, mentions=moved)
