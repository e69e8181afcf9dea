"""The words the tagger knows: months, weekdays, numbers, units, parts of the day, seasons.

Each table maps a word to what it contributes to a TIMEX3 value; the regular expressions
below are built from the same words so a word added here is found and understood.
"""

from __future__ import annotations

import re

FLAGS = re.IGNORECASE

MONTH_NAMES = (
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
)
MONTHS = {name: i + 1 for i, name in enumerate(MONTH_NAMES)}
MONTH_ABBR = {
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
WEEKDAYS = {
    name: i
    for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
SMALL_NUMBERS = {
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
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Quantities said in words that are not plain numbers; "several" and "a few" have no value.
QUANTITY_WORDS = {
    "a": 1,
    "an": 1,
    "single": 1,
    "a couple of": 2,
    "couple of": 2,
    "a dozen": 12,
    "a hundred": 100,
}
ORDINALS = {
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
# unit word: (TIMEX3 unit letter, multiplier, is a time-of-day unit)
UNITS: dict[str, tuple[str, int, bool]] = {
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
PARTS_OF_DAY = {
    "morning": "TMO",
    "afternoon": "TAF",
    "evening": "TEV",
    "night": "TNI",
    "overnight": "TNI",
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# first month of each season, for ranges and for picking the right year
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# --- regular expression building blocks ------------------------------------------------------

# At the start of a word. A pattern that opens with optional words is tried at every
# position of a sentence; the lookahead lets the engine pass spaces and punctuation at the
# cost of one character test (the longest patterns run twice as fast with it).
WORD_START = r"(?=\w)\b"

MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
MONTH_ABBR_RE = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
ANY_MONTH_RE = rf"(?:{MONTH_RE}|{MONTH_ABBR_RE})"
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"
DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
WORD_NUM_RE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|hundreds\s+of|a\s+dozen|dozens\s+of"
    r"|(?:a\s+)?couple\s+of|a\s+few|several|few|many|some|single|an?)"
)
NUM_RE = (
    rf"(?:(?<![\d,.])(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)|{WORD_NUM_RE})(?:\s+and\s+a\s+half)?"
)
UNIT_RE = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
)
# years said in words, as broadcasts and quotations say them: "nineteen ninety-six",
# "nineteen oh five", "two thousand and one"
_UNITS_WORD_RE = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS_WORD_RE = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_TENS_WORD_RE = (
    rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]{_UNITS_WORD_RE})?)"
)
SPELLED_YEAR_RE = (
    rf"(?i:(?:sixteen|seventeen|eighteen|nineteen)[- ](?:{_TENS_WORD_RE}|{_TEENS_WORD_RE}"
    rf"|oh[- ]{_UNITS_WORD_RE}|hundred)"
    rf"|two[- ]thousand(?:[- ](?:and[- ])?(?:{_TENS_WORD_RE}|{_TEENS_WORD_RE}|{_UNITS_WORD_RE}))?)"
)
ZONE_RE = r"(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|IST|JST|AEST|AEDT|Z)"


def month_number(raw: str) -> int:
    """1-12 for a month's name or abbreviation ("Sept." included)."""
    key = raw.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBR[key]


def day_number(raw: str) -> int:
    """The day of "21st", "3" or "03"."""
    digits = re.match(r"\d+", raw)
    assert digits is not None, raw
    return int(digits[0])
