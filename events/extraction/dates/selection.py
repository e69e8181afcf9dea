"""Settling overlaps: the longest candidate wins, then the earliest, then the earlier rule."""

from __future__ import annotations

from events.extraction.dates.timex import Candidate


def select(cands: list[Candidate], length: int) -> list[Candidate]:
    """Non-overlapping candidates in text order; each kept one is longest where it stands."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[Candidate] = []
    taken = bytearray(length)
    for c in cands:
        if any(taken[c.start : c.end]):
            continue
        kept.append(c)
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    kept.sort(key=lambda c: c.start)
    return kept
