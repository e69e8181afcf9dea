"""schemathesis over /api/openapi.json through the WSGI app: every check, bounded examples.

No server and no network: schemathesis calls the Django WSGI application in
this process, in the test's database transaction, which holds a small world
built in code so that answers are not all empty. Every built-in check runs
(server errors, status codes, content types, response schemas and headers,
positive data accepted, negative data rejected, unsupported methods...).
"""

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from events.params import parse_bbox, parse_day
from tests.event_support import SmallWorld, small_world

# Examples per operation and phase: enough to reach every parameter's edges,
# few enough for well under a minute on two cores. The seed keeps CI's runs the same.
MAX_EXAMPLES = 50

CONFIG = schemathesis.Config.from_dict(
    {
        "seed": 16,
        # schemathesis sends requests' default Accept-Encoding (gzip) but its WSGI
        # transport does not decode what it asked for; the gzipped answers are
        # the same JSON (tests/test_api_gzip.py).
        "headers": {"Accept-Encoding": "identity"},
        "generation": {"mode": "all", "max-examples": MAX_EXAMPLES},
        "checks": {"enabled": True},
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
        },
    }
)

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application(), config=CONFIG)


def map_query(context: Any, query: dict[str, Any] | None) -> dict[str, Any] | None:
    """Put reversed pairs in order: the two rules that relate parameters.

    Each parameter's own limits are in the schema, but JSON Schema cannot
    compare two of them: `start` after `end`, and a bbox whose south lies north
    of its north, are refused with a 400 that the parameters' descriptions
    document. Generated cases are made to keep those rules, so that a valid
    case is valid for the API too; every check still runs on every case.
    """
    if not query:
        return query
    try:
        reversed_window = parse_day(query.get("start")) > parse_day(query.get("end"))
    except ValueError:
        reversed_window = False  # either is missing or no day: nothing to order
    if reversed_window:
        query["start"], query["end"] = query["end"], query["start"]
    bbox = query.get("bbox")
    if isinstance(bbox, str):
        query["bbox"] = _south_before_north(bbox)
    return query


def _south_before_north(bbox: str) -> str:
    parts = bbox.split(",")
    if len(parts) != 4:
        return bbox
    try:
        parse_bbox(bbox)
    except ValueError as error:
        if "south must not be greater than north" in str(error):
            west, south, east, north = parts
            return ",".join((west, north, east, south))
    return bbox


@pytest.fixture
def world(db: None) -> Iterator[SmallWorld]:
    # The WSGI handler closes the database connection when a request ends (no
    # CONN_MAX_AGE): on PostgreSQL that would end the test's transaction and its
    # data. Django's own test client disconnects the same receiver.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield small_world()
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@schema.hooks.apply(map_query)
@schema.parametrize()
# The world is built once per operation and shared by its examples: the API only
# reads, so no example can change what the next one sees.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
def test_every_operation_answers_as_its_schema_documents(
    case: schemathesis.Case, world: SmallWorld
) -> None:
    case.call_and_validate()
