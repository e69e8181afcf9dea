"""How newsmap counts things in the sentences it shows people."""

from __future__ import annotations


def count_of(n: int, noun: str, plural: str | None = None) -> str:
    """'1 mention', '2 mentions', '3 aliases': messages read as sentences."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {plural or noun + 's'}"
