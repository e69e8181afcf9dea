"""GET /api/timeline: the embed's filters, answered in TimelineJS3's JSON format."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from events.models import Article, Place
from tests.event_support import make_event


@pytest.fixture
def libya(db: None) -> dict[str, object]:
    zawiya = Place.objects.create(
        name="Zawiya", kind="city", country_code="LY", lat=32.76, lon=12.73
    )
    libya = Place.objects.create(name="Libya", kind="country", country_code="LY", lat=27, lon=17)
    article = Article.objects.create(
        title="Fighting in <Zawiya>",
        source="Wire",
        url="https://example.com/zawiya",
        published=date(2011, 3, 11),
        text="...",
        content_hash="zawiya",
    )
    hostile = Article.objects.create(
        title="Hostile",
        source="Somewhere",
        url="javascript:alert(1)",
        published=date(2011, 3, 12),
        text="...",
        content_hash="hostile",
    )
    square = make_event(
        article,
        "Zawiya's square was <b>littered</b> with tanks, witnesses said on Friday.",
        date(2011, 3, 11),
        date(2011, 3, 11),
        zawiya,
        libya,
        kind="fighting",
        headline="Zawiya's square was <b>littered</b> with tanks",
    )
    week = make_event(
        article,
        "Estimates earlier this week.",
        date(2011, 3, 7),
        date(2011, 3, 11),
        date_precision="week",
    )
    month = make_event(
        hostile,
        "<script>alert(1)</script> in March.",
        date(2011, 3, 1),
        date(2011, 3, 31),
        libya,
        date_precision="month",
    )
    return {
        "zawiya": zawiya,
        "libya": libya,
        "article": article,
        "square": square,
        "week": week,
        "month": month,
    }


def slides(client: Client, query: str = "") -> list[dict]:
    response = client.get(f"/api/timeline{query}")
    assert response.status_code == 200, response.content
    return response.json()["events"]


def test_each_event_is_a_slide_with_its_headline_its_sentence_and_sources_and_its_kind_as_group(
    client: Client, libya: dict
) -> None:
    square = next(s for s in slides(client) if s["unique_id"] == f"event-{libya['square'].pk}")
    assert square["start_date"] == {"year": 2011, "month": 3, "day": 11}
    assert square["end_date"] == {"year": 2011, "month": 3, "day": 11}
    assert square["group"] == "Fighting", "the kind names the row"
    assert (
        square["text"]["headline"]
        == "Zawiya&#x27;s square was &lt;b&gt;littered&lt;/b&gt; with tanks"
    )
    assert square["text"]["text"] == (
        "<p>Zawiya&#x27;s square was &lt;b&gt;littered&lt;/b&gt; with tanks, witnesses said on "
        "Friday.</p><p>Libya, Zawiya</p>"
        '<p><a href="https://example.com/zawiya" target="_blank" rel="noopener noreferrer">'
        "Wire</a></p>"
    )
    assert square["display_date"] == "11 Mar 2011"


def test_an_event_stored_without_a_headline_gets_one_from_its_sentence(
    client: Client, libya: dict
) -> None:
    week = next(s for s in slides(client) if s["unique_id"] == f"event-{libya['week'].pk}")
    assert week["text"]["headline"] == "Estimates earlier this week"
    assert week["group"] == "Other"


def test_kind_chooses_the_slides(client: Client, libya: dict) -> None:
    got = {s["unique_id"] for s in slides(client, "?kind=fighting,protest")}
    assert got == {f"event-{libya['square'].pk}"}


def test_dates_carry_only_the_parts_the_event_knows(client: Client, libya: dict) -> None:
    by_id = {s["unique_id"]: s for s in slides(client)}
    month = by_id[f"event-{libya['month'].pk}"]
    assert month["start_date"] == {"year": 2011, "month": 3}
    assert month["display_date"] == "March 2011"
    week = by_id[f"event-{libya['week'].pk}"]
    assert week["end_date"] == {"year": 2011, "month": 3, "day": 11}
    assert week["display_date"] == "7–11 Mar 2011"


def test_untrusted_text_and_urls_never_become_markup(client: Client, libya: dict) -> None:
    month = next(s for s in slides(client) if s["unique_id"] == f"event-{libya['month'].pk}")
    assert "<script>" not in month["text"]["text"]
    assert "&lt;script&gt;" in month["text"]["text"]
    assert "javascript:" not in month["text"]["text"]
    body = client.get(f"/api/timeline?article={libya['article'].pk}").json()
    assert body["title"]["text"]["headline"] == "Fighting in &lt;Zawiya&gt;"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?start=2011-03-10&end=2011-03-10", {"week", "month"}),
        ("?end=2011-03-06", {"month"}),
        ("?start=2011-03-11", {"square", "week", "month"}),
        ("?q=TANKS", {"square"}),
        ("?place={zawiya}", {"square"}),
        ("?place={libya}", {"square", "month"}),
        ("?article={article}", {"square", "week"}),
    ],
)
def test_the_filters_are_the_embeds(client: Client, libya: dict, query: str, expected: set) -> None:
    ids = {key: value.pk for key, value in libya.items()}
    got = {s["unique_id"] for s in slides(client, query.format(**ids))}
    assert got == {f"event-{libya[name].pk}" for name in expected}


def test_slides_are_oldest_first(client: Client, libya: dict) -> None:
    got = [s["unique_id"] for s in slides(client)]
    assert got == [f"event-{libya[name].pk}" for name in ("month", "week", "square")]


def test_a_start_after_the_end_is_a_400(client: Client, libya: dict) -> None:
    response = client.get("/api/timeline?start=2011-03-12&end=2011-03-01")
    assert response.status_code == 400
    assert "must not be after" in response.json()["detail"]


def test_other_sites_timelinejs_may_fetch_it(client: Client, libya: dict) -> None:
    assert client.get("/api/timeline")["Access-Control-Allow-Origin"] == "*"
