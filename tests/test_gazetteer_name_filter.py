"""The gazetteer's name filter: no name is ever refused, and most non-names skip the query."""

from __future__ import annotations

import random
import sqlite3
import string
from collections.abc import Iterator

import pytest

from events.gazetteer import Gazetteer, NameFilter


@pytest.fixture(scope="module")
def gazetteer() -> Iterator[Gazetteer]:
    gaz = Gazetteer.open()
    yield gaz
    gaz.close()


def _random_words(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(string.ascii_lowercase, k=9)) for _ in range(count)]


def test_every_name_of_the_index_passes_its_filter(gazetteer: Gazetteer) -> None:
    conn = sqlite3.connect(f"{gazetteer.path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        # One name in 40, spread over the whole alphabet, and the seeds' towns.
        sample = [row[0] for row in conn.execute("SELECT DISTINCT norm FROM names")][::40]
    finally:
        conn.close()
    assert len(sample) > 10_000
    filter_ = gazetteer._names
    assert all(norm in filter_ for norm in sample + ["ras lanuf", "zawiya", "benghazi"])


def test_a_filter_lets_through_about_one_non_name_in_a_hundred() -> None:
    names = set(_random_words(5_000, seed=1))
    filter_ = NameFilter.of(names)
    assert all(name in filter_ for name in names)
    others = [w for w in _random_words(20_000, seed=2) if w not in names]
    passed = sum(word in filter_ for word in others) / len(others)
    assert passed < 0.02


def test_a_word_that_names_no_place_is_answered_without_a_query(gazetteer: Gazetteer) -> None:
    statements: list[str] = []
    gazetteer._conn.set_trace_callback(statements.append)
    try:
        assert gazetteer.lookup("Qzxvbnm Wplkjh") == []
        found = gazetteer.lookup("Ras Lanuf")
    finally:
        gazetteer._conn.set_trace_callback(None)
    assert [e.country_code for e in found if e.kind == "city"][:1] == ["LY"]
    assert len(statements) == 1  # only Ras Lanuf's
