"""History and forecasts are background: one rule in Python and in the database."""

from __future__ import annotations

from datetime import date

import pytest

from events.background import background_q, is_background
from events.models import Article, Event
from tests.event_support import make_event

PUBLISHED = date(2011, 3, 10)

CASES = [
    # (what the story says, first day, last day, background?)
    ("on Friday", date(2011, 3, 4), date(2011, 3, 4), False),
    ("last month", date(2011, 2, 1), date(2011, 2, 28), False),
    ("this year", date(2011, 1, 1), date(2011, 12, 31), False),
    ("next week", date(2011, 3, 14), date(2011, 3, 20), False),
    ("in 1977", date(1977, 1, 1), date(1977, 12, 31), True),
    ("last year", date(2010, 1, 1), date(2010, 12, 31), True),
    ("by 2030", date(2030, 1, 1), date(2030, 12, 31), True),
    ("in June", date(2011, 6, 1), date(2011, 6, 30), True),
    ("31 days ago", date(2011, 2, 7), date(2011, 2, 7), True),
    ("30 days ago", date(2011, 2, 8), date(2011, 2, 8), False),
]


@pytest.mark.parametrize(("said", "first", "last", "background"), CASES, ids=[c[0] for c in CASES])
def test_an_event_far_from_its_story_is_background(
    said: str, first: date, last: date, background: bool
) -> None:
    assert is_background(first, last, PUBLISHED) is background


@pytest.mark.django_db
def test_the_database_finds_the_same_background_events() -> None:
    article = Article.objects.create(
        title="Libya", published=PUBLISHED, text="…", content_hash="libya"
    )
    for said, first, last, _ in CASES:
        make_event(article, said, first, last)
    found = set(Event.objects.filter(background_q()).values_list("text", flat=True))
    assert found == {said for said, _, _, background in CASES if background}
