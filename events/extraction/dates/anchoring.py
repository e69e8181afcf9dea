"""Anaphora: expressions whose value hangs on another date in the text.

A clock time takes the day named in its sentence; "the day" the day last named; "the
following year" the year after the last one named; "the same period last year" the last
month or quarter named, a year back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from events.extraction.dates.arithmetic import add_months
from events.extraction.dates.timex import Candidate

_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# a time of day right before a day ("12:00 UTC Monday") forms one expression
_TIME_DAY_GAP = re.compile(r"\s*(?:,\s*)?(?:on\s+)?")


def is_day_value(value: str) -> bool:
    return len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit()


def anchor(kept: list[Candidate], text: str, ref: date) -> list[Candidate]:
    """Give times and "the day" the date they hang on to."""
    done = _Resolved(text, ref, kept)
    i = 0
    while i < len(kept):
        c = kept[i]
        resolve = _RESOLVERS.get(c.anchor.split(":")[0]) if c.anchor else None
        if resolve is not None:
            c, i = resolve(done, c, i)
        done.add(c)
        i += 1
    return done.out


class _Resolved:
    """The candidates resolved so far, and the last day among them."""

    __slots__ = ("text", "ref", "kept", "out", "last_day")

    def __init__(self, text: str, ref: date, kept: list[Candidate]) -> None:
        self.text, self.ref, self.kept = text, ref, kept
        self.out: list[Candidate] = []
        self.last_day: str | None = None

    def add(self, c: Candidate) -> None:
        if is_day_value(c.value):
            self.last_day = c.value[:10]
        self.out.append(c)


def _time(done: _Resolved, c: Candidate, i: int) -> tuple[Candidate, int]:
    """A clock time: the day right after it ("12:00 UTC Monday", one expression), else the
    nearest day in its sentence, else the reference."""
    kept, text = done.kept, done.text
    nxt = kept[i + 1] if i + 1 < len(kept) else None
    if nxt and nxt.anchor is None and is_day_value(nxt.value):
        gap = text[c.end : nxt.start]
        if len(gap) <= 5 and _TIME_DAY_GAP.fullmatch(gap):
            return Candidate(c.start, nxt.end, "TIME", nxt.value[:10] + c.value), i + 1
    day = _day_in_sentence(done.out, kept[i + 1 :], c, text) or done.ref.isoformat()
    return Candidate(c.start, c.end, "TIME", day + c.value), i


def _the_day(done: _Resolved, c: Candidate, i: int) -> tuple[Candidate, int]:
    """'the day': the last day the text named."""
    return Candidate(c.start, c.end, "DATE", done.last_day or done.ref.isoformat()), i


def _shift(done: _Resolved, c: Candidate, i: int) -> tuple[Candidate, int]:
    """'the following year': the last year (or month) named, moved."""
    assert c.anchor is not None
    _, step, unit = c.anchor.split(":")
    return Candidate(c.start, c.end, "DATE", _shift_last(done.out, int(step), unit) or c.value), i


def _same_period(done: _Resolved, c: Candidate, i: int) -> tuple[Candidate, int]:
    """'the same period last year': the last month or quarter named, a year back."""
    return Candidate(c.start, c.end, "DATE", _year_before(done.out) or "PAST_REF"), i


_RESOLVERS: dict[str, Callable[[_Resolved, Candidate, int], tuple[Candidate, int]]] = {
    "time": _time,
    "day": _the_day,
    "shift": _shift,
    "year_before": _same_period,
}


def _shift_last(before: list[Candidate], step: int, unit: str) -> str | None:
    for other in reversed(before):
        m = re.match(r"(\d{4})(?:-(\d{2}))?", other.value)
        if not m:
            continue
        if unit == "year":
            return f"{int(m[1]) + step:04d}"
        if m[2]:
            y, mo = add_months(int(m[1]), int(m[2]), step)
            return f"{y:04d}-{mo:02d}"
    return None


def _year_before(before: list[Candidate]) -> str | None:
    for other in reversed(before):
        m = re.fullmatch(r"(\d{4})(-(?:\d{2}|Q[1-4]|H[12]|W\d{2}))", other.value)
        if m:
            if m[2].startswith("-W"):
                return None  # ISO weeks do not line up across years
            return f"{int(m[1]) - 1:04d}{m[2]}"
    return None


def _day_in_sentence(
    before: list[Candidate], after: list[Candidate], c: Candidate, text: str
) -> str | None:
    for other in reversed(before):
        if _SENTENCE_END.search(text, other.end, c.start):
            break
        if is_day_value(other.value):
            return other.value[:10]
    for other in after:
        if _SENTENCE_END.search(text, c.end, other.start):
            break
        if other.anchor is None and is_day_value(other.value):
            return other.value[:10]
    return None
