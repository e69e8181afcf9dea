"""The article page lists its events as the text tells them: each one's kind, headline and day,
the headline linking to its sentence in the text, the whole sentence one click away."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client

from events.models import Article
from tests.event_support import LONG_SENTENCE, make_article, make_event, make_long_event

TALKS = "Talks <b>began</b>."
HISTORY = "In 1969 Gadhafi took power."
TEXT = f"{LONG_SENTENCE} {TALKS} {HISTORY}"


@pytest.fixture
def article(db: None) -> Article:
    article = make_article("Ras Lanuf <falls>", date(2011, 3, 11), text=TEXT)
    events = [
        make_long_event(article, date(2011, 3, 11)),
        make_event(
            article,
            TALKS,
            date(2011, 3, 12),
            date(2011, 3, 12),
            kind="diplomacy",
            headline="Talks <b>began</b>",
        ),
        make_event(article, HISTORY, date(1969, 9, 1), date(1969, 9, 1)),
    ]
    for event in events:  # where each sentence is in the text
        event.start = TEXT.index(event.text)
        event.end = event.start + len(event.text)
        event.save()
    return article


def items(client: Client, article: Article) -> list[str]:
    response = client.get(f"/articles/{article.pk}/")
    assert response.status_code == 200
    return re.findall(r'<li class="article-event .*?</li>', response.content.decode(), re.S)


def test_each_event_shows_its_kind_headline_and_day_in_the_texts_order(
    client: Client, article: Article
) -> None:
    pounded, talks, history = items(client, article)
    assert 'class="article-event kind-fighting"' in pounded
    assert '<span class="kind-mark" aria-hidden="true">✖</span> Fighting</span>' in pounded
    assert ">The military forces of Moammar Gadhafi pounded Ras Lanuf</a>" in pounded
    assert "11 Mar 2011" in pounded
    assert "◆</span> Diplomacy" in talks
    assert 'class="article-event kind-other"' in history


def test_the_headline_links_to_the_sentence_in_the_text(client: Client, article: Article) -> None:
    pounded = items(client, article)[0]
    (href,) = re.findall(r'<a href="#(event-\d+)">', pounded)
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert f'<span id="{href}" class="event-anchor"></span>' in html


def test_the_whole_sentence_is_one_click_away_when_it_says_more(
    client: Client, article: Article
) -> None:
    pounded, talks, _ = items(client, article)
    assert "<summary>The whole sentence</summary>" in pounded
    assert f'<p class="article-event-sentence">{LONG_SENTENCE}</p>' in pounded
    assert "<details" not in talks, "its headline is its sentence"


def test_history_is_marked_as_background(client: Client, article: Article) -> None:
    history = items(client, article)[2]
    assert "1969 · background" in history
    assert "background" not in items(client, article)[0]


def test_headlines_are_text_never_markup(client: Client, article: Article) -> None:
    talks = items(client, article)[1]
    assert "<b>" not in talks
    assert "Talks &lt;b&gt;began&lt;/b&gt;</a>" in talks


def test_the_page_takes_the_kinds_colours_from_kinds_css(client: Client, article: Article) -> None:
    html = client.get(f"/articles/{article.pk}/").content.decode()
    assert '<link rel="stylesheet" href="/kinds.css">' in html
