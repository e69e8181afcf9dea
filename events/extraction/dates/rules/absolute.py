"""Dates named on the calendar: days, months, years, quarters, halves, seasons, decades."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from events.extraction.dates.arithmetic import safe_date, week_value, year_of_two_digits
from events.extraction.dates.context import Context
from events.extraction.dates.direction import (
    pick_month_day,
    pick_month_year,
    pick_quarter_year,
    relative_unit_value,
)
from events.extraction.dates.numbers import spelled_year, year_value
from events.extraction.dates.rules.base import (
    MONTH_TOKENS,
    YEAR_TOKENS,
    Rule,
    candidate,
)
from events.extraction.dates.slashdates import slash_date
from events.extraction.dates.timex import Anchor, Candidate
from events.extraction.dates.vocabulary import (
    ANY_MONTH_RE,
    DAY_RE,
    FLAGS,
    MONTH_ABBR_RE,
    MONTH_RE,
    ORDINALS,
    SEASON_START,
    SEASONS,
    SPELLED_YEAR_RE,
    WEEKDAY_RE,
    WORD_START,
    YEAR_RE,
    day_number,
    month_number,
)


def month_day_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'March 10, 2011', '10 March', 'Thursday, March 10': a day of a month."""
    month = month_number(m["month"])
    day = day_number(m["day"])
    if m["year"]:
        d = safe_date(year_value(m["year"]), month, day)
    else:
        d = pick_month_day(month, day, ctx.ref, ctx.tense(m.start(), m.end()))
    if d is None:
        return None
    cand = candidate(m, "DATE", d.isoformat())
    cand.loose = None if m["year"] else "year"
    return cand


def month_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'March 2010', 'early March 2010': a month of a year."""
    month = month_number(m["month"])
    return candidate(m, "DATE", f"{year_value(m['year']):04d}-{month:02d}")


def iso_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'2011-03-10'."""
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return candidate(m, "DATE", d.isoformat()) if d else None


def slash(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'3/30/2018', '7/8/07': month first where it can be."""
    expr = m[0]
    short = re.fullmatch(r"(\d+/\d+/)(\d\d)", expr)
    if short:
        # dateparser puts "3/30/18" in 1918; news years are near the publication date
        expr = short[1] + str(year_of_two_digits(int(short[2]), ctx.ref))
    d = slash_date(expr, ctx.ref)
    return candidate(m, "DATE", d.isoformat()) if d else None


_BARE_MONTH_NEEDS_CONTEXT = {"may", "march"}
_MONTH_PREPOSITIONS = re.compile(
    r"(?:\b(?:in|since|until|till|by|during|before|after|from|through|between|of|early|late"
    r"|mid|end|last|next|this|around|on)\s+|mid-)$",
    FLAGS,
)
# "April and May", "March to June": a list or range of months
_MONTH_LIST_BEFORE = re.compile(
    rf"\b{MONTH_RE}\s*,?\s+(?:and|or|to|through|until|till)\s+$|\b{MONTH_RE}\s*(?:-|–)\s*$"
)


def bare_month(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'in June', 'last March', 'June of next year': a month without its year."""
    name = m["month"]
    before = ctx.before(m.start(), 24)
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
    month = month_number(name)
    year_of = _MONTH_MODS.get((m["mod"] or "").lower())
    if m["rel"]:  # "June of next year"
        year = ctx.ref.year + _YEAR_OFFSETS[m["rel"].lower()]
    elif year_of is not None:
        year = year_of(month, ctx.ref)
    else:
        year = pick_month_year(month, ctx.ref, ctx.tense(m.start(), m.end()))
    cand = candidate(m, "DATE", f"{year:04d}-{month:02d}")
    cand.loose = "year" if year_of is None and not m["rel"] else None
    return cand


_YEAR_OFFSETS = {"this": 0, "last": -1, "next": 1}
# "last June": the latest June before the reference's month; "next June" the first after it
_MONTH_MODS: dict[str, Callable[[int, date], int]] = {
    "last": lambda month, ref: ref.year if month < ref.month else ref.year - 1,
    "next": lambda month, ref: ref.year if month > ref.month else ref.year + 1,
    "this": lambda month, ref: ref.year,
}


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
    FLAGS,
)


