"""The places and articles endpoints of the read API."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.test import Client

from events.models import Article, Mention, Place
from events.schemas import ArticleDetail, ArticlePage, PlaceCollection
from tests.event_support import make_event

GEOJSON = "application/geo+json"


@dataclass
class World:
    ras_lanuf: Place
    brussels: Place
    tripoli: Place
    libya_article: Article
    summit_article: Article


def make_article(title: str, published: date, text: str) -> Article:
    return Article.objects.create(
        title=title,
        source="Reuters",
        url=f"https://example.com/{title.lower().replace(' ', '-')}",
        published=published,
        text=text,
        content_hash=f"hash-{title}",
    )


def mention(article: Article, place: Place, surface: str, start: int) -> Mention:
    return Mention.objects.create(
        article=article, place=place, surface=surface, start=start, end=start + len(surface)
    )


@pytest.fixture
def world(db: None) -> World:
    ras_lanuf = Place.objects.create(
        name="Ras Lanuf",
        kind=Place.Kind.CITY,
        country_code="LY",
        lat=30.5,
        lon=18.56,
        verified=True,
        geocode_source=Place.Source.EDITOR,
    )
    brussels = Place.objects.create(
        name="Brussels", kind=Place.Kind.CITY, country_code="BE", lat=50.85, lon=4.35
    )
    tripoli = Place.objects.create(
        name="Tripoli", kind=Place.Kind.CITY, country_code="LY", lat=32.89, lon=13.19
    )
    libya_article = make_article(
        "Rebels retreat from Ras Lanuf",
        date(2011, 3, 13),
        "Rebels retreated from Ras Lanuf. Ras Lanuf is an oil town. Ras Lanuf burned.",
    )
    summit_article = make_article(
        "EU summit on Libya", date(2011, 3, 11), "EU leaders met in Brussels."
    )
    make_event(
        libya_article,
        "Rebels retreated from Ras Lanuf.",
        date(2011, 3, 12),
        date(2011, 3, 12),
        ras_lanuf,
    )
    make_event(libya_article, "Ras Lanuf burned.", date(2011, 3, 13), date(2011, 3, 13), ras_lanuf)
    make_event(
        summit_article,
        "EU leaders met in Brussels.",
        date(2011, 3, 11),
        date(2011, 3, 11),
        brussels,
    )
    for start in (22, 33, 59):
        mention(libya_article, ras_lanuf, "Ras Lanuf", start)
    # An unresolved mention names no place and must not be counted for any.
    Mention.objects.create(article=summit_article, surface="EU", start=0, end=2)
    return World(ras_lanuf, brussels, tripoli, libya_article, summit_article)


def names(response) -> list[str]:
    return [feature["properties"]["name"] for feature in response.json()["features"]]


@pytest.mark.django_db
def test_places_are_a_geojson_collection_of_points_in_lon_lat_order(
    client: Client, world: World
) -> None:
    response = client.get("/api/places")

    assert response.status_code == 200
    assert response["Content-Type"] == GEOJSON
    body = response.json()
    PlaceCollection.model_validate(body)
    assert body["type"] == "FeatureCollection"
    assert (body["count"], body["limit"], body["offset"]) == (3, 1000, 0)
    assert names(response) == ["Brussels", "Ras Lanuf", "Tripoli"]
    ras_lanuf = body["features"][1]
    assert ras_lanuf["id"] == world.ras_lanuf.pk
    assert ras_lanuf["geometry"] == {"type": "Point", "coordinates": [18.56, 30.5]}


@pytest.mark.django_db
def test_places_count_their_events_and_mentions_separately(client: Client, world: World) -> None:
    features = client.get("/api/places").json()["features"]
    by_name = {feature["properties"]["name"]: feature["properties"] for feature in features}

    assert by_name["Ras Lanuf"] == {
        "id": world.ras_lanuf.pk,
        "name": "Ras Lanuf",
        "country": "LY",
        "kind": "city",
        "verified": True,
        "geocode_source": "editor",
        # Two events and three mentions: counts that a join of both would
        # have multiplied into six each.
        "event_count": 2,
        "mention_count": 3,
    }
    assert (by_name["Brussels"]["event_count"], by_name["Brussels"]["mention_count"]) == (1, 0)
    assert (by_name["Tripoli"]["event_count"], by_name["Tripoli"]["mention_count"]) == (0, 0)


@pytest.mark.django_db
def test_places_filter_by_bbox(client: Client, world: World) -> None:
    libya = client.get("/api/places", {"bbox": "9,19,26,34"})

    assert names(libya) == ["Ras Lanuf", "Tripoli"]
    assert libya.json()["count"] == 2


@pytest.mark.django_db
def test_places_refuse_a_bad_bbox_with_a_json_message(client: Client, world: World) -> None:
    response = client.get("/api/places", {"bbox": "0,60,10,50"})

    assert response.status_code == 400
    assert "south" in response.json()["detail"]


@pytest.mark.django_db
def test_places_filter_by_name_ignoring_case(client: Client, world: World) -> None:
    assert names(client.get("/api/places", {"q": "LANUF"})) == ["Ras Lanuf"]


@pytest.mark.django_db
def test_places_filter_by_country_code_in_either_case(client: Client, world: World) -> None:
    assert names(client.get("/api/places", {"country": "ly"})) == ["Ras Lanuf", "Tripoli"]
    assert names(client.get("/api/places", {"country": "BE"})) == ["Brussels"]


@pytest.mark.django_db
def test_places_page_with_limit_capped_at_the_maximum(
    client: Client, world: World, settings
) -> None:
    settings.API_MAX_LIMIT = 1

    first = client.get("/api/places", {"limit": 100})
    second = client.get("/api/places", {"limit": 100, "offset": 1})

    assert first.json()["limit"] == 1
    assert names(first) == ["Brussels"]
    assert names(second) == ["Ras Lanuf"]
    assert second.json()["count"] == 3


@pytest.mark.django_db
def test_listing_places_takes_two_queries_however_many_there_are(
    client: Client, world: World, django_assert_max_num_queries
) -> None:
    for n in range(30):
        Place.objects.create(name=f"Village {n}", country_code="LY", lat=30.0, lon=20.0)

    # The count, then the page with both counts as subqueries.
    with django_assert_max_num_queries(2):
        response = client.get("/api/places")

    assert response.json()["count"] == 33


@pytest.mark.django_db
def test_articles_are_a_paged_list_newest_first_with_event_counts(
    client: Client, world: World
) -> None:
    response = client.get("/api/articles")

    assert response.status_code == 200
    body = response.json()
    ArticlePage.model_validate(body)
    assert (body["count"], body["limit"], body["offset"]) == (2, 1000, 0)
    assert body["items"] == [
        {
            "id": world.libya_article.pk,
            "title": "Rebels retreat from Ras Lanuf",
            "source": "Reuters",
            "url": "https://example.com/rebels-retreat-from-ras-lanuf",
            "published": "2011-03-13",
            "event_count": 2,
        },
        {
            "id": world.summit_article.pk,
            "title": "EU summit on Libya",
            "source": "Reuters",
            "url": "https://example.com/eu-summit-on-libya",
            "published": "2011-03-11",
            "event_count": 1,
        },
    ]


@pytest.mark.django_db
def test_articles_page_with_limit_capped_at_the_maximum(
    client: Client, world: World, settings
) -> None:
    settings.API_MAX_LIMIT = 1

    body = client.get("/api/articles", {"limit": 50, "offset": 1}).json()

    assert (body["count"], body["limit"], body["offset"]) == (2, 1, 1)
    assert [item["id"] for item in body["items"]] == [world.summit_article.pk]


@pytest.mark.django_db
def test_an_article_comes_with_its_text(client: Client, world: World) -> None:
    response = client.get(f"/api/articles/{world.summit_article.pk}")

    assert response.status_code == 200
    body = response.json()
    ArticleDetail.model_validate(body)
    assert body["text"] == "EU leaders met in Brussels."
    assert body["event_count"] == 1
    assert body["published"] == "2011-03-11"


@pytest.mark.django_db
def test_a_missing_article_is_a_404_with_a_json_message(client: Client, world: World) -> None:
    response = client.get("/api/articles/999999")

    assert response.status_code == 404
    assert response.json() == {"detail": "No article with id 999999"}
