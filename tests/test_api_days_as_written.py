"""Days are written YYYY-MM-DD, as the schema's format says: nothing else is read as one.

pydantic alone read start=0 as 1970-01-01 (a Unix time), so that a client's
mistake got an answer to another question; schemathesis found it.
"""

import pytest
from django.test import Client

from tests.event_support import SmallWorld, small_world

NOT_DAYS = ["0", "1300000000", "20110310", "2011-W10-4", "2011-3-1", "2011-02-30", " 2011-03-10"]


@pytest.fixture
def world(db: None) -> SmallWorld:
    return small_world()


@pytest.mark.parametrize("url", ["/api/events", "/api/events/compact", "/api/timeline"])
@pytest.mark.parametrize("name", ["start", "end"])
@pytest.mark.parametrize("value", NOT_DAYS)
def test_anything_but_a_calendar_day_as_yyyy_mm_dd_is_a_400(
    client: Client, world: SmallWorld, url: str, name: str, value: str
) -> None:
    response = client.get(url, {name: value})

    assert response.status_code == 400
    assert response.json() == {"detail": f"{name} must be a day as YYYY-MM-DD"}


# The embed trims its parameters, as a form's fields are: " 2011-03-10" is a day there.
@pytest.mark.parametrize("value", NOT_DAYS[:-1])
def test_the_embed_reads_days_the_same_way(client: Client, world: SmallWorld, value: str) -> None:
    start = client.get("/embed/timeline/", {"start": value})
    start_at = client.get("/embed/timeline/", {"start_at": value})

    assert start.status_code == start_at.status_code == 400
    assert "start must be a day as YYYY-MM-DD" in start.content.decode()
    assert "start_at must be first, latest or a day as YYYY-MM-DD" in start_at.content.decode()


def test_a_day_as_written_is_read(client: Client, world: SmallWorld) -> None:
    body = client.get("/api/events", {"start": "2011-03-12", "end": "2011-03-12"}).json()

    assert [f["properties"]["text"] for f in body["features"]] == [
        "The uprising went on through the spring.",
        "Rebels retreated from Ras Lanuf.",
    ]
