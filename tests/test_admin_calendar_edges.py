"""The admin's date drill-down reaches the calendar's first and last days without a 500."""

from datetime import date

import pytest
from django.test import Client

from tests.event_support import make_event, small_world

DRILL_DOWNS = [
    ("event", {"date_start__year": "9999"}),
    ("event", {"date_start__year": "9999", "date_start__month": "12"}),
    ("event", {"date_start__year": "9999", "date_start__month": "12", "date_start__day": "31"}),
    ("event", {"date_start__year": "1", "date_start__month": "1", "date_start__day": "1"}),
    ("article", {"published__year": "9999"}),
    ("article", {"published__year": "9999", "published__month": "12"}),
    ("article", {"published__year": "9999", "published__month": "12", "published__day": "31"}),
]


@pytest.fixture
def client_with_edge_events(db: None, admin_client: Client) -> Client:
    world = small_world()
    make_event(world.libya, "At the first day.", date.min, date.min)
    make_event(world.libya, "At the last day.", date.max, date.max)
    return admin_client


@pytest.mark.parametrize(("model", "query"), DRILL_DOWNS)
def test_drilling_down_to_the_calendars_ends_never_answers_500(
    client_with_edge_events: Client, model: str, query: dict[str, str]
) -> None:
    response = client_with_edge_events.get(f"/admin/events/{model}/", query, follow=True)
    assert response.status_code == 200
    # The period's list, or Django's own fallback for a period it cannot bound (?e=1):
    # the changelist either way, never an error page.
    assert "admin/change_list.html" in [template.name for template in response.templates]
