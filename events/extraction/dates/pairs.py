"""Both halves of a range: 'from March to June', 'Monday through Wednesday', 'March 3-5'.

The second half of a range does not come before the first: where a rule chose the
occurrence of one half (a month without its year, a bare weekday), it moves by that unit
to fall on the right side of the other half, which keeps its own reading.
"""

from __future__ import annotations

import re
from datetime import date

from events.extraction.dates.ranges import range_of
from events.extraction.dates.shapes import Shape, shape_of, shifted
from events.extraction.dates.timex import Candidate

# what stands between the halves: "to", "through", "until", a dash; "and" after "between"
_CONNECTOR = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def order_ranges(found: list[Candidate], text: str) -> list[Candidate]:
    """found with the loose half of each range moved to its side of the other half."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = text[a.end : b.start]
        if not _CONNECTOR.fullmatch(gap) or a.type not in ("DATE", "TIME"):
            continue
        if gap.strip().lower() == "and" and not _BETWEEN.search(text, 0, a.start):
            continue
        if b.loose:
            out[i + 1] = _moved(b, a, forward=True)
        elif a.loose:
            out[i] = _moved(a, b, forward=False)
    return out


def _start(shape: Shape) -> date | None:
    found = range_of(shape.value)
    return found[0] if found else None


def _moved(loose: Candidate, other: Candidate, forward: bool) -> Candidate:
    """loose moved by its unit until it is not before other (forward) or not after it."""
    shape, fixed = shape_of(loose.value), shape_of(other.value)
    if shape is None or fixed is None or loose.loose is None:
        return loose
    limit = _start(fixed)
    for _ in range(2):  # a year or a week each way is all a range can need
        start = _start(shape)
        if limit is None or start is None or (start >= limit if forward else start <= limit):
            break
        moved = shifted(shape, 1 if forward else -1, loose.loose)
        if moved is None:
            return loose
        shape = moved
    suffix = loose.value[10:] if shape.kind == "day" else ""  # "TMO" of "Friday morning"
    return Candidate(loose.start, loose.end, loose.type, shape.value + suffix)
