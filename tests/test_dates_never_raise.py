"""The date tagger never raises, whatever the text and whatever the publication date."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from events.extraction.dates import find_timexes

# Words the rules look for, so that generated texts reach them rather than only noise.
_WORDS = (
    "Monday Friday Saturday Sunday today tonight yesterday tomorrow last next this that the "
    "following previous same week weekend month quarter year decade century day morning night "
    "ago earlier later before after from to through and between since in on at by until every "
    "each other recent coming past early late mid end of January March May Dec. Sept. spring "
    "fall winter 1990 2011 '82 1990s 80s 19th 3/30/18 2011-03-10 12:00 5 p.m. GMT noon "
    "midnight two three a an half several minutes hours days years quarterly annual now "
    "currently soon nineteen ninety-six thousand year-earlier year-ago fiscal period 1988 "
    "second third fourth - – , . ; \n"
)
WORDS = _WORDS.split(" ")

texts = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(WORDS) | st.text(max_size=4), max_size=30).map(" ".join),
)
days = st.dates(min_value=date.min, max_value=date.max) | st.sampled_from(
    [date.min, date.max, date(1, 1, 7), date(9999, 12, 26)]
)


@settings(max_examples=400, deadline=None, database=None)
@given(text=texts, published=days)
def test_any_text_on_any_publication_date_gives_sorted_timexes_within_the_calendar(
    text: str, published: date
) -> None:
    found = find_timexes(text, published)
    ends = [0]
    for timex in found:
        assert ends[-1] <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        if timex.date_start is not None:
            assert timex.date_end is not None and timex.date_start <= timex.date_end
        ends.append(timex.end)
