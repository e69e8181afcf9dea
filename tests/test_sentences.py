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


def test_a_long_paragraph_behind_a_label_is_split_like_any_other() -> None:
    line = (
        "HISTORY: The British established a protectorate on Zanzibar in 1890 and the Germans "
        "took control of the mainland in 1891. German East Africa became British territory in "
        "1920 and took the name Tanganyika. This became independent in 1961, under the "
        "Commonwealth, with Julius Nyerere as prime minister. Zanzibar became independent in "
        "1963 and merged with Tanganyika the next year to form the United Republic of Tanzania."
    )
    sentences = split_sentences(line)
    assert len(sentences) == 4
    assert not any(sentence.is_caption for sentence in sentences)
