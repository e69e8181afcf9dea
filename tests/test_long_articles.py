"""A very long text is annotated in paragraph-aligned pieces, its offsets counted from
the start of the whole text; ordinary articles are annotated whole, as before."""

from __future__ import annotations

import random
from datetime import date

import pytest

from events import pipeline
from events.pipeline import Pipeline, _ByStart, chunks
from events.sentences import Sentence
from events.toponyms import Overrides

DAY = date(2011, 3, 10)
PARAGRAPHS = [
    "Rebels shelled Benghazi on Friday, witnesses said.",
    "On March 3 the army left Tripoli for Misrata.",
    "Talks in Cairo failed last week.",
    "Aid reached the port of Tobruk yesterday.",
]


@pytest.fixture(scope="module")
def annotator() -> Pipeline:
    return Pipeline()


def _long_text(paragraphs: int) -> str:
    return "\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(paragraphs))


def test_pieces_cover_the_text_end_to_end_and_end_at_line_ends() -> None:
    text = _long_text(400)
    pieces = list(chunks(text, 1000))
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    assert all(0 < end - start <= 1000 for start, end in pieces)
    assert all(text[end - 1] == "\n" for _, end in pieces[:-1])


def test_a_paragraph_longer_than_a_piece_is_cut_after_a_full_stop_or_else_a_space() -> None:
    sentences = "Rebels advanced. " * 100
    assert all(sentences[end - 2 : end] == ". " for _, end in list(chunks(sentences, 300))[:-1])
    words = "word " * 300
    assert all(words[end - 1] == " " for _, end in list(chunks(words, 300))[:-1])
    letters = "x" * 1000
    assert list(chunks(letters, 300)) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_a_text_within_one_piece_is_annotated_whole(annotator: Pipeline) -> None:
    text = _long_text(8)
    assert len(text) <= pipeline.CHUNK_CHARS
    assert annotator.annotate(text, DAY) == annotator._annotate(text, DAY, Overrides())


def test_every_offset_of_a_long_text_points_at_what_was_found(
    annotator: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 500)
    text = _long_text(60)
    annotation = annotator.annotate(text, DAY)
    assert {t.text for t in annotation.toponyms} >= {"Benghazi", "Tripoli", "Cairo"}
    assert max(t.start for t in annotation.toponyms) > 2500  # from the last pieces too
    for spans in (annotation.sentences, annotation.toponyms, annotation.timexes):
        assert all(text[s.start : s.end] == s.text for s in spans)
    assert all(text[e.start : e.end] == e.text for e in annotation.events)
    # Each piece found what the same paragraphs give when annotated alone.
    alone = annotator.annotate("\n".join(PARAGRAPHS), DAY)
    assert len(annotation.toponyms) == len(alone.toponyms) * 15


def test_an_editors_not_here_span_in_a_later_piece_still_applies(
    annotator: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 500)
    text = _long_text(60)
    last = text.rindex("Benghazi")
    span = (last, last + len("Benghazi"))
    found = annotator.annotate(text, DAY, Overrides(not_here=frozenset({span})))
    starts = {t.start for t in found.toponyms}
    assert last not in starts
    assert text.index("Benghazi") in starts


def test_spans_by_start_give_what_a_scan_of_all_of_them_gives() -> None:
    chance = random.Random(16)
    spans = []
    for _ in range(300):
        start = chance.randrange(1000)
        spans.append(Sentence(start, start + chance.randrange(1, 30), "", False))
    index = _ByStart(spans)
    for _ in range(300):
        start = chance.randrange(1000)
        end = start + chance.randrange(0, 60)
        assert index.starting_in(start, end) == [s for s in spans if start <= s.start < end]
        assert index.overlaps(start, end) == any(s.start < end and start < s.end for s in spans)
