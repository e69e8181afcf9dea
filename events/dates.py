"""Find temporal expressions in English news text and normalise them to TIMEX3 values.

Relative expressions ("Friday", "last month", "two days ago") are resolved against the
publication date (the reference). Everything is found with precompiled regular expressions;
dateparser is only asked to normalise a few expressions that were already found, and its
answers are cached, because it is far slower than the rules here.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

__all__ = ["Timex", "find_timexes"]


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # "DATE" | "TIME" | "DURATION" | "SET"
    value: str
    date_start: date | None
    date_end: date | None
    precision: str | None  # "day" | "week" | "month" | "year"


# --- vocabulary ---------------------------------------------------------------------------

_MONTHS = {
    name: i + 1
    for i, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {
    name: i
    for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_SMALL_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
}
# (TIMEX3 unit letter, multiplier, is a time-of-day unit)
_UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "night": ("D", 1, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),
    "month": ("M", 1, False),
    "quarter": ("Q", 1, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
    "centurie": ("Y", 100, False),
}
_PARTS_OF_DAY = {
    "morning": "TMO",
    "afternoon": "TAF",
    "evening": "TEV",
    "night": "TNI",
    "overnight": "TNI",
}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# first month of each season, for ranges and for picking the right year
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# --- regex building blocks -------------------------------------------------------------------

_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH_ABBR_RE = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_ANY_MONTH_RE = rf"(?:{_MONTH_RE}|{_MONTH_ABBR_RE})"
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_WORD_NUM_RE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|hundreds\s+of|a\s+dozen|dozens\s+of"
    r"|a\s+couple\s+of|a\s+few|several|few|many|some|single|an?)"
)
_NUM_RE = (
    rf"(?:(?<![\d,.])(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)|{_WORD_NUM_RE})(?:\s+and\s+a\s+half)?"
)
_UNIT_RE = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
)

_FLAGS = re.IGNORECASE

# Clause boundaries: punctuation and the subordinators that usually start a new verb phrase,
# so that "said Friday that it will ..." does not make "Friday" future.
_CLAUSE_BREAK = re.compile(
    r"[.;:!?\"“”()\[\]\n,]|--|\b(?:that|which|who|whom|because|but|although|though|while"
    r"|whereas|when|where)\b",
    _FLAGS,
)
# Words that put a clause in the future (or in a plan not yet carried out).
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|wo\s?n't|going\s+to|plans?\s+to|planned|planning|scheduled|set\s+to"
    r"|expected\s+to|(?:is|are)\s+due|upcoming|coming|next|until|till|should|may|might)\b"
    r"|'ll\b"
)


# --- candidates ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    type: str
    value: str
    # "anaphoric" candidates take their day from the previous day-precision date in the text
    anchor: str | None = None
    range_override: tuple[date, date, str] | None = None


class _Ctx:
    """Per-call state shared by the handlers."""

    __slots__ = ("text", "ref", "_tense_cache")

    def __init__(self, text: str, ref: date) -> None:
        self.text = text
        self.ref = ref
        self._tense_cache: dict[tuple[int, int], bool] = {}

    def future(self, start: int, end: int) -> bool:
        key = (start, end)
        cached = self._tense_cache.get(key)
        if cached is None:
            cached = _is_future_clause(self.text, start, end)
            self._tense_cache[key] = cached
        return cached


def _is_future_clause(text: str, start: int, end: int) -> bool:
    left = text[max(0, start - 160) : start]
    cut = 0
    for m in _CLAUSE_BREAK.finditer(left):
        cut = m.end()
    right = text[end : end + 160]
    m = _CLAUSE_BREAK.search(right)
    clause = left[cut:] + " " + text[start:end] + " " + (right[: m.start()] if m else right)
    return _FUTURE_CUE.search(clause) is not None


# --- small date helpers --------------------------------------------------------------------


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _number(raw: str) -> float | None:
    """Value of a spelled or written number; None for vague ones ("several")."""
    s = re.sub(r"\s+", " ", raw.lower().strip())
    half = 0.0
    if s.endswith(" and a half"):
        half = 0.5
        s = s[: -len(" and a half")]
    s = re.sub(r"(?<=\d),(?=\d{3})", "", s)
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s) + half
    if s in ("a", "an", "single"):
        return 1.0 + half
    if s == "a couple of":
        return 2.0 + half
    if s == "a dozen":
        return 12.0 + half
    if s == "a hundred":
        return 100.0 + half
    if s in _SMALL_NUMBERS:
        return _SMALL_NUMBERS[s] + half
    parts = re.split(r"[- ]", s)
    if parts[0] in _TENS:
        value = _TENS[parts[0]] + (_SMALL_NUMBERS.get(parts[1], 0) if len(parts) > 1 else 0)
        return value + half
    return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _duration_value(n: float | None, unit: str) -> str:
    letter, mult, is_time = _UNITS[unit]
    amount = "X" if n is None else _fmt_num(n * mult)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def _year_of_two_digits(yy: int, ref: date) -> int:
    century = ref.year // 100 * 100
    year = century + yy
    return year - 100 if year > ref.year + 10 else year


def _pick_month_year(month: int, ref: date, future: bool) -> int:
    """Year of a bare month name: the latest one not far in the future, or the coming one."""
    if future:
        return ref.year if month >= ref.month else ref.year + 1
    # one month of grace: "in June" written in May is nearly always the coming June
    y, m = _add_months(ref.year, ref.month, 1)
    limit = y * 12 + m
    year = ref.year + 1
    while year * 12 + month > limit:
        year -= 1
    return year


def _pick_month_day(month: int, day: int, ref: date, future: bool) -> date | None:
    options = [
        d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe_date(y, month, day))
    ]
    if not options:
        return None
    if future:
        later = [d for d in options if d >= ref]
        return later[0] if later else options[-1]
    # a couple of weeks of grace for announcements of dates just ahead
    earlier = [d for d in options if d <= ref + timedelta(days=14)]
    return earlier[-1] if earlier else options[0]


def _pick_weekday(weekday: int, ref: date, mode: str) -> date:
    """mode: 'past' (same day counts), 'future' (same day counts), 'last', 'next' (strict)."""
    if mode in ("future", "next"):
        delta = (weekday - ref.weekday()) % 7
        if mode == "next" and delta == 0:
            delta = 7
        return ref + timedelta(days=delta)
    delta = (ref.weekday() - weekday) % 7
    if mode == "last" and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def _weekend(ref: date, mode: str) -> date:
    """Saturday of the weekend meant: the previous one (past) or the coming one (future)."""
    wd = ref.weekday()
    if wd >= 5:  # already in a weekend: "this weekend" is the current one
        current = ref - timedelta(days=wd - 5)
        if mode == "next":
            return current + timedelta(days=7)
        if mode == "last":
            return current - timedelta(days=7)
        return current
    if mode in ("future", "next"):
        return ref + timedelta(days=5 - wd)
    return ref - timedelta(days=wd + 2)


def _pick_quarter_year(q: int, ref: date, future: bool) -> int:
    current = (ref.month - 1) // 3 + 1
    if future:
        return ref.year if q >= current else ref.year + 1
    return ref.year if q <= current + 1 else ref.year - 1


def _range_of(value: str) -> tuple[date, date, str] | None:
    """The calendar range a TIMEX3 value denotes, or None past the calendar's ends."""
    try:
        return _calendar_range(value)
    except (OverflowError, ValueError):
        # Year 0 or 10000 ("the next decade" in a story dated 9999).
        return None


