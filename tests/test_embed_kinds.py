"""The embed shows each event's kind (label, symbol, colour) and headline, with a legend, a kind=
filter, and the whole sentence one click away; the code generator offers the kinds."""

from __future__ import annotations

import re
from datetime import date
from html import escape

import pytest
from django.test import Client

from events.kind_styles import KIND_STYLES
from events.models import Article, Event
from tests.event_support import LONG_SENTENCE, make_article, make_event, make_long_event


@pytest.fixture
def story(db: None) -> dict[str, Event | Article]:
    article = make_article("Libya", date(2011, 3, 11))
    day = date(2011, 3, 11)
    return {
        "article": article,
        "pounded": make_long_event(article, day),
        "hostile": make_event(
            article,
            "Ministers <b>met</b> & talked at length about what comes next.",
            day,
            day,
            kind="diplomacy",
            headline="Ministers <b>met</b> & talked",
        ),
        "short": make_event(article, "Protests began.", day, day, kind="protest"),
        "more": make_event(article, "Shells fell.", day, day, kind="fighting"),
    }


def page(client: Client, query: str = "") -> str:
    response = client.get(f"/embed/timeline/?{query}")
    assert response.status_code == 200, response.content
    return response.content.decode()


def card(html: str, event: Event) -> str:
    match = re.search(
        rf'<li class="nm-card[^"]*"[^>]*>(?:(?!</li>).)*?{re.escape(escape(event.text[:12]))}'
        r".*?</li>",
        html,
        re.S,
    )
    assert match, event.text
    return match.group()


def test_each_card_names_its_kind_with_its_symbol_and_its_colours_class(
    client: Client, story: dict
) -> None:
    html = page(client, "start_at=first")
    pounded = card(html, story["pounded"])
    assert pounded.startswith('<li class="nm-card kind-fighting"')
    assert '<span class="nm-kind-mark" aria-hidden="true">✖</span> Fighting</p>' in pounded
    assert '<link rel="stylesheet" href="/kinds.css">' in html


def test_a_card_shows_the_headline_and_the_whole_sentence_behind_a_summary(
    client: Client, story: dict
) -> None:
    pounded = card(page(client), story["pounded"])
    assert (
        '<details class="nm-detail"><summary class="nm-headline">'
        "The military forces of Moammar Gadhafi pounded Ras Lanuf"
    ) in pounded
    assert f'<p class="nm-text">{LONG_SENTENCE}</p></details>' in pounded


def test_a_sentence_no_longer_than_its_headline_is_shown_once_without_a_summary(
    client: Client, story: dict
) -> None:
    short = card(page(client), story["short"])
    assert "<details" not in short
    assert '<p class="nm-text nm-headline">Protests began.</p>' in short


def test_headlines_are_text_never_markup(client: Client, story: dict) -> None:
    hostile = card(page(client), story["hostile"])
    assert "<b>" not in hostile
    assert "Ministers &lt;b&gt;met&lt;/b&gt; &amp; talked<span" in hostile


def test_the_legend_lists_the_kinds_shown_with_their_counts_in_legend_order(
    client: Client, story: dict
) -> None:
    html = page(client)
    legend = re.search(r'<ul class="nm-legend".*?</ul>', html, re.S).group()
    labels = re.findall(r"</span> ([A-Z][a-z ]+) <span", legend)
    assert labels == ["Fighting", "Protest", "Diplomacy"]
    assert 'aria-label="2 events">2</span>' in legend
    assert list(KIND_STYLES).index("protest") < list(KIND_STYLES).index("diplomacy")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=fighting", {"pounded", "more"}),
        ("kind=protest,diplomacy", {"short", "hostile"}),
        ("kind=protest&kind=diplomacy", {"short", "hostile"}),
    ],
)
def test_kind_chooses_the_cards(client: Client, story: dict, query: str, expected: set) -> None:
    html = page(client, query)
    shown = {
        name for name in ("pounded", "hostile", "short", "more") if escape(story[name].text) in html
    }
    assert shown == expected
    assert html.count('class="nm-card kind-') == len(expected)


def test_an_unknown_kind_explains_itself_inside_the_frame(client: Client, story: dict) -> None:
    response = client.get("/embed/timeline/?kind=riot")
    assert response.status_code == 400
    text = response.content.decode()
    assert "kind must be one or more of" in text
    assert "&#x27;riot&#x27; is no kind of event" in text


def test_the_generator_offers_every_kind_and_ticks_those_chosen(
    client: Client, story: dict
) -> None:
    html = client.get("/embed/code/?kind=protest&kind=fighting").content.decode()
    boxes = re.findall(r'<input type="checkbox" name="kind" value="([a-z_]+)"( checked)?>', html)
    assert [kind for kind, _ in boxes] == list(KIND_STYLES)
    assert {kind for kind, checked in boxes if checked} == {"fighting", "protest"}
    # One spelling in the snippet, in the taxonomy's order, commas as they are.
    assert "/embed/timeline/?kind=fighting,protest" in html


def test_the_snippet_carries_the_kinds_the_checkboxes_send(client: Client, story: dict) -> None:
    text = client.get("/embed/code/snippet/?kind=diplomacy&kind=protest").content.decode()
    assert 'src="http://testserver/embed/timeline/?kind=protest,diplomacy"' in text
    assert client.get("/embed/code/snippet/?kind=riot").status_code == 400
