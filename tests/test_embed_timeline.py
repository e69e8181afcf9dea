"""/embed/timeline/ as served: the matching events, their dates, sentences, places and sources."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from events.models import Article, Place
from tests.event_support import make_event


@pytest.fixture
def zawiya(db: None) -> dict[str, object]:
    place = Place.objects.create(name="Zawiya", kind="city", country_code="LY", lat=32.7, lon=12.7)
    article = Article.objects.create(
        title="Battle for <Zawiya>",
        source="Wire & Co",
        url="https://example.com/zawiya",
        published=date(2011, 3, 11),
        text="...",
        content_hash="z",
    )
    hostile = Article.objects.create(
        title="x",
        source="Evil",
        url="javascript:alert(1)",
        published=date(2011, 3, 12),
        text="...",
        content_hash="h",
    )
    first = make_event(
        article, "Rebels held the square.", date(2011, 3, 10), date(2011, 3, 10), place
    )
    second = make_event(
        article,
        'Tanks <img src=x onerror="alert(1)"> burned.',
        date(2011, 3, 11),
        date(2011, 3, 11),
    )
    third = make_event(hostile, "Later that day.", date(2011, 3, 12), date(2011, 3, 12), place)
    return {"place": place, "article": article, "first": first, "second": second, "third": third}


def test_each_event_shows_its_date_sentence_places_and_source_link(
    client: Client, zawiya: dict
) -> None:
    html = client.get(f"/embed/timeline/?article={zawiya['article'].pk}").content.decode()
    assert '<time class="nm-date" datetime="2011-03-10">10 Mar 2011</time>' in html
    assert "Rebels held the square." in html
    assert "<li>Zawiya</li>" in html
    assert '<a href="https://example.com/zawiya" target="_blank" rel="noopener noreferrer">' in html
    assert "Later that day." not in html, "another article's event"


def test_article_text_is_always_escaped(client: Client, zawiya: dict) -> None:
    html = client.get("/embed/timeline/").content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "<Zawiya>" not in html
    assert "javascript:" not in html, "a javascript: URL must not become a link"
    assert "Wire &amp; Co" in html


def test_the_title_names_the_article_or_the_place(client: Client, zawiya: dict) -> None:
    by_article = client.get(f"/embed/timeline/?article={zawiya['article'].pk}").content.decode()
    assert '<h1 class="nm-title">Battle for &lt;Zawiya&gt;</h1>' in by_article
    by_place = client.get(f"/embed/timeline/?place={zawiya['place'].pk}").content.decode()
    assert '<h1 class="nm-title">Events at Zawiya</h1>' in by_place


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("start=2011-03-11", {"second", "third"}),
        ("end=2011-03-10", {"first"}),
        ("q=TANKS", {"second"}),
        ("place={place}", {"first", "third"}),
    ],
)
def test_the_filters_choose_the_events(
    client: Client, zawiya: dict, query: str, shown: set
) -> None:
    html = client.get("/embed/timeline/?" + query.format(place=zawiya["place"].pk)).content.decode()
    texts = {"first": "Rebels held", "second": "burned.", "third": "Later that day."}
    assert {name for name, text in texts.items() if text in html} == shown


@pytest.mark.parametrize(
    ("start_at", "index"), [("first", 0), ("latest", 2), ("2011-03-11", 1), ("2012-01-01", 2)]
)
def test_start_at_picks_the_first_card(
    client: Client, zawiya: dict, start_at: str, index: int
) -> None:
    html = client.get(f"/embed/timeline/?start_at={start_at}").content.decode()
    assert f'data-start="{index}"' in html


def test_theme_and_a_fixed_height_reach_the_page(client: Client, zawiya: dict) -> None:
    html = client.get("/embed/timeline/?theme=dark&height=300").content.decode()
    assert '<html lang="en" class="theme-dark fixed"' in html


@pytest.mark.parametrize(
    "query",
    [
        "theme=purple",
        "start_at=soon",
        "height=10",
        "article=abc",
        "start=2011-03-12&end=2011-03-01",
    ],
)
def test_wrong_parameters_explain_themselves_inside_the_frame(
    client: Client, db: None, query: str
) -> None:
    response = client.get(f"/embed/timeline/?{query}")
    assert response.status_code == 400
    assert "This timeline cannot be shown" in response.content.decode()


def test_no_matching_events_says_so(client: Client, zawiya: dict) -> None:
    html = client.get("/embed/timeline/?q=nothing-like-this").content.decode()
    assert "No events match these filters." in html


def test_the_page_runs_only_its_own_scripts(client: Client, zawiya: dict) -> None:
    policy = client.get("/embed/timeline/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "default-src 'self'" in policy
