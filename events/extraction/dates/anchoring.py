"""Anaphora: expressions whose value hangs on another date in the text.

A clock time takes the day named in its sentence; "the day" the day last named; "the
following year" the year after the last one named; "the same period last year" the last
month or quarter named, a year back.
"""

from __future__ import annotations

import re
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
    out: list[Candidate] = []
    last_day: str | None = None
    i = 0
    while i < len(kept):
        c = kept[i]
        if c.anchor == "time":
            day: str | None = None
            nxt = kept[i + 1] if i + 1 < len(kept) else None
            gap = text[c.end : nxt.start] if nxt else ""
            if (
                nxt
                and nxt.anchor is None
                and is_day_value(nxt.value)
                and len(gap) <= 5
                and _TIME_DAY_GAP.fullmatch(gap)
            ):
                day = nxt.value[:10]
                c = Candidate(c.start, nxt.end, "TIME", c.value)
                i += 1
            if day is None:
                day = _day_in_sentence(out, kept[i + 1 :], c, text) or ref.isoformat()
            c = Candidate(c.start, c.end, "TIME", day + c.value)
        elif c.anchor == "day":
            c = Candidate(c.start, c.end, "DATE", last_day or ref.isoformat())
        elif c.anchor and c.anchor.startswith("shift:"):
            _, step, unit = c.anchor.split(":")
            c = Candidate(c.start, c.end, "DATE", _shift_last(out, int(step), unit) or c.value)
        elif c.anchor == "year_before":
            c = Candidate(c.start, c.end, "DATE", _year_before(out) or "PAST_REF")
        if is_day_value(c.value):
            last_day = c.value[:10]
        out.append(c)
        i += 1
    return out


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
