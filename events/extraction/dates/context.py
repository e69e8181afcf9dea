"""What one call knows about the text: the reference date and each clause's tense."""

from __future__ import annotations

import re
from datetime import date

from events.extraction.dates.vocabulary import FLAGS

# Clause boundaries: punctuation and the subordinators that usually start a new verb phrase,
# so that "said Friday that it will ..." does not make "Friday" future.
_CLAUSE_BREAK = re.compile(
    r"[.;:!?\"“”()\[\]\n,]|--|\b(?:that|which|who|whom|because|but|although|though|while"
    r"|whereas|when|where)\b",
    FLAGS,
)
# Words that put a clause in the future (or in a plan not yet carried out).
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|wo\s?n't|going\s+to|plans?\s+to|planned|planning|scheduled|set\s+to"
    r"|expected\s+to|(?:is|are)\s+due|upcoming|coming|next|until|till|should|may|might)\b"
    r"|'ll\b"
)


class Context:
    """Per-call state shared by the rules: the text, its reference date, tense lookups."""

    __slots__ = ("text", "ref", "_tense_cache")

    def __init__(self, text: str, ref: date) -> None:
        self.text = text
        self.ref = ref
        self._tense_cache: dict[tuple[int, int], bool] = {}

    def future(self, start: int, end: int) -> bool:
        """Whether the clause around text[start:end] speaks of the future."""
        key = (start, end)
        cached = self._tense_cache.get(key)
        if cached is None:
            cached = _is_future_clause(self.text, start, end)
            self._tense_cache[key] = cached
        return cached

    def before(self, start: int, width: int) -> str:
        """The width characters before start."""
        return self.text[max(0, start - width) : start]


def _is_future_clause(text: str, start: int, end: int) -> bool:
    left = text[max(0, start - 160) : start]
    cut = 0
    for m in _CLAUSE_BREAK.finditer(left):
        cut = m.end()
    right = text[end : end + 160]
    m = _CLAUSE_BREAK.search(right)
    clause = left[cut:] + " " + text[start:end] + " " + (right[: m.start()] if m else right)
    return _FUTURE_CUE.search(clause) is not None
