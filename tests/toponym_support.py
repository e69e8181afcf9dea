"""Helpers for the toponym tests: what the finder makes of one text."""

from __future__ import annotations

from events.sentences import split_sentences
from events.toponyms import PLACE, Toponym, ToponymFinder


def find(finder: ToponymFinder, text: str) -> list[Toponym]:
    return finder.find(text, split_sentences(text))


def places(finder: ToponymFinder, text: str) -> dict[str, Toponym]:
    """The toponyms that are places (not demonyms or names inside names), by their text."""
    return {t.text: t for t in find(finder, text) if t.role == PLACE}
