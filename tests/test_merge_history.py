"""A merge is in the kept place's history, and its message tells same-named places apart."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from events.models import Article, Mention, Place

pytestmark = pytest.mark.django_db


def _khartoum() -> Place:
    return Place.objects.create(name="Khartoum", kind="city", country_code="SD", lat=15.6, lon=32.5)


def _merge(client: Client, keep: Place, other: Place) -> str:
    response = client.post(
        "/admin/events/place/",
        {
            "action": "merge_places",
            "_selected_action": [keep.pk, other.pk],
            "confirm": "yes",
            "target": keep.pk,
        },
        follow=True,
    )
    assert response.status_code == 200
    [message] = [str(m) for m in response.context["messages"]]
    return message


def test_the_merge_message_names_both_places_by_id_and_counts_in_the_singular() -> None:
    root = User.objects.create_superuser("root", password="a-long-admin-passphrase")
    client = Client()
    client.force_login(root)
    keep, other = _khartoum(), _khartoum()
    article = Article.objects.create(
        title="Sudan", published=date(2011, 3, 10), text="In Khartoum.", content_hash="sd"
    )
    Mention.objects.create(article=article, place=other, surface="Khartoum", start=3, end=11)
    message = _merge(client, keep, other)
    assert message == (
        f"Merged Khartoum (SD) #{other.pk} into Khartoum (SD) #{keep.pk}: "
        "1 mention and 0 events moved, 0 aliases added."
    )


def test_the_kept_place_records_the_merge_in_its_history_with_the_editor() -> None:
    root = User.objects.create_superuser("root", password="a-long-admin-passphrase")
    client = Client()
    client.force_login(root)
    keep, other = _khartoum(), _khartoum()
    before = keep.history.count()
    _merge(client, keep, other)
    latest = keep.history.latest()
    assert keep.history.count() == before + 1
    assert latest.history_user == root
    assert latest.history_change_reason == f"merged Khartoum (SD) #{other.pk} into this place"
