"""Lists of events give one event per happening, with how many reports tell it and
their other sources; every report stays reachable (each=report, an article's list)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from events.models import Article, Event

SEEDS = settings.BASE_DIR / "seeds"
VOW = "vowed Thursday to retake other areas in eastern Libya"


@pytest.fixture
def seeded(db: None) -> None:
    call_command("ingest", str(SEEDS), stdout=StringIO(), stderr=StringIO())


def _vow() -> Event:
    report = Event.objects.get(text__contains=VOW)
    return Event.objects.get(pk=report.lead_id or report.pk)


def test_the_api_lists_one_event_per_happening_by_default(client: Client, seeded: None) -> None:
    body = client.get("/api/events").json()
    assert body["count"] == Event.objects.filter(lead__isnull=True).count()
    assert body["count"] < Event.objects.count()
    every = client.get("/api/events", {"each": "report"}).json()
    assert every["count"] == Event.objects.count()


def test_a_happening_told_by_two_articles_counts_its_reports_and_names_the_other_source(
    client: Client, seeded: None
) -> None:
    lead = _vow()
    feature = client.get(f"/api/events/{lead.pk}").json()["properties"]
    assert feature["reports"] == 2
    [report] = feature["report_ids"]
    told = client.get(f"/api/events/{report}").json()["properties"]
    assert VOW in told["text"] or VOW in feature["text"]
    [other] = feature["sources"]
    assert other["id"] != feature["article"]["id"]
    assert Article.objects.filter(pk=other["id"]).exists()


def test_an_articles_own_list_keeps_every_one_of_its_reports(client: Client, seeded: None) -> None:
    for article in Article.objects.all():
        body = client.get("/api/events", {"article": article.pk}).json()
        assert body["count"] == article.events.count()


def test_the_compact_columns_carry_reports_and_sources_as_article_indexes(
    client: Client, seeded: None
) -> None:
    body = client.get("/api/events/compact").json()
    events, articles = body["events"], body["articles"]
    at = events["id"].index(_vow().pk)
    assert events["reports"][at] == 2
    [source] = events["sources"][at]
    assert articles["id"][source] != articles["id"][events["article"][at]]
    assert len(events["reports"]) == len(events["sources"]) == body["count"]


def test_the_embed_and_timelinejs_say_how_many_reports_and_link_both_sources(
    client: Client, seeded: None
) -> None:
    page = client.get("/embed/timeline/").content.decode()
    assert "2 reports</span>" in page
    slides = client.get("/api/timeline").json()["events"]
    [slide] = [s for s in slides if s["unique_id"] == f"event-{_vow().pk}"]
    assert "2 reports · " in slide["text"]["text"]
    lead = _vow()
    for article in {lead.article, *(report.article for report in lead.reports.all())}:
        assert (article.source or article.title) in slide["text"]["text"]


def test_an_unknown_each_is_refused_with_one_line(client: Client, seeded: None) -> None:
    response = client.get("/api/events", {"each": "sentence"})
    assert response.status_code == 400
    assert "each" in response.json()["detail"]


@pytest.mark.django_db
def test_two_stories_of_one_source_name_it_once_and_count_both(client: Client) -> None:
    from datetime import date

    from tests.event_support import make_article, make_event, three_places

    ras_lanuf, _, _ = three_places()
    day = date(2011, 3, 11)
    first = make_article("Shelling of Ras Lanuf", day, source="AFP")
    second = make_article("Ras Lanuf under fire", day, source="AFP")
    lead = make_event(first, "Forces shelled Ras Lanuf.", day, day, ras_lanuf, kind="fighting")
    make_event(second, "Ras Lanuf was shelled.", day, day, ras_lanuf, kind="fighting", lead=lead)

    page = client.get("/embed/timeline/").content.decode()
    [card] = page.split('<li class="nm-card')[1:]
    assert "2 reports</span>" in card and card.count("AFP") == 1
    [slide] = client.get("/api/timeline").json()["events"]
    assert "2 reports · " in slide["text"]["text"] and slide["text"]["text"].count("AFP") == 1
