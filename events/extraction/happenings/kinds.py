"""The kind of event a sentence reports, from its declared cues (lexicon.py).

Each cue found adds its weight to its kind; a cue in the sentence's first half
counts half again, since the main clause, which says what happened, usually
comes first ("Forces pounded the port, vowing to retake it" is fighting; "He
vowed to retake the east" is a statement). The kind with the most weight wins;
with too little evidence the sentence is "other". The cues found are returned
with the kind, so that a reader of the code, or a test, sees why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from events.extraction.happenings.lexicon import CUES

# In the order ties are settled: the more specific act first.
KINDS = (
    "violence_against_civilians",
    "fighting",
    "protest",
    "sanctions",
    "humanitarian",
    "disaster",
    "crime",
    "diplomacy",
    "politics",
    "economy",
    "statement",
    "other",
)
# Less than one clear cue is no evidence of a kind.
MIN_WEIGHT = 2.0
LEAD_BONUS = 1.5
# A quotation of four words or more.
QUOTATION_WEIGHT = 2.0
_QUOTATION = re.compile(r"[\"“][^\"“”]*?(?:\s[^\"“”\s]+){3,}[^\"“”]*[\"”]")


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    weight: float
    cues: tuple[str, ...]  # the words that decided it, as found


@cache
def _pattern() -> tuple[re.Pattern[str], tuple[tuple[str, float], ...]]:
    """All cues in one expression, a group each, and each group's kind and weight."""
    parts: list[str] = []
    meaning: list[tuple[str, float]] = []
    for kind, cues in CUES.items():
        for cue, weight in cues.items():
            parts.append(f"(?P<c{len(meaning)}>{cue})")
            meaning.append((kind, weight))
    expression = r"(?<![\w.-])(?:" + "|".join(parts) + r")(?![\w-])"
    return re.compile(expression, re.IGNORECASE), tuple(meaning)


def classify(sentence: str) -> Kind:
    pattern, meaning = _pattern()
    weights: dict[str, float] = {}
    found: dict[str, list[str]] = {}
    half = len(sentence) / 2
    for match in pattern.finditer(sentence):
        kind, weight = meaning[int(str(match.lastgroup)[1:])]
        if match.start() < half:
            weight *= LEAD_BONUS
        weights[kind] = weights.get(kind, 0.0) + weight
        found.setdefault(kind, []).append(match.group())
    quote = _QUOTATION.search(sentence)
    if quote:
        # Words quoted are something a party said: a statement, unless the
        # sentence's acts outweigh it.
        weights["statement"] = weights.get("statement", 0.0) + QUOTATION_WEIGHT
        found.setdefault("statement", []).append(quote.group())
    if not weights:
        return Kind("other", 0.0, ())
    best = max(weights, key=lambda kind: (weights[kind], -KINDS.index(kind)))
    if weights[best] < MIN_WEIGHT:
        return Kind("other", weights[best], ())
    return Kind(best, weights[best], tuple(found[best]))
