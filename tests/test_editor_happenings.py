"""Editors join and split happenings from the Events list; the choice outlives re-ingests."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from events.editors import make_editor
from events.models import Event, HappeningChoice
from tests.seed_copies import CNN, copy_seed, ingest

POUNDED = "on Friday pounded Ras Lanuf"
BOMBARDMENT = "cranked up an intense and steady bombardment"
EVACUATED = "The rebels evacuated to a checkpoint"


@pytest.fixture
def article(db: None, tmp_path: Path) -> Path:
    path = copy_seed(CNN, tmp_path)
    ingest(path)
    return path


@pytest.fixture
def client(db: None) -> Client:
    user = User.objects.create_user("erin", password="pw-for-tests-only")
    make_editor(user)
    client = Client()
    client.force_login(user)
    return client


def _event(quote: str) -> Event:
    return Event.objects.get(text__contains=quote)


def _happening(quote: str) -> int:
    event = _event(quote)
    return event.lead_id or event.pk


def _act(client: Client, action: str, *quotes: str) -> str:
    ids = [str(_event(quote).pk) for quote in quotes]
    response = client.post(
        "/admin/events/event/", {"action": action, "_selected_action": ids}, follow=True
    )
    assert response.status_code == 200
    return response.content.decode()


def test_a_split_report_leads_a_happening_of_its_own_and_stays_so_after_a_reingest(
    client: Client, article: Path
) -> None:
    assert _happening(BOMBARDMENT) == _happening(POUNDED)
    page = _act(client, "split_happening", BOMBARDMENT)
    assert "Split 1 event off their happenings" in page
    assert _event(BOMBARDMENT).lead_id is None
    assert not Event.objects.filter(lead=_event(BOMBARDMENT)).exists()

    # An edit elsewhere in the article: its events keep their ids, and the split holds.
    article.write_text(article.read_text() + "\nA later paragraph about the weather.\n")
    ingest(article)
    assert _happening(BOMBARDMENT) != _happening(POUNDED)


def test_joined_reports_are_one_happening_until_the_choice_is_undone(
    client: Client, article: Path
) -> None:
    _act(client, "split_happening", EVACUATED)
    assert _happening(EVACUATED) != _happening(POUNDED)
    page = _act(client, "join_happening", EVACUATED, POUNDED)
    assert "Joined 2 events as one happening" in page
    assert _happening(EVACUATED) == _happening(POUNDED)
    # The join replaced the split between these two; undone in its admin, evidence rules again.
    choice = HappeningChoice.objects.get(same=True)
    client.post(f"/admin/events/happeningchoice/{choice.pk}/delete/", {"post": "yes"})
    assert not HappeningChoice.objects.filter(pk=choice.pk).exists()


def test_events_of_two_days_cannot_be_joined_and_the_editor_is_told_why(
    client: Client, article: Path
) -> None:
    page = _act(client, "join_happening", POUNDED, "On Thursday, state media said")
    assert "Only events of one and the same day can be one happening." in page
    assert not HappeningChoice.objects.exists()


def test_an_events_page_names_its_happening(client: Client, article: Path) -> None:
    lead = Event.objects.get(pk=_happening(POUNDED))
    page = client.get(f"/admin/events/event/{lead.pk}/change/").content.decode()
    assert "leads" in page and "other report" in page
    report = lead.reports.first()
    page = client.get(f"/admin/events/event/{report.pk}/change/").content.decode()
    assert (
        f'a report of <a href="/admin/events/event/{lead.pk}/change/">event {lead.pk}</a>' in page
    )
    listed = client.get("/admin/events/event/", {"lead": lead.pk}).content.decode()
    assert str(report.text[:40]) in listed