def year(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'2009': a year, unless the words around it make it a quantity or a number."""
    value = year_value(m["year"])
    before = ctx.before(m.start(), 14)
    if _QUANTITY_BEFORE.search(before):
        return None
    after = ctx.text[m.end() : m.end() + 24]
    if _QUANTITY_AFTER.match(after):
        return None
    if value < 1800 and not re.search(r"\b(?:in|since|of|from|until|by|year)\s+$", before, FLAGS):
        return None
    if value > ctx.ref.year + 60:
        return None
    return candidate(m, "DATE", f"{value:04d}")


def year_mod(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'mid-2010', 'the end of 2010': a year with a part of it said."""
    return candidate(m, "DATE", f"{year_value(m['year']):04d}")


def apostrophe_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    """ "since '82": a year; "iLife '11" is a product version."""
    before = ctx.before(m.start(), 12)
    if not re.search(
        r"\b(?:in|since|of|from|until|till|by|before|after|the|class|summer|winter|spring"
        r"|autumn|fall|and|to)\s+$",
        before,
        FLAGS,
    ):
        return None
    value = year_of_two_digits(int(m["yy"]), ctx.ref)
    return candidate(m, "DATE", f"{value:04d}")


def decade(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the 1990s', "the '80s": a decade; 'in their 80s' is an age."""
    digits = m["digits"]
    if len(digits) == 4:
        return candidate(m, "DATE", digits[:3])
    # two-digit decades ("the 80s") are ages in "in their 80s"; need "the" or a list of decades
    before = ctx.before(m.start(), 24)
    if not (
        m["the"]
        or m["apos"]
        or re.search(r"\bthe\s+['’]?\d0['’]?s\s*,?\s*(?:and|or|to|through)\s+$", before)
        or re.search(r"\b(?:the|early|late|mid)[\s-]+$", before, FLAGS)
    ):
        return None
    value = year_of_two_digits(int(digits), ctx.ref)
    return candidate(m, "DATE", f"{value // 10:03d}")


def century(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the 19th century'."""
    return candidate(m, "DATE", f"{int(m['n']) - 1:02d}")


def _relative_year(of: str, ref: date) -> int:
    return ref.year + (-1 if "last" in of or "previous" in of else 1 if "next" in of else 0)


def quarter(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the fourth quarter of 2010', 'the third quarter': a quarter of a year."""
    word = m["ord"].lower()
    of = (m["of"] or "").lower()
    if word == "last" and not of:
        previous = relative_unit_value("last", "quarter", ctx.ref, False)
        assert previous is not None
        return candidate(m, "DATE", previous)
    q = 4 if word == "last" else ORDINALS[word]
    if m["year"]:
        value = year_value(m["year"])
    elif of:
        value = _relative_year(of, ctx.ref)
    else:
        value = pick_quarter_year(q, ctx.ref, ctx.future(m.start(), m.end()))
    return candidate(m, "DATE", f"{value:04d}-Q{q}")


def half(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the first half of 2010', 'the second half of this year'."""
    h = 1 if m["ord"].lower() in ("first", "1st") else 2
    of = m["of"].lower()
    value = year_value(m["year"]) if m["year"] else _relative_year(of, ctx.ref)
    return candidate(m, "DATE", f"{value:04d}-H{h}")


def week_of_month(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the last week of March': as in ISO 8601, a week belongs to the month of its Thursday."""
    month = month_number(m["month"])
    if m["year"]:
        value = year_value(m["year"])
    else:
        value = pick_month_year(month, ctx.ref, ctx.tense(m.start(), m.end()))
    which = m["ord"].lower()
    if which in ("last", "final"):
        day = date(value, month, calendar.monthrange(value, month)[1])
        day -= timedelta(days=(day.weekday() - 3) % 7)
    else:
        first = date(value, month, 1)
        day = first + timedelta(days=(3 - first.weekday()) % 7)
        day += timedelta(weeks=ORDINALS.get(which, 1) - 1)
    return candidate(m, "DATE", week_value(day))


def season(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'last summer', 'in the spring', 'winter 2010'."""
    season_word = m["season"]
    code = SEASONS[season_word.lower()]
    rel = " ".join((m["rel"] or "").lower().split()).replace("this past", "last")
    before = ctx.before(m.start(), 16)
    contextual = re.search(
        r"\b(?:in|during|by|until|since|through|over|before|after)\s+(?:the\s+)?$", before, FLAGS
    )
    # a capitalised season inside a sentence ("their Autumn meetings") is a name for the time
    capitalised = season_word[0].isupper() and re.search(r"[a-z,]\s+$", before) is not None
    if not (rel or m["year"] or contextual or (capitalised and season_word.lower() != "fall")):
        return None
    if season_word.lower() == "fall" and not (rel or m["year"] or re.search(r"the\s+$", before)):
        return None
    if m["year"]:
        value = year_value(m["year"])
    else:
        value = _season_year(code, rel, ctx.ref, lambda: ctx.future(m.start(), m.end()))
    cand = candidate(m, "DATE", f"{value:04d}-{code}")
    cand.loose = None if m["year"] or rel in _SEASON_STEPS else "year"
    return cand


def _season_year(code: str, rel: str, ref: date, future: Callable[[], bool]) -> int:
    """The year of the season meant: by default the one that starts in the reference's year
    (for winter in January or February, the one that began the December before)."""
    year = ref.year - 1 if code == "WI" and ref.month <= 2 else ref.year
    start = date(year, SEASON_START[code], 1)
    step = _SEASON_STEPS.get(rel, _season_ahead_step)(start, ref, future)
    return year + step


def _season_ahead_step(start: date, ref: date, future: Callable[[], bool]) -> int:
    # a season more than two months ahead, in a clause not about the future, is last year's
    if start > ref and start - ref > timedelta(days=62) and not future():
        return -1
    return 0


# "last summer": last year's if this year's began less than 80 days ago (or is to come);
# "next summer": next year's if this year's has begun; "this summer": this year's
_SEASON_STEPS: dict[str, Callable[[date, date, Callable[[], bool]], int]] = {
    "last": lambda start, ref, future: -1 if start > ref - timedelta(days=80) else 0,
    "next": lambda start, ref, future: 1 if start <= ref else 0,
    "this": lambda start, ref, future: 0,
}


def year_in_words(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'nineteen ninety-six', 'the year two thousand': a year said in words."""
    value = spelled_year(m["year"])
    if value is None or _QUANTITY_AFTER.match(ctx.text, m.end()):
        return None
    bare_thousand = value == 2000 and not m["the"]
    if bare_thousand and not re.search(r"\b(?:in|since|until|by)\s+$", ctx.before(m.start(), 8)):
        return None  # "two thousand people"
    return candidate(m, "DATE", f"{value:04d}")


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def decade_in_words(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the nineties', 'the nineteen-eighties': a decade said in words ('in their nineties'
    is an age, so 'the' is needed)."""
    tens = _DECADE_WORDS[m["tens"].lower()]
    if m["century"]:
        century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m["century"].lower()]
        year = century * 100 + tens * 10
    else:
        year = year_of_two_digits(tens * 10, ctx.ref)
    return candidate(m, "DATE", f"{year // 10:03d}")


def range_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'5' of 'March 3-5' or 'March 3 to 5': the second half, a day of the first's month."""
    month = month_number(m["month"])
    first, last = day_number(m["first"]), day_number(m["day"])
    if last <= first:
        return None
    end = m.end("year") if m["year"] else m.end("day")
    if m["year"]:  # "March 3-5, 2010": the year is the range's, and said
        d = safe_date(year_value(m["year"]), month, last)
        return Candidate(m.start("day"), end, "DATE", d.isoformat()) if d else None
    d = pick_month_day(month, last, ctx.ref, ctx.tense(m.start(), m.end()))
    if d is None:
        return None
    return Candidate(m.start("day"), end, "DATE", d.isoformat(), anchor=Anchor("range_end", last))


def range_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'2010' of '2009-2010', '96' of '1995-96': the second half of a range of years."""
    first = int(m["first"])
    said = m["year"]
    value = int(said) if len(said) == 4 else first // 100 * 100 + int(said)
    if value <= first or value > ctx.ref.year + 60:
        return None
    return Candidate(m.start("year"), m.end("year"), "DATE", f"{value:04d}")


# --- the rules, in the order they were found to win ties -----------------------------------------

MONTH_DAY = Rule(
    "month day",
    re.compile(
        rf"(?=\w)(?:\b{WEEKDAY_RE}[^\S\n]*,?[^\S\n]*(?:the[^\S\n]+)?)?\b(?P<month>{ANY_MONTH_RE})\s+"
        rf"(?P<day>{DAY_RE})(?:\s*,?\s*(?P<year>{YEAR_RE})\b)?(?!\s*[,.]?\s*\d)"
    ),
    month_day_year,
    MONTH_TOKENS,
)
DAY_MONTH = Rule(
    "day month",
    re.compile(
        rf"(?=\w)(?:\b{WEEKDAY_RE}[^\S\n]*,?[^\S\n]*(?:the[^\S\n]+)?)?\b(?P<day>{DAY_RE})\s+(?:of\s+)?"
        rf"(?P<month>{ANY_MONTH_RE})(?![a-z])(?:\s*,?\s*(?P<year>{YEAR_RE})\b)?"
    ),
    month_day_year,
    MONTH_TOKENS,
)
MONTH_YEAR = Rule(
    "month year",
    re.compile(
        rf"(?=\w)\b(?:(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
        rf"|the\s+middle\s+of)[\s-]+)?(?P<month>{MONTH_RE}|{MONTH_ABBR_RE})\s*,?\s+(?:of\s+)?"
        rf"(?P<year>{YEAR_RE}|{SPELLED_YEAR_RE})\b"
    ),
    month_year,
    MONTH_TOKENS,
)
ISO_DATE = Rule(
    "ISO date",
    re.compile(r"(?=\d)\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    iso_date,
    frozenset("-"),
)
SLASH_DATE = Rule(
    "slash date",
    re.compile(r"(?=\d)(?<![\d/.])\b[01]?\d/[0-3]?\d/(?:\d{4}|\d{2})\b(?![/\d])"),
    slash,
    frozenset("/"),
)
BARE_MONTH = Rule(
    "bare month",
    re.compile(
        rf"{WORD_START}(?:(?P<mod>(?i:early|mid|late|last|next|this))[\s-]+|(?i:the\s+(?:end|beginning"
        rf"|start|middle)\s+of)\s+)?(?P<month>{MONTH_RE})\b(?!-)"
        rf"(?:\s+(?:of\s+)?(?P<rel>(?i:this|last|next))\s+year)?"
    ),
    bare_month,
    MONTH_TOKENS,
)
QUARTER = Rule(
    "quarter",
    re.compile(
        rf"{WORD_START}(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
        rf"[\s-]+quarter\b(?:\s+of\s+(?P<of>this\s+year|last\s+year|next\s+year"
        rf"|the\s+(?:previous|same|current)\s+year|(?P<year>{YEAR_RE})))?",
        FLAGS,
    ),
    quarter,
    frozenset(["quarter"]),
)
HALF = Rule(
    "half",
    re.compile(
        rf"(?=\w)\b(?:the\s+)?(?P<ord>first|second|1st|2nd)\s+half\s+of\s+(?P<of>this\s+year"
        rf"|last\s+year|next\s+year|(?P<year>{YEAR_RE}))\b",
        FLAGS,
    ),
    half,
    frozenset(["half"]),
)
YEAR = Rule(
    "year",
    re.compile(rf"(?=[12])(?<![\w$#£€¥.,/:'-])(?P<year>{YEAR_RE})(?![\w%]|[.,:/]\d|-[a-zA-Z])"),
    year,
    YEAR_TOKENS,
)
YEAR_PART = Rule(
    "part of a year",
    re.compile(
        rf"{WORD_START}(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
        rf"|the\s+middle\s+of|the\s+first\s+months\s+of|the\s+course\s+of)[\s-]+"
        rf"(?P<year>{YEAR_RE})\b"
    ),
    year_mod,
    YEAR_TOKENS,
)
APOSTROPHE_YEAR = Rule(
    "apostrophe year",
    re.compile(r"(?=['’])(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’])"),
    apostrophe_year,
    frozenset("'’"),
)
DECADE = Rule(
    "decade",
    re.compile(
        r"(?=[\w'’])(?:\b(?P<the>the)\s+(?:(?:early|mid|late)[\s-]+)?)?(?P<apos>['’])?"
        r"(?<![\w])(?P<digits>1[5-9]\d0|20[0-9]0|[1-9]0)['’]?s\b",
        FLAGS,
    ),
    decade,
    frozenset(["s"]),
    also=frozenset(f"{tens}0" for tens in range(10)),  # "90" of "1990s" or "'90s"
)
CENTURY = Rule(
    "century",
    re.compile(r"(?=\w)\b(?:the\s+)?(?P<n>1\d|2[0-2])(?:st|nd|rd|th)[\s-]+century\b", FLAGS),
    century,
    frozenset(["century"]),
)
SEASON = Rule(
    "season",
    re.compile(
        rf"(?=\w)\b(?:(?P<rel>this\s+past|this|last|next|early|late|mid)[\s-]+)?(?P<season>spring|summer"
        rf"|autumn|winter|fall)\b(?:\s+(?:of\s+)?(?P<year>{YEAR_RE}|{SPELLED_YEAR_RE})\b)?",
        FLAGS,
    ),
    season,
    frozenset(SEASONS),
)
WEEK_OF_MONTH = Rule(
    "week of a month",
    re.compile(
        rf"(?=\w)\b(?:the\s+)?(?P<ord>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+of"
        rf"\s+(?P<month>{MONTH_RE})\b(?:\s*,?\s*(?P<year>{YEAR_RE})\b)?"
    ),
    week_of_month,
    MONTH_TOKENS,
)

_RANGE_DASH = r"\s*(?:-|–|—|to|through|and)\s*"
RANGE_DAY = Rule(
    "second day of a range",
    re.compile(
        rf"(?=\w)\b(?P<month>{ANY_MONTH_RE})\s+(?P<first>{DAY_RE}){_RANGE_DASH}(?P<day>{DAY_RE})"
        rf"(?:\s*,?\s*(?P<year>{YEAR_RE})\b)?"
        rf"(?!\s*(?:{ANY_MONTH_RE}|[\d,.:%/]\d|percent|per|[ap]\.?m\b|million|billion))"
    ),
    range_day,
    MONTH_TOKENS,
)
RANGE_YEAR = Rule(
    "second year of a range",
    re.compile(
        r"(?=[12])(?<![\w.,$])(?P<first>(?:1[6-9]|20)\d\d)[-–—](?P<year>(?:1[6-9]|20)\d\d|\d\d)\b(?![-–—/]?\d)"
    ),
    range_year,
    YEAR_TOKENS,
)
YEAR_IN_WORDS = Rule(
    "year in words",
    re.compile(
        rf"(?=\w)(?<![\w-])(?P<the>the\s+year\s+)?(?P<year>{SPELLED_YEAR_RE})(?![\w-])", FLAGS
    ),
    year_in_words,
    frozenset(["sixteen", "seventeen", "eighteen", "nineteen", "thousand"]),
)
DECADE_IN_WORDS = Rule(
    "decade in words",
    re.compile(
        r"(?=\w)\bthe\s+(?:(?:early|mid|late)[\s-]+)?(?:(?P<century>eighteen|nineteen|twenty)[\s-]?)?"
        r"(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
        FLAGS,
    ),
    decade_in_words,
    frozenset(_DECADE_WORDS),
)
