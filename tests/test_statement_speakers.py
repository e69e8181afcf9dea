"""A statement names its speaker where the sentence does: in the API, the embed, the
timelines and the article page; a pronoun names nobody."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from events.extraction.happenings import speaker
from tests.event_support import make_article, make_event

SAID = [
    ('"We will retake the east," Saif al-Islam Gadhafi said on Thursday.', "Saif al-Islam Gadhafi"),
    ('"It is a fine win," said Australian coach Barry Dancer.', "Australian coach Barry Dancer"),
    ("Larijani said that he expected a favourable outcome.", "Larijani"),
    ("The State Department said Tuesday it would hold talks soon.", "the State Department"),
    (
        "Deputy Foreign Minister Khaled Kaim, for instance, said Friday that ties were cut.",
        "Deputy Foreign Minister Khaled Kaim",
    ),
    ("Seventeen people were arrested in Sydney, police said.", "police"),
    (
        "The haul was seized, according to the official IRNA news agency.",
        "the official IRNA news agency",
    ),
    (
        'A Premier League spokesman said: "We have received assurances."',
        "a Premier League spokesman",
    ),
]
NOBODY = [
    '"This was a cowardly attack on innocent people," he said in a statement.',
    '"Four soldiers were killed," said the statement.',
    "Rebels shelled Benghazi on Friday.",
]


@pytest.mark.parametrize(("sentence", "who"), SAID)
def test_the_speaker_is_found_where_the_sentence_names_one(sentence: str, who: str) -> None:
    assert speaker(sentence) == who


@pytest.mark.parametrize("sentence", NOBODY)
def test_a_pronoun_a_document_or_no_saying_names_nobody(sentence: str) -> None:
    assert speaker(sentence) == ""


@pytest.mark.django_db
def test_a_statements_speaker_reaches_the_api_embed_timeline_and_article_page(
    client: Client,
) -> None:
    day = date(2011, 3, 10)
    article = make_article("Gadhafi's son vows", day)
    text = '"We will retake the east," Saif al-Islam Gadhafi said on Thursday.'
    event = make_event(article, text, day, day, kind="statement", speaker=speaker(text))

    feature = client.get(f"/api/events/{event.pk}").json()["properties"]
    assert feature["speaker"] == "Saif al-Islam Gadhafi"
    assert client.get("/api/events/compact").json()["events"]["speaker"] == [
        "Saif al-Islam Gadhafi"
    ]
    assert "Statement · Saif al-Islam Gadhafi" in client.get("/embed/timeline/").content.decode()
    [slide] = client.get("/api/timeline").json()["events"]
    assert "<p>Said by Saif al-Islam Gadhafi</p>" in slide["text"]["text"]
    page = client.get(f"/articles/{article.pk}/").content.decode()
    assert "said by Saif al-Islam Gadhafi" in page


def test_a_speakers_role_may_have_a_plain_word_before_it() -> None:
    said = '"It revolves around one point," said Chinese foreign minister Qian Qichen in Beijing.'
    assert speaker(said) == "Chinese foreign minister Qian Qichen"
