"""The event lists run with the cyclic garbage collector paused, and restore it after."""

import gc
from collections.abc import Iterator

import pytest
from django.http import HttpResponse
from django.test import Client

from events import api


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_paused_during_the_view_and_on_again_after() -> None:
    seen = []

    @api.without_gc_pauses
    def view() -> HttpResponse:
        seen.append(gc.isenabled())
        return HttpResponse()

    view()

    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_is_on_again_after_the_view_raises() -> None:
    @api.without_gc_pauses
    def view() -> HttpResponse:
        raise ValueError("boom")

    with pytest.raises(ValueError):
        view()

    assert gc.isenabled()


def test_a_collector_someone_else_paused_stays_paused() -> None:
    gc.disable()

    api.without_gc_pauses(lambda: HttpResponse())()

    assert not gc.isenabled()


@pytest.mark.django_db
def test_both_event_lists_build_their_answers_with_the_collector_paused(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = []
    features = api._event_features

    def spy(events: object) -> list[dict[str, object]]:
        seen.append(gc.isenabled())
        return features(events)

    monkeypatch.setattr(api, "_event_features", spy)

    def to_json(payload: object) -> bytes:
        seen.append(gc.isenabled())
        return b"{}"

    monkeypatch.setattr(api, "to_json", to_json)

    assert client.get("/api/events").status_code == 200
    assert client.get("/api/events/compact").status_code == 200

    assert seen == [False, False, False]
    assert gc.isenabled()
