"""bbox numbers are plain decimals, leading zeros allowed, and the schema's pattern says
exactly which: what it documents as valid is answered, the rest refused with a reason."""

import re

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from events.params import BBOX_PATTERN, ParamError, parse_bbox
from tests.event_support import SmallWorld, small_world


@pytest.fixture
def world(db: None) -> SmallWorld:
    return small_world()


def ids(client: Client, url: str, bbox: str) -> list[int]:
    response = client.get(url, {"bbox": bbox})
    assert response.status_code == 200, response.content
    return [feature["id"] for feature in response.json()["features"]]


@pytest.mark.parametrize("url", ["/api/events", "/api/places"])
@pytest.mark.parametrize(
    "padded",
    ["010.5,029,019,031", "+10.5,29.000,19.,31", " 10.5 , 29 , 19 , 31 ", "10.50,029.,019,0031"],
)
def test_leading_zeros_signs_and_spaces_mean_the_same_box(
    client: Client, world: SmallWorld, url: str, padded: str
) -> None:
    plain = ids(client, url, "10.5,29,19,31")

    assert plain  # Ras Lanuf is inside
    assert ids(client, url, padded) == plain


@pytest.mark.parametrize("url", ["/api/events", "/api/places"])
@pytest.mark.parametrize(
    "bbox", ["1e1,0,20,40", "1_0,0,20,40", "١٠,0,20,40", "0x10,0,20,40", "10,,20,40"]
)
def test_numbers_that_are_not_plain_decimals_are_a_400_naming_bbox(
    client: Client, world: SmallWorld, url: str, bbox: str
) -> None:
    response = client.get(url, {"bbox": bbox})

    assert response.status_code == 400
    assert response.json()["detail"].startswith(
        "bbox must be four comma-separated decimal numbers: west,south,east,north; got"
    )


@given(st.from_regex(BBOX_PATTERN, fullmatch=True))
def test_every_bbox_the_schema_documents_is_accepted_unless_south_exceeds_north(raw: str) -> None:
    if raw == "":
        return  # no bbox: the view never parses it
    try:
        parse_bbox(raw)
    except ParamError as error:
        assert "south must not be greater than north" in str(error)


# Four decimal-looking parts, in and out of range, some with stray characters.
_PART = st.from_regex(r"[ ]?[+-]?0?[0-9]{0,3}(\.[0-9]{0,2})?[ e_]?", fullmatch=True)


@given(st.lists(_PART, min_size=4, max_size=4).map(",".join))
def test_every_bbox_accepted_is_one_the_schema_documents(raw: str) -> None:
    try:
        parse_bbox(raw)
    except ParamError:
        return
    # fullmatch: Python's $ also matches before a final newline, JSON Schema's does not.
    assert re.fullmatch(BBOX_PATTERN, raw)
