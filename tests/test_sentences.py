"""Sentences keep their offsets; captions are recognised by their label."""

from __future__ import annotations

from events.sentences import split_sentences


def test_offsets_point_into_the_original_text() -> None:
    text = "  First one. Second one!\n\nThird, on a new line?\n"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["First one.", "Second one!", "Third, on a new line?"]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = "U.S. President Barack Obama spoke. Mr. Khatib left for the U.N. headquarters."
    assert len(split_sentences(text)) == 2


def test_a_labelled_line_is_a_photo_caption() -> None:
    text = "Battle: A rebel vehicle is hit by a shell.\nHe said: we will win."
    first, second = split_sentences(text)
    assert first.is_caption
    assert not second.is_caption
