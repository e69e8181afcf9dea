"""An event's headline is its lead sentence's main clause in about 80 characters: only
trimmed (labels, datelines, attributions, asides, day names, trailing clauses), never
reworded."""

from __future__ import annotations

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from events.extraction.happenings import headline
from events.extraction.happenings.headline import LIMIT
from events.models import Event


def _is_trimmed_from(short: str, sentence: str) -> bool:
    """Every word of the headline is a word of the sentence, in the sentence's order."""
    words = iter(sentence.lower().replace("…", " ").split())
    for word in short.lower().rstrip("…").split():
        if not any(word.strip("\"'“”‘’.,;:") == w.strip("\"'“”‘’.,;:") for w in words):
            return False
    return True


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Battle: A rebel vehicle is hit by a shell.", "A rebel vehicle is hit by a shell"),
        ("TRIPOLI, March 10 (AFP) - Rebels held the square.", "Rebels held the square"),
        (
            "The minister said on Friday that the talks had collapsed in the night.",
            "The talks had collapsed in the night",
        ),
        ("On Thursday, rebels held the main square.", "Rebels held the main square"),
        (
            "Seif Gadhafi, son of the Libyan leader, vowed Thursday to retake the east.",
            "Seif Gadhafi vowed to retake the east",
        ),
        (
            "Nearly 250,000 people have fled the fighting, the U.N. refugee agency said.",
            "Nearly 250,000 people have fled the fighting",
        ),
    ],
)
def test_a_sentence_is_trimmed_to_its_main_clause(sentence: str, expected: str) -> None:
    assert headline(sentence) == expected


def test_a_long_main_clause_is_cut_at_a_word_and_says_so() -> None:
    sentence = (
        "The military forces of the government on Friday pounded the port city, the key"
        " oil terminal once held by the rebels, with shells and rockets all day long."
    )
    short = headline(sentence)
    assert short.startswith("The military forces of the government pounded the port city")
    assert short.endswith("…") and len(short) <= LIMIT + 1


def test_an_abbreviation_does_not_end_the_sentence() -> None:
    assert headline("The U.S. Treasury froze the assets. More followed.") == (
        "The U.S. Treasury froze the assets"
    )


@pytest.mark.django_db
def test_no_seed_headline_is_over_the_limit_and_each_is_trimmed_from_its_sentence() -> None:
    call_command("ingest", str(settings.BASE_DIR / "seeds"), stdout=StringIO(), stderr=StringIO())
    for text in Event.objects.values_list("text", flat=True):
        short = headline(text)
        assert 0 < len(short) <= LIMIT + 1, short
        assert _is_trimmed_from(short, text), (short, text)


@given(st.text(min_size=1, max_size=600))
def test_any_text_gets_a_headline_within_the_limit_made_of_its_own_words(text: str) -> None:
    short = headline(text)
    assert len(short) <= LIMIT + 1
    assert _is_trimmed_from(short, text)


def test_a_bracket_glued_to_the_next_word_is_not_cut_out_with_its_space() -> None:
    # Cut out, "Thailand" and "index" would run together as one word no sentence has.
    text = "The Stock Exchange of Thailand ( SET)index on Friday moved down 3.99 points."
    assert "Thailandindex" not in headline(text)
    assert _is_trimmed_from(headline(text), text)
