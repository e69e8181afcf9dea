"""A photo's caption is shown as a caption on the embed's cards, the TimelineJS slides
and the article page, which also says how many reports tell each event."""

from __future__ import annotations

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from events.models import Article, Event

SEEDS = settings.BASE_DIR / "seeds"


@pytest.fixture
def seeded(db: None) -> None:
    call_command("ingest", str(SEEDS), stdout=StringIO(), stderr=StringIO())


def test_the_embed_marks_each_caption_and_nothing_else(client: Client, seeded: None) -> None:
    article = Event.objects.filter(is_caption=True).first().article
    page = client.get("/embed/timeline/", {"article": article.pk}).content.decode()
    cards = page.split('<li class="nm-card')[1:]
    marked = sum("Photo caption" in card for card in cards)
    assert marked == article.events.filter(is_caption=True).count() > 0


def test_a_caption_slide_says_it_is_one(client: Client, seeded: None) -> None:
    # An article's own timeline has every report, captions among them.
    caption = Event.objects.filter(is_caption=True).first()
    slides = client.get("/api/timeline", {"article": caption.article_id}).json()["events"]
    [slide] = [s for s in slides if s["unique_id"] == f"event-{caption.pk}"]
    assert slide["text"]["text"].startswith("<p><em>Photo caption</em></p>")


def test_the_article_page_marks_captions_and_counts_each_happenings_reports(
    client: Client, seeded: None
) -> None:
    article = Event.objects.filter(is_caption=True).first().article
    page = client.get(f"/articles/{article.pk}/").content.decode()
    assert "· photo caption" in page
    told = [e for e in article.events.all() if e.lead_id or e.reports.exists()]
    assert told and " reports</span>" in page
    other = Article.objects.exclude(pk=article.pk).get()
    assert " reports</span>" in client.get(f"/articles/{other.pk}/").content.decode()
