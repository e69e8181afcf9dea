"""Find temporal expressions in English news text and normalise them to TIMEX3 values.

Without Django. One way from text to results: the rules (rules/, one module per class of
expression, each rule a pattern, its trigger words and a reader) propose candidates;
selection keeps the longest where they overlap; anchoring gives anaphoric expressions
("the following year", a clock time) the dates they hang on to; ranges turns each value
into the calendar days it covers. Relative expressions resolve against the publication
date. dateparser is only asked to read numeric slash dates, and its answers are cached.
"""

from events.extraction.dates.tagger import find_timexes
from events.extraction.dates.timex import Timex

__all__ = ["Timex", "find_timexes"]
