"""What one call knows about the text: the reference date and each clause's tense."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date

from events.extraction.dates.vocabulary import FLAGS

# Clause boundaries: punctuation and the subordinators that usually start a new verb phrase,
# so that "said Friday that it will ..." does not make "Friday" future.
# The stop of an abbreviation ("a.m.", "U.S.", "Jan.", "Mr.") ends no clause. (The stop is
# matched first and the abbreviation looked for behind it: a lookbehind tried at every
# position of the text costs more than the rest of the pattern.)
_CLAUSE_BREAK = re.compile(
    r"\.(?<!\b[a-zA-Z]\.)(?<!\b(?i:mr|dr|st|co|no)\.)(?<!\b(?i:mrs|jan|feb|mar|apr|jun|jul|aug"
    r"|sep|oct|nov|dec|inc|gen|sen|rep|gov)\.)(?<!\b(?i:corp)\.)(?<!\b(?i:sept)\.)"
    r"|[;:!?\"“”()\[\]\n,]|--"
    # the subordinators, spelled out by first letter: one alternation tried at every
    # position of every text is what this pattern spends its time on
    r"|\b(?:[Tt]h(?:at|ough)|[Ww]h(?:ich|om?|ile|ereas|en|ere)|[Bb](?:ecause|ut)|[Aa]lthough)\b"
)


# Words that put a clause in the future (or in a plan not yet carried out).
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|wo\s?n't|going\s+to|plans?\s+to|planned|planning|scheduled|set\s+to"
    r"|expected\s+to|(?:is|are)\s+due|upcoming|coming|next|until|till|should|may|might"
    r"|as\s+(?:soon|early)\s+as|(?:is|are)\s+to)\b"
    r"|'ll\b"
)
# Words that put a clause in the past: the past tense of "be", "have" and "do", of the
# irregular verbs news reports with most, and regular past forms (-ed), less the -ed words
# that are not verbs or that speak of plans ("scheduled", "expected"), and less participles
# after a form of "be" ("is sold out", "are expected").
_PAST_CUE = re.compile(
    r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bam )(?<!\bbeing )(?<!\bwill )"
    r"(?:\b(?:was|were|had|did|said|told|went|came|took|made|gave|met|held|left|began|fell"
    r"|rose|lost|won|got|saw|sent|led|brought|paid|sold|bought|ran|became|chose|spoke|wrote"
    r"|struck|hit|shot|put|set|ago)\b"
    r"|\b\w{3,}ed\b(?<!\bneed)(?<!\bexpected)(?<!\bscheduled)(?<!\bplanned)(?<!\bhundred)"
    r"(?<!\bindeed)(?<!\bproposed))",
    FLAGS,
)


class Context:
    """Per-call state shared by the rules: the text, its reference date, tense lookups."""

    __slots__ = ("text", "ref", "_tense_cache", "_breaks")

    def __init__(self, text: str, ref: date) -> None:
        self.text = text
        self.ref = ref
        self._tense_cache: dict[tuple[int, int], str] = {}
        self._breaks: tuple[list[int], list[int]] | None = None

    def tense(self, start: int, end: int) -> str:
        """'future' or 'past' where the clause around text[start:end] says so, else ''."""
        key = (start, end)
        cached = self._tense_cache.get(key)
        if cached is None:
            around = self.clause(start, end)
            if _FUTURE_CUE.search(around):
                cached = "future"
            elif _PAST_CUE.search(around):
                cached = "past"
            else:
                cached = ""
            self._tense_cache[key] = cached
        return cached

    def future(self, start: int, end: int) -> bool:
        """Whether the clause around text[start:end] speaks of the future."""
        return self.tense(start, end) == "future"

    def before(self, start: int, width: int) -> str:
        """The width characters before start."""
        return self.text[max(0, start - width) : start]

    def clause(self, start: int, end: int) -> str:
        """The clause around text[start:end], as far as the nearest breaks (at most 160
        characters each way). The text's breaks are found once, on the first call."""
        if self._breaks is None:
            found = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(self.text)]
            self._breaks = ([b for b, _ in found], [e for _, e in found])
        starts, ends = self._breaks
        i = bisect_right(ends, start) - 1  # the last break that ends by start
        left = ends[i] if i >= 0 and starts[i] >= start - 160 else max(0, start - 160)
        j = bisect_left(starts, end)  # the first break from end on
        right = starts[j] if j < len(starts) and ends[j] <= end + 160 else end + 160
        return self.text[left:start] + " " + self.text[start:end] + " " + self.text[end:right]
