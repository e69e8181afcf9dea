"""The extraction pipeline: text → sentences → place mentions and dates → events.

Shared by the ingest command (which stores the result) and the annotate
command (which prints it for evaluation). Nothing here touches the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from events.dates import Timex, find_timexes
from events.gazetteer import Entry, Gazetteer
from events.sentences import Sentence, split_sentences
from events.toponyms import (
    NO_OVERRIDES,
    PLACE,
    Overrides,
    Toponym,
    ToponymFinder,
    UnresolvedName,
)


@dataclass(frozen=True, slots=True)
class EventDraft:
    start: int
    end: int
    text: str
    date_start: date
    date_end: date
    precision: str
    date_text: str
    timex_value: str
    places: tuple[Entry, ...]
    is_caption: bool


@dataclass(frozen=True, slots=True)
class Annotation:
    sentences: list[Sentence]
    toponyms: list[Toponym]  # places where something is or happens: stored, mapped
    timexes: list[Timex]
    events: list[EventDraft]
    # Place names that say where someone is from or name an organisation
    # ("Russian officials", "Dubai Police"): reported for evaluation, not mapped.
    other_toponyms: list[Toponym] = field(default_factory=list)
    # Names the text calls places that the gazetteer lacks ("the town of X"):
    # the store may geocode them, or keep them for editors as unresolved.
    unresolved: list[UnresolvedName] = field(default_factory=list)


# "the town was cleansed": a definite noun that points back at the last town named.
_ANAPHORA = re.compile(r"\bthe (?:town|city|port|village|oil port|capital)\b", re.IGNORECASE)
# How many sentences back such a noun may reach.
_ANAPHORA_WINDOW = 6


def _units(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """What an event is made from: a sentence, or a whole photo caption.

    A caption describes one picture, so its sentences are one event ("Rallying
    cry: … vowed today … He is pictured in Tripoli today").
    """
    units: list[Sentence] = []
    for sentence in sentences:
        previous = units[-1] if units else None
        if (
            previous is not None
            and sentence.is_caption
            and previous.is_caption
            and "\n" not in text[previous.end : sentence.start]
        ):
            start, end = previous.start, sentence.end
            units[-1] = Sentence(start, end, text[start:end], True)
            continue
        units.append(sentence)
    return units


def _event_date(timexes: list[Timex]) -> Timex | None:
    """The sentence's own date: its first expression that names a calendar range."""
    for timex in timexes:
        if timex.type in {"DATE", "TIME"} and timex.date_start and timex.date_end:
            return timex
    return None


class Pipeline:
    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.open()
        self.toponym_finder = ToponymFinder(self.gazetteer)

    def annotate(
        self, text: str, published: date, overrides: Overrides = NO_OVERRIDES
    ) -> Annotation:
        sentences = split_sentences(text)
        found = self.toponym_finder.find(text, sentences, overrides)
        timexes = find_timexes(text, published)
        # "in May 2009", "in August": a date, not Mayville or August, Sweden.
        found = [t for t in found if not any(x.start < t.end and t.start < x.end for x in timexes)]
        toponyms = [t for t in found if t.role == PLACE]
        events: list[EventDraft] = []
        recent_towns: list[tuple[int, Entry]] = []  # (unit index, place)
        for index, unit in enumerate(_units(text, sentences)):
            inside = [t for t in toponyms if unit.start <= t.start < unit.end]
            if not inside and recent_towns and _ANAPHORA.search(unit.text):
                last_index, town = recent_towns[-1]
                inside_entries = [town] if index - last_index <= _ANAPHORA_WINDOW else []
                # The story is still about that town: keep it current.
                recent_towns += [(index, town)] if inside_entries else []
            else:
                inside_entries = [t.entry for t in inside]
            recent_towns += [(index, t.entry) for t in inside if t.entry.kind == "city"]
            event = self._event(unit, inside_entries, timexes, published)
            if event is not None:
                events.append(event)
        others = [t for t in found if t.role != PLACE]
        taken = [(t.start, t.end) for t in found] + [(x.start, x.end) for x in timexes]
        unresolved = self.toponym_finder.unresolved(text, taken)
        return Annotation(sentences, toponyms, timexes, events, others, unresolved)

    def _event(
        self,
        sentence: Sentence,
        inside: list[Entry],
        timexes: list[Timex],
        published: date,
    ) -> EventDraft | None:
        own_dates = [t for t in timexes if sentence.start <= t.start < sentence.end]
        dated = _event_date(own_dates)
        if not inside and dated is None:
            return None  # nothing to put on the map or the timeline
        places: dict[str, Entry] = {}
        for entry in inside:
            places.setdefault(entry.key, entry)
        if dated is not None:
            assert dated.date_start and dated.date_end and dated.precision
            date_start, date_end, precision = dated.date_start, dated.date_end, dated.precision
            date_text, value = dated.text, dated.value
        else:
            # No date of its own: the event happened as of the article's date.
            date_start = date_end = published
            precision, date_text, value = "day", "", published.isoformat()
        return EventDraft(
            start=sentence.start,
            end=sentence.end,
            text=sentence.text,
            date_start=date_start,
            date_end=date_end,
            precision=precision,
            date_text=date_text,
            timex_value=value,
            places=tuple(places.values()),
            is_caption=sentence.is_caption,
        )
