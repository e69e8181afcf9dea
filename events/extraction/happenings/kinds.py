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
import re._constants as _c
import re._parser as _parser
from dataclasses import dataclass
from functools import cache
from typing import Any

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
# A quotation of four words or more, closed, or open to the sentence's end.
QUOTATION_WEIGHT = 2.0
_QUOTATION = re.compile(r"[\"“]([^\"“”]{12,})(?:[\"”]|$)")


def _quotation(sentence: str) -> str | None:
    for match in _QUOTATION.finditer(sentence):
        if len(match.group(1).split()) >= 4:
            return match.group()
    return None


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    weight: float
    cues: tuple[str, ...]  # the words that decided it, as found


# A cue is tried only at words that begin as it can: most words begin as no cue
# does and cost one dictionary lookup (trying every cue at every word doubled
# the time of an ingest).
PREFIX = 3
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)


def _prefixes(items: list[Any]) -> set[str] | None:
    """Lower-case strings (at most PREFIX long) one of which begins every match of
    the parsed pattern `items`; None when the pattern does not say."""
    out = {""}
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            out = {(p + chr(arg).lower())[:PREFIX] for p in out}
            continue
        if op is _c.IN and all(kind is _c.LITERAL for kind, _ in arg):
            out = {(p + chr(value).lower())[:PREFIX] for p in out for _, value in arg}
            continue
        # A group or alternatives: their own beginnings, then stop (what follows
        # them depends on which was taken).
        alternatives = [list(arg[3])] if op is _c.SUBPATTERN else None
        if op is _c.BRANCH:
            alternatives = [list(branch) for branch in arg[1]]
        found = [_prefixes(alt) for alt in alternatives or []]
        if alternatives and all(f is not None for f in found):
            out = {(p + f)[:PREFIX] for p in out for each in found for f in each or ()}
        break
    return out if "" not in out else None


@cache
def _patterns() -> dict[str, tuple[re.Pattern[str], tuple[tuple[str, float], ...]]]:
    """The cues by how they begin, each beginning's in one expression with a group
    per cue, and each group's kind and weight. "" holds the cues that say nothing
    of their beginning, tried at every word."""
    by_prefix: dict[str, list[tuple[str, str, float]]] = {"": []}
    for kind, cues in CUES.items():
        for cue, weight in cues.items():
            try:
                prefixes = _prefixes(list(_parser.parse(cue)))
            except re.error:
                prefixes = None
            for prefix in prefixes or {""}:
                by_prefix.setdefault(prefix, []).append((cue, kind, weight))
    compiled = {}
    for prefix, cues in by_prefix.items():
        if not cues:
            continue
        expression = "|".join(f"(?P<c{n}>{cue})" for n, (cue, _, _) in enumerate(cues))
        compiled[prefix] = (
            re.compile(f"(?:{expression})(?![\\w-])", re.IGNORECASE),
            tuple((kind, weight) for _, kind, weight in cues),
        )
    return compiled


_WORD_START = re.compile(r"(?<![\w.-])\w")


def _cue_at(sentence: str, start: int) -> tuple[str, float, str] | None:
    """The longest cue beginning at `start`: its kind, weight and words."""
    patterns = _patterns()
    head = sentence[start : start + PREFIX].lower()
    best = None
    for key in {"", head[:1], head[:2], head[:3]}:
        if key not in patterns:
            continue
        pattern, meaning = patterns[key]
        match = pattern.match(sentence, start)
        if match and (best is None or len(match.group()) > len(best[2])):
            kind, weight = meaning[int(str(match.lastgroup)[1:])]
            best = (kind, weight, match.group())
    return best


def classify(sentence: str) -> Kind:
    weights: dict[str, float] = {}
    found: dict[str, list[str]] = {}
    half = len(sentence) / 2
    covered = 0  # the end of the last cue: "civil war" is one cue, not two
    for word in _WORD_START.finditer(sentence):
        cue = _cue_at(sentence, word.start()) if word.start() >= covered else None
        if cue is None:
            continue
        kind, weight, words = cue
        covered = word.start() + len(words)
        if word.start() < half:
            weight *= LEAD_BONUS
        weights[kind] = weights.get(kind, 0.0) + weight
        found.setdefault(kind, []).append(words)
    quote = _quotation(sentence)
    if quote:
        # Words quoted are something a party said: a statement, unless the
        # sentence's acts outweigh it.
        weights["statement"] = weights.get("statement", 0.0) + QUOTATION_WEIGHT
        found.setdefault("statement", []).append(quote)
    if not weights:
        return Kind("other", 0.0, ())
    best = max(weights, key=lambda kind: (weights[kind], -KINDS.index(kind)))
    if weights[best] < MIN_WEIGHT:
        return Kind("other", weights[best], ())
    return Kind(best, weights[best], tuple(found[best]))
