"""What editors decided, as the pipeline takes it: aliases, editor-made places,
place choices and the stop list as toponyms.Overrides for one article, and the
kinds and headlines they corrected, kept through re-ingests.

Apart from events/editors.py (the editors' actions), so that storing articles
(events/store.py) reads the editors' word without depending on their actions,
which themselves store through it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from events.extraction.happenings import classify, headline, speaker
from events.gazetteer import Entry, normalize
from events.models import Article, Event, Place, PlaceAlias, PlaceChoice, StopName
from events.toponyms import Overrides

# Entry keys of places editors defined or corrected: store.PlaceCache maps them
# straight to the Place row instead of looking the gazetteer identity up.
EDITOR_KEY_PREFIX = "place:"


def editor_key(place_id: int) -> str:
    return f"{EDITOR_KEY_PREFIX}{place_id}"


def place_id_from_key(key: str) -> int | None:
    if not key.startswith(EDITOR_KEY_PREFIX):
        return None
    try:
        return int(key[len(EDITOR_KEY_PREFIX) :])
    except ValueError:
        return None


def place_entry(place: Place) -> Entry:
    """The Place as the pipeline sees a gazetteer entry, with the editor's position."""
    return Entry(
        key=editor_key(place.pk),
        name=place.name,
        kind=place.kind,
        country_code=place.country_code,
        lat=place.lat,
        lon=place.lon,
        population=place.population,
        geonameid=place.geonameid,
        admin1="",
    )


def name_spans(text: str, name: str) -> set[tuple[int, int]]:
    """Where a name occurs in a text as whole words, ignoring case and spacing."""
    words = name.split()
    if not words:
        return set()
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
    return {m.span() for m in re.finditer(pattern, text, re.IGNORECASE)}


@dataclass
class EditorOverrides:
    """The editors' corrections, read once per ingest run.

    Aliases and the 'never' list are global and read up front; what is about
    one article (its 'not here' names, its place choices) is read when that
    article is re-ingested.
    """

    aliases: dict[str, Entry] = field(default_factory=dict)
    never: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> EditorOverrides:
        aliases: dict[str, Entry] = {}
        # Places an editor created by hand are known by their own name too.
        for place in Place.objects.filter(
            geocode_source=Place.Source.EDITOR, geonameid__isnull=True, gazetteer_key=""
        ).order_by("id"):
            aliases[normalize(place.name)] = place_entry(place)
        # Where two places claim one spelling, a verified place wins, then the
        # newer alias: the editor's latest word.
        for alias in PlaceAlias.objects.select_related("place").order_by("place__verified", "id"):
            if alias.normalized:
                aliases[alias.normalized] = place_entry(alias.place)
        never = frozenset(
            StopName.objects.filter(scope=StopName.Scope.NEVER).values_list("normalized", flat=True)
        )
        return cls(aliases=aliases, never=never)

    def for_article(self, article: Article | None, text: str) -> Overrides:
        if article is None or article.pk is None:
            return Overrides(aliases=self.aliases, never=self.never)
        aliases = dict(self.aliases)
        for choice in PlaceChoice.objects.filter(article=article).select_related("place"):
            aliases[choice.normalized] = place_entry(choice.place)
        not_here: set[tuple[int, int]] = set()
        for stop in StopName.objects.filter(scope=StopName.Scope.NOT_HERE, article=article):
            not_here |= name_spans(text, stop.name)
        return Overrides(aliases=aliases, never=self.never, not_here=frozenset(not_here))


def keep_editors_words(old: Iterable[Event], new: Iterable[Event]) -> None:
    """A kept event (same id through a re-ingest) keeps the kind, headline and speaker an
    editor gave it: a stored value that is not what the sentence itself gives was chosen."""
    before = {event.pk: event for event in old}
    for event in new:
        was = before.get(event.pk)
        if was is None:
            continue
        if was.kind != classify(was.text).name:
            event.kind = was.kind
        if was.headline != headline(was.text)[:100]:
            event.headline = was.headline
        if was.speaker != (speaker(was.text)[:100] if was.kind == "statement" else ""):
            event.speaker = was.speaker
