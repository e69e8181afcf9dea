"""What a rule is: a pattern, the words without which it cannot match, and a reader."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from events.extraction.dates.context import Context
from events.extraction.dates.timex import Anchor, Candidate
from events.extraction.dates.vocabulary import MONTH_ABBR, MONTHS

Handler = Callable[[re.Match[str], Context], Candidate | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """One class of temporal expressions.

    pattern finds them; handler reads a match into a candidate (or None where the context
    says it is not a date); triggers are the lower-case tokens (see tagger.TOKEN) at least one
    of which a sentence must hold for the pattern to be tried at all, because scanning every
    sentence with every pattern costs far more than one set test per rule; where also is
    given, the sentence must hold one of those tokens too ("later" and a unit).
    """

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    triggers: frozenset[str]
    also: frozenset[str] = frozenset()


def candidate(m: re.Match[str], type_: str, value: str, anchor: Anchor | None = None) -> Candidate:
    """A candidate over the whole match."""
    return Candidate(m.start(), m.end(), type_, value, anchor=anchor)


UNIT_TOKENS = frozenset(
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
PLURAL_UNIT_TOKENS = frozenset(t for t in UNIT_TOKENS if t.endswith("s"))
MONTH_TOKENS = frozenset([*MONTHS, *MONTH_ABBR])
YEAR_TOKENS = frozenset(["16", "17", "18", "19", "20"])