def _calendar_range(value: str) -> tuple[date, date, str] | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return (d, d, "day") if d else None
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if m:
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6), "week"
        return monday, monday + timedelta(days=6), "week"
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month"
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        y, q = int(m[1]), int(m[2])
        last = q * 3
        return date(y, last - 2, 1), date(y, last, calendar.monthrange(y, last)[1]), "month"
    m = re.fullmatch(r"(\d{4})-H([12])", value)
    if m:
        y, h = int(m[1]), int(m[2])
        return (
            (date(y, 1, 1), date(y, 6, 30), "month")
            if h == 1
            else (
                date(y, 7, 1),
                date(y, 12, 31),
                "month",
            )
        )
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        y, first = int(m[1]), _SEASON_START[m[2]]
        ey, em = _add_months(y, first, 2)
        return date(y, first, 1), date(ey, em, calendar.monthrange(ey, em)[1]), "month"
    if re.fullmatch(r"\d{4}", value):
        y = int(value)
        return date(y, 1, 1), date(y, 12, 31), "year"
    if re.fullmatch(r"\d{3}", value):
        y = int(value) * 10
        return date(y, 1, 1), date(y + 9, 12, 31), "year"
    if re.fullmatch(r"\d{2}", value):
        y = int(value) * 100
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31), "year"
    return None


# --- dateparser, for slash dates ----------------------------------------------------------------

# American order first; "30/3/2011" can only be the other.
_SLASH_FORMATS = ["%m/%d/%Y", "%d/%m/%Y"]


@lru_cache(maxsize=4096)
def _slash_date(expression: str, reference: date) -> date | None:
    """'3/30/2018' (a four-digit year by now), with dateparser's format parser.

    Its general parser reads all 6,000 such dates the pattern admits as the same
    days, but builds its time-zone patterns first: 0.19 s for the first call,
    against 0.02 s.
    """
    import dateparser  # imported lazily: most texts never need it

    settings: dict[str, object] = {
        "RELATIVE_BASE": datetime(reference.year, reference.month, reference.day),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"],
        "PARSERS": ["custom-formats"],
    }
    parsed = dateparser.parse(
        expression, languages=["en"], settings=settings, date_formats=_SLASH_FORMATS
    )
    return parsed.date() if parsed else None


# --- handlers ----------------------------------------------------------------------------------

_Handler = Callable[[re.Match[str], _Ctx], "_Cand | None"]


def _month_number(raw: str) -> int:
    key = raw.lower().rstrip(".")
    return _MONTHS.get(key) or _MONTH_ABBR[key]


def _day_number(raw: str) -> int:
    return int(re.match(r"\d+", raw)[0])  # type: ignore[index]


def _h_month_day_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    month = _month_number(m["month"])
    day = _day_number(m["day"])
    if m["year"]:
        d = _safe_date(int(m["year"]), month, day)
    else:
        d = _pick_month_day(month, day, ctx.ref, ctx.future(m.start(), m.end()))
    if d is None:
        return None
    return _Cand(m.start(), m.end(), "DATE", d.isoformat())


def _h_month_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    month = _month_number(m["month"])
    return _Cand(m.start(), m.end(), "DATE", f"{int(m['year']):04d}-{month:02d}")


