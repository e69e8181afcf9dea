"""GET /api/storymap: located events as StoryMapJS slides, with /api/timeline's filters.

The format is StoryMapJS's (https://storymap.knightlab.com/advanced/, "JSON syntax", and
NUKnightLab/StoryMapJS's static/demo/demo.json): {"storymap": {options..., "slides": [...]}},
the first slide of type "overview" (no location: StoryMapJS shows every marker at once), the
others each with text {headline, text} as HTML, a date string and a location {name, lat, lon,
zoom, line}, where StoryMapJS puts a marker (src/js/map/Map.js reads location.lat and .lon).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from events.api_storymap import StoryMapDocument
from events.models import Place
from tests.event_support import make_article, make_event

# What StoryMapJS reads, and so all an export may hold.
STORYMAP_OPTIONS = {
    "language",
    "map_type",
    "map_subdomains",
    "map_as_image",
    "map_background_color",
    "calculate_zoom",
    "attribution",
    "zoomify",
    "call_to_action",
    "call_to_action_text",
    "slides",
}
SLIDE_KEYS = {"type", "date", "text", "location", "media", "background", "uniqueid"}
LOCATION_KEYS = {"name", "lat", "lon", "zoom", "line", "icon", "image", "use_custom_marker"}


@pytest.fixture
def story(db: None) -> dict[str, Any]:
    zawiya = Place.objects.create(
        name="Zawiya", kind=Place.Kind.CITY, country_code="LY", lat=32.76, lon=12.73
    )
    libya = Place.objects.create(
        name="Libya", kind=Place.Kind.COUNTRY, country_code="LY", lat=27.0, lon=17.0
    )
    article = make_article(
        "Battle for <Zawiya>", date(2011, 3, 11), source="Wire & Co", url="https://example.com/z"
    )
    other = make_article("Elsewhere", date(2011, 3, 12), url="javascript:alert(1)")
    return {
        "zawiya": zawiya,
        "libya": libya,
        "article": article,
        "square": make_event(
            article,
            "Gadhafi's tanks <b>shelled</b> Zawiya's square on Friday, witnesses said.",
            date(2011, 3, 11),
            date(2011, 3, 11),
            zawiya,
            libya,
            kind="fighting",
            headline="Gadhafi's tanks <b>shelled</b> Zawiya's square",
        ),
        "talks": make_event(
            article,
            "Envoys met.",
            date(2011, 3, 9),
            date(2011, 3, 9),
            libya,
            kind="diplomacy",
            headline="Envoys met",
        ),
        "nowhere": make_event(
            article, "Estimates rose.", date(2011, 3, 10), date(2011, 3, 10), kind="humanitarian"
        ),
        "later": make_event(
            other, "Calm returned.", date(2011, 3, 12), date(2011, 3, 12), zawiya, kind="other"
        ),
    }


def storymap(client: Client, query: str = "") -> dict[str, Any]:
    response = client.get(f"/api/storymap{query}")
    assert response.status_code == 200, response.content
    return response.json()


def assert_storymapjs_format(body: dict[str, Any]) -> None:
    assert set(body) == {"storymap"}
    options = body["storymap"]
    assert set(options) <= STORYMAP_OPTIONS
    slides = options["slides"]
    assert slides[0]["type"] == "overview"
    assert "location" not in slides[0]
    for slide in slides:
        assert set(slide) <= SLIDE_KEYS
        assert isinstance(slide["text"]["headline"], str) and slide["text"]["headline"]
        assert isinstance(slide["text"]["text"], str)
        assert isinstance(slide.get("date", ""), str)
    for slide in slides[1:]:
        assert "type" not in slide, "only the first slide is the overview"
        location = slide["location"]
        assert set(location) <= LOCATION_KEYS
        assert isinstance(location["name"], str) and location["name"]
        assert isinstance(location["lat"], float) and -90 <= location["lat"] <= 90
        assert isinstance(location["lon"], float) and -180 <= location["lon"] <= 180
        assert isinstance(location["zoom"], int) and 0 <= location["zoom"] <= 18
        assert isinstance(location["line"], bool)
    StoryMapDocument.model_validate(body)


def test_the_answer_is_in_storymapjs_format(client: Client, story: dict) -> None:
    assert_storymapjs_format(storymap(client))


def test_each_located_event_is_a_slide_oldest_first_and_the_unplaced_are_left_out(
    client: Client, story: dict
) -> None:
    slides = storymap(client)["storymap"]["slides"]
    assert [s["text"]["headline"] for s in slides[1:]] == [
        "Envoys met",
        "Gadhafi&#x27;s tanks &lt;b&gt;shelled&lt;/b&gt; Zawiya&#x27;s square",
        "Calm returned",
    ]
    assert slides[0]["text"]["text"] == "<p>3 located events from newsmap</p>"


def test_a_slide_is_at_the_events_most_specific_place_with_its_sentence_sources_date_and_kind(
    client: Client, story: dict
) -> None:
    square = storymap(client, "?kind=fighting")["storymap"]["slides"][1]
    assert square["location"] == {
        "name": "Zawiya",
        "lat": 32.76,
        "lon": 12.73,
        "zoom": 9,
        "line": True,
    }
    assert square["date"] == "11 Mar 2011 · Fighting"
    assert square["text"]["text"] == (
        "<p>Gadhafi&#x27;s tanks &lt;b&gt;shelled&lt;/b&gt; Zawiya&#x27;s square on Friday, "
        "witnesses said.</p><p>Libya, Zawiya</p>"
        '<p><a href="https://example.com/z" target="_blank" '
        'rel="noopener noreferrer">Wire &amp; Co</a></p>'
    )
    talks = storymap(client, "?kind=diplomacy")["storymap"]["slides"][1]
    assert talks["location"]["zoom"] == 4, "a country is framed from further out"


def test_untrusted_words_and_addresses_never_become_markup(client: Client, story: dict) -> None:
    body = storymap(client)
    text = str(body)
    assert "<b>" not in text and "javascript:" not in text
    title = storymap(client, f"?article={story['article'].pk}")["storymap"]["slides"][0]
    assert title["text"]["headline"] == "Battle for &lt;Zawiya&gt;"


HEADLINES = {
    "talks": "Envoys met",
    "square": "Gadhafi&#x27;s tanks &lt;b&gt;shelled&lt;/b&gt; Zawiya&#x27;s square",
    "later": "Calm returned",
}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=fighting,other", ["square", "later"]),
        ("?kind=diplomacy&kind=other", ["talks", "later"]),
        ("?place={zawiya}", ["square", "later"]),
        ("?article={article}", ["talks", "square"]),
        ("?start=2011-03-10&end=2011-03-11", ["square"]),
        ("?q=CALM", ["later"]),
    ],
)
def test_the_filters_are_the_timelines(
    client: Client, story: dict, query: str, expected: list[str]
) -> None:
    query = query.format(**{name: value.pk for name, value in story.items()})
    slides = storymap(client, query)["storymap"]["slides"][1:]
    assert [slide["text"]["headline"] for slide in slides] == [HEADLINES[n] for n in expected]
    # The same events as the timeline's, less those without a place.
    timeline = client.get(f"/api/timeline{query}").json()["events"]
    located = [s for s in timeline if s["unique_id"] != f"event-{story['nowhere'].pk}"]
    assert [s["text"]["headline"] for s in located] == [HEADLINES[n] for n in expected]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("?kind=riot", "'riot' is no kind of event"),
        ("?start=2011-03-12&end=2011-03-01", "must not be after"),
    ],
)
def test_a_bad_filter_is_a_400_saying_why(
    client: Client, story: dict, query: str, words: str
) -> None:
    response = client.get(f"/api/storymap{query}")
    assert response.status_code == 400
    assert words in response.json()["detail"]


def test_other_sites_storymapjs_may_fetch_it_and_no_events_is_still_a_story(
    client: Client, db: None
) -> None:
    response = client.get("/api/storymap")
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert_storymapjs_format(body)
    assert body["storymap"]["slides"][0]["text"]["text"] == "<p>0 located events from newsmap</p>"


def test_the_schema_documents_the_export_and_its_filters(client: Client, db: None) -> None:
    operation = client.get("/api/openapi.json").json()["paths"]["/api/storymap"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert names == {"start", "end", "place", "article", "q", "kind", "each"}
    assert {"200", "400"} <= set(operation["responses"])
