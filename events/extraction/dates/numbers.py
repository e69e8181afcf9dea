"""Numbers said in digits or words, and the TIMEX3 durations built from them."""

from __future__ import annotations

import re

from events.extraction.dates.vocabulary import QUANTITY_WORDS, SMALL_NUMBERS, TENS, UNITS

_AND_A_HALF = " and a half"


def number(raw: str) -> float | None:
    """Value of a spelled or written number; None for vague ones ("several")."""
    s = re.sub(r"\s+", " ", raw.lower().strip())
    half = 0.0
    if s.endswith(_AND_A_HALF):
        half = 0.5
        s = s[: -len(_AND_A_HALF)]
    s = re.sub(r"(?<=\d),(?=\d{3})", "", s)
    whole = _whole_number(s)
    return None if whole is None else whole + half


def _whole_number(s: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    if s in QUANTITY_WORDS:
        return float(QUANTITY_WORDS[s])
    if s in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[s])
    parts = re.split(r"[- ]", s)
    if parts[0] in TENS:
        return float(TENS[parts[0]] + (SMALL_NUMBERS.get(parts[1], 0) if len(parts) > 1 else 0))
    return None


def format_number(n: float) -> str:
    """'3' for 3.0, '2.5' for 2.5: TIMEX3 writes whole amounts without a point."""
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 value of n units ('P3W', 'PT2H'); an unknown amount is 'X' ('PXY')."""
    letter, multiplier, is_time = UNITS[unit]
    amount = "X" if n is None else format_number(n * multiplier)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def spelled_year(raw: str) -> int | None:
    """The year of "nineteen ninety-six" (1996), "nineteen oh five" (1905), "two thousand
    and one" (2001); None where the words are not a year."""
    words = re.sub(r"[\s-]+", " ", raw.lower()).replace(" and ", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = _whole_number(" ".join(words[2:])) if len(words) > 2 else 0.0
        return None if rest is None else 2000 + int(rest)
    century = SMALL_NUMBERS.get(words[0])
    if century is None or len(words) < 2:
        return None
    if words[1] == "hundred":
        return century * 100
    tail = words[2:] if words[1] == "oh" else words[1:]
    rest = _whole_number(" ".join(tail))
    return None if rest is None else century * 100 + int(rest)


def year_value(raw: str) -> int:
    """A year written in digits or in words."""
    if raw.isdigit():
        return int(raw)
    value = spelled_year(raw)
    if value is None:
        raise ValueError(f"not a year: {raw!r}")
    return value