def _h_iso_date(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _Cand(m.start(), m.end(), "DATE", d.isoformat()) if d else None


def _h_slash_date(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    expr = m[0]
    short = re.fullmatch(r"(\d+/\d+/)(\d\d)", expr)
    if short:
        # dateparser puts "3/30/18" in 1918; news years are near the publication date
        expr = short[1] + str(_year_of_two_digits(int(short[2]), ctx.ref))
    d = _slash_date(expr, ctx.ref)
    return _Cand(m.start(), m.end(), "DATE", d.isoformat()) if d else None


_BARE_MONTH_NEEDS_CONTEXT = {"may", "march"}
_MONTH_PREPOSITIONS = re.compile(
    r"(?:\b(?:in|since|until|till|by|during|before|after|from|through|between|of|early|late"
    r"|mid|end|last|next|this|around|on)\s+|mid-)$",
    _FLAGS,
)
# "April and May", "March to June": a list or range of months
_MONTH_LIST_BEFORE = re.compile(
    rf"\b{_MONTH_RE}\s*,?\s+(?:and|or|to|through|until|till)\s+$|\b{_MONTH_RE}\s*(?:-|–)\s*$"
)


def _h_bare_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    name = m["month"]
    before = ctx.text[max(0, m.start() - 24) : m.start()]
    has_prep = (
        _MONTH_PREPOSITIONS.search(before) is not None
        or _MONTH_LIST_BEFORE.search(before) is not None
    )
    if name.lower() in _BARE_MONTH_NEEDS_CONTEXT and not has_prep and not m["mod"]:
        return None
    after = ctx.text[m.end() : m.end() + 20]
    # a capitalised word right after ("June Carter") makes it a name, unless context says date
    if not has_prep and not m["mod"] and re.match(r"\s+[A-Z][a-z]", after):
        return None
    month = _month_number(name)
    mod = (m["mod"] or "").lower()
    if m["rel"]:
        rel = m["rel"].lower()
        year = ctx.ref.year + (1 if rel == "next" else -1 if rel == "last" else 0)
    elif mod == "last":
        year = ctx.ref.year if month < ctx.ref.month else ctx.ref.year - 1
    elif mod == "next":
        year = ctx.ref.year if month > ctx.ref.month else ctx.ref.year + 1
    elif mod == "this":
        year = ctx.ref.year
    else:
        year = _pick_month_year(month, ctx.ref, ctx.future(m.start(), m.end()))
    return _Cand(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}")


_NAMED_DAY_PREFIX = re.compile(
    r"\b(?:Black|Cyber|Good|Easter|Holy|Ash|Super|Maundy|Whit|Shrove|Blue|Giving)\s+$"
)


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if _NAMED_DAY_PREFIX.search(ctx.text[max(0, m.start() - 10) : m.start()]):
        return None
    weekday = _WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    if rel in ("last", "past"):
        mode = "last"
    elif rel in ("next", "coming"):
        mode = "next"
    else:
        mode = "future" if ctx.future(m.start(), m.end()) else "past"
    d = _pick_weekday(weekday, ctx.ref, mode)
    part = (m["part"] or "").lower()
    if part:
        return _Cand(m.start(), m.end(), "TIME", d.isoformat() + _PARTS_OF_DAY[part])
    return _Cand(m.start(), m.end(), "DATE", d.isoformat())


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _h_day_word(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    word = m["word"].lower()
    if word == "tonight":
        return _Cand(m.start(), m.end(), "TIME", ctx.ref.isoformat() + "TNI")
    if word == "last night":
        d = ctx.ref - timedelta(days=1)
        return _Cand(m.start(), m.end(), "TIME", d.isoformat() + "TNI")
    if word.startswith("this "):
        part = word.split()[1]
        return _Cand(m.start(), m.end(), "TIME", ctx.ref.isoformat() + _PARTS_OF_DAY[part])
    d = ctx.ref + timedelta(days=_DAY_WORDS[word])
    if m["part"]:
        part = _PARTS_OF_DAY[m["part"].lower()]
        return _Cand(m.start(), m.end(), "TIME", d.isoformat() + part)
    return _Cand(m.start(), m.end(), "DATE", d.isoformat())


def _relative_unit_value(rel: str, unit: str, ref: date, future: bool) -> _Cand | None:
    """Value for "this/last/next <unit>"; start/end are filled in by the caller."""
    offset = {"this": 0, "current": 0, "the": 0, "last": -1, "previous": -1, "past": -1}.get(rel, 1)
    if unit == "week":
        d = ref + timedelta(weeks=offset)
        return _Cand(0, 0, "DATE", _week_value(d))
    if unit == "weekend":
        mode = {"last": "last", "previous": "last", "past": "past", "next": "next"}.get(rel)
        if mode is None:
            mode = "future" if future or rel in ("coming", "following") else "past"
        sat = _weekend(ref, mode)
        return _Cand(0, 0, "DATE", _week_value(sat) + "-WE")
    if unit == "month":
        y, mo = _add_months(ref.year, ref.month, offset)
        return _Cand(0, 0, "DATE", f"{y:04d}-{mo:02d}")
    if unit == "quarter":
        q = (ref.month - 1) // 3 + offset
        y = ref.year + q // 4
        return _Cand(0, 0, "DATE", f"{y:04d}-Q{q % 4 + 1}")
    if unit == "year":
        return _Cand(0, 0, "DATE", f"{ref.year + offset:04d}")
    if unit == "decade":
        return _Cand(0, 0, "DATE", f"{ref.year // 10 + offset:03d}")
    if unit == "century":
        return _Cand(0, 0, "DATE", f"{ref.year // 100 + offset:02d}")
    return None


def _h_relative_unit(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    rel = re.sub(r"^the\s+", "", m["rel"].lower()) if m["rel"].lower() != "the" else "the"
    unit = m["unit"].lower()
    edge = (m["edge"] or "").lower()
    when = (m["when"] or "").lower()
    if rel == "the" and not edge and not when and unit != "weekend":
        return None  # "the year" alone is too vague to resolve
    # "the past week" is a stretch of time ending now, not the calendar week before
    said = m["rel"].lower()
    if (
        not edge
        and unit in ("week", "month", "year", "decade", "century")
        and (
            said.startswith("the past")
            or (said.startswith("the last") and unit in ("decade", "century"))
        )
    ):
        return _Cand(m.start(), m.end(), "DURATION", _duration_value(1, unit))
    future = ctx.future(m.start(), m.end())
    cand = _relative_unit_value(rel, unit, ctx.ref, future)
    if cand is None:
        return None
    cand.start, cand.end = m.start(), m.end()
    if rel in ("following", "previous") and unit in ("year", "month") and not edge:
        # "the following year" counts from the last date the text talked about, not from now
        cand.anchor = f"shift:{1 if rel == 'following' else -1}:{unit}"
    if when == "earlier" and rel == "this" and unit == "week":
        cand.range_override = (_monday(ctx.ref), ctx.ref, "week")
    return cand


def _h_quarter(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    word = m["ord"].lower()
    of = (m["of"] or "").lower()
    if word == "last" and not of:
        cand = _relative_unit_value("last", "quarter", ctx.ref, False)
        assert cand is not None
        cand.start, cand.end = m.start(), m.end()
        return cand
    q = 4 if word == "last" else _ORDINALS[word]
    if m["year"]:
        year = int(m["year"])
    elif of:
        year = ctx.ref.year + (-1 if "last" in of or "previous" in of else 1 if "next" in of else 0)
    else:
        year = _pick_quarter_year(q, ctx.ref, ctx.future(m.start(), m.end()))
    return _Cand(m.start(), m.end(), "DATE", f"{year:04d}-Q{q}")


def _h_half(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    h = 1 if m["ord"].lower() in ("first", "1st") else 2
    of = m["of"].lower()
    if m["year"]:
        year = int(m["year"])
    else:
        year = ctx.ref.year + (-1 if "last" in of or "previous" in of else 1 if "next" in of else 0)
    return _Cand(m.start(), m.end(), "DATE", f"{year:04d}-H{h}")


_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|million|billion|trillion|thousand|hundred|people|points?|units?"
    r"|jobs|km|kilomet|met(?:er|re)s?|feet|ft|miles?|tons?|tonnes?|kg|pounds|dollars|euros"
    r"|yen|barrels|votes|shares|cars|vehicles|homes|troops|soldiers|employees|workers"
    r"|[a-z]+s\b(?<!\bwas)(?<!\bis)(?<!\bhas)(?<!\bas)(?<!\bits)(?<!\bthis)(?<!\bhis)"
    r"(?<!\bus)(?<!\bplus)(?<!\bthus)(?<!\bacross)(?<!\bversus)(?<!\bwhereas)(?<!\bsales)"
    r"(?<!\bresults)(?<!\belections)(?<!\bgames)(?<!\bolympics)(?<!\bfigures)(?<!\blevels))",
)
_QUANTITY_BEFORE = re.compile(
    r"(?:[$#£€¥]|\b(?:US|A|C|AU|NZ|HK)\$|\b(?:about|around|nearly|almost|approximately|roughly"
    r"|than|least|some|over|just|only|top|No\.|number|code|flight|route|model|room|page|pp?\.))\s*$",
    _FLAGS,
)


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    year = int(m["year"])
    before = ctx.text[max(0, m.start() - 14) : m.start()]
    if _QUANTITY_BEFORE.search(before):
        return None
    after = ctx.text[m.end() : m.end() + 24]
    if _QUANTITY_AFTER.match(after):
        return None
    if year < 1800 and not re.search(r"\b(?:in|since|of|from|until|by|year)\s+$", before, _FLAGS):
        return None
    if year > ctx.ref.year + 60:
        return None
    return _Cand(m.start(), m.end(), "DATE", f"{year:04d}")


def _h_year_mod(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    return _Cand(m.start(), m.end(), "DATE", f"{int(m['year']):04d}")


def _h_apostrophe_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    # "since '82" is a year; "iLife '11" is a product version
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if not re.search(
        r"\b(?:in|since|of|from|until|till|by|before|after|the|class|summer|winter|spring"
        r"|autumn|fall|and|to)\s+$",
        before,
        _FLAGS,
    ):
        return None
    year = _year_of_two_digits(int(m["yy"]), ctx.ref)
    return _Cand(m.start(), m.end(), "DATE", f"{year:04d}")


def _h_decade(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    digits = m["digits"]
    if len(digits) == 4:
        return _Cand(m.start(), m.end(), "DATE", digits[:3])
    # two-digit decades ("the 80s") are ages in "in their 80s"; need "the" or a list of decades
    before = ctx.text[max(0, m.start() - 24) : m.start()]
    if not (
        m["the"]
        or m["apos"]
        or re.search(r"\bthe\s+['’]?\d0['’]?s\s*,?\s*(?:and|or|to|through)\s+$", before)
        or re.search(r"\b(?:the|early|late|mid)[\s-]+$", before, _FLAGS)
    ):
        return None
    year = _year_of_two_digits(int(digits), ctx.ref)
    return _Cand(m.start(), m.end(), "DATE", f"{year // 10:03d}")


def _h_century(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    n = int(m["n"])
    return _Cand(m.start(), m.end(), "DATE", f"{n - 1:02d}")


def _h_ago(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    n = _number(m["num"])
    unit = m["unit"].lower()
    if n is None:
        return _Cand(m.start(), m.end(), "DATE", "PAST_REF")
    letter, mult, is_time = _UNITS[unit]
    if is_time:
        return _Cand(m.start(), m.end(), "DATE", ctx.ref.isoformat())
    amount = n * mult
    if amount != int(amount):
        return _Cand(m.start(), m.end(), "DATE", "PAST_REF")
    amount_i = int(amount)
    if letter in ("D", "W"):
        days = amount_i * (7 if letter == "W" else 1)
        return _Cand(m.start(), m.end(), "DATE", (ctx.ref - timedelta(days=days)).isoformat())
    if letter == "Q":
        y, mo = _add_months(ctx.ref.year, ctx.ref.month, -3 * amount_i)
        return _Cand(m.start(), m.end(), "DATE", f"{y:04d}-Q{(mo - 1) // 3 + 1}")
    if letter == "M":
        y, mo = _add_months(ctx.ref.year, ctx.ref.month, -amount_i)
        return _Cand(m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}")
    return _Cand(m.start(), m.end(), "DATE", f"{ctx.ref.year - amount_i:04d}")


_SET_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|percent|times|once|twice|thrice|cents?"
    r"|dollars|euros|pounds))\s*%?\s*$",
    _FLAGS,
)


def _h_duration(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    num_raw = m["num"]
    unit = m["unit"].lower()
    n = _number(num_raw)
    article = num_raw.lower() in ("a", "an")
    if unit == "second" and (article or num_raw.lower() == "single"):
        return None  # "a second time", "a second round"
    if article and m["mod"] is None and m["det"] is None:
        # "15 a year", "twice a day": a frequency, not a stretch of time
        before = ctx.text[max(0, m.start() - 20) : m.start()]
        if _SET_BEFORE.search(before):
            return _Cand(m.start(), m.end(), "SET", _duration_value(1, unit))
    if unit == "night" and article:
        return None
    if n == 1 and ctx.text.startswith("s", m.end("unit")):
        return None  # "a months-long battle": the article belongs to another noun
    if unit == "quarter" and (article or n is None):
        return None  # "about a quarter of its dealers" is a fraction
    return _Cand(m.start(), m.end(), "DURATION", _duration_value(n, unit))


def _h_bare_units(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    unit = m["unit"].lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    return _Cand(m.start("span"), m.end(), "DURATION", _duration_value(None, unit))


_SET_WORDS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "quarterly": "P1Q",
    "annual": "P1Y",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
}


def _h_set_word(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    return _Cand(m.start(), m.end(), "SET", _SET_WORDS[m[0].lower()])


def _h_every(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if m["wd"]:
        return _Cand(m.start(), m.end(), "SET", f"XXXX-WXX-{_WEEKDAYS[m['wd'].lower()] + 1}")
    n = _number(m["num"]) if m["num"] else 1.0
    return _Cand(m.start(), m.end(), "SET", _duration_value(n or 1.0, m["unit"].lower()))


_REF_WORDS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "the time being": "PRESENT_REF",
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "soon": "FUTURE_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF",
    "the distant future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the medium term": "FUTURE_REF",
}


def _h_ref_word(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    key = re.sub(r"\s+", " ", m["word"].lower())
    key = re.sub(r"^(?:more|most|until|very|only|just|too|in|for) ", "", key)
    if key.startswith("recent ") or key.startswith("the recent "):
        key = "recent"
    return _Cand(m.start(), m.end(), "DATE", _REF_WORDS[key])


def _h_season(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    season_word = m["season"]
    season = _SEASONS[season_word.lower()]
    rel = (m["rel"] or "").lower()
    before = ctx.text[max(0, m.start() - 16) : m.start()]
    contextual = re.search(
        r"\b(?:in|during|by|until|since|through|over|before|after)\s+(?:the\s+)?$", before, _FLAGS
    )
    # a capitalised season inside a sentence ("their Autumn meetings") is a name for the time
    capitalised = season_word[0].isupper() and re.search(r"[a-z,]\s+$", before) is not None
    if not (rel or m["year"] or contextual or (capitalised and season_word.lower() != "fall")):
        return None
    if season_word.lower() == "fall" and not (rel or m["year"] or re.search(r"the\s+$", before)):
        return None
    first = _SEASON_START[season]
    if m["year"]:
        year = int(m["year"])
    else:
        # the season instance that starts in the reference year, except winter which spans
        year = ctx.ref.year
        start = date(year, first, 1)
        if season == "WI" and ctx.ref.month <= 2:
            year -= 1
            start = date(year, first, 1)
        if rel == "last":
            year = year - 1 if start > ctx.ref - timedelta(days=80) else year
        elif rel == "next":
            year = year + 1 if start <= ctx.ref else year
        elif rel != "this" and start > ctx.ref and not ctx.future(m.start(), m.end()):
            year = year - 1 if start > ctx.ref + timedelta(days=62) else year
    return _Cand(m.start(), m.end(), "DATE", f"{year:04d}-{season}")


def _h_time(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    hour = int(m["h"])
    minute = int(m["min"] or 0)
    ampm = (m["ampm"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    zone = (m["zone"] or "").upper()
    suffix = "Z" if zone in ("UTC", "GMT", "Z") and not m["offset"] else ""
    return _Cand(m.start(), m.end(), "TIME", f"T{hour:02d}:{minute:02d}{suffix}", anchor="time")


def _h_noon(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    return _Cand(
        m.start(), m.end(), "TIME", "T12:00" if m[0].lower() == "noon" else "T24:00", anchor="time"
    )


def _h_same_period(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    # the value comes from the previous month/quarter mentioned, moved back a year (in _anchor)
    return _Cand(m.start(), m.end(), "DATE", "PAST_REF", anchor="year_before")


def _h_week_of_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    month = _month_number(m["month"])
    if m["year"]:
        year = int(m["year"])
    else:
        year = _pick_month_year(month, ctx.ref, ctx.future(m.start(), m.end()))
    # as in ISO 8601, a week belongs to the month that holds its Thursday
    which = m["ord"].lower()
    if which in ("last", "final"):
        day = date(year, month, calendar.monthrange(year, month)[1])
        day -= timedelta(days=(day.weekday() - 3) % 7)
    else:
        first = date(year, month, 1)
        day = first + timedelta(days=(3 - first.weekday()) % 7)
        day += timedelta(weeks=_ORDINALS.get(which, 1) - 1)
    return _Cand(m.start(), m.end(), "DATE", _week_value(day))


def _h_year_after(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    unit = m["unit"].lower()
    step = 1 if m["dir"].lower() in ("after", "later") else -1
    cand = _relative_unit_value("next" if step > 0 else "last", unit, ctx.ref, False)
    assert cand is not None
    return _Cand(m.start(), m.end(), "DATE", cand.value, anchor=f"shift:{step}:{unit}")


def _h_now(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    return _Cand(m.start(), m.end(), "DATE", "PRESENT_REF")


def _h_the_day(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    # "the day before the vote" is relative to an event; "late in the day after falling" is not
    if m["rel"] and not re.match(r"(?:late|early)\s", m["span"], _FLAGS):
        return None
    end = m.end("span")
    return _Cand(m.start("span"), end, "DATE", ctx.ref.isoformat(), anchor="day")


def _h_time_any(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    groups = m.groupdict()
    if groups.get("ampm2"):
        # "5 pm": reuse the main handler with the am/pm captured in the other group
        hour = int(m["h"])
        if hour == 0 or hour > 12:
            return None
        ampm = m["ampm2"].lower()
        hour = (
            hour + 12 if ampm == "p" and hour < 12 else (0 if ampm == "a" and hour == 12 else hour)
        )
        zone = (m["zone"] or "").upper()
        suffix = "Z" if zone in ("UTC", "GMT", "Z") and not m["offset"] else ""
        return _Cand(m.start(), m.end(), "TIME", f"T{hour:02d}:00{suffix}", anchor="time")
    if groups.get("min") is None:
        return None
    if "ampm" not in groups:
        hour, minute = int(m["h"]), int(m["min"])
        zone = (m["zone"] or "").upper()
        suffix = "Z" if zone in ("UTC", "GMT", "Z") else ""
        return _Cand(m.start(), m.end(), "TIME", f"T{hour:02d}:{minute:02d}{suffix}", anchor="time")
    # a bare "10:30" without am/pm or zone may be a score or a ratio; accept it only near "at"
    if not m["ampm"] and not m["zone"]:
        before = ctx.text[max(0, m.start() - 12) : m.start()]
        if not re.search(r"\b(?:at|by|until|before|after|from|around|about)\s+$", before, _FLAGS):
            return None
    return _h_time(m, ctx)


# --- patterns, longest match wins ---------------------------------------------------------------

_ZONE_RE = r"(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|IST|JST|AEST|AEDT|Z)"

_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = [
    (
        re.compile(
            rf"(?:\b{_WEEKDAY_RE}[^\S\n]*,?[^\S\n]*(?:the[^\S\n]+)?)?\b(?P<month>{_ANY_MONTH_RE})\s+(?P<day>{_DAY_RE})"
            rf"(?:\s*,?\s*(?P<year>{_YEAR_RE})\b)?(?!\s*[,.]?\s*\d)"
        ),
        _h_month_day_year,
    ),
    (
        re.compile(
            rf"(?:\b{_WEEKDAY_RE}[^\S\n]*,?[^\S\n]*(?:the[^\S\n]+)?)?\b(?P<day>{_DAY_RE})\s+(?:of\s+)?"
            rf"(?P<month>{_ANY_MONTH_RE})(?![a-z])(?:\s*,?\s*(?P<year>{_YEAR_RE})\b)?"
        ),
        _h_month_day_year,
    ),
    (
        re.compile(
            rf"\b(?:(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
            rf"|the\s+middle\s+of)[\s-]+)?(?P<month>{_MONTH_RE}|{_MONTH_ABBR_RE})\s*,?\s+(?:of\s+)?"
            rf"(?P<year>{_YEAR_RE})\b"
        ),
        _h_month_year,
    ),
    (
        re.compile(r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
        _h_iso_date,
    ),
    (
        re.compile(r"(?<![\d/.])\b[01]?\d/[0-3]?\d/(?:\d{4}|\d{2})\b(?![/\d])"),
        _h_slash_date,
    ),
    (
        re.compile(
            rf"\b(?:(?P<mod>(?i:early|mid|late|last|next|this))[\s-]+|(?i:the\s+(?:end|beginning"
            rf"|start|middle)\s+of)\s+)?(?P<month>{_MONTH_RE})\b(?!-)"
            rf"(?:\s+of\s+(?P<rel>(?i:this|last|next))\s+year)?"
        ),
        _h_bare_month,
    ),
    (
        re.compile(
            rf"\b(?:(?P<rel>(?i:last|next|this|past|coming))\s+|(?i:early|late)\s+)?"
            rf"(?P<wd>{_WEEKDAY_RE})\b(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?"
        ),
        _h_weekday,
    ),
    (
        re.compile(
            r"\b(?:(?:earlier|later)\s+)?(?P<word>today|tonight|yesterday|tomorrow|last\s+night"
            r"|this\s+(?:morning|afternoon|evening))\b"
            r"(?:\s+(?P<part>morning|afternoon|evening|night))?(?!-)",
            _FLAGS,
        ),
        _h_day_word,
    ),
    (
        re.compile(
            r"\b(?:(?P<edge>(?:the\s+)?(?:very\s+)?(?:start|beginning|end|middle|rest|remainder"
            r"|close|turn)\s+of)\s+)?(?:(?P<when>earlier|later)\s+)?"
            r"(?P<rel>this|last|next|the\s+past|the\s+last|the\s+previous|the\s+coming"
            r"|the\s+current|the\s+following|the\s+next|the|coming|past|previous)\s+"
            r"(?P<unit>weekend|week|month|quarter|year|decade|century)\b(?!-|\s+(?:old|long))",
            _FLAGS,
        ),
        _h_relative_unit,
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
            rf"[\s-]+quarter\b(?:\s+of\s+(?P<of>this\s+year|last\s+year|next\s+year"
            rf"|the\s+(?:previous|same|current)\s+year|(?P<year>{_YEAR_RE})))?",
            _FLAGS,
        ),
        _h_quarter,
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?(?P<ord>first|second|1st|2nd)\s+half\s+of\s+(?P<of>this\s+year"
            rf"|last\s+year|next\s+year|(?P<year>{_YEAR_RE}))\b",
            _FLAGS,
        ),
        _h_half,
    ),
    (
        re.compile(rf"(?<![\w$#£€¥.,/:'-])(?P<year>{_YEAR_RE})(?![\w%]|[.,:/]\d|-[a-zA-Z])"),
        _h_year,
    ),
    (
        re.compile(
            rf"\b(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
            rf"|the\s+middle\s+of|the\s+first\s+months\s+of|the\s+course\s+of)[\s-]+"
            rf"(?P<year>{_YEAR_RE})\b"
        ),
        _h_year_mod,
    ),
    (re.compile(r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’])"), _h_apostrophe_year),
    (
        re.compile(
            r"(?:\b(?P<the>the)\s+(?:(?:early|mid|late)[\s-]+)?)?(?P<apos>['’])?"
            r"(?<![\w])(?P<digits>1[5-9]\d0|20[0-9]0|[1-9]0)['’]?s\b",
            _FLAGS,
        ),
        _h_decade,
    ),
    (
        re.compile(r"\b(?:the\s+)?(?P<n>1\d|2[0-2])(?:st|nd|rd|th)[\s-]+century\b", _FLAGS),
        _h_century,
    ),
    (
        re.compile(
            rf"\b(?P<num>{_NUM_RE})\s+(?P<unit>{_UNIT_RE})s?\s+ago\b",
            _FLAGS,
        ),
        _h_ago,
    ),
    (
        re.compile(
            rf"\b(?:(?P<mod>nearly|almost|about|around|approximately|roughly|over|under"
            rf"|some)\s+)?(?:(?P<det>the\s+(?:past|next|last|coming|previous|following|first"
            rf"|final|latest|remaining))\s+)?(?P<num>{_NUM_RE})[\s-]+(?:(?:more|additional"
            rf"|straight|consecutive|full|long|successive|trading|business|working)\s+)?(?P<unit>{_UNIT_RE})s?\b"
            rf"(?:[\s-]+old\b)?(?![\s-]+ago\b)",
            _FLAGS,
        ),
        _h_duration,
    ),
    (
        re.compile(
            r"\b(?:for|in|within|over|taking|take|takes|took|lasted|spent)\s+(?P<span>"
            r"(?:(?:the|just|only|mere)\s+)?(?P<unit>years|months|weeks|days|hours|minutes|decades"
            r"|centuries))\b(?!\s+(?:of|ago|later|earlier|before|after)\b)",
            _FLAGS,
        ),
        _h_bare_units,
    ),
    (
        re.compile(
            r"\b(?:daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|annual|annually"
            r"|yearly|hourly)\b(?!-)"
        ),
        _h_set_word,
    ),
    (
        re.compile(
            rf"\b(?:every|each|per)\s+(?:(?P<wd>{_WEEKDAY_RE})|(?:(?P<num>{_WORD_NUM_RE}|\d+)\s+)?"
            rf"(?P<unit>(?i:second|minute|hour|day|week|month|year|decade))s?\b)",
            _FLAGS,
        ),
        _h_every,
    ),
    (
        re.compile(
            r"\b(?P<word>(?:(?:more|most|until|very|only|just)\s+)?recently|lately|currently"
            r"|presently|nowadays|at\s+present|these\s+days|at\s+the\s+moment"
            r"|(?:for\s+)?the\s+time\s+being|(?:in\s+)?the\s+past(?!\s+(?:\w+\s+)?"
            r"(?:day|week|month|year|decade|centur|hour|minute|quarter|weekend|two|three|four|five"
            r"|six|seven|eight|nine|ten|several|few|\d))"
            r"|(?:(?:very|too)\s+)?soon|the\s+(?:near|foreseeable|distant)\s+future"
            r"|(?:in\s+)?the\s+future|the\s+(?:near|long|short|medium)\s+term"
            r"|(?:the\s+)?recent\s+(?:years|months|weeks|days|times|history|past)"
            r"|recent|current)\b(?!-)",
            _FLAGS,
        ),
        _h_ref_word,
    ),
    (
        re.compile(r"(?<![\w-])(?P<word>now)\b(?!-)", _FLAGS),
        _h_now,
    ),
    (
        re.compile(
            rf"\b(?:(?P<rel>this|last|next|early|late|mid)[\s-]+)?(?P<season>spring|summer"
            rf"|autumn|winter|fall)\b(?:\s+(?:of\s+)?(?P<year>{_YEAR_RE})\b)?",
            _FLAGS,
        ),
        _h_season,
    ),
    (
        re.compile(
            rf"\b(?P<h>[01]?\d|2[0-4])(?::(?P<min>[0-5]\d)(?::[0-5]\d)?(?!\d)"
            rf"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?|\s*(?P<ampm2>[ap])\.?\s?m\b\.?)"
            rf"(?:\s*\(?\s*(?P<zone>{_ZONE_RE})\b(?P<offset>\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?\s*\)?)?",
            _FLAGS,
        ),
        _h_time_any,
    ),
    (
        re.compile(
            rf"\b(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s*(?:(?P<zone>{_ZONE_RE})|hours|hrs)\b"
        ),
        _h_time_any,
    ),
    (re.compile(r"\b(?:noon|midnight)\b", _FLAGS), _h_noon),
    (
        re.compile(
            r"\bthe\s+(?P<unit>year|month)\s+(?P<dir>before|after|earlier|later|previous|prior)\b"
            r"(?!\s+(?:the|a|an|his|her|its|their|last|next)\b)",
            _FLAGS,
        ),
        _h_year_after,
    ),
    (
        re.compile(
            r"\b(?:the\s+)?same\s+(?:period|month|quarter|time|week)\s+(?:of\s+)?(?:last\s+year"
            r"|(?:a|one)\s+year\s+(?:ago|earlier|before)|the\s+(?:previous|prior|last)\s+year)\b",
            _FLAGS,
        ),
        _h_same_period,
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?(?P<ord>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+of"
            rf"\s+(?P<month>{_MONTH_RE})\b(?:\s*,?\s*(?P<year>{_YEAR_RE})\b)?"
        ),
        _h_week_of_month,
    ),
    (
        re.compile(
            r"(?:\b(?:end|ended|ending|ends|finish|finished|finishing|close|closed|closing|for|on"
            r"|of|during|throughout|at|later\s+in|earlier\s+in)\s+|(?=(?:late|early)\s+in\s+))"
            r"(?P<span>(?:the\s+(?:start|beginning|end)\s+of\s+|(?:late|early)\s+in\s+)?"
            r"the\s+(?:same\s+)?day)\b(?P<rel>\s+(?:before|after|when|that|of)\b)?",
            _FLAGS,
        ),
        _h_the_day,
    ),
]


_UNIT_TOKENS = frozenset(
    [
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "night",
        "nights",
        "week",
        "weeks",
        "fortnight",
        "fortnights",
        "month",
        "months",
        "quarter",
        "quarters",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
    ]
)
_MONTH_TOKENS = frozenset([*_MONTHS, *_MONTH_ABBR])
_YEAR_TOKENS = frozenset(["16", "17", "18", "19", "20"])
# Tokens without which a pattern cannot match a sentence: scanning every sentence with every
# pattern costs far more than one set test per pattern.
_TRIGGERS: dict[_Handler, frozenset[str]] = {
    _h_month_day_year: _MONTH_TOKENS,
    _h_month_year: _MONTH_TOKENS,
    _h_bare_month: _MONTH_TOKENS,
    _h_week_of_month: _MONTH_TOKENS,
    _h_iso_date: frozenset("-"),
    _h_slash_date: frozenset("/"),
    _h_weekday: frozenset(_WEEKDAYS),
    _h_day_word: frozenset(
        ["today", "tonight", "yesterday", "tomorrow", "night", "morning", "afternoon", "evening"]
    ),
    _h_relative_unit: frozenset(
        ["week", "weekend", "month", "quarter", "year", "decade", "century"]
    ),
    _h_quarter: frozenset(["quarter"]),
    _h_half: frozenset(["half"]),
    _h_year: _YEAR_TOKENS,
    _h_year_mod: _YEAR_TOKENS,
    _h_apostrophe_year: frozenset("'’"),
    _h_decade: frozenset(["s"]),
    _h_century: frozenset(["century"]),
    _h_ago: frozenset(["ago"]),
    _h_duration: _UNIT_TOKENS,
    _h_bare_units: _UNIT_TOKENS,
    _h_set_word: frozenset(_SET_WORDS),
    _h_every: frozenset(["every", "each", "per"]),
    _h_ref_word: frozenset(
        [
            "recent",
            "recently",
            "lately",
            "current",
            "currently",
            "presently",
            "present",
            "nowadays",
            "days",
            "moment",
            "being",
            "past",
            "soon",
            "future",
            "term",
        ]
    ),
    _h_now: frozenset(["now"]),
    _h_year_after: frozenset(["year", "month"]),
    _h_season: frozenset(_SEASONS),
    _h_time_any: frozenset(
        [
            ":",
            "am",
            "pm",
            "m",
            "utc",
            "gmt",
            "hours",
            "hrs",
            "est",
            "edt",
            "cst",
            "cdt",
            "mst",
            "mdt",
            "pst",
            "pdt",
            "bst",
            "cet",
            "cest",
            "ist",
            "jst",
            "aest",
            "aedt",
            "z",
        ]
    ),
    _h_noon: frozenset(["noon", "midnight"]),
    _h_same_period: frozenset(["same"]),
    _h_the_day: frozenset(["day"]),
}
_TOKEN = re.compile(r"[a-z]+|\d\d|[:/'’-]")
# sentence-sized chunks; a capital after the stop keeps "Jan. 5" and "p.m. (GMT)" together
_CHUNK_BREAK = re.compile(r"\n|(?<=[.!?])\s+(?=[A-Z\"“])")

# --- resolution -----------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# a time of day right before a day ("12:00 UTC Monday") forms one expression
_TIME_DAY_GAP = re.compile(r"\s*(?:,\s*)?(?:on\s+)?")


def _select(cands: list[_Cand], length: int) -> list[_Cand]:
    # longest first, then earliest; keep what does not overlap anything already kept
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[_Cand] = []
    taken = bytearray(length)
    for c in cands:
        if any(taken[c.start : c.end]):
            continue
        kept.append(c)
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    kept.sort(key=lambda c: c.start)
    return kept


def _is_day_value(value: str) -> bool:
    return len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit()


def _anchor(kept: list[_Cand], text: str, ref: date) -> list[_Cand]:
    """Give times and "the day" the date they hang on to."""
    out: list[_Cand] = []
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
                and _is_day_value(nxt.value)
                and len(gap) <= 5
                and _TIME_DAY_GAP.fullmatch(gap)
            ):
                day = nxt.value[:10]
                c = _Cand(c.start, nxt.end, "TIME", c.value)
                i += 1
            if day is None:
                day = _day_in_sentence(out, kept[i + 1 :], c, text) or ref.isoformat()
            c = _Cand(c.start, c.end, "TIME", day + c.value)
        elif c.anchor == "day":
            c = _Cand(c.start, c.end, "DATE", last_day or ref.isoformat())
        elif c.anchor and c.anchor.startswith("shift:"):
            _, step, unit = c.anchor.split(":")
            c = _Cand(c.start, c.end, "DATE", _shift_last(out, int(step), unit) or c.value)
        elif c.anchor == "year_before":
            c = _Cand(c.start, c.end, "DATE", _year_before(out) or "PAST_REF")
        if _is_day_value(c.value):
            last_day = c.value[:10]
        out.append(c)
        i += 1
    return out


def _shift_last(before: list[_Cand], step: int, unit: str) -> str | None:
    for other in reversed(before):
        m = re.match(r"(\d{4})(?:-(\d{2}))?", other.value)
        if not m:
            continue
        if unit == "year":
            return f"{int(m[1]) + step:04d}"
        if m[2]:
            y, mo = _add_months(int(m[1]), int(m[2]), step)
            return f"{y:04d}-{mo:02d}"
    return None


def _year_before(before: list[_Cand]) -> str | None:
    for other in reversed(before):
        m = re.fullmatch(r"(\d{4})(-(?:\d{2}|Q[1-4]|H[12]|W\d{2}))", other.value)
        if m:
            if m[2].startswith("-W"):
                return None  # ISO weeks do not line up across years
            return f"{int(m[1]) - 1:04d}{m[2]}"
    return None


def _day_in_sentence(before: list[_Cand], after: list[_Cand], c: _Cand, text: str) -> str | None:
    for other in reversed(before):
        if _SENTENCE_END.search(text, other.end, c.start):
            break
        if _is_day_value(other.value):
            return other.value[:10]
    for other in after:
        if _SENTENCE_END.search(text, c.end, other.start):
            break
        if other.anchor is None and _is_day_value(other.value):
            return other.value[:10]
    return None


def find_timexes(text: str, reference: date) -> list[Timex]:
    """Temporal expressions in text, sorted by start and non-overlapping."""
    ctx = _Ctx(text, reference)
    cands: list[_Cand] = []
    chunks: list[tuple[int, int]] = []
    pos = 0
    for br in _CHUNK_BREAK.finditer(text):
        if br.start() > pos:
            chunks.append((pos, br.start()))
        pos = br.end()
    if pos < len(text):
        chunks.append((pos, len(text)))
    for cstart, cend in chunks:
        tokens = set(_TOKEN.findall(text[cstart:cend].lower()))
        for pattern, handler in _PATTERNS:
            if _TRIGGERS[handler].isdisjoint(tokens):
                continue
            # pos/endpos keep offsets absolute and let lookbehinds see the text before
            for m in pattern.finditer(text, cstart, cend):
                try:
                    cand = handler(m, ctx)
                except (OverflowError, ValueError):
                    # "Tomorrow" in a story dated 9999-12-31: a day past the
                    # calendar's ends (year 0 or 10000) names no date to store.
                    continue
                if cand is not None and cand.end > cand.start:
                    cands.append(cand)
    result: list[Timex] = []
    for c in _anchor(_select(cands, len(text)), text, reference):
        rng: tuple[date, date, str] | None = None
        if c.type in ("DATE", "TIME"):
            rng = c.range_override or _range_of(c.value)
        result.append(
            Timex(
                start=c.start,
                end=c.end,
                text=text[c.start : c.end],
                type=c.type,
                value=c.value,
                date_start=rng[0] if rng else None,
                date_end=rng[1] if rng else None,
                precision=rng[2] if rng else None,
            )
        )
    return result
