"""The extraction pipeline: text → sentences → place mentions and dates → events.

Shared by the ingest command (which stores the result) and the annotate
command (which prints it for evaluation). Nothing here touches the database.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Generic, Protocol, TypeVar

from events.extraction.dates import Timex, find_timexes
from events.extraction.happenings import classify, headline, speaker
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
    kind: str = "other"  # events/extraction/happenings: from the sentence's cues
    headline: str = ""  # the sentence's main clause, about 80 characters
    speaker: str = ""  # who a statement's words are, where the sentence names them


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


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


class _ByStart(Generic[S]):
    """Spans looked up by where they start, in their original order: one sentence's
    names and dates are found by bisection, not by a scan of the whole article's."""

    def __init__(self, spans: Sequence[S]) -> None:
        self._order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        self._spans = spans
        self._starts = [spans[i].start for i in self._order]
        # The furthest end among the first k spans by start, for overlaps().
        self._reach: list[int] = []
        for i in self._order:
            self._reach.append(max(spans[i].end, self._reach[-1] if self._reach else 0))

    def starting_in(self, start: int, end: int) -> list[S]:
        """The spans that start within [start, end)."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [self._spans[i] for i in sorted(self._order[lo:hi])]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span overlaps [start, end)."""
        before = bisect_left(self._starts, end)  # the spans that start before `end`
        return before > 0 and self._reach[before - 1] > start


# Longer texts are annotated in pieces of at most this many characters, cut where a
# paragraph ends: finding toponyms compares each name with the rest of the text, so
# its time grows with the square of the text's length, and a book-length text would
# never finish. News articles are far shorter (nearly all under 30,000 characters)
# and are annotated whole, as before.
CHUNK_CHARS = 40_000


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of text of at most `limit` characters that cover it all,
    each ending at a line end if there is one in its second half, else after a full
    stop, else at a space, else wherever the limit falls."""
    start = 0
    while len(text) - start > limit:
        end = start + limit
        floor = start + limit // 2
        for mark in ("\n", ". ", " "):
            at = text.rfind(mark, floor, end)
            if at != -1:
                end = at + len(mark)
                break
        yield start, end
        start = end
    yield start, len(text)


class Pipeline:
    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.open()
        self.toponym_finder = ToponymFinder(self.gazetteer)

    def annotate(
        self, text: str, published: date, overrides: Overrides = NO_OVERRIDES
    ) -> Annotation:
        if len(text) <= CHUNK_CHARS:
            return self._annotate(text, published, overrides)
        pieces = [
            _shifted(self._annotate(text[a:b], published, _within(overrides, a, b)), a)
            for a, b in chunks(text, CHUNK_CHARS)
        ]
        return Annotation(
            **{
                f.name: [item for piece in pieces for item in getattr(piece, f.name)]
                for f in fields(Annotation)
            }
        )

    def home_places(self, name: str) -> tuple[Entry, ...]:
        """The places a home place's name means ('Paris, Texas': the town and the state),
        read as a dateline would be; empty if the gazetteer knows none of it."""
        sentences = split_sentences(name)
        found = self.toponym_finder.find(name, sentences)
        return tuple(t.entry for t in found if t.role == PLACE)

    def _annotate(self, text: str, published: date, overrides: Overrides) -> Annotation:
        sentences = split_sentences(text)
        found = self.toponym_finder.find(text, sentences, overrides)
        timexes = find_timexes(text, published)
        # "in May 2009", "in August": a date, not Mayville or August, Sweden.
        dates = _ByStart(timexes)
        found = [t for t in found if not dates.overlaps(t.start, t.end)]
        toponyms = [t for t in found if t.role == PLACE]
        places = _ByStart(toponyms)
        events: list[EventDraft] = []
        recent_towns: list[tuple[int, Entry]] = []  # (unit index, place)
        for index, unit in enumerate(_units(text, sentences)):
            inside = places.starting_in(unit.start, unit.end)
            if not inside and recent_towns and _ANAPHORA.search(unit.text):
                last_index, town = recent_towns[-1]
                inside_entries = [town] if index - last_index <= _ANAPHORA_WINDOW else []
                # The story is still about that town: keep it current.
                recent_towns += [(index, town)] if inside_entries else []
            else:
                inside_entries = [t.entry for t in inside]
            recent_towns += [(index, t.entry) for t in inside if t.entry.kind == "city"]
            own_dates = dates.starting_in(unit.start, unit.end)
            event = self._event(unit, inside_entries, own_dates, published)
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
        own_dates: list[Timex],
        published: date,
    ) -> EventDraft | None:
        """own_dates: the dates that start in the sentence."""
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
            kind=(kind := classify(sentence.text).name),
            headline=headline(sentence.text),
            speaker=speaker(sentence.text) if kind == "statement" else "",
        )


def _within(overrides: Overrides, start: int, end: int) -> Overrides:
    """Editors' overrides for the piece text[start:end], its spans counted from `start`."""
    if not overrides.not_here:
        return overrides
    spans = frozenset(
        (a - start, b - start) for a, b in overrides.not_here if start <= a and b <= end
    )
    return replace(overrides, not_here=spans)


def _shifted(annotation: Annotation, offset: int) -> Annotation:
    """An annotation of text[offset:…] with its offsets counted from the text's start."""

    return Annotation(
        **{
            f.name: [
                replace(span, start=span.start + offset, end=span.end + offset)
                for span in getattr(annotation, f.name)
            ]
            for f in fields(Annotation)
        }
    )
