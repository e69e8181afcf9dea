"""A source's home place is evidence, as it is to a reader of a local paper: 'Paris' in a
Paris, Texas paper is that Paris, 'London' in an Ontario paper the Ontario city, unless
the story says otherwise; sources without one read as before."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from events.models import Feed, Mention
from events.pipeline import Pipeline
from events.toponyms import Overrides
from tests.test_ingest_feeds import ingest
from tests.test_poll_feeds import poll
from tests.web_news import Item, article_page, rss20
from tests.web_server import LocalWeb

COUNCIL = "The Paris city council voted on Tuesday to repave Main Street, the mayor said."
ROBBERY = "Police in London said on Monday that two men had been arrested after a robbery."
MACRON = "President Emmanuel Macron spoke in Paris on Tuesday as France marked the day."


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def places(pipeline: Pipeline, text: str, home: str = "") -> dict[str, tuple[str, str]]:
    overrides = Overrides(home=pipeline.home_places(home)) if home else Overrides()
    annotation = pipeline.annotate(text, date(2024, 3, 5), overrides)
    return {t.text: (t.entry.country_code, t.entry.admin1) for t in annotation.toponyms}


def test_paris_in_a_paris_texas_paper_is_paris_texas(pipeline: Pipeline) -> None:
    assert places(pipeline, COUNCIL, "Paris, Texas")["Paris"] == ("US", "US.TX")
    assert places(pipeline, COUNCIL, "Texas")["Paris"] == ("US", "US.TX")


def test_london_in_an_ontario_paper_is_london_ontario(pipeline: Pipeline) -> None:
    assert places(pipeline, ROBBERY, "London, Ontario")["London"] == ("CA", "CA.08")
    assert places(pipeline, ROBBERY, "Ontario")["London"] == ("CA", "CA.08")


def test_without_a_home_place_the_names_mean_what_they_did(pipeline: Pipeline) -> None:
    assert places(pipeline, COUNCIL)["Paris"][0] == "FR"
    assert places(pipeline, ROBBERY)["London"][0] == "GB"


def test_a_story_that_says_france_keeps_paris_in_france(pipeline: Pipeline) -> None:
    assert places(pipeline, MACRON, "Paris, Texas")["Paris"][0] == "FR"


def test_a_home_place_names_the_town_and_its_state(pipeline: Pipeline) -> None:
    names = [(e.name, e.kind, e.country_code) for e in pipeline.home_places("Paris, Texas")]
    assert names == [("Paris", "city", "US"), ("Texas", "region", "US")]
    assert pipeline.home_places("Nowhere-on-Sea Upon Nothing") == ()


@pytest.mark.django_db
def test_a_feeds_home_place_reaches_its_articles(web: LocalWeb) -> None:
    web.page(
        "/council.html",
        article_page("Council votes", [COUNCIL, COUNCIL.replace("Tuesday", "Friday")]),
    )
    url = web.page("/local.xml", rss20([Item("Council", web.url + "/council.html")]))
    Feed.objects.create(name="Paris News", url=url, home_place="Paris, Texas")
    out, err, status = poll()
    assert (err, status) == ("", 0)
    mention = Mention.objects.filter(surface="Paris").first()
    assert (mention.place.country_code, mention.place.name) == ("US", "Paris")


@pytest.mark.django_db
def test_a_home_place_the_gazetteer_lacks_is_said_and_the_feed_still_read(web: LocalWeb) -> None:
    web.page("/council.html", article_page("Council votes", [COUNCIL, COUNCIL]))
    url = web.page("/local.xml", rss20([Item("Council", web.url + "/council.html")]))
    Feed.objects.create(name="Local", url=url, home_place="Nowhere-on-Sea Upon Nothing")
    out, err, status = poll()
    assert err.splitlines()[0] == (
        f"{url}: the home place 'Nowhere-on-Sea Upon Nothing' is not in the gazetteer: "
        "read without it"
    )
    assert out.startswith("Local: 1 new")


@pytest.mark.django_db
def test_ingest_takes_a_home_place_for_its_sources(tmp_path: Path) -> None:
    path = tmp_path / "local.jsonl"
    path.write_text(json.dumps({"id": "1", "text": ROBBERY, "published": "2024-03-04"}) + "\n")
    out, err = ingest(str(path), "--home-place", "London, Ontario")
    assert err == ""
    assert Mention.objects.get(surface="London").place.country_code == "CA"


@pytest.mark.django_db
def test_ingest_refuses_a_home_place_the_gazetteer_lacks(tmp_path: Path) -> None:
    path = tmp_path / "local.jsonl"
    path.write_text(json.dumps({"id": "1", "text": ROBBERY, "published": "2024-03-04"}) + "\n")
    out, err = ingest(str(path), "--home-place", "Atlantis")
    assert err.splitlines()[0] == "--home-place 'Atlantis': the gazetteer knows no such place"
    assert not Mention.objects.exists()
