"""The events endpoints of the read API: GeoJSON, filters, paging, errors, docs."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.test import Client

from events.models import Article, Event, Place
from events.schemas import EventCollection, EventFeature
from tests.event_support import make_article, make_event, three_places

GEOJSON = "application/geo+json"


@dataclass
class World:
    ras_lanuf: Place
    brussels: Place
    tripoli: Place
    libya_article: Article
    summit_article: Article
    retreat: Event
    summit: Event
    ceasefire: Event


@pytest.fixture
def world(db: None) -> World:
    ras_lanuf, brussels, tripoli = three_places()
    libya_article = make_article("Rebels retreat from Ras Lanuf", date(2011, 3, 13))
    summit_article = make_article("EU summit on Libya", date(2011, 3, 11), source="AP")
    retreat = make_event(
        libya_article,
        "Rebels retreated from the oil town of Ras Lanuf.",
        date(2011, 3, 12),
        date(2011, 3, 13),
        ras_lanuf,
        date_text="12 March",
        kind="fighting",
        headline="Rebels retreated from the oil town of Ras Lanuf",
    )
    summit = make_event(
        summit_article,
        "EU leaders met in Brussels to discuss the fighting at Ras Lanuf.",
        date(2011, 3, 11),
        date(2011, 3, 11),
        ras_lanuf,
        brussels,
        date_text="11 March",
    )
    ceasefire = make_event(
        libya_article,
        "A ceasefire was called.",
        date(2011, 3, 20),
        date(2011, 3, 20),
        date_text="20 March",
    )
    return World(
        ras_lanuf, brussels, tripoli, libya_article, summit_article, retreat, summit, ceasefire
    )


def feature_ids(response) -> list[int]:
    return [feature["id"] for feature in response.json()["features"]]


@pytest.mark.django_db
def test_events_are_a_geojson_feature_collection_served_as_geo_json(
    client: Client, world: World
) -> None:
    response = client.get("/api/events")

    assert response.status_code == 200
    assert response["Content-Type"] == GEOJSON
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert (body["count"], body["limit"], body["offset"]) == (3, 1000, 0)
    # Ordered by date_start: the summit (11th), the retreat (12th), the ceasefire (20th).
    assert feature_ids(response) == [world.summit.pk, world.retreat.pk, world.ceasefire.pk]
    # What is served is what /api/docs says is served.
    EventCollection.model_validate(body)


@pytest.mark.django_db
def test_an_event_at_one_place_is_a_point_in_lon_lat_order(client: Client, world: World) -> None:
    feature = client.get(f"/api/events/{world.retreat.pk}").json()

    assert feature["geometry"] == {"type": "Point", "coordinates": [18.56, 30.5]}


@pytest.mark.django_db
def test_an_event_at_several_places_is_a_multipoint_of_all_of_them(
    client: Client, world: World
) -> None:
    feature = client.get(f"/api/events/{world.summit.pk}").json()

    assert feature["geometry"]["type"] == "MultiPoint"
    # Places come ordered by name: Brussels, then Ras Lanuf.
    assert feature["geometry"]["coordinates"] == [[4.35, 50.85], [18.56, 30.5]]


@pytest.mark.django_db
def test_an_event_without_places_has_null_geometry(client: Client, world: World) -> None:
    feature = client.get(f"/api/events/{world.ceasefire.pk}").json()

    assert feature["type"] == "Feature"
    assert feature["geometry"] is None
    assert feature["properties"]["places"] == []


@pytest.mark.django_db
def test_event_properties_carry_iso_dates_the_article_and_the_places(
    client: Client, world: World
) -> None:
    response = client.get(f"/api/events/{world.retreat.pk}")

    assert response.status_code == 200
    assert response["Content-Type"] == GEOJSON
    feature = response.json()
    EventFeature.model_validate(feature)
    assert feature["id"] == world.retreat.pk
    assert feature["properties"] == {
        "id": world.retreat.pk,
        "text": "Rebels retreated from the oil town of Ras Lanuf.",
        "date_start": "2011-03-12",
        "date_end": "2011-03-13",
        "date_precision": "day",
        "date_text": "12 March",
        "is_caption": False,
        "kind": "fighting",
        "headline": "Rebels retreated from the oil town of Ras Lanuf",
        "speaker": "",
        # Told by this report alone.
        "reports": 1,
        "report_ids": [],
        "sources": [],
        "article": {
            "id": world.libya_article.pk,
            "title": "Rebels retreat from Ras Lanuf",
            "source": "Reuters",
            "url": "https://example.com/rebels-retreat-from-ras-lanuf",
            "published": "2011-03-13",
        },
        "places": [
            {
                "id": world.ras_lanuf.pk,
                "name": "Ras Lanuf",
                "country": "LY",
                "kind": "city",
                "lat": 30.5,
                "lon": 18.56,
            }
        ],
    }


@pytest.mark.django_db
def test_an_event_matches_a_day_inside_its_date_range(client: Client, world: World) -> None:
    response = client.get("/api/events", {"start": "2011-03-13", "end": "2011-03-13"})

    assert feature_ids(response) == [world.retreat.pk]


@pytest.mark.django_db
def test_an_event_does_not_match_a_day_before_its_date_range(client: Client, world: World) -> None:
    response = client.get("/api/events", {"start": "2011-03-11", "end": "2011-03-11"})

    assert feature_ids(response) == [world.summit.pk]


@pytest.mark.django_db
def test_either_end_of_the_date_filter_may_be_left_open(client: Client, world: World) -> None:
    after = client.get("/api/events", {"start": "2011-03-13"})
    before = client.get("/api/events", {"end": "2011-03-12"})

    assert feature_ids(after) == [world.retreat.pk, world.ceasefire.pk]
    assert feature_ids(before) == [world.summit.pk, world.retreat.pk]


@pytest.mark.django_db
def test_a_start_after_the_end_is_a_400_with_a_message(client: Client, world: World) -> None:
    response = client.get("/api/events", {"start": "2011-03-14", "end": "2011-03-13"})

    assert response.status_code == 400
    assert "start" in response.json()["detail"]


@pytest.mark.django_db
def test_a_malformed_date_is_a_400_naming_the_parameter(client: Client, world: World) -> None:
    response = client.get("/api/events", {"start": "13/03/2011"})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "start must be a day as YYYY-MM-DD"}


@pytest.mark.django_db
def test_bbox_keeps_events_with_at_least_one_place_inside(client: Client, world: World) -> None:
    libya = client.get("/api/events", {"bbox": "9,19,26,34"})
    belgium = client.get("/api/events", {"bbox": "2.5,49.5,6.4,51.5"})
    atlantic = client.get("/api/events", {"bbox": "-40,0,-20,20"})

    assert feature_ids(libya) == [world.summit.pk, world.retreat.pk]
    assert libya.json()["count"] == 2
    assert feature_ids(belgium) == [world.summit.pk]
    assert feature_ids(atlantic) == []


@pytest.mark.django_db
def test_bbox_with_west_greater_than_east_crosses_the_antimeridian(
    client: Client, world: World
) -> None:
    # Longitudes from 10 east round the back of the globe to 5 east: Brussels
    # (4.35) is inside, Ras Lanuf (18.56) is too, and so both events match;
    # from 20 east it is Brussels alone.
    wide = client.get("/api/events", {"bbox": "10,0,5,60"})
    narrow = client.get("/api/events", {"bbox": "20,0,5,60"})

    assert feature_ids(wide) == [world.summit.pk, world.retreat.pk]
    assert feature_ids(narrow) == [world.summit.pk]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "bbox",
    [
        "1,2,3",
        "1,2,3,4,5",
        "west,south,east,north",
        "0,10,10,0",
        "-200,0,0,10",
        "0,0,181,10",
        "0,-95,10,10",
        "nan,0,1,1",
        "0,0,inf,1",
    ],
)
def test_a_bad_bbox_is_a_400_with_a_json_message(client: Client, world: World, bbox: str) -> None:
    response = client.get("/api/events", {"bbox": bbox})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "bbox" in response.json()["detail"]


@pytest.mark.django_db
def test_an_empty_bbox_is_the_same_as_none(client: Client, world: World) -> None:
    assert client.get("/api/events", {"bbox": ""}).json()["count"] == 3


@pytest.mark.django_db
def test_limit_above_the_maximum_is_lowered_to_it(client: Client, world: World, settings) -> None:
    settings.API_MAX_LIMIT = 2

    body = client.get("/api/events", {"limit": 5000}).json()

    assert body["limit"] == 2
    assert len(body["features"]) == 2
    assert body["count"] == 3


@pytest.mark.django_db
def test_limit_and_offset_page_through_the_events(client: Client, world: World) -> None:
    response = client.get("/api/events", {"limit": 1, "offset": 1})

    body = response.json()
    assert (body["count"], body["limit"], body["offset"]) == (3, 1, 1)
    assert feature_ids(response) == [world.retreat.pk]


@pytest.mark.django_db
def test_a_negative_limit_or_offset_is_a_400(client: Client, world: World) -> None:
    assert client.get("/api/events", {"limit": -1}).status_code == 400
    assert client.get("/api/events", {"offset": -1}).status_code == 400


@pytest.mark.django_db
def test_q_matches_event_text_ignoring_case(client: Client, world: World) -> None:
    lanuf = client.get("/api/events", {"q": "ras LANUF"})
    retreated = client.get("/api/events", {"q": "RETREATED"})

    assert feature_ids(lanuf) == [world.summit.pk, world.retreat.pk]
    assert feature_ids(retreated) == [world.retreat.pk]


@pytest.mark.django_db
def test_place_keeps_only_events_at_that_place(client: Client, world: World) -> None:
    brussels = client.get("/api/events", {"place": world.brussels.pk})
    tripoli = client.get("/api/events", {"place": world.tripoli.pk})

    assert feature_ids(brussels) == [world.summit.pk]
    assert feature_ids(tripoli) == []


@pytest.mark.django_db
def test_a_place_and_a_date_window_combine(client: Client, world: World) -> None:
    # Ras Lanuf has the summit (11th) and the retreat (12th-13th).
    response = client.get("/api/events", {"place": world.ras_lanuf.pk, "start": "2011-03-13"})

    assert feature_ids(response) == [world.retreat.pk]
    assert response.json()["count"] == 1


@pytest.mark.django_db
def test_article_keeps_only_events_from_that_article(client: Client, world: World) -> None:
    response = client.get("/api/events", {"article": world.libya_article.pk})

    assert feature_ids(response) == [world.retreat.pk, world.ceasefire.pk]


@pytest.mark.django_db
def test_filters_combine(client: Client, world: World) -> None:
    response = client.get(
        "/api/events", {"bbox": "9,19,26,34", "start": "2011-03-12", "q": "rebels"}
    )

    assert feature_ids(response) == [world.retreat.pk]


@pytest.mark.django_db
def test_a_missing_event_is_a_404_with_a_json_message(client: Client, world: World) -> None:
    response = client.get("/api/events/999999")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "No event with id 999999"}


@pytest.mark.django_db
def test_listing_events_takes_the_same_few_queries_however_many_there_are(
    client: Client, world: World, django_assert_max_num_queries
) -> None:
    places = [world.ras_lanuf, world.brussels, world.tripoli]
    for day in range(1, 31):
        make_event(
            world.summit_article, f"Event {day}", date(2011, 4, day), date(2011, 4, day), *places
        )

    # A count, the events with their articles, their places, and their happenings' reports.
    with django_assert_max_num_queries(4):
        response = client.get("/api/events", {"bbox": "-10,20,30,60", "q": "event"})

    assert response.json()["count"] == 30
    assert len(response.json()["features"]) == 30


@pytest.mark.django_db
def test_the_api_docs_page_renders(client: Client) -> None:
    assert client.get("/api/docs").status_code == 200


@pytest.mark.django_db
def test_the_openapi_schema_lists_every_endpoint_and_geojson_responses(client: Client) -> None:
    response = client.get("/api/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/places",
        "/api/articles",
        "/api/articles/{article_id}",
    } <= set(paths)
    events = paths["/api/events"]["get"]
    assert {p["name"] for p in events["parameters"]} >= {
        "start",
        "end",
        "bbox",
        "place",
        "article",
        "q",
        "limit",
        "offset",
    }
    assert GEOJSON in events["responses"]["200"]["content"]
    assert "EventCollection" in response.json()["components"]["schemas"]
