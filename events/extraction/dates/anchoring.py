"""Anaphora: expressions whose value hangs on another date in the text.

A clock time takes the day named in its sentence; "the day" the day last named; "the
following year" the year after the last one named; "the same period last year" the last
month or quarter named, a year back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from events.extraction.dates.shapes import Shape, coarsened, shape_of, shifted
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
        resolve = _RESOLVERS.get(c.anchor.kind) if c.anchor else None
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


def _last_shape(done: _Resolved, fits: Callable[[Shape], Shape | None]) -> Shape | None:
    """fits(shape) of the last date named before that fits, or None."""
    for other in reversed(done.out):
        if other.anchor is not None and other.anchor.compares:
            continue  # "a year earlier" twice is twice the same year, not two years back
        shape = shape_of(other.value) if other.type in ("DATE", "TIME") else None
        found = fits(shape) if shape else None
        if found is not None:
            return found
    return None


def _resolved(c: Candidate, shape: Shape | None) -> Candidate:
    """c with the value of shape (and its anchor's suffix); c's own value where none fits."""
    assert c.anchor is not None
    if shape is None:
        return Candidate(c.start, c.end, c.type, c.value, anchor=c.anchor)
    suffix = c.anchor.suffix
    type_ = "TIME" if suffix else "DATE"
    return Candidate(c.start, c.end, type_, shape.value + suffix, anchor=c.anchor)


def _unit(done: _Resolved, c: Candidate, i: int) -> tuple[Candidate, int]:
    """'the following year', 'that week', 'the next day': the last date named, as that
    unit, moved by step units."""
    assert c.anchor is not None
    step, unit = c.anchor.step, c.anchor.unit
    found = _last_shape(done, lambda shape: coarsened(shape, unit))
    return _resolved(c, shifted(found, step, unit) if found else None), i


def _keep(done: _Resolved, c: Candidate, i: int) -> tuple[Candidate, int]:
    """'a year earlier', 'three days later': the last date named, of its own kind, moved."""
    assert c.anchor is not None
    step, unit = c.anchor.step, c.anchor.unit
    return _resolved(c, _last_shape(done, lambda shape: shifted(shape, step, unit))), i


def _ago(done: _Resolved, c: Candidate, i: int) -> tuple[Candidate, int]:
    """'a year ago' in a story that last named a period (a quarter, a month): that period a
    year before; otherwise its own value, counted from the publication date."""
    assert c.anchor is not None
    step = c.anchor.step
    found = _last_shape(done, lambda shape: shape)
    if step != -1:
        return Candidate(c.start, c.end, c.type, c.value), i  # "ten years ago": a date
    if found is None or found.kind not in _PERIOD_KINDS["period"]:
        return c, i  # still a comparison, with the publication date's year before
    return _resolved(c, shifted(found, step, "year")), i


def _range_end(done: _Resolved, c: Candidate, i: int) -> tuple[Candidate, int]:
    """'5' of 'March 3-5': the day of the first half's month (the next month's if before)."""
    assert c.anchor is not None
    first = shape_of(done.out[-1].value) if done.out else None
    if first is None or first.kind != "day":
        return Candidate(c.start, c.end, c.type, c.value), i
    month_start = Shape(first.year, "day", first.part[:3] + "01")
    found = shifted(month_start, c.anchor.step - 1, "day")
    if found is not None and found.value < first.value:
        found = shifted(found, 1, "month")
    return _resolved(c, found), i


# the kinds of date a word for a period can take up: "the quarter" only a quarter
_PERIOD_KINDS = {"quarter": ("quarter",), "period": ("quarter", "half", "month", "season")}


def _period(done: _Resolved, c: Candidate, i: int) -> tuple[Candidate, int]:
    """'the quarter', 'the year-earlier period', 'the 1988 quarter': the last period named."""
    anchor_ = c.anchor
    assert anchor_ is not None
    kinds = _PERIOD_KINDS[anchor_.unit]

    def fits(shape: Shape) -> Shape | None:
        if shape.kind not in kinds:
            return None
        if anchor_.year is not None:
            return Shape(anchor_.year, shape.kind, shape.part)
        return shifted(shape, anchor_.step, "year")

    return _resolved(c, _last_shape(done, fits)), i


def _same_period(done: _Resolved, c: Candidate, i: int) -> tuple[Candidate, int]:
    """'the same period last year': the last month or quarter named, a year back."""
    value = _year_before(done.out) or "PAST_REF"
    return Candidate(c.start, c.end, "DATE", value, anchor=c.anchor), i


_RESOLVERS: dict[str, Callable[[_Resolved, Candidate, int], tuple[Candidate, int]]] = {
    "time": _time,
    "day": _the_day,
    "unit": _unit,
    "keep": _keep,
    "ago": _ago,
    "range_end": _range_end,
    "period": _period,
    "same_period": _same_period,
}


def _year_before(before: list[Candidate]) -> str | None:
    for other in reversed(before):
        if other.anchor is not None and other.anchor.compares:
            continue
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
