"""Date windows find every event whose range overlaps them, short or long."""

from __future__ import annotations

from datetime import date

import pytest

from events.models import Article, Event


def _event(article: Article, start: str, end: str) -> Event:
    return Event.objects.create(
        article=article,
        start=0,
        end=1,
        text=f"{start}..{end}",
        date_start=date.fromisoformat(start),
        date_end=date.fromisoformat(end),
    )


@pytest.fixture
def article(db: None) -> Article:
    return Article.objects.create(
        title="t", published=date(2011, 3, 11), text="x", content_hash="h"
    )


def _found(start: str | None, end: str | None) -> set[str]:
    window = Event.overlapping(
        date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None
    )
    return set(Event.objects.filter(window).values_list("text", flat=True))


def test_whether_an_event_is_long_is_kept_on_save(article: Article) -> None:
    assert not _event(article, "2011-03-14", "2011-03-20").is_long
    assert _event(article, "2011-01-01", "2011-12-31").is_long


def test_a_long_event_that_began_long_before_the_window_is_found(article: Article) -> None:
    _event(article, "2010-01-01", "2011-12-31")  # "this year"-like spans
    _event(article, "2011-02-01", "2011-02-28")
    assert _found("2011-03-10", "2011-03-10") == {"2010-01-01..2011-12-31"}


def test_a_short_event_overlapping_the_window_start_is_found(article: Article) -> None:
    _event(article, "2011-02-20", "2011-03-12")  # 20 days, starts before the window
    _event(article, "2011-03-11", "2011-03-11")
    _event(article, "2011-03-13", "2011-03-13")
    assert _found("2011-03-11", "2011-03-12") == {
        "2011-02-20..2011-03-12",
        "2011-03-11..2011-03-11",
    }


def test_open_ended_windows(article: Article) -> None:
    _event(article, "2011-01-01", "2011-01-01")
    _event(article, "2011-06-01", "2011-06-02")
    assert _found(None, "2011-03-01") == {"2011-01-01..2011-01-01"}
    assert _found("2011-03-01", None) == {"2011-06-01..2011-06-02"}
