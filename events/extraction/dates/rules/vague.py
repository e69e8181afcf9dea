"""Words for now, the past and the future without a date: 'currently', 'recently', 'soon'."""

from __future__ import annotations

import re

from events.extraction.dates.context import Context
from events.extraction.dates.rules.base import Rule, candidate
from events.extraction.dates.timex import Candidate
from events.extraction.dates.vocabulary import FLAGS

REF_WORDS = {
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


def ref_word(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'currently', 'recently', 'in the near future', 'recent history'."""
    key = re.sub(r"\s+", " ", m["word"].lower())
    key = re.sub(r"^(?:more|most|until|very|only|just|too|in|for) ", "", key)
    if key.startswith("recent ") or key.startswith("the recent "):
        key = "recent"
    return candidate(m, "DATE", REF_WORDS[key])


def now(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'now'."""
    return candidate(m, "DATE", "PRESENT_REF")


REF_WORD = Rule(
    "vague reference",
    re.compile(
        r"(?=\w)\b(?P<word>(?:(?:more|most|until|very|only|just)\s+)?recently|lately|currently"
        r"|presently|nowadays|at\s+present|these\s+days|at\s+the\s+moment"
        r"|(?:for\s+)?the\s+time\s+being|(?:in\s+)?the\s+past(?!\s+(?:\w+\s+)?"
        r"(?:day|week|month|year|decade|centur|hour|minute|quarter|weekend|two|three|four|five"
        r"|six|seven|eight|nine|ten|several|few|\d))"
        r"|(?:(?:very|too)\s+)?(?<!\bas\s)soon(?!\s+as\b)|the\s+(?:near|foreseeable|distant)\s+future"
        r"|(?:in\s+)?the\s+future|the\s+(?:near|long|short|medium)\s+term"
        r"|(?:the\s+)?recent\s+(?:times|history|past)"
        r"|recent|current)\b(?!-)",
        FLAGS,
    ),
    ref_word,
    frozenset(
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
)
NOW = Rule(
    "now",
    re.compile(r"(?=\w)(?<![\w-])(?P<word>now)\b(?!-)", FLAGS),
    now,
    frozenset(["now"]),
)
