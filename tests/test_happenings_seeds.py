"""On the seeds, reports of one happening are one event and look-alikes stay apart
(../shared/seeds/happenings.json: what a careful editor expects)."""

from __future__ import annotations

import json
import os
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command

from events.models import Event

SEEDS = settings.BASE_DIR / "seeds"
SHARED = Path(os.environ.get("NEWSMAP_SHARED_DIR", settings.BASE_DIR.parent / "shared"))
HAPPENINGS_FILE = SHARED / "seeds" / "happenings.json"

if not HAPPENINGS_FILE.exists():
    pytest.skip(f"{HAPPENINGS_FILE} is not here", allow_module_level=True)

HAPPENINGS: dict[str, Any] = json.loads(HAPPENINGS_FILE.read_text())


@pytest.fixture
def seeded(db: None) -> None:
    call_command("ingest", str(SEEDS), stdout=StringIO(), stderr=StringIO())


def _report(spec: dict[str, str]) -> Event:
    return Event.objects.get(
        article__origin__endswith=spec["article"], text__contains=spec["quote"]
    )


def _happening(event: Event) -> int:
    return event.lead_id or event.pk


@pytest.mark.parametrize("group", HAPPENINGS["same_happening"], ids=lambda g: g["why"][:50])
def test_reports_of_one_happening_are_one_event(seeded: None, group: dict[str, Any]) -> None:
    reports = [_report(spec) for spec in group["reports"]]
    assert len({_happening(report) for report in reports}) == 1, group["why"]


@pytest.mark.parametrize("pair", HAPPENINGS["different_happenings"], ids=lambda g: g["why"][:50])
def test_look_alikes_stay_two_events(seeded: None, pair: dict[str, Any]) -> None:
    reports = [_report(spec) for spec in pair["reports"]]
    assert len({_happening(report) for report in reports}) == len(reports), pair["why"]


def test_a_happening_told_by_both_articles_lists_both_sources(seeded: None) -> None:
    [group] = [
        g for g in HAPPENINGS["same_happening"] if len({r["article"] for r in g["reports"]}) > 1
    ]
    lead = Event.objects.get(pk=_happening(_report(group["reports"][0])))
    told_by = {lead.article_id} | set(lead.reports.values_list("article_id", flat=True))
    assert len(told_by) == 2


def test_a_lead_never_points_on_to_another_lead(seeded: None) -> None:
    assert not Event.objects.filter(lead__lead__isnull=False).exists()
    assert Event.objects.filter(lead__isnull=False).exists()


def test_ingesting_the_seeds_again_keeps_every_happening(seeded: None) -> None:
    before = sorted(Event.objects.values_list("pk", "lead_id"))
    call_command("ingest", str(SEEDS), stdout=StringIO(), stderr=StringIO())
    assert sorted(Event.objects.values_list("pk", "lead_id")) == before
