"""Texts annotated in worker processes come back as this process annotates them,
with the editors' aliases and an article's own choices applied there too."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from events.gazetteer import Entry, normalize
from events.parallel import AnnotatorPool
from events.pipeline import Annotation, Pipeline
from events.toponyms import Overrides

TEXTS = [
    "Rebels retreated from Benghazi on Friday as the army shelled the city.",
    "Talks in Brussels on Tuesday ended without a deal, officials in Paris said.",
    "Floods in Dhaka last week left thousands homeless, the Red Cross said.",
]
PUBLISHED = date(2011, 3, 10)


def _written(annotation: Annotation) -> Annotation:
    """What the store writes of an annotation: the workers send back only that."""
    return replace(annotation, sentences=[], timexes=[], other_toponyms=[])


def test_worker_processes_annotate_as_this_process_does() -> None:
    pipeline = Pipeline()
    with AnnotatorPool(2, Overrides()) as pool:
        futures = [pool.submit(text, PUBLISHED, None) for text in TEXTS]
        annotations = [future.result(timeout=60) for future in futures]
    assert annotations == [_written(pipeline.annotate(text, PUBLISHED)) for text in TEXTS]
    assert all(annotation.events for annotation in annotations)


def test_editors_aliases_and_an_articles_own_overrides_reach_the_workers() -> None:
    # A name no gazetteer knows, which an editor made a place of (events.editors).
    qarnuk = Entry("place:7", "Qarnuk", "city", "LY", 32.1, 20.1, 0, None, "")
    aliased = Overrides(aliases={normalize("Qarnuk"): qarnuk})
    text = "Rebels retreated from Qarnuk on Friday as the army shelled the town."
    with AnnotatorPool(1, aliased) as pool:
        global_only = pool.submit(text, PUBLISHED, None).result(timeout=60)
        own = pool.submit(text, PUBLISHED, Overrides()).result(timeout=60)
    assert [t.entry for t in global_only.toponyms] == [qarnuk]
    # An article's own overrides are sent whole, in place of the global ones.
    assert [t.entry for t in own.toponyms] == []
