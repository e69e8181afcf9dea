"""From text to timexes: sentence-sized chunks, every rule's candidates, overlaps, anaphora."""

from __future__ import annotations

import re
from datetime import date

from events.extraction.dates.anchoring import anchor
from events.extraction.dates.context import Context
from events.extraction.dates.pairs import order_ranges
from events.extraction.dates.ranges import range_of
from events.extraction.dates.rules import RULES, Rule
from events.extraction.dates.selection import select
from events.extraction.dates.timex import Candidate, DateRange, Timex

# the tokens rules name as triggers (see rules.base.Rule)
TOKEN = re.compile(r"[a-z]+|\d\d|[:/'’-]")
# sentence-sized chunks; a capital after the stop keeps "Jan. 5" and "p.m. (GMT)" together
_CHUNK_BREAK = re.compile(r"\n|(?<=[.!?])\s+(?=[A-Z\"“])")


def find_timexes(text: str, reference: date) -> list[Timex]:
    """Temporal expressions in text, sorted by start and non-overlapping.

    Relative expressions ("Friday", "last month") resolve against reference, the
    publication date. Never raises for any text and any reference in date.min..date.max:
    a date past the calendar's ends is left out.
    """
    ctx = Context(text, reference)
    cands: list[Candidate] = []
    for start, end in _chunks(text):
        cands.extend(_candidates(ctx, start, end))
    resolved = order_ranges(anchor(select(cands, len(text)), text, reference), text)
    return [_timex(c, text) for c in resolved]


def _chunks(text: str) -> list[tuple[int, int]]:
    chunks: list[tuple[int, int]] = []
    pos = 0
    for br in _CHUNK_BREAK.finditer(text):
        if br.start() > pos:
            chunks.append((pos, br.start()))
        pos = br.end()
    if pos < len(text):
        chunks.append((pos, len(text)))
    return chunks


def _by_trigger(rules: tuple[Rule, ...]) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for i, rule in enumerate(rules):
        for token in rule.triggers:
            index.setdefault(token, []).append(i)
    return {token: tuple(ids) for token, ids in index.items()}


# trigger token → the rules it lets through, so a sentence tries only the rules whose
# words it holds (in priority order) instead of testing every rule's triggers
_BY_TRIGGER = _by_trigger(RULES)


def _rules_for(tokens: set[str]) -> list[Rule]:
    ids: set[int] = set()
    for token in tokens:
        ids.update(_BY_TRIGGER.get(token, ()))
    rules = (RULES[i] for i in sorted(ids))
    return [rule for rule in rules if not rule.also or not rule.also.isdisjoint(tokens)]


def _candidates(ctx: Context, start: int, end: int) -> list[Candidate]:
    tokens = set(TOKEN.findall(ctx.text[start:end].lower()))
    found: list[Candidate] = []
    for rule in _rules_for(tokens):
        # pos/endpos keep offsets absolute and let lookbehinds see the text before
        for m in rule.pattern.finditer(ctx.text, start, end):
            try:
                cand = rule.handler(m, ctx)
            except (OverflowError, ValueError):
                # "Tomorrow" in a story dated 9999-12-31: a day past the
                # calendar's ends (year 0 or 10000) names no date to store.
                continue
            if cand is not None and cand.end > cand.start:
                found.append(cand)
    return found


def _timex(c: Candidate, text: str) -> Timex:
    rng: DateRange | None = None
    if c.type in ("DATE", "TIME"):
        rng = c.range_override or range_of(c.value)
    return Timex(
        start=c.start,
        end=c.end,
        text=text[c.start : c.end],
        type=c.type,
        value=c.value,
        date_start=rng[0] if rng else None,
        date_end=rng[1] if rng else None,
        precision=rng[2] if rng else None,
    )
