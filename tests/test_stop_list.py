"""Names editors mark 'not a place here' or 'never a place' go now and stay away."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from events.editors import mark_not_a_place
from events.models import Article, Mention, StopName

TEXT_ONE = "Shells fell on Zawiya on Thursday. Rebels held Benghazi as Zawiya fell."
TEXT_TWO = "Zawiya was quiet on Friday."


def _ingest(path: Path) -> None:
    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())


def _write(path: Path, text: str) -> Path:
    path.write_text(json.dumps({"id": path.stem, "text": text, "published": "2011-03-11"}))
    return path


@pytest.fixture
def two_articles(db: None, tmp_path: Path) -> tuple[Path, Path]:
    one, two = _write(tmp_path / "one.json", TEXT_ONE), _write(tmp_path / "two.json", TEXT_TWO)
    _ingest(one)
    _ingest(two)
    assert Mention.objects.filter(surface="Zawiya").count() == 3
    return one, two


def _article(path: Path) -> Article:
    return Article.objects.get(origin__contains=path.name)


def test_not_a_place_here_removes_the_name_from_that_article_now(
    two_articles: tuple[Path, Path],
) -> None:
    one, two = two_articles
    mention = Mention.objects.filter(article=_article(one), surface="Zawiya").first()
    assert mention is not None
    assert mark_not_a_place(mention, StopName.Scope.NOT_HERE) == 2
    assert not Mention.objects.filter(article=_article(one), surface="Zawiya").exists()
    assert Mention.objects.filter(article=_article(two), surface="Zawiya").count() == 1
    # Its events no longer put the article's Zawiya sentences on the map.
    assert not _article(one).events.filter(places__name="Zawiya").exists()
    assert _article(one).events.filter(places__name="Benghazi").exists()


def test_not_a_place_here_stays_away_when_the_changed_article_is_re_ingested(
    two_articles: tuple[Path, Path],
) -> None:
    one, _ = two_articles
    mention = Mention.objects.filter(article=_article(one), surface="Zawiya").first()
    assert mention is not None
    mark_not_a_place(mention, StopName.Scope.NOT_HERE)
    _ingest(_write(one, "Late news. " + TEXT_ONE))  # offsets shift: the name still matches

    assert not Mention.objects.filter(article=_article(one), surface="Zawiya").exists()
    assert Mention.objects.filter(article=_article(one), surface="Benghazi").exists()


def test_never_a_place_removes_the_name_everywhere_and_from_later_ingests(
    two_articles: tuple[Path, Path], tmp_path: Path
) -> None:
    mention = Mention.objects.filter(surface="Zawiya").first()
    assert mention is not None
    assert mark_not_a_place(mention, StopName.Scope.NEVER) == 3
    assert not Mention.objects.filter(surface="Zawiya").exists()

    _ingest(_write(tmp_path / "three.json", "Fighting near Zawiya on Saturday."))
    assert not Mention.objects.filter(surface="Zawiya").exists()
    assert StopName.objects.get(scope=StopName.Scope.NEVER).normalized == "zawiya"


def test_an_editor_marks_a_mention_from_its_admin_form(two_articles: tuple[Path, Path]) -> None:
    one, _ = two_articles
    editor = User.objects.create_superuser("ed", password="pw-for-tests-only")
    client = Client()
    client.force_login(editor)
    mention = Mention.objects.filter(article=_article(one), surface="Zawiya").first()
    assert mention is not None

    response = client.post(
        f"/admin/events/mention/{mention.pk}/change/",
        {"place": mention.place_id, "not_a_place": StopName.Scope.NOT_HERE},
    )

    assert response.status_code == 302
    assert not Mention.objects.filter(article=_article(one), surface="Zawiya").exists()
    assert StopName.objects.get().created_by == editor


def test_the_mention_list_actions_put_names_on_the_stop_list(
    two_articles: tuple[Path, Path],
) -> None:
    editor = User.objects.create_superuser("ed", password="pw-for-tests-only")
    client = Client()
    client.force_login(editor)
    benghazi = Mention.objects.get(surface="Benghazi")

    response = client.post(
        "/admin/events/mention/", {"action": "never_a_place", "_selected_action": [benghazi.pk]}
    )

    assert response.status_code == 302
    assert not Mention.objects.filter(surface="Benghazi").exists()
    assert StopName.objects.filter(normalized="benghazi", scope="never").exists()
