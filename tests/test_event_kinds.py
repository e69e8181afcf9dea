"""Each event's kind comes from declared cues: the seeds' twenty events get the kinds a
careful editor gave them (shared/seeds/happenings.json), and every kind has its cues."""

from __future__ import annotations

import json
import os
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from events.extraction.happenings import KINDS, classify
from events.extraction.happenings.lexicon import CUES
from events.models import Event

SHARED = Path(os.environ.get("NEWSMAP_SHARED_DIR", settings.BASE_DIR.parent / "shared"))
HAPPENINGS = SHARED / "seeds" / "happenings.json"


@pytest.mark.skipif(not HAPPENINGS.exists(), reason=f"{HAPPENINGS} is not here")
@pytest.mark.django_db
def test_each_seed_event_gets_the_kind_an_editor_gave_it() -> None:
    call_command("ingest", str(settings.BASE_DIR / "seeds"), stdout=StringIO(), stderr=StringIO())
    wrong = []
    expected = json.loads(HAPPENINGS.read_text())["kinds"]
    for spec in expected:
        event = Event.objects.get(
            article__origin__endswith=spec["article"], text__contains=spec["quote"]
        )
        got = classify(event.text)
        if got.name != spec["kind"]:
            wrong.append((spec["quote"], spec["kind"], got))
    assert not wrong, wrong
    assert len(expected) == 20


def test_every_kind_but_other_has_cues() -> None:
    assert set(CUES) == set(KINDS) - {"other"}


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Police arrested three men suspected of smuggling cigarettes.", "crime"),
        ("An earthquake of magnitude 6.1 struck the coast overnight.", "disaster"),
        ("Shares fell 3 percent as oil prices rose on the markets.", "economy"),
        ("Voters went to the polls in the first free election in decades.", "politics"),
        ("Thousands of demonstrators marched through the capital.", "protest"),
        ("The ministers met in Geneva for a second round of talks.", "diplomacy"),
        ("The union froze the assets of twelve officials.", "sanctions"),
        ("Aid agencies said 40,000 refugees had fled across the border.", "humanitarian"),
        ("Troops shelled the town as rebels retreated.", "fighting"),
        ("The president vowed to punish those responsible.", "statement"),
        ("The festival opens on Saturday.", "other"),
    ],
)
def test_a_sentence_of_each_kind_is_told_apart(sentence: str, kind: str) -> None:
    assert classify(sentence).name == kind


def test_the_main_clause_outweighs_a_participle_after_it() -> None:
    sentence = "Government forces pounded the port on Friday, vowing to retake every town."
    assert classify(sentence).name == "fighting"
    assert classify("The minister vowed to retake every town.").name == "statement"


def test_the_cues_that_decided_are_returned_with_the_kind() -> None:
    kind = classify("Germany froze billions in assets and tightened sanctions.")
    assert kind.name == "sanctions"
    assert {cue.lower() for cue in kind.cues} == {"froze", "assets", "sanctions"}
